package demos

import (
	"math"
	"testing"

	"github.com/nncourse/optimizers/datasets"
	"github.com/nncourse/optimizers/optim"
)

// TestSparseFeaturesNoOneStepArtifact is defect 4 of issue 8: Adagrad's
// first step is ±η per weight, so with common weights of exactly ±1 it
// landed on them in one step at η = 1. The weights are now drawn.
func TestSparseFeaturesNoOneStepArtifact(t *testing.T) {
	data := datasets.SparseFeatures(2000, 10, 10, 1)
	for j, w := range data.Weights {
		lo, hi := 0.5, 1.5
		if j >= 10 {
			lo, hi = 3, 5
		}
		if a := math.Abs(w); a < lo || a > hi || a == 1 || a == 4 {
			t.Errorf("weight %d = %g, want magnitude in [%g, %g], not 1 or 4", j, w, lo, hi)
		}
	}
	ada := optim.NewAdagrad[float64]()
	ada.LR = 1
	if run := TrainSparse("Adagrad", ada, data, 10, 32, 1, 1); run.CommonErr[1] < 0.3 {
		t.Errorf("common error after Adagrad's first step at η=1: %.3f, want ≥ 0.3 (no one-step landing)", run.CommonErr[1])
	}
}

// TestTunedSGDAndAdagrad: each at its best η of the grid (lowest loss after
// 400 steps), SGD takes η = 0.5 (1 diverges) and Adagrad η = 0.7, and
// Adagrad still learns the rare weights first (error below 0.1 at step 112
// against SGD's 353).
func TestTunedSGDAndAdagrad(t *testing.T) {
	data := datasets.SparseFeatures(2000, 10, 10, 1)
	etas := []float64{0.03, 0.1, 0.2, 0.3, 0.5, 0.7, 1, 2}
	sgd, ada := TunedSGDAndAdagrad(data, 10, 32, 400, 1, etas)
	if sgd.Eta != 0.5 || ada.Eta != 0.7 || !math.IsInf(sgd.Ends[len(etas)-1], 1) {
		t.Errorf("best η: SGD %g, Adagrad %g (SGD ends %v); want 0.5, 0.7 and SGD diverged at η=2", sgd.Eta, ada.Eta, sgd.Ends)
	}
	s, a := StepsBelow(sgd.RareErr, 0.1), StepsBelow(ada.RareErr, 0.1)
	if a < 0 || (s >= 0 && s <= a) {
		t.Errorf("rare error below 0.1: SGD at step %d, Adagrad at %d; want Adagrad first", s, a)
	}
	if sgd.Name != "SGD η=0.5" || len(ada.Loss) != 401 {
		t.Errorf("name %q, %d losses; want \"SGD η=0.5\", 401", sgd.Name, len(ada.Loss))
	}
}
