package explorables

import (
	"fmt"
	"math"

	"github.com/nncourse/optimizers/datasets"
	"github.com/nncourse/optimizers/optim"
)

// all are the explorables of the lessons, one or more per lesson, with the
// surfaces, starts and values the notebooks use.
var all = []*Explorable{
	momentumExplorable(), rpropExplorable(), adagradExplorable(),
	rmspropExplorable(), adamExplorable(), adadeltaExplorable(),
}

// bowl20 is the ½(x² + 20·y²) of notebooks 03 and 07: its largest
// curvature is 20.
const bowl20 = 20.0

// eps is the ε slider shared by the adaptive methods: 10⁻¹⁰ … 10⁻¹.
func eps(def float64) Knob {
	return Knob{Key: "eps", Label: "ε", Min: -10, Max: -1, Step: 1, Default: def, Log10: true}
}

// momentumExplorable is notebook 03's slider figure: SGD, Momentum and NAG
// with the same η and μ on ½(x² + 20·y²).
func momentumExplorable() *Explorable {
	return &Explorable{
		Name: "momentum", Lesson: "03-momentum-and-nesterov",
		Surface: datasets.Quadratic(bowl20), Start: [2]float64{-1.8, 1.2}, Steps: 60,
		Knobs: []Knob{
			{Key: "eta", Label: "η", Min: 0.005, Max: 0.15, Step: 0.005, Default: 0.04},
			{Key: "mu", Label: "μ", Min: 0, Max: 0.99, Step: 0.01, Default: 0.9},
		},
		racers: func(v values) []racer {
			sgd, mom, nag := optim.NewSGD[float64](), optim.NewMomentum[float64](), optim.NewNesterov[float64]()
			sgd.LR, mom.LR, nag.LR = v["eta"], v["eta"], v["eta"]
			mom.Mu, nag.Mu = v["mu"], v["mu"]
			return []racer{{"SGD", sgd}, {"Momentum", mom}, {"NAG", nag}}
		},
		maps: []rateMap{
			{"Momentum", func(eta, mu float64) float64 { return MomentumRate(eta, mu, 1, bowl20) }},
			{"NAG", func(eta, mu float64) float64 { return NesterovRate(eta, mu, 1, bowl20) }},
		},
		notes: func(v values) []string {
			eta, mu := v["eta"], v["mu"]
			line := func(name, formula string, limit, rho float64) string {
				l := fmt.Sprintf("%s: η < %s = %.4g; ρ = %.4g", name, formula, limit, rho)
				if eta >= limit {
					l += ": η is above the limit, it diverges"
				}
				return l
			}
			return []string{
				fmt.Sprintf("Stable for η below the limit, for the largest curvature λ = %g; ρ is the factor by which the error shrinks per step (the slower of the curvatures 1 and %g):", bowl20, bowl20),
				line("SGD", "2/λ", SGDLimit(bowl20), SGDRate(eta, 1, bowl20)),
				line("Momentum", "2(1+μ)/λ", MomentumLimit(bowl20, mu), MomentumRate(eta, mu, 1, bowl20)),
				line("NAG", "2(1+μ)/((1+2μ)λ)", NesterovLimit(bowl20, mu), NesterovRate(eta, mu, 1, bowl20)),
			}
		},
	}
}

// rpropExplorable is notebook 04's race on ½(x² + 100·y²): Rprop with the
// factors η⁺ and η⁻ against SGD at its largest stable rate, 0.019.
func rpropExplorable() *Explorable {
	return &Explorable{
		Name: "rprop", Lesson: "04-rprop",
		Surface: datasets.Quadratic(100), Start: [2]float64{-1.8, 1}, Steps: 60,
		Knobs: []Knob{
			{Key: "etaplus", Label: "η⁺", Min: 1.05, Max: 2, Step: 0.05, Default: 1.2},
			{Key: "etaminus", Label: "η⁻", Min: 0.05, Max: 0.95, Step: 0.05, Default: 0.5},
		},
		racers: func(v values) []racer {
			sgd, rprop := optim.NewSGD[float64](), optim.NewRprop[float64]()
			sgd.LR = 0.019
			rprop.EtaPlus, rprop.EtaMinus = v["etaplus"], v["etaminus"]
			return []racer{{"SGD η=0.019", sgd}, {"Rprop", rprop}}
		},
	}
}

// wellStart is where notebook 06's runs start on the plateau well, out on
// the plateau where the gradient is about 7·10⁻³.
var wellStart = [2]float64{3, 1}

// adagradExplorable is Adagrad's rate η and ε on the plateau well, against
// SGD with the same η: Adagrad divides the tiny gradient by its own size
// and moves, then its ever-growing sum slows it down.
func adagradExplorable() *Explorable {
	return &Explorable{
		Name: "adagrad", Lesson: "05-adagrad",
		Surface: datasets.PlateauWell(), Start: wellStart, Steps: 1000,
		Knobs: []Knob{
			{Key: "eta", Label: "η", Min: 0.005, Max: 0.5, Step: 0.005, Default: 0.02},
			eps(-10),
		},
		racers: func(v values) []racer {
			sgd, ada := optim.NewSGD[float64](), optim.NewAdagrad[float64]()
			sgd.LR, ada.LR, ada.Eps = v["eta"], v["eta"], v["eps"]
			return []racer{{"SGD", sgd}, {"Adagrad", ada}}
		},
	}
}

// rmspropExplorable is notebook 06's race on the plateau well: Adagrad at
// the lesson's η = 0.02 against RMSprop with the picked η, γ and ε.
func rmspropExplorable() *Explorable {
	return &Explorable{
		Name: "rmsprop", Lesson: "06-rmsprop",
		Surface: datasets.PlateauWell(), Start: wellStart, Steps: 1000,
		Knobs: []Knob{
			{Key: "eta", Label: "η", Min: 0.005, Max: 0.1, Step: 0.005, Default: 0.02},
			{Key: "gamma", Label: "γ", Min: 0.5, Max: 0.999, Step: 0.001, Default: 0.9},
			eps(-8),
		},
		racers: func(v values) []racer {
			ada, rms := optim.NewAdagrad[float64](), optim.NewRMSprop[float64]()
			ada.LR = 0.02
			rms.LR, rms.Gamma, rms.Eps = v["eta"], v["gamma"], v["eps"]
			return []racer{{"Adagrad η=0.02", ada}, {"RMSprop", rms}}
		},
	}
}

// adamExplorable is notebook 07's race on ½(x² + 20·y²) at η = 0.1:
// RMSprop (γ = 0.9, the lesson's) against Adam and Nadam with the picked
// β₁, β₂ and ε; the notes give the bias corrections of the first steps.
func adamExplorable() *Explorable {
	return &Explorable{
		Name: "adam", Lesson: "07-adam-and-nadam",
		Surface: datasets.Quadratic(bowl20), Start: [2]float64{-1.6, 1.4}, Steps: 150,
		Knobs: []Knob{
			{Key: "beta1", Label: "β₁", Min: 0, Max: 0.99, Step: 0.01, Default: 0.9},
			{Key: "beta2", Label: "β₂", Min: 0.9, Max: 0.9999, Step: 0.0001, Default: 0.999},
			eps(-8),
		},
		racers: func(v values) []racer {
			rms, adam, nadam := optim.NewRMSprop[float64](), optim.NewAdam[float64](), optim.NewNadam[float64]()
			rms.LR, rms.Gamma, rms.Eps = 0.1, 0.9, 1e-8
			adam.LR, adam.Beta1, adam.Beta2, adam.Eps = 0.1, v["beta1"], v["beta2"], v["eps"]
			nadam.LR, nadam.Beta1, nadam.Beta2, nadam.Eps = 0.1, v["beta1"], v["beta2"], v["eps"]
			return []racer{{"RMSprop γ=0.9", rms}, {"Adam", adam}, {"Nadam", nadam}}
		},
		notes: func(v values) []string {
			b1, b2 := v["beta1"], v["beta2"]
			line := "Bias correction M̂ = M/(1−β₁ᵗ), R̂ = R/(1−β₂ᵗ), the factors 1/(1−βᵗ):"
			notes := []string{line}
			for _, t := range []int{1, 10, 100} {
				notes = append(notes, fmt.Sprintf("t = %d: M×%.4g, R×%.4g", t,
					1/(1-math.Pow(b1, float64(t))), 1/(1-math.Pow(b2, float64(t)))))
			}
			return notes
		},
	}
}

// adadeltaExplorable is Adadelta's ρ and ε on ½(x² + 20·y²), with no
// learning rate (the factor stays 1): ε sets the pace of the first steps,
// ρ how long the averages remember.
func adadeltaExplorable() *Explorable {
	return &Explorable{
		Name: "adadelta", Lesson: "08-adadelta",
		Surface: datasets.Quadratic(bowl20), Start: [2]float64{-1.6, 1.4}, Steps: 500,
		Knobs: []Knob{
			{Key: "rho", Label: "ρ", Min: 0.5, Max: 0.999, Step: 0.001, Default: 0.95},
			eps(-6),
		},
		racers: func(v values) []racer {
			ada := optim.NewAdadelta[float64]()
			ada.Rho, ada.Eps = v["rho"], v["eps"]
			return []racer{{"Adadelta", ada}}
		},
	}
}
