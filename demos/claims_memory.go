package demos

// Notebook 01-space-and-memory (and 09): the lecture's "all this data must be
// in the GPU", measured against real devices (issue 8, "The lecture's claims,
// measured"). Training keeps the weights, their gradients and the
// optimizer's state (the lecture's "twice", "triple", "quadruple"); the
// activations come on top and depend on the batch (nn.TrainingMemory).

import (
	"fmt"

	"github.com/nncourse/optimizers/optim"
	"github.com/nncourse/optimizers/vizhelpers"
)

// Device is an accelerator's memory, as its maker sells it (GB = 10⁹ bytes).
type Device struct {
	Name  string
	Bytes int64
}

// Devices are the three sizes issue 8 asks about: a 24 GB consumer card
// (RTX 3090/4090), the 80 GB A100 and the 141 GB H200.
func Devices() []Device {
	return []Device{{"24 GB consumer", 24e9}, {"80 GB A100", 80e9}, {"141 GB H200", 141e9}}
}

// MemoryFit is what training a model keeps with one optimizer in one
// precision, leaving out activations, and whether it fits on each device.
type MemoryFit struct {
	Optimizer, Precision string
	// Weights, Gradients and State are in bytes: params·sizeof twice, and
	// the optimizer's StateBytes counted in elements of the precision.
	Weights, Gradients, State int64
	Fits                      []bool // one per device
}

// Total is weights + gradients + state.
func (m MemoryFit) Total() int64 { return m.Weights + m.Gradients + m.State }

// TrainingFits computes MemoryFit for every optimizer of the lecture and the
// training precisions float64, float32 and bfloat16 (every array in that
// type; int8 is for inference). The state is read off the optimizers'
// StateBytes in float32 and float64, S₃₂ and S₆₄: it is k·n elements plus
// b bytes that do not depend on the type (Rprop's sign bits), so in a
// precision of p bytes it is (S₆₄ − S₃₂)/4·p + 2·S₃₂ − S₆₄, and a change of
// what an optimizer keeps shows up here. For 7·10⁹ parameters Adam keeps 4 model-sized arrays:
// 112 GB in float32, which fits only on the H200, and 56 GB in bfloat16.
func TrainingFits(params int64, devices []Device) []MemoryFit {
	var rows []MemoryFit
	for _, p := range Precisions() {
		if p.Bytes < 2 {
			continue
		}
		wide := optim.All[float64]()
		for i, opt := range optim.All[float32]() {
			s32, s64 := opt.StateBytes(int(params)), wide[i].StateBytes(int(params))
			model := params * int64(p.Bytes)
			m := MemoryFit{Optimizer: opt.Name(), Precision: p.Name, Weights: model, Gradients: model,
				State: (s64-s32)/4*int64(p.Bytes) + 2*s32 - s64}
			for _, d := range devices {
				m.Fits = append(m.Fits, m.Total() <= d.Bytes)
			}
			rows = append(rows, m)
		}
	}
	return rows
}

// TrainingFitTable shows TrainingFits as a table, sizes in GB (10⁹ bytes,
// the unit devices are sold in).
func TrainingFitTable(params int64, devices []Device) vizhelpers.Table {
	t := vizhelpers.Table{Caption: fmt.Sprintf("training memory of a %s-parameter model (weights + gradients + optimizer state, no activations)", Commas(params)),
		Header: []string{"optimizer", "precision", "state", "total"},
		Note:   "GB = 10⁹ bytes. Activations, the framework and the CUDA context come on top."}
	for _, d := range devices {
		t.Header = append(t.Header, d.Name)
	}
	gb := func(b int64) string { return fmt.Sprintf("%.1f GB", float64(b)/1e9) }
	for _, m := range TrainingFits(params, devices) {
		row := []string{m.Optimizer, m.Precision, gb(m.State), gb(m.Total())}
		for _, fits := range m.Fits {
			row = append(row, map[bool]string{true: "fits", false: "—"}[fits])
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
