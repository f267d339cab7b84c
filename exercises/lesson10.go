package exercises

import (
	"fmt"
	"io"
	"math"
	"os"

	"github.com/nncourse/optimizers/optim"
)

// Lesson 10's exercises: Lion's update, gradient clipping by global norm
// and the warm-up-then-cosine rate, each checked against optim.

// out is where the checks print (the tests redirect it).
var out io.Writer = os.Stdout

// LionStep is one Lion update of a single weight: from w, the momentum m
// and the gradient g, the new w and m (η = 0.1, β₁ = 0.9, β₂ = 0.99,
// λ = 0.5).
type LionStep func(w, m, g float64) (wNew, mNew float64)

// CheckLionStep compares step with optim.Lion on a few (w, m, g), zero
// gradients and momenta included.
func CheckLionStep(step LionStep) {
	cases := [][3]float64{{1, 0, 2}, {-0.5, 0.3, -0.1}, {0.2, -1, 0.05}, {0, 0, 0}, {2, 0.01, -0.2}}
	for _, c := range cases {
		o := &optim.Lion[float64]{LR: 0.1, Beta1: 0.9, Beta2: 0.99, WeightDecay: 0.5}
		// one step from m = 0 with g₀ = m/(1−β₂) sets the momentum to m
		w, g0 := []float64{c[0]}, []float64{c[1] / (1 - 0.99)}
		o.Step(w, g0)
		w[0] = c[0]
		o.Step(w, []float64{c[2]})
		mWant := 0.99*c[1] + 0.01*c[2]
		gotW, gotM, ok := callLion(step, c[0], c[1], c[2])
		if !ok {
			fmt.Fprintln(out, "✗ not yet: your step panicked; start from c = β₁·m + (1−β₁)·g")
			return
		}
		if math.Abs(gotW-w[0]) > 1e-12 || math.Abs(gotM-mWant) > 1e-12 {
			fmt.Fprintf(out, "✗ not yet: from w=%v m=%v g=%v you give w=%v m=%v, Lion gives w=%v m=%v; "+
				"hint: the sign is of c = β₁·m + (1−β₁)·g, the momentum uses β₂, and decay adds λ·w inside η·(…)\n",
				c[0], c[1], c[2], gotW, gotM, w[0], mWant)
			return
		}
	}
	fmt.Fprintln(out, "✓ your Lion step matches optim.Lion on every case")
}

func callLion(step LionStep, w, m, g float64) (wNew, mNew float64, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	wNew, mNew = step(w, m, g)
	return wNew, mNew, true
}

// Clip scales g in place to a global norm of at most maxNorm, torch's
// clip_grad_norm_ (with its 1e-6 in the denominator).
type Clip func(g []float64, maxNorm float64)

// CheckClip compares clip with optim.ClipGradNorm on short and long
// gradients.
func CheckClip(clip Clip) {
	for _, c := range []struct {
		g       []float64
		maxNorm float64
	}{{[]float64{3, -4}, 1}, {[]float64{3, -4}, 10}, {[]float64{0.1, 0.2, -0.2}, 0.1}, {[]float64{0, 0}, 1}} {
		want := append([]float64(nil), c.g...)
		optim.ClipGradNorm(want, c.maxNorm)
		got := append([]float64(nil), c.g...)
		if !callClip(clip, got, c.maxNorm) {
			fmt.Fprintln(out, "✗ not yet: your clip panicked (a zero gradient must stay zero)")
			return
		}
		for i := range got {
			if math.Abs(got[i]-want[i]) > 1e-12 {
				fmt.Fprintf(out, "✗ not yet: %v clipped to %v gives %v, want %v; hint: scale by maxNorm/(‖g‖ + 1e-6) only when that is below 1\n",
					c.g, c.maxNorm, got, want)
				return
			}
		}
	}
	fmt.Fprintln(out, "✓ your clip matches optim.ClipGradNorm")
}

func callClip(clip Clip, g []float64, maxNorm float64) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	clip(g, maxNorm)
	return true
}

// Rate is a learning-rate schedule as a function of the step, from 0.
type Rate func(step int) float64

// CheckWarmupCosine compares rate with optim.NewWarmupCosine(0.1, 0.1, 10,
// 0, 90) — a warm-up from 0.01 to 0.1 over 10 steps, then a cosine down
// to 0 over 90 — at steps 0 to 119.
func CheckWarmupCosine(rate Rate) {
	s := optim.NewWarmupCosine(0.1, 0.1, 10, 0, 90)
	for step := range 120 {
		want := s.Rate(step)
		got, ok := callRate(rate, step)
		if !ok {
			fmt.Fprintf(out, "✗ not yet: your rate panicked at step %d\n", step)
			return
		}
		if math.Abs(got-want) > 1e-12 {
			fmt.Fprintf(out, "✗ not yet: step %d: you give %v, want %v; hint: before step 10, 0.1·(0.1 + 0.9·t/10); "+
				"from it, 0.1·(1 + cos(π·(t − 10)/90))/2\n", step, got, want)
			return
		}
	}
	fmt.Fprintln(out, "✓ your schedule matches optim.WarmupCosine at every step")
}

func callRate(rate Rate, step int) (r float64, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return rate(step), true
}
