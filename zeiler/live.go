package zeiler

import (
	"fmt"

	"github.com/nncourse/optimizers/nn"
	"github.com/nncourse/optimizers/vizhelpers"
)

// LiveSettings are the paper's best setting of each method (Table 1's best
// rate for SGD, Momentum and Adagrad, Table 2's best ρ and ε for Adadelta)
// with tanh, seed 1 and the given epochs: the notebook's reduced run.
func LiveSettings(epochs int) []Setting {
	var out []Setting
	for _, o := range Table1Optimizers {
		s := Setting{Activation: nn.Tanh, Optimizer: o, Epochs: epochs, Seed: 1, Data: OnTest}
		best := 0.0
		for rate, e := range PaperTable1[o] {
			if best == 0 || e < PaperTable1[o][best] {
				best = rate
			}
		}
		s.Rate = best
		out = append(out, s)
	}
	s := Setting{Activation: nn.Tanh, Optimizer: "Adadelta", Epochs: epochs, Seed: 1, Data: OnTest}
	for rho, row := range PaperTable2 {
		for eps, e := range row {
			if s.Rho == 0 || e < PaperTable2[s.Rho][s.Eps] {
				s.Rho, s.Eps = rho, eps
			}
		}
	}
	return append(out, s)
}

// LiveTable puts the live runs beside the paper's cell and the full
// reproduction's cell of the same setting (6 epochs on every image).
func LiveTable(c Config, st *Store, live []Run, describe string) vizhelpers.Table {
	t := vizhelpers.Table{Caption: "Test error (%): the paper, the full reproduction (committed), and this live run (" + describe + ")",
		Header: []string{"method", "setting", "paper", "full reproduction", "live run"}}
	for _, r := range live {
		s := r.Setting
		full, paper := c.Table1(s.Optimizer, s.Rate, 0), PaperTable1[s.Optimizer][s.Rate]
		if s.Optimizer == "Adadelta" {
			full, paper = c.Table2(s.Rho, s.Eps, 0), PaperTable2[s.Rho][s.Eps]
		}
		liveCell := fmt.Sprintf("%.2f", r.Final())
		if r.Diverged != "" {
			liveCell = "diverged"
		}
		t.Rows = append(t.Rows, []string{s.Optimizer, s.Knobs(), fmt.Sprintf("%.2f", paper),
			Summarise(st.Seeds(full, c.Seeds)).Format(len(c.Seeds)), liveCell})
	}
	return t
}
