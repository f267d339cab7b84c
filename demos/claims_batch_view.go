package demos

import (
	"fmt"
	"time"

	"github.com/nncourse/optimizers/vizhelpers"
)

// TimedBatches is one named series of step or product times, for
// StepTimeChart and StepTimeTable.
type TimedBatches struct {
	Name  string
	Times []StepTime
}

// StepTimeChart draws the time per step (perExample false) or per example
// against the batch size, both axes logarithmic, one curve per series: a
// flat curve per step is the lecture's "the same time no matter the number
// of inputs"; a falling curve per example is what a larger batch saves.
func StepTimeChart(title string, perExample bool, series ...TimedBatches) *vizhelpers.Chart {
	ylabel := "time per step (µs)"
	if perExample {
		ylabel = "time per example (µs)"
	}
	var lines []vizhelpers.Series
	for _, s := range series {
		line := vizhelpers.Series{Name: s.Name}
		for _, t := range s.Times {
			d := t.PerStep
			if perExample {
				d = t.PerExample
			}
			line.X = append(line.X, float64(t.Batch))
			line.Y = append(line.Y, float64(d)/float64(time.Microsecond))
		}
		lines = append(lines, line)
	}
	return vizhelpers.LineChart(vizhelpers.LineOptions{Title: title, XLabel: "batch size", YLabel: ylabel,
		LogX: true, LogY: true, Markers: true}, lines...)
}

// StepTimeTable lists each series' time per step and per example for every
// batch size, and the step time as a multiple of the first batch size's:
// while that multiple stays far below b/b₀ the larger batch is nearly free.
func StepTimeTable(caption string, series ...TimedBatches) vizhelpers.Table {
	t := vizhelpers.Table{Caption: caption, Header: []string{"batch"}}
	for _, s := range series {
		t.Header = append(t.Header, s.Name+": µs/step", "× first", "µs/example")
	}
	for i := range series[0].Times {
		row := []string{fmt.Sprint(series[0].Times[i].Batch)}
		for _, s := range series {
			st, first := s.Times[i], s.Times[0]
			row = append(row, fmt.Sprintf("%.0f", micro(st.PerStep)), fmt.Sprintf("%.1f", float64(st.PerStep)/float64(first.PerStep)),
				fmt.Sprintf("%.2f", micro(st.PerExample)))
		}
		t.Rows = append(t.Rows, row)
	}
	t.Note = "The fastest of repeated steps on this machine; another machine, or the same one under load, gives other numbers."
	return t
}

func micro(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }

// ToTargetTable shows StepsToLoss's runs: η, steps, examples and wall time
// to the target loss for every batch size, and the running loss each run
// ended with.
func ToTargetTable(caption string, runs []ToTarget) vizhelpers.Table {
	t := vizhelpers.Table{Caption: caption, Header: []string{"batch", "η", "steps", "examples", "wall time", "final loss"}}
	for _, r := range runs {
		steps, examples, wall := "not reached", "—", "—"
		if r.Diverged {
			steps = "diverged"
		}
		if r.Steps >= 0 {
			steps, examples, wall = fmt.Sprint(r.Steps), Commas(int64(r.Examples)), fmt.Sprintf("%.2f s", r.Wall.Seconds())
		}
		t.Rows = append(t.Rows, []string{fmt.Sprint(r.Batch), fmt.Sprintf("%.3g", r.Eta), steps, examples, wall, fmt.Sprintf("%.3g", r.Loss)})
	}
	return t
}
