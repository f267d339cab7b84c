package gpu

import "github.com/nncourse/optimizers/optim"

// adadeltaKernel is Adadelta's update, the same in both forms, ε inside
// both roots as Zeiler has it. c is 1−ρ, rounded on the host; the ratio
// of the roots is taken as one root of the ratio, as optim's float32 loop
// takes it.
const adadeltaKernel = `
	s = rho*s + c*g*g                     // E[g²] ← ρ·E[g²] + (1−ρ)·g²
	dw := sqrt((d + eps) / (s + eps)) * g // Δw = √(E[Δw²] + ε) / √(E[g²] + ε) · g
	d = rho*d + c*dw*dw                   // E[Δw²] ← ρ·E[Δw²] + (1−ρ)·Δw²
	w = w - lr*dw                         // w ← w − η·Δw`

// adadeltaRule is Adadelta, its averages E[g²] (s) and E[Δw²] (d) on the
// device.
func adadeltaRule(o *optim.Adadelta[float32]) updateRule {
	return updateRule{name: "adadelta", source: adadeltaKernel, params: "w", state: []string{"s", "d"},
		scalars: []string{"rho", "c", "eps", "lr"},
		values: func(dst []float32, _ int) ([]float32, error) {
			return append(dst, float32(o.Rho), float32(1-o.Rho), float32(o.Eps), float32(o.LR)), nil
		}}
}
