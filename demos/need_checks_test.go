package demos

import (
	"math"
	"testing"

	"github.com/nncourse/optimizers/optim"
)

// TestSaddleEscapeOffAxis is defect 8 of issue 8: full-batch gradient
// descent stays at the saddle only from y₀ = 0; from any y₀ ≠ 0 it leaves,
// after ln(1/y₀)/ln(1 + 2η) steps.
func TestSaddleEscapeOffAxis(t *testing.T) {
	for i, y0 := range []float64{0, 1e-12, 1e-6, 1e-3} {
		got, want := SaddleEscape(GD, 0.05, 0, y0, 1000), SaddleEscapePredicted(0.05, y0)
		if got != want {
			t.Errorf("%d: y₀=%g: full batch leaves at step %d, predicted %d", i, y0, got, want)
		}
	}
	if got := SaddleEscapePredicted(0.05, 1e-6); got != 145 {
		t.Errorf("from 10⁻⁶: %d steps, want 145", got)
	}
}

// TestEpochEndOffset is defect 9 of issue 8: lesson 04's minibatch SGD on
// the ten minibatches ends every epoch at ≈ 0.0246, not around 0, while
// the weights of a whole cycle average to the minimum 0.
func TestEpochEndOffset(t *testing.T) {
	p := NewTenBatches(LectureGradients())
	end, mean := EpochEndOffset(p.Targets, 0.05)
	if math.Abs(end-0.0246) > 5e-4 || math.Abs(mean-p.Best()) > 1e-15 {
		t.Errorf("epoch end %g, cycle mean %g; want ≈ 0.0246 and %g", end, mean, p.Best())
	}
	sgd := optim.NewSGD[float64]()
	sgd.LR = 0.05
	ws := p.Train(sgd, 1, 200, true)
	if got := ws[len(ws)-1]; math.Abs(got-end) > 1e-9 {
		t.Errorf("library SGD after 200 epochs: w = %g, fixed point %g", got, end)
	}
	// The weights the last epoch's ten gradients were taken at average to the minimum.
	w, g, sum := []float64{ws[len(ws)-1]}, []float64{0}, 0.0
	for _, target := range p.Targets {
		sum += w[0] / float64(len(p.Targets))
		g[0] = w[0] - target
		sgd.Step(w, g)
	}
	if math.Abs(sum-mean) > 1e-9 {
		t.Errorf("mean weight over a cycle %g, want %g", sum, mean)
	}
}

// TestCompareSchedules checks the shape of the outcomes on a tiny problem
// (the MNIST measurement is the notebook's).
func TestCompareSchedules(t *testing.T) {
	train, val := blobs(tiny.Train, 1), blobs(tiny.Val, 2)
	out := CompareSchedules(tiny, train, val, []string{"constant", "validation-driven"}, func() []optim.Schedule {
		return []optim.Schedule{optim.NewConstant(0.05), optim.NewValidationDriven(0.05)}
	}, []uint64{1, 2})
	if len(out) != 2 || len(out[1].Final) != 2 || out[0].Name != "constant" {
		t.Fatalf("outcomes %+v, want 2 schedules × 2 seeds", out)
	}
	for _, o := range out {
		for k := range o.Final {
			if !(o.Best[k] <= o.Final[k]) || o.Final[k] > 0.5 {
				t.Errorf("%s seed %d: best %g, final %g; want best ≤ final < 0.5", o.Name, k, o.Best[k], o.Final[k])
			}
		}
	}
	if out[0].Rates[0] != 0.05 {
		t.Errorf("constant schedule ends at η = %g, want 0.05", out[0].Rates[0])
	}
}

// TestScheduleTable: one row per seed, then the mean and the spread.
func TestScheduleTable(t *testing.T) {
	out := []ScheduleOutcome{{Name: "a", Final: []float64{0.08, 0.07}, Best: []float64{0.07, 0.07}, Rates: []float64{0.03, 0.03}},
		{Name: "b", Final: []float64{0.075, 0.085}, Best: []float64{0.07, 0.08}, Rates: []float64{0.01, 0.02}}}
	tab := ScheduleTable("c", []uint64{1, 2}, out)
	if len(tab.Rows) != 4 || tab.Rows[2][1] != "7.50 %" || tab.Rows[3][4] != "1.00 %" {
		t.Errorf("rows %q", tab.Rows)
	}
	if tab.Note != "Difference of the mean final errors: +0.50 points; largest spread over the seeds: 1.00 points." {
		t.Errorf("note %q", tab.Note)
	}
}
