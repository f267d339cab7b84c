package demos

import (
	"testing"

	"github.com/nncourse/optimizers/optim"
)

// TestTrainingFits7B checks the 7B table: exact bytes for the optimizers
// whose state is k model-sized arrays, and what fits where.
func TestTrainingFits7B(t *testing.T) {
	rows := TrainingFits(7e9, Devices())
	find := func(name, prec string) MemoryFit {
		for _, r := range rows {
			if r.Optimizer == name && r.Precision == prec {
				return r
			}
		}
		t.Fatalf("no row %s %s", name, prec)
		return MemoryFit{}
	}
	for i, c := range []struct {
		name, prec string
		total      int64
		fits       [3]bool
	}{
		{"SGD", "float64", 112e9, [3]bool{false, false, true}},
		{"Adam", "float64", 224e9, [3]bool{false, false, false}},
		{"SGD", "float32", 56e9, [3]bool{false, true, true}},
		{"Momentum", "float32", 84e9, [3]bool{false, false, true}},
		{"Adam", "float32", 112e9, [3]bool{false, false, true}},
		{"SGD", "bfloat16 / float16", 28e9, [3]bool{false, true, true}},
		{"Adam", "bfloat16 / float16", 56e9, [3]bool{false, true, true}},
	} {
		r := find(c.name, c.prec)
		if r.Total() != c.total || [3]bool(r.Fits) != c.fits {
			t.Errorf("%d: %s %s: total %d, fits %v; want %d, %v", i, c.name, c.prec, r.Total(), r.Fits, c.total, c.fits)
		}
	}
	// The state follows each optimizer's own StateBytes in both course types.
	wide := optim.All[float64]()
	for i, opt := range optim.All[float32]() {
		if got, want := find(opt.Name(), "float32").State, opt.StateBytes(7e9); got != want {
			t.Errorf("%s float32 state %d, StateBytes %d", opt.Name(), got, want)
		}
		if got, want := find(opt.Name(), "float64").State, wide[i].StateBytes(7e9); got != want {
			t.Errorf("%s float64 state %d, StateBytes %d", opt.Name(), got, want)
		}
	}
	if r := find("Rprop", "bfloat16 / float16"); r.State != 2*7e9+optim.NewRprop[float32]().StateBytes(7e9)-4*7e9 {
		t.Errorf("Rprop bfloat16 state %d: want its step sizes in 2 bytes and its sign bits unchanged", r.State)
	}
	if len(TrainingFitTable(7e9, Devices()).Rows) != len(rows) {
		t.Errorf("table rows differ from TrainingFits")
	}
}
