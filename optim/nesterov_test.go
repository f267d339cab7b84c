package optim

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/nncourse/optimizers/datasets"
)

// TestNesterovWeightsExact checks that with ExactWeights, Weights is the
// lecture's sequence of w bit for bit.
func TestNesterovWeightsExact(t *testing.T) {
	const steps, eta, mu = 500, 0.01, 0.9
	s := datasets.Quadratic(50)
	o := NewNesterov[float64]()
	o.LR, o.ExactWeights = eta, true
	theta := []float64{1.5, 1.5}
	grads, w := make([]float64, 2), make([]float64, 2)
	exact := naiveNesterov([2]float64{1.5, 1.5}, eta, mu)
	for k := range steps {
		grads[0], grads[1] = s.Grad(theta[0], theta[1])
		o.Step(theta, grads)
		o.Weights(w, theta)
		want, _ := exact(s.Grad)
		for i := range 2 {
			if w[i] != want[i] {
				t.Fatalf("step %d coordinate %d: Weights = %v, lecture's w = %v", k+1, i, w[i], want[i])
			}
		}
	}
}

// TestNesterovRecoveredBound feeds the same gradients (taken at the
// default form's θ, on a random quadratic with noise) to the default form,
// which recovers w = θ + μ·v, and to ExactWeights, which keeps the
// lecture's w, and checks the bound documented on Nesterov:
//
//	|w_recovered − w_exact| ≤ Σⱼ₌₁ᵏ 2u·(|wⱼ| + |θⱼ| + |vⱼ|)
//
// in float64 and in float32 (the fast loops and the reference loops). The
// velocities must agree bit for bit: both forms compute v alike.
func TestNesterovRecoveredBound(t *testing.T) {
	testRecoveredBound[float64](t, "float64", 0x1p-53)
	defer func(f *loops32) { fast32 = f }(fast32)
	for _, loops := range append(testLoops32(), nil) {
		fast32 = loops
		name := "float32/reference"
		if loops != nil {
			name = "float32/" + loops.name
		}
		testRecoveredBound[float32](t, name, 0x1p-24)
	}
}

func testRecoveredBound[T Float](t *testing.T, name string, u float64) {
	t.Run(name, func(t *testing.T) {
		const n, steps = 1001, 500
		rng := rand.New(rand.NewPCG(7, 9))
		curv, theta := make([]float64, n), make([]T, n)
		for i := range theta {
			curv[i] = math.Pow(10, -1+2*rng.Float64()) // 0.1 … 10
			theta[i] = T(rng.NormFloat64())
		}
		thetaExact := append([]T(nil), theta...)
		recovered, exact := NewNesterov[T](), NewNesterov[T]()
		exact.ExactWeights = true
		grads, wRec, wExact := make([]T, n), make([]T, n), make([]T, n)
		bound := make([]float64, n)
		var worst, drift, bounds float64 // largest |diff|/bound; last step's largest |diff| and bound
		for k := range steps {
			for i, th := range theta {
				grads[i] = T(curv[i]*float64(th) + 0.1*rng.NormFloat64())
			}
			recovered.Step(theta, grads)
			exact.Step(thetaExact, grads)
			recovered.Weights(wRec, theta)
			exact.Weights(wExact, thetaExact)
			for i := range n {
				if recovered.v[i] != exact.v[i] {
					t.Fatalf("step %d: v[%d] = %v recovered, %v exact", k+1, i, recovered.v[i], exact.v[i])
				}
				w, th, v := float64(wExact[i]), float64(theta[i]), float64(exact.v[i])
				bound[i] += 2 * u * (math.Abs(w) + math.Abs(th) + math.Abs(v))
				d := math.Abs(float64(wRec[i]) - w)
				if !(d <= bound[i]) {
					t.Fatalf("step %d: w[%d] recovered %v, exact %v: |diff| %g > bound %g", k+1, i, wRec[i], w, d, bound[i])
				}
				worst = max(worst, d/bound[i])
				if k == steps-1 {
					drift, bounds = max(drift, d), max(bounds, bound[i])
				}
			}
		}
		// The weights start ~N(0, 1): u is the scale of one rounding.
		t.Logf("largest |w_recovered − w_exact| = %.3g of the bound; after %d steps %.1f u (bound %.0f u)", worst, steps, drift/u, bounds/u)
	})
}

// TestNesterovZeroValue checks that zero fields mean the defaults: a zero
// Nesterov, and a literal setting only LR, step as NewNesterov does.
func TestNesterovZeroValue(t *testing.T) {
	withLR := NewNesterov[float64]()
	withLR.LR = 0.05
	cases := []struct {
		got, want *Nesterov[float64]
	}{
		{&Nesterov[float64]{}, NewNesterov[float64]()},
		{&Nesterov[float64]{LR: 0.05}, withLR},
	}
	for k, c := range cases {
		if c.got.LearningRate() != c.want.LearningRate() {
			t.Errorf("%d: LearningRate = %v, want %v", k, c.got.LearningRate(), c.want.LearningRate())
		}
		a := trajectory(c.got, datasets.Quadratic(10).Grad, [2]float64{1, 1}, 20)
		b := trajectory(c.want, datasets.Quadratic(10).Grad, [2]float64{1, 1}, 20)
		for j := range a {
			if a[j] != b[j] {
				t.Fatalf("%d: step %d: %+v, want %+v", k, j+1, a[j], b[j])
			}
		}
	}
}

// TestNesterovWeightsAfterLoad checks that Weights works right after a
// checkpoint is loaded, in every form: the weights are recovered from θ
// and v, come from the kept w, or are the slab itself (PyTorch form).
func TestNesterovWeightsAfterLoad(t *testing.T) {
	for _, f := range allForms[float64]() {
		o, ok := f.opt.(*Nesterov[float64])
		if !ok {
			continue
		}
		t.Run(f.name, func(t *testing.T) {
			theta, g := []float64{1, -2}, []float64{0.5, 0.25}
			for range 3 {
				o.Step(theta, g)
			}
			want := make([]float64, 2)
			o.Weights(want, theta)
			data, err := o.MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			loaded := NewNesterov[float64]()
			if err := loaded.UnmarshalBinary(data); err != nil {
				t.Fatal(err)
			}
			got := make([]float64, 2)
			loaded.Weights(got, theta)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("Weights after load = %v, want %v", got, want)
			}
		})
	}
}

// TestNesterovExactWeightsSwitchedOn checks that ExactWeights set after
// some steps starts from the recovered weights and keeps them from then on.
func TestNesterovExactWeightsSwitchedOn(t *testing.T) {
	o, plain := NewNesterov[float64](), NewNesterov[float64]()
	theta, thetaPlain := []float64{1, -2}, []float64{1, -2}
	g := []float64{0.5, -0.25}
	for range 3 {
		o.Step(theta, g)
		plain.Step(thetaPlain, g)
	}
	o.ExactWeights = true
	o.Step(theta, g)
	plain.Step(thetaPlain, g)
	if len(o.w) != 2 {
		t.Fatalf("ExactWeights set: w holds %d elements, want 2", len(o.w))
	}
	got, want := make([]float64, 2), make([]float64, 2)
	o.Weights(got, theta)
	plain.Weights(want, thetaPlain)
	for i := range 2 {
		if d := math.Abs(got[i] - want[i]); d > 1e-15 {
			t.Errorf("w[%d] = %v kept, %v recovered: |diff| %g", i, got[i], want[i], d)
		}
	}
}
