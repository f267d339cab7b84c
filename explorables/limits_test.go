package explorables

import (
	"math"
	"testing"

	"github.com/nncourse/optimizers/datasets"
	"github.com/nncourse/optimizers/optim"
)

// TestStabilityLimits runs each method on ½(x² + 20·y²) just below and just
// above its limit: below, the loss must have fallen after 3000 steps; above,
// the run must diverge.
func TestStabilityLimits(t *testing.T) {
	const lambda = 20
	bowl, start := datasets.Quadratic(lambda), [2]float64{-1.8, 1.2}
	methods := []struct {
		name  string
		limit func(mu float64) float64
		opt   func(eta, mu float64) optim.Optimizer[float64]
	}{
		{"SGD", func(float64) float64 { return SGDLimit(lambda) }, func(eta, _ float64) optim.Optimizer[float64] {
			o := optim.NewSGD[float64]()
			o.LR = eta
			return o
		}},
		{"Momentum", func(mu float64) float64 { return MomentumLimit(lambda, mu) }, func(eta, mu float64) optim.Optimizer[float64] {
			o := optim.NewMomentum[float64]()
			o.LR, o.Mu = eta, mu
			return o
		}},
		{"Nesterov", func(mu float64) float64 { return NesterovLimit(lambda, mu) }, func(eta, mu float64) optim.Optimizer[float64] {
			o := optim.NewNesterov[float64]()
			o.LR, o.Mu = eta, mu
			return o
		}},
	}
	for i, m := range methods {
		for _, mu := range []float64{0, 0.5, 0.9} {
			limit := m.limit(mu)
			for _, c := range []struct {
				factor  float64
				diverge bool
			}{{0.98, false}, {1.02, true}} {
				p := Descend(m.name, m.opt(c.factor*limit, mu), bowl, start, 3000)
				last := p.Loss[len(p.Loss)-1]
				diverged := p.Diverged || last > p.Loss[0]
				if diverged != c.diverge || (!c.diverge && !(last < p.Loss[0]/10)) {
					t.Errorf("%d %s μ=%g η=%g×limit (%g): diverged %v, final loss %g (start %g); want diverged %v",
						i, m.name, mu, c.factor, limit, diverged, last, p.Loss[0], c.diverge)
				}
			}
		}
	}
}

// TestRates checks the predicted convergence factor against runs on
// ½(x² + 20·y²): the loss falls like ρ²ᵗ, so (f_t/f_t₀)^(1/(2(t−t₀)))
// measured over the last 1000 of 2000 steps must be ρ within 1%.
func TestRates(t *testing.T) {
	bowl, start := datasets.Quadratic(20), [2]float64{-1.8, 1.2}
	for i, c := range []struct{ eta, mu float64 }{{0.04, 0.9}, {0.01, 0.5}, {0.08, 0.3}, {0.02, 0.95}} {
		mom, nag := optim.NewMomentum[float64](), optim.NewNesterov[float64]()
		mom.LR, mom.Mu, nag.LR, nag.Mu = c.eta, c.mu, c.eta, c.mu
		for _, m := range []struct {
			opt  optim.Optimizer[float64]
			want float64
		}{{mom, MomentumRate(c.eta, c.mu, 1, 20)}, {nag, NesterovRate(c.eta, c.mu, 1, 20)}} {
			p := Descend(m.opt.Name(), m.opt, bowl, start, 2000)
			got := math.Pow(p.Loss[2000]/p.Loss[1000], 1.0/2000)
			if math.Abs(got-m.want) > 0.01*m.want {
				t.Errorf("%d %s η=%g μ=%g: measured ρ = %.5f, predicted %.5f", i, m.opt.Name(), c.eta, c.mu, got, m.want)
			}
		}
	}
}
