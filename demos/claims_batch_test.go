package demos

import (
	"testing"
	"time"
)

// TestStepTimesShape checks what StepTimes returns on a tiny network; the
// times themselves are the notebook's to show, never asserted.
func TestStepTimesShape(t *testing.T) {
	data := blobs(64, 1)
	times := StepTimes(tiny.Sizes, data, []int{1, 4, 16}, 3)
	for i, st := range times {
		if st.Batch != []int{1, 4, 16}[i] || st.PerStep <= 0 || st.PerExample != st.PerStep/time.Duration(st.Batch) {
			t.Errorf("%d: %+v", i, st)
		}
	}
	if len(times) != 3 {
		t.Errorf("%d measurements, want 3", len(times))
	}
}

// TestStepsToLoss: η scales linearly with the batch; every run either
// reaches the target or says it did not, and counts Steps·Batch examples.
func TestStepsToLoss(t *testing.T) {
	runs, err := StepsToLoss(tiny.Sizes, blobs(300, 1), []int{10, 30}, 0.05, 10, 0.6, 60, 20, 1)
	if err != nil || len(runs) != 2 {
		t.Fatalf("%d runs, error %v; want 2, nil", len(runs), err)
	}
	for i, r := range runs {
		if r.Eta != 0.05*float64(r.Batch)/10 || r.Steps <= 0 || r.Examples != r.Steps*r.Batch || r.Wall <= 0 || r.Diverged {
			t.Errorf("%d: %+v, want the target reached with η = 0.05·b/10", i, r)
		}
	}
	if runs[1].Steps >= runs[0].Steps {
		t.Errorf("steps to the target: %d with b=10, %d with b=30; want fewer with the larger batch", runs[0].Steps, runs[1].Steps)
	}
}
