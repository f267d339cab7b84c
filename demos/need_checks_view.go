package demos

import (
	"fmt"
	"math"
	"slices"

	"github.com/nncourse/optimizers/vizhelpers"
)

// Mean is the mean of v.
func Mean(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s / float64(len(v))
}

// Spread is max(v) − min(v).
func Spread(v []float64) float64 { return slices.Max(v) - slices.Min(v) }

// ScheduleTable shows CompareSchedules' outcomes, one row per seed, the
// validation errors in percent and each schedule's final η, with the mean
// over the seeds and the spread (largest − smallest) under them.
func ScheduleTable(caption string, seeds []uint64, outcomes []ScheduleOutcome) vizhelpers.Table {
	t := vizhelpers.Table{Caption: caption, Header: []string{"seed"}}
	for _, o := range outcomes {
		t.Header = append(t.Header, o.Name+": final error", "best", "final η")
	}
	pct := func(x float64) string { return fmt.Sprintf("%.2f %%", 100*x) }
	for k, seed := range seeds {
		row := []string{fmt.Sprint(seed)}
		for _, o := range outcomes {
			row = append(row, pct(o.Final[k]), pct(o.Best[k]), fmt.Sprintf("%.3g", o.Rates[k]))
		}
		t.Rows = append(t.Rows, row)
	}
	for _, stat := range []struct {
		name string
		f    func([]float64) float64
	}{{"mean", Mean}, {"spread", Spread}} {
		row := []string{stat.name}
		for _, o := range outcomes {
			row = append(row, pct(stat.f(o.Final)), pct(stat.f(o.Best)), "")
		}
		t.Rows = append(t.Rows, row)
	}
	if len(outcomes) == 2 {
		d := Mean(outcomes[1].Final) - Mean(outcomes[0].Final)
		t.Note = fmt.Sprintf("Difference of the mean final errors: %+.2f points; largest spread over the seeds: %.2f points.",
			100*d, 100*math.Max(Spread(outcomes[0].Final), Spread(outcomes[1].Final)))
	}
	return t
}
