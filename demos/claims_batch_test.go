package demos

import (
	"strings"
	"testing"
	"time"

	"github.com/nncourse/optimizers/nn/gemm"
	"github.com/nncourse/optimizers/nn/gemm/cublas"
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
		if r.Eta != 0.05*float64(r.Batch)/10 || r.Steps <= 0 || r.Examples != r.Steps*r.Batch || r.Wall <= 0 || r.Diverged || r.Loss >= 0.6 {
			t.Errorf("%d: %+v, want the target reached with η = 0.05·b/10", i, r)
		}
	}
	if runs[1].Steps >= runs[0].Steps {
		t.Errorf("steps to the target: %d with b=10, %d with b=30; want fewer with the larger batch", runs[0].Steps, runs[1].Steps)
	}
}

// TestProductTimesShape checks ProductTimes on the CPU; DeviceProductTimes
// answers without a GPU with the reason, never a panic.
func TestProductTimesShape(t *testing.T) {
	times := ProductTimes(gemm.CPU[float32]{}, 8, 4, []int{1, 16}, 3)
	if len(times) != 2 || times[1].Batch != 16 || times[1].PerStep <= 0 || times[1].PerExample != times[1].PerStep/16 {
		t.Errorf("ProductTimes: %+v", times)
	}
	ctx, err := cublas.Open()
	if err != nil {
		return // no GPU here: the notebook says so
	}
	defer ctx.Close()
	dev, err := DeviceProductTimes(ctx, 8, 4, []int{1, 16}, 3)
	if err != nil || len(dev) != 2 || dev[1].PerStep <= 0 {
		t.Errorf("DeviceProductTimes: %+v, %v", dev, err)
	}
}

// TestToTargetTable: a run that missed the target says so instead of -1.
func TestToTargetTable(t *testing.T) {
	tab := ToTargetTable("c", []ToTarget{{Batch: 4, Eta: 0.01, Steps: 10, Examples: 40, Wall: time.Second, Loss: 0.49}, {Batch: 8, Eta: 0.02, Steps: -1, Examples: -1, Loss: 0.71}})
	want := [][]string{{"4", "0.01", "10", "40", "1.00 s", "0.49"}, {"8", "0.02", "not reached", "—", "—", "0.71"}}
	for i := range want {
		if strings.Join(tab.Rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("%d: %q, want %q", i, tab.Rows[i], want[i])
		}
	}
	st := []StepTime{{Batch: 1, PerStep: 10 * time.Microsecond, PerExample: 10 * time.Microsecond}, {Batch: 4, PerStep: 20 * time.Microsecond, PerExample: 5 * time.Microsecond}}
	if row := StepTimeTable("c", TimedBatches{"cpu", st}).Rows[1]; strings.Join(row, "|") != "4|20|2.0|5.00" {
		t.Errorf("step time row %q", row)
	}
	if err := StepTimeChart("c", true, TimedBatches{"cpu", st}).Err(); err != nil {
		t.Error(err)
	}
}
