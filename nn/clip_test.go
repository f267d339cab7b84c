package nn

import (
	"math"
	"testing"

	"github.com/nncourse/optimizers/optim"
)

// TestClipNormBoundsTheStep trains one epoch with SGD (η = 0.1) and
// ClipNorm 1e-3: every step then moves the weights by at most η·1e-3,
// where without clipping the first step moves them by more.
func TestClipNormBoundsTheStep(t *testing.T) {
	const eta, clip = 0.1, 1e-3
	train := randomData(testSizes, 37, 1)
	for _, clipped := range []bool{false, true} {
		tr := newTestTrainer(&optim.SGD[float64]{LR: eta}, nil, 1)
		tr.Epochs = 1
		if clipped {
			tr.ClipNorm = clip
		}
		before := append([]float64(nil), tr.Model.Params...)
		var longest float64
		tr.OnStep = func(Progress) error {
			var sq float64
			for i, w := range tr.Model.Params {
				sq += (w - before[i]) * (w - before[i])
			}
			longest = max(longest, math.Sqrt(sq))
			copy(before, tr.Model.Params)
			return nil
		}
		if err := tr.Fit(train, Data[float64]{}); err != nil {
			t.Fatal(err)
		}
		if clipped != (longest <= eta*clip*(1+1e-12)) {
			t.Errorf("ClipNorm %v: longest step %g, bound η·clip = %g", tr.ClipNorm, longest, eta*clip)
		}
	}
}
