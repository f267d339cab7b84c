package zeiler

import (
	"fmt"
	"math"

	"github.com/nncourse/optimizers/nn"
	"github.com/nncourse/optimizers/optim"
)

// Optimizers lists the lecture's nine optimizers by name, in the course's
// order.
var Optimizers = []string{"SGD", "Momentum", "Nesterov", "Rprop", "Adagrad", "RMSprop", "Adam", "Nadam", "Adadelta"}

// AfterLecture lists what practitioners use after the lecture (lesson 10),
// each at the library's defaults: AdamW (λ = 0.01), Adam with AMSGrad,
// Lion, Muon (AdamW on the biases) and Adam driven by a warm-up and cosine
// schedule (see Setting.Schedule). They take part in the fair comparison
// only, tuned and scored as the nine are.
var AfterLecture = []string{"AdamW", "AMSGrad", "Lion", "Muon", WarmupCosine}

// WarmupCosine names Adam under WarmupCosineSchedule.
const WarmupCosine = "Adam+WarmupCosine"

// Compared lists every optimizer of the fair comparison: the nine, then
// AfterLecture.
func Compared() []string {
	return append(append([]string(nil), Optimizers...), AfterLecture...)
}

// Data names what a run is scored on.
const (
	OnTest       = "test"       // trained on every training image, scored on the test set
	OnValidation = "validation" // trained on the training images less a held-out split, scored on it
)

// Setting is one training run: the network's activation, the optimizer and
// its knob, the number of epochs, the seed and the data it is scored on.
type Setting struct {
	Activation nn.Activation
	Optimizer  string  // one of Optimizers or AfterLecture
	Rate       float64 // η, or Rprop's initial step U₀; 0 keeps the default
	Rho, Eps   float64 // Adadelta's ρ and ε; 0 keeps the default
	Epochs     int
	Seed       uint64
	Data       string // OnTest or OnValidation
}

// Init is the initialisation used with the setting's activation: Xavier
// for tanh (Zeiler does not say which he used), He for ReLU.
func (s Setting) Init() nn.Init {
	if s.Activation == nn.ReLU {
		return nn.He
	}
	return nn.Xavier
}

// Key names the setting uniquely; it is the Store's key.
func (s Setting) Key() string {
	return fmt.Sprintf("%s %s %s e%d s%d %s", s.Activation, s.Optimizer, s.Knobs(), s.Epochs, s.Seed, s.Data)
}

// Knobs describes the optimizer's settings that differ from a plain
// default, e.g. "η=0.1" or "ρ=0.95 ε=1e-06"; "defaults" when none do.
func (s Setting) Knobs() string {
	k := ""
	if s.Rate != 0 {
		k = fmt.Sprintf("%s=%g", RateName(s.Optimizer), s.Rate)
	}
	if s.Rho != 0 {
		k += fmt.Sprintf(" ρ=%g", s.Rho)
	}
	if s.Eps != 0 {
		k += fmt.Sprintf(" ε=%g", s.Eps)
	}
	if k == "" {
		return "defaults"
	}
	if k[0] == ' ' {
		k = k[1:]
	}
	return k
}

// RateName is the symbol of the knob Setting.Rate sets: U₀ for Rprop, η
// for the others.
func RateName(optimizer string) string {
	if optimizer == "Rprop" {
		return "U₀"
	}
	return "η"
}

// DefaultRate is the library's default of the knob Setting.Rate sets.
func DefaultRate(optimizer string) float64 {
	switch o := NewOptimizer(optimizer).(type) {
	case *optim.Rprop[float32]:
		return o.Initial
	case optim.RateSetter:
		return o.LearningRate()
	}
	panic("zeiler: DefaultRate: " + optimizer + " has no rate")
}

// NewOptimizer returns the named optimizer with the library's defaults
// (Muon without its layer sizes: Setting.NewOptimizer gives them). It
// panics on an unknown name.
func NewOptimizer(name string) optim.Optimizer[float32] {
	switch name {
	case "SGD":
		return optim.NewSGD[float32]()
	case "Momentum":
		return optim.NewMomentum[float32]()
	case "Nesterov":
		return optim.NewNesterov[float32]()
	case "Rprop":
		return optim.NewRprop[float32]()
	case "Adagrad":
		return optim.NewAdagrad[float32]()
	case "RMSprop":
		return optim.NewRMSprop[float32]()
	case "Adam":
		return optim.NewAdam[float32]()
	case "Nadam":
		return optim.NewNadam[float32]()
	case "Adadelta":
		return optim.NewAdadelta[float32]()
	case "AdamW":
		return optim.NewAdamW[float32]()
	case "AMSGrad":
		a := optim.NewAdam[float32]()
		a.AMSGrad = true
		return a
	case "Lion":
		return optim.NewLion[float32]()
	case "Muon":
		return &optim.Muon[float32]{}
	case WarmupCosine:
		return optim.NewAdam[float32]()
	}
	panic(fmt.Sprintf("zeiler: unknown optimizer %q", name))
}

// NewOptimizer returns the setting's optimizer for a network of the given
// layer sizes (which Muon needs): the library's defaults with the
// setting's knobs applied.
func (s Setting) NewOptimizer(sizes []int) optim.Optimizer[float32] {
	o := NewOptimizer(s.Optimizer)
	if m, ok := o.(*optim.Muon[float32]); ok {
		m.Sizes = append([]int(nil), sizes...)
	}
	if s.Rate != 0 {
		if r, ok := o.(*optim.Rprop[float32]); ok {
			r.Initial = s.Rate
		} else {
			o.(optim.RateSetter).SetLearningRate(s.Rate)
		}
	}
	if s.Rho != 0 || s.Eps != 0 {
		a, ok := o.(*optim.Adadelta[float32])
		if !ok {
			panic("zeiler: ρ and ε are Adadelta's knobs, not " + s.Optimizer + "'s")
		}
		if s.Rho != 0 {
			a.Rho = s.Rho
		}
		if s.Eps != 0 {
			a.Eps = s.Eps
		}
	}
	return o
}

// Schedule is the learning-rate schedule of a run of the setting that
// takes steps optimizer steps: WarmupCosineSchedule for WarmupCosine, nil
// (a constant rate) for every other optimizer.
func (s Setting) Schedule(steps int) optim.Schedule {
	if s.Optimizer != WarmupCosine {
		return nil
	}
	rate := s.Rate
	if rate == 0 {
		rate = DefaultRate(s.Optimizer)
	}
	return WarmupCosineSchedule(rate, steps)
}

// WarmupCosineSchedule is the schedule of WarmupCosine over a run of steps
// steps at peak rate η: a linear warm-up from η/10 over the first tenth of
// the run, then a cosine from η to 0 over the rest, the shape of most
// transformer recipes (the rate never reaches 0: the cosine's last step
// is one short of its end).
func WarmupCosineSchedule(peak float64, steps int) *optim.WarmupCosine {
	warmup := max(steps/10, 1)
	return optim.NewWarmupCosine(peak, 0.1, warmup, 0, max(steps-warmup, 1))
}

// Log10Grid returns center·10^(k/2) for k = lo … hi: a log grid with two
// points per decade.
func Log10Grid(center float64, lo, hi int) []float64 {
	var g []float64
	for k := lo; k <= hi; k++ {
		g = append(g, roundSig(center*math.Pow(10, float64(k)/2)))
	}
	return g
}

// roundSig rounds x to 3 significant digits, so 0.01·√10 prints 0.0316.
func roundSig(x float64) float64 {
	if x == 0 {
		return 0
	}
	p := math.Pow(10, 2-math.Floor(math.Log10(math.Abs(x))))
	return math.Round(x*p) / p
}
