package nn

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/nncourse/optimizers/optim"
)

// allFinite reports whether every parameter is finite.
func allFinite[T optim.Float](v []T) bool {
	for _, x := range v {
		if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
			return false
		}
	}
	return true
}

// TestNonFiniteGradientRefused puts an infinite pixel into the data: tanh
// keeps the loss finite, the first layer's gradient is not. The step must
// be refused, naming the gradient, with the weights as they were.
func TestNonFiniteGradientRefused(t *testing.T) {
	tr := newTestTrainer(optim.NewSGD[float64](), nil, 1)
	data := randomData(testSizes, 8, 1)
	data.X[3] = math.Inf(1)
	before := append([]float64(nil), tr.Model.Params...)
	err := tr.Fit(data, Data[float64]{})
	var div *DivergenceError
	if !errors.As(err, &div) || !strings.Contains(div.Reason, "gradient") || math.IsNaN(div.Loss) || math.IsInf(div.Loss, 0) {
		t.Fatalf("Fit with an Inf pixel: %v, want a DivergenceError naming the gradient", err)
	}
	t.Log(err)
	if !sameBits(tr.Model.Params, before) {
		t.Error("the refused step changed the weights")
	}
}

// TestOverflowingUpdateUndone trains float32 Adam at η = 1e38, whose
// first update overflows every weight to ±Inf though gradient and loss
// are finite: Fit must refuse the step and leave the weights finite.
func TestOverflowingUpdateUndone(t *testing.T) {
	m := NewMLP[float32](testSizes, Tanh, 1, Xavier)
	opt := optim.NewAdam[float32]()
	opt.LR = 1e38
	tr := NewTrainer(m, opt, 8, 1, 1)
	d64 := randomData(testSizes, 8, 1)
	data := Data[float32]{X: toFloat32(d64.X), Labels: d64.Labels}
	before := append([]float32(nil), m.Params...)
	err := tr.Fit(data, Data[float32]{})
	var div *DivergenceError
	if !errors.As(err, &div) || div.Step != 1 || !strings.Contains(div.Reason, "update") {
		t.Fatalf("Adam at η = 1e38: %v, want a DivergenceError at step 1 naming the update", err)
	}
	t.Log(err)
	if !allFinite(m.Params) || m.Params[0] != before[0] || tr.Step() != 0 {
		t.Errorf("after the refused step: weights finite %v, first %v (was %v), %d steps", allFinite(m.Params), m.Params[0], before[0], tr.Step())
	}
}

// overflowAt is Adam whose update overflows at its step number at
// (from 1): its learning rate then becomes 1e38.
type overflowAt struct {
	*optim.Adam[float32]
	steps, at int
}

func (o *overflowAt) Step(params, grads []float32) {
	o.steps++
	if o.steps == o.at {
		o.LR = 1e38
	}
	o.Adam.Step(params, grads)
}

// TestOverflowMidEpochUndone makes the third step of an epoch overflow,
// with no OnStep: its backup is the one the second step's check made
// (guard.step with next), which must hold the weights the second step
// left, bit for bit, as a run stopped after two steps has them.
func TestOverflowMidEpochUndone(t *testing.T) {
	d64 := randomData(testSizes, 8, 1)
	data := Data[float32]{X: toFloat32(d64.X), Labels: d64.Labels}
	run := func(opt optim.Optimizer[float32], onStep func(Progress) error) (*Trainer[float32], error) {
		m := NewMLP[float32](testSizes, Tanh, 1, Xavier)
		tr := NewTrainer(m, opt, 2, 1, 1)
		tr.OnStep = onStep
		return tr, tr.Fit(data, Data[float32]{})
	}
	two, err := run(optim.NewAdam[float32](), func(p Progress) error {
		if p.Step == 2 {
			return ErrStop
		}
		return nil
	})
	if err != nil || two.Step() != 2 {
		t.Fatalf("reference run: %v after %d steps", err, two.Step())
	}
	tr, err := run(&overflowAt{Adam: optim.NewAdam[float32](), at: 3}, nil)
	var div *DivergenceError
	if !errors.As(err, &div) || div.Step != 3 || !strings.Contains(div.Reason, "update") {
		t.Fatalf("overflow at step 3: %v, want a DivergenceError at step 3 naming the update", err)
	}
	if !slices.EqualFunc(tr.Model.Params, two.Model.Params, sameFloat[float32]) {
		t.Error("after the refused third step the weights are not those the second step left")
	}
}

// toFloat32 converts float64 test data to float32.
func toFloat32(v []float64) []float32 {
	out := make([]float32, len(v))
	for i, x := range v {
		out[i] = float32(x)
	}
	return out
}

// TestLossExplosionStops trains with SGD at η = 100: the cross-entropy
// grows by orders of magnitude yet stays finite, which the NaN check alone
// never noticed. With the default DivergenceFactor Fit stops, naming the
// step, the rate and the lecture's advice; with the check off it runs on.
func TestLossExplosionStops(t *testing.T) {
	train := randomData(testSizes, 64, 1)
	run := func(factor float64) (*Trainer[float64], error) {
		opt := optim.NewSGD[float64]()
		opt.LR = 100
		tr := newTestTrainer(opt, nil, 1)
		tr.Model.Layers[0].Act = ReLU
		tr.DivergenceFactor = factor
		tr.Epochs = 30
		return tr, tr.Fit(train, Data[float64]{})
	}
	off, err := run(-1)
	if err != nil {
		t.Fatalf("check off: %v", err)
	}
	worst := 0.0
	for _, h := range off.History {
		worst = max(worst, h.TrainLoss)
	}
	t.Logf("check off: worst epoch loss %.4g, first step %.4g", worst, off.firstLoss)
	tr, err := run(0)
	var div *DivergenceError
	if !errors.As(err, &div) {
		t.Fatalf("default check: %v, want a DivergenceError", err)
	}
	t.Log(err)
	for _, want := range []string{"at step", "learning rate 100", "more than 100×", "lower it"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if div.Step != tr.Step()+1 || !allFinite(tr.Model.Params) {
		t.Errorf("error names step %d, the Trainer took %d", div.Step, tr.Step())
	}
}

// TestWrongInputWidth gives a 784-input model rows of 28 values.
func TestWrongInputWidth(t *testing.T) {
	m := NewMLP[float64]([]int{784, 4, 10}, ReLU, 1, He)
	tr := NewTrainer(m, optim.NewSGD[float64](), 4, 1, 1)
	data := Data[float64]{X: make([]float64, 28*784), Labels: make([]int, 784)}
	err := tr.Fit(data, Data[float64]{})
	if err == nil || !strings.Contains(err.Error(), "the model expects 784 inputs, the data has 28") {
		t.Errorf("rows of 28 for a 784-input model: %v", err)
	}
}

// TestScheduleOverrideLogged checks that Fit says when a schedule
// replaces the learning rate the optimizer was given.
func TestScheduleOverrideLogged(t *testing.T) {
	opt := optim.NewSGD[float64]()
	opt.LR = 0.5
	tr := newTestTrainer(opt, optim.NewConstant(0.01), 1)
	var log bytes.Buffer
	tr.Log = &log
	tr.Epochs = 1
	if err := tr.Fit(randomData(testSizes, 8, 1), Data[float64]{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), "0.01 at step 0, replacing the 0.5") {
		t.Errorf("log %q does not say the schedule replaced η = 0.5 by 0.01", log.String())
	}
}

// TestFinite puts one NaN, +Inf or −Inf at every position of slabs of
// every length up to 80 (the assembly's whole iterations of 32 float32 or
// 16 float64, and the tails), starting on and off a word boundary, with
// the largest finite values, subnormals and zeros of both signs around it,
// and checks finite and finiteCopy against finiteNaive, and finiteCopy's
// copy, made to four alignments.
func TestFinite(t *testing.T) {
	testFinite[float32](t, math.MaxFloat32, math.SmallestNonzeroFloat32)
	testFinite[float64](t, math.MaxFloat64, math.SmallestNonzeroFloat64)
}

func testFinite[T optim.Float](t *testing.T, largest, tiniest float64) {
	fill := []T{T(largest), T(-largest), T(tiniest), T(-tiniest), 0, T(math.Copysign(0, -1)), 1}
	dsts := make([]T, 80+4)
	for n := 0; n <= 80; n++ {
		for off := 0; off < 2; off++ {
			slab := make([]T, off+n)
			v := slab[off:]
			for i := range v {
				v[i] = fill[i%len(fill)]
			}
			if !finite(v) || !finiteNaive(v) || !finiteCopy(dsts[:n], v) {
				t.Fatalf("%T n=%d offset %d: finite values reported non-finite", v, n, off)
			}
			for i := range v {
				keep := v[i]
				for k, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
					v[i] = T(bad)
					dst := dsts[k+i%2 : k+i%2+n] // copies to four alignments
					clear(dst)
					if got, copied, want := finite(v), finiteCopy(dst, v), finiteNaive(v); got || copied || want {
						t.Errorf("%T n=%d offset %d: %v at %d: finite %v, finiteCopy %v, finiteNaive %v, want false", v, n, off, bad, i, got, copied, want)
					}
					if !slices.EqualFunc(dst, v, sameFloat[T]) {
						t.Fatalf("%T n=%d offset %d: finiteCopy copied %v, want %v", v, n, off, dst, v)
					}
				}
				v[i] = keep
			}
		}
	}
}

// noStep is an optimizer that changes nothing, to time the guard alone.
type noStep[T optim.Float] struct{ optim.SGD[T] }

func (noStep[T]) Step(params, grads []T) {}

// BenchmarkGuard times the divergence guard around an optimizer step that
// does nothing: the gradient check, the backup of the parameters and
// their check after the step; with next=true the backup rides on the
// check (steps inside an epoch without OnStep), with next=false it is a
// copy of its own.
func BenchmarkGuard(b *testing.B) {
	for _, sizes := range [][]int{{784, 32, 20, 10}, {784, 500, 300, 10}} {
		for _, next := range []bool{true, false} {
			b.Run(fmt.Sprintf("sizes=%s/T=float32/next=%v", sizesName(sizes), next), func(b *testing.B) {
				n := ParamCount(sizes)
				params, grads := make([]float32, n), make([]float32, n)
				var g guard[float32]
				opt := &noStep[float32]{}
				b.ReportAllocs()
				for b.Loop() {
					if reason := g.step(opt, params, grads, next); reason != "" {
						b.Fatal(reason)
					}
				}
			})
		}
	}
}

// sizesName writes sizes as 784-32-20-10.
func sizesName(sizes []int) string {
	s := fmt.Sprint(sizes[0])
	for _, w := range sizes[1:] {
		s += fmt.Sprintf("-%d", w)
	}
	return s
}
