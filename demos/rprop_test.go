package demos

import (
	"math"
	"testing"

	"github.com/nncourse/optimizers/datasets"
	"github.com/nncourse/optimizers/optim"
)

func TestLectureGradients(t *testing.T) {
	g := LectureGradients()
	sum, plus := 0.0, 0
	for _, x := range g {
		sum += x
		if x == 0.1 {
			plus++
		}
	}
	if len(g) != 10 || plus != 9 || g[9] != -0.9 || math.Abs(sum) > 1e-15 {
		t.Errorf("gradients %v (sum %g), want nine 0.1 and one −0.9 summing to 0", g, sum)
	}
}

// The lecture's claim: SGD's weight is back where it started after every
// epoch; Rprop's drifts further each epoch.
func TestFixedGradientsSGDCancelsRpropDrifts(t *testing.T) {
	sgd := optim.NewSGD[float64]()
	sgd.LR = 0.1
	ws := FixedGradients(sgd, LectureGradients(), 3)
	for e := 1; e <= 3; e++ {
		if w := ws[10*e]; math.Abs(w) > 1e-15 {
			t.Errorf("SGD after epoch %d: w = %g, want 0", e, w)
		}
	}
	ws = FixedGradients(optim.NewRprop[float64](), LectureGradients(), 3)
	for e, prev := 1, 0.0; e <= 3; e++ {
		if w := ws[10*e]; w > prev-0.1 {
			t.Errorf("Rprop after epoch %d: w = %g, want a drift of more than −0.1 from %g", e, w, prev)
		}
		prev = ws[10*e]
	}
	// U grows by η⁺ = 1.2 while the sign holds (the first step keeps U).
	u := StepLengths("U", ws)
	for i, want := range []float64{0.01, 0.01, 0.012, 0.0144} {
		if math.Abs(u.Y[i]-want) > 1e-15 {
			t.Errorf("U at step %d = %g, want %g", i+1, u.Y[i], want)
		}
	}
}

func TestCountAdaptations(t *testing.T) {
	// Epoch 2 of the lecture's gradients: the sign flips back at its first
	// step and again at its last, and holds for the eight in between.
	u := StepLengths("U", FixedGradients(optim.NewRprop[float64](), LectureGradients(), 2)).Y
	if grew, shrank := CountAdaptations(u[9:20]); grew != 8 || shrank != 2 {
		t.Errorf("epoch 2: grew %d, shrank %d; want 8 and 2", grew, shrank)
	}
}

func TestTenBatches(t *testing.T) {
	p := NewTenBatches(LectureGradients())
	if math.Abs(p.Best()) > 1e-15 {
		t.Fatalf("Best = %g, want 0", p.Best())
	}
	last := func(ws []float64) float64 { return ws[len(ws)-1] }
	if w := last(p.Train(optim.NewRprop[float64](), 1, 60, false)); math.Abs(w) > 1e-3 {
		t.Errorf("full-batch Rprop ends at %g, want ≈ 0", w)
	}
	// With minibatches Rprop settles where nine of the ten gradients vanish.
	if w := last(p.Train(optim.NewRprop[float64](), 1, 60, true)); math.Abs(w+0.1) > 1e-4 {
		t.Errorf("minibatch Rprop ends at %g, want ≈ −0.1", w)
	}
	sgd := optim.NewSGD[float64]()
	sgd.LR = 0.05
	if w := last(p.Train(sgd, 1, 60, true)); math.Abs(w) > 0.05 {
		t.Errorf("minibatch SGD ends at %g, want within 0.05 of 0", w)
	}
}

func TestRpropStepsIgnoreGradientSize(t *testing.T) {
	s := datasets.Quadratic(100)
	tr := Descend("Rprop", optim.NewRprop[float64](), s, [2]float64{-1.8, 1}, 5)
	x, y := StepSizes(tr)
	for i := range x.Y {
		if x.Y[i] != y.Y[i] {
			t.Errorf("step %d: |Δx| = %g, |Δy| = %g; want equal (gradients differ 55×)", i+1, x.Y[i], y.Y[i])
		}
	}
	if rows := SignStepTable(tr, s, 3).Rows; len(rows) != 3 || rows[0][3] != "+0.01" || rows[0][4] != "-0.01" {
		t.Errorf("table rows %q", rows)
	}
}

func TestAllocatedBytesOfRpropState(t *testing.T) {
	const n = 25990
	opt := optim.NewRprop[float64]()
	params, grads := make([]float64, n), make([]float64, n)
	got := AllocatedBytes(func() { opt.Step(params, grads) })
	want := uint64(opt.StateBytes(n))
	if got < want || got > want+8192 { // the allocator rounds large objects up to whole pages
		t.Errorf("first Step allocated %d bytes, StateBytes %d", got, want)
	}
}
