package gpu

import (
	"strings"

	"github.com/nncourse/optimizers/optim"
)

// Rprop's update is put together from the pieces below: U₀ and the signs, then
// the lecture's order (move, then adapt U) or PyTorch's (adapt U, then
// move), with the move of the variant, then the stored sign. SGN is kept
// as a float −1, 0 or +1 per parameter (optim packs it in two bits).
const (
	rpropSigns = `
		if first > 0 {
			u = u0 // U₀, every parameter's first step size
		}
		if signfirst > 0 {
			sgn = sign(g) // FirstSignGradient: SGN₀ = sign(g₁), the first step counts as a repeat
		}
		s := sign(g)
		p := s * sgn // sign(g)·SGN: > 0 for the same sign, < 0 for a change`
	rpropAdapt = `
		if p > 0 {
			u = u * up // U ← U·η⁺ if sign(g) = SGN
		} else if p < 0 {
			u = u * down // U ← U·η⁻ if sign(g) ≠ SGN
		}
		u = min(max(u, umin), umax) // U ← clamp(U, U_min, U_max)`
	rpropMinusMove = `
		w = w - u*s // w ← w − U·sign(g)`
	irpropMinusMove = `
		if p < 0 {
			s = 0 // a sign change: no move, and SGN ← 0
		} else {
			w = w - u*s // w ← w − U·sign(g)
		}`
	rpropPlusMove = `
		if p < 0 {
			w = w - dw // a sign change: w ← w − Δw, back to the previous position
			dw = 0     // Δw ← 0
			s = 0      // SGN ← 0
		} else {
			dw = -u * s // Δw ← −U·sign(g)
			w = w + dw  // w ← w + Δw
		}`
	rpropStore = `
		sgn = s // SGN ← sign(g)`
)

// rpropRule is Rprop in o's form and variant, U and SGN (and Δw for
// RpropPlus) on the device.
func rpropRule(o *optim.Rprop[float32]) updateRule {
	form, variant := o.Form, rpropVariant(o)
	rule := updateRule{params: "w", state: []string{"u", "sgn"},
		scalars: []string{"u0", "up", "down", "umin", "umax", "first", "signfirst"}}
	move := rpropMinusMove
	switch variant {
	case optim.IRpropMinus:
		move = irpropMinusMove
	case optim.RpropPlus:
		move = rpropPlusMove
		rule.state = append(rule.state, "dw")
	}
	if form == optim.PyTorch {
		rule.source = rpropSigns + rpropAdapt + move + rpropStore
	} else {
		rule.source = rpropSigns + move + rpropAdapt + rpropStore
	}
	rule.name = "rprop_" + strings.ToLower(form.String()+"_"+variant.String())
	rule.values = func(dst []float32, t int) ([]float32, error) {
		if err := sameForm(o.Name(), form, o.Form); err != nil {
			return nil, err
		}
		if now := rpropVariant(o); now != variant {
			return nil, changed(o.Name(), "Variant", variant, now)
		}
		return append(dst, float32(o.Initial), float32(o.EtaPlus), float32(o.EtaMinus),
			float32(o.MinStep), float32(o.MaxStep),
			boolValue(t == 1), boolValue(t == 1 && o.FirstSign == optim.FirstSignGradient)), nil
	}
	return rule
}

// rpropVariant resolves RpropDefault to the form's own variant: RpropMinus
// in the lecture's form, IRpropMinus in PyTorch's.
func rpropVariant(o *optim.Rprop[float32]) optim.RpropVariant {
	switch {
	case o.Variant != optim.RpropDefault:
		return o.Variant
	case o.Form == optim.PyTorch:
		return optim.IRpropMinus
	}
	return optim.RpropMinus
}
