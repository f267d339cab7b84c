package nn

import (
	"math"
	"testing"

	"github.com/nncourse/optimizers/optim"
)

// TestLectureModelSize checks the lecture's arithmetic: 784-32-20-10 has
// 784×32 + 32 + 32×20 + 20 + 20×10 + 10 = 25,990 parameters, 207,920
// bytes in float64.
func TestLectureModelSize(t *testing.T) {
	mem := TrainingMemory[float64]([]int{784, 32, 20, 10}, 128, CrossEntropy, optim.NewSGD[float64]())
	if mem.Params != 25990 || mem.Weights != 207920 {
		t.Errorf("784-32-20-10: %d params, %d bytes; want 25990, 207920", mem.Params, mem.Weights)
	}
	if got := len(NewMLP[float64]([]int{784, 32, 20, 10}, ReLU, 1, He).Params); got != 25990 {
		t.Errorf("NewMLP: len(Params) = %d, want 25990", got)
	}
}

// TestModelMultiples checks the lecture's multiples: training with SGD holds
// the model twice (weights and gradients), momentum three times.
func TestModelMultiples(t *testing.T) {
	sizes := []int{784, 32, 20, 10}
	for i, c := range []struct {
		opt  optim.Optimizer[float64]
		want float64
	}{
		{optim.NewSGD[float64](), 2},
		{optim.NewMomentum[float64](), 3},
	} {
		m := TrainingMemory(sizes, 128, CrossEntropy, c.opt)
		if got := m.ModelMultiple(); got != c.want {
			t.Errorf("%d %s: %g× the model, want %g×", i, c.opt.Name(), got, c.want)
		}
	}
}

// memoryCase measures one configuration and checks that the runtime's
// count is within 5% of the computed total.
func memoryCase[T optim.Float](t *testing.T, sizes []int, batch int, loss Loss, fresh func() optim.Optimizer[T]) Memory {
	t.Helper()
	m := TrainingMemory(sizes, batch, loss, fresh())
	m.Measured = MeasureMemory(sizes, batch, loss, fresh())
	if diff := math.Abs(float64(m.Measured-m.Total())) / float64(m.Total()); diff > 0.05 {
		t.Errorf("%v %s %s: measured %d bytes, computed %d (%.1f%% apart, want ≤ 5%%)",
			sizes, m.Optimizer, m.Elem, m.Measured, m.Total(), 100*diff)
	}
	return m
}

// TestMeasuredMemory compares the computed memory of a training step with
// the runtime's allocation count, for every optimizer in optim, both
// element types and both losses on the lecture's network, and for SGD and
// Adam on Zeiler's.
func TestMeasuredMemory(t *testing.T) {
	sizes := []int{784, 32, 20, 10}
	var rows []Memory
	for _, fresh := range optimizers[float64]() {
		rows = append(rows, memoryCase(t, sizes, 128, CrossEntropy, fresh))
	}
	for _, fresh := range optimizers[float32]() {
		rows = append(rows, memoryCase(t, sizes, 128, CrossEntropy, fresh))
	}
	rows = append(rows, memoryCase(t, sizes, 128, MSE, optimizers[float64]()[0]))
	// Zeiler's 784-500-300-10, with no optimizer state and with Adam's 2n.
	for _, fresh := range []func() optim.Optimizer[float32]{
		func() optim.Optimizer[float32] { return optim.NewSGD[float32]() },
		func() optim.Optimizer[float32] { return optim.NewAdam[float32]() },
	} {
		rows = append(rows, memoryCase(t, []int{784, 500, 300, 10}, 128, CrossEntropy, fresh))
	}
	if testing.Verbose() {
		for _, m := range rows {
			t.Logf("%+v", m)
		}
	}
}
