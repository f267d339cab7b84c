package zeiler

import (
	"fmt"
	"math"

	"github.com/nncourse/optimizers/nn"
	"github.com/nncourse/optimizers/vizhelpers"
)

// Measured is what the fair comparison measured of one optimizer: its
// test error at the tuned rate over seeds, its validation error at the
// library's default rate and the worst over its first grid (default ×
// 10^(k/2), k = TuneLo … TuneHi, a diverged run counting as 90 %,
// chance), its optimizer state and its training time per epoch.
type Measured struct {
	Name         string
	Rate         float64 // the tuned rate
	Test         Cell    // test error (%) after FairEpochs at Rate
	AtDefault    float64 // validation error (%) after TuneEpochs at DefaultRate; NaN if not run
	WorstOnGrid  float64 // worst validation error (%) over the first grid; NaN if a rate was not run
	StateBytes   int64
	EpochSeconds float64 // mean over the fair runs
	OneVector    bool    // the state holds at most one float32 per parameter
}

// Measure returns the Measured of each named optimizer, or an error while
// the tuning is not done.
func Measure(c Config, st *Store, names []string) ([]Measured, error) {
	chosen, err := Chosen(c, st)
	if err != nil {
		return nil, err
	}
	var out []Measured
	for _, o := range names {
		s := c.Fair(o, chosen[o], 0)
		runs := st.Seeds(s, c.Seeds)
		state, _ := Memory(s.NewOptimizer(c.Sizes), c.Sizes, c.Batch)
		m := Measured{Name: o, Rate: chosen[o], Test: Summarise(runs), AtDefault: math.NaN(),
			StateBytes: state, EpochSeconds: meanEpochSeconds(runs),
			OneVector: state <= 4*int64(nn.ParamCount(c.Sizes))}
		if r, ok := st.Get(c.Tune(o, DefaultRate(o))); ok {
			m.AtDefault = cellValue(Summarise([]Run{r}))
		}
		var grid []float64
		for _, rate := range Log10Grid(DefaultRate(o), c.TuneLo, c.TuneHi) {
			v := math.NaN()
			if r, ok := st.Get(c.Tune(o, rate)); ok {
				v = cellValue(Summarise([]Run{r}))
			}
			grid = append(grid, v)
		}
		m.WorstOnGrid = worst(grid)
		out = append(out, m)
	}
	return out, nil
}

// worst is the largest of xs, NaN if any is NaN.
func worst(xs []float64) float64 {
	w := math.Inf(-1)
	for _, x := range xs {
		if math.IsNaN(x) {
			return math.NaN()
		}
		w = math.Max(w, x)
	}
	return w
}

// Guide is lesson 10's "which optimizer when", built from the fair
// comparison of the nine and AfterLecture (Compared) alone: for each
// situation the optimizer that measured best by that situation's yardstick,
// the runner-up, and whether the two differ by less than the seeds'
// spread. It is empty while the tuning goes on.
func Guide(c Config, st *Store) vizhelpers.Table {
	t := vizhelpers.Table{Caption: fmt.Sprintf("Which optimizer when, as measured here (%s ReLU network, MNIST, %d epochs, %d seeds)", arch(c.Sizes), c.FairEpochs, len(c.Seeds)),
		Header: []string{"situation", "reach for", "measured here", "runner-up"}, Align: "llll",
		Note: fmt.Sprintf("Yardsticks: test error (%%) after %d epochs at the tuned rate, mean ± sd over the seeds; validation error (%%) after %d epoch(s) of the tuning runs (one seed) at the library's default rate, and the worst over the rates default × 10^(k/2), k = %d … %d, a diverged run counting as 90 (chance); "+
			"\"one vector of state\": Optimizer.StateBytes at most one float32 per parameter. \"Within noise\": the two means differ by less than the sum of their standard deviations.", c.FairEpochs, c.TuneEpochs, c.TuneLo, c.TuneHi)}
	ms, err := Measure(c, st, Compared())
	if err != nil {
		return t
	}
	test := func(m Measured) float64 { return m.Test.Mean }
	rows := []struct {
		situation string
		of        func(Measured) float64 // the yardstick, lower is better
		seeds     bool                   // of is the test error, whose seeds give a spread
		eligible  func(Measured) bool    // nil: every optimizer
		says      func(Measured) string
	}{
		{"the lowest test error, the rate tuned", test, true, nil,
			func(m Measured) string {
				return fmt.Sprintf("%s %% at %s = %g", m.Test.Format(len(c.Seeds)), RateName(m.Name), m.Rate)
			}},
		{"no time to tune: the library's default rate", func(m Measured) float64 { return m.AtDefault }, false, nil,
			func(m Measured) string {
				return fmt.Sprintf("%.2f %% validation error at %s = %g", m.AtDefault, RateName(m.Name), DefaultRate(m.Name))
			}},
		{"the right rate is unknown: the most forgiving", func(m Measured) float64 { return m.WorstOnGrid }, false, nil,
			func(m Measured) string {
				return fmt.Sprintf("worst %.2f %% validation error over %s = %g × 0.1 … 10", m.WorstOnGrid, RateName(m.Name), DefaultRate(m.Name))
			}},
		{"memory is tight: one vector of state at most", test, true, func(m Measured) bool { return m.OneVector },
			func(m Measured) string {
				return fmt.Sprintf("%s %%, state %s", m.Test.Format(len(c.Seeds)), vizhelpers.HumanBytes(float64(m.StateBytes)))
			}},
	}
	for _, row := range rows {
		best, next := rank(ms, row.of, row.eligible)
		if best < 0 {
			continue
		}
		runnerUp := "–"
		if next >= 0 {
			runnerUp = ms[next].Name + ": " + row.says(ms[next])
			if row.seeds && row.of(ms[next])-row.of(ms[best]) < ms[best].Test.SD+ms[next].Test.SD {
				runnerUp += " (within noise)"
			}
		}
		t.Rows = append(t.Rows, []string{row.situation, ms[best].Name, row.says(ms[best]), runnerUp})
	}
	return t
}

// rank returns the indices of the lowest and second-lowest of(m) among
// the eligible ms (nil: all) whose value is a number, −1 for none.
func rank(ms []Measured, of func(Measured) float64, eligible func(Measured) bool) (best, next int) {
	best, next = -1, -1
	for i, m := range ms {
		v := of(m)
		if math.IsNaN(v) || eligible != nil && !eligible(m) {
			continue
		}
		switch {
		case best < 0 || v < of(ms[best]):
			best, next = i, best
		case next < 0 || v < of(ms[next]):
			next = i
		}
	}
	return best, next
}
