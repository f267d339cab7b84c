package zeiler

import (
	"fmt"
	"math"
	"strings"
)

// Cell summarises the runs of one setting over seeds.
type Cell struct {
	Runs     int       // runs found
	Diverged int       // of which diverged
	Mean, SD float64   // of the final errors of the others, in percent (SD: n−1 denominator; NaN below 2 runs)
	Finals   []float64 // the final errors of the runs that did not diverge, in the order of the runs
}

// Summarise returns the cell of runs.
func Summarise(runs []Run) Cell {
	c := Cell{Runs: len(runs), Mean: math.NaN(), SD: math.NaN()}
	var finals []float64
	for _, r := range runs {
		if r.Diverged != "" {
			c.Diverged++
			continue
		}
		finals = append(finals, r.Final())
	}
	c.Finals = finals
	c.Mean, c.SD = meanSD(finals)
	return c
}

// meanSD returns the mean and the sample standard deviation of xs (NaN for
// the mean of none and the deviation of fewer than two).
func meanSD(xs []float64) (mean, sd float64) {
	if len(xs) == 0 {
		return math.NaN(), math.NaN()
	}
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	if len(xs) < 2 {
		return mean, math.NaN()
	}
	for _, x := range xs {
		sd += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(sd / float64(len(xs)-1))
}

// Format formats the cell as "2.31 ± 0.05", adding "(n = 2)" when fewer
// than want runs finished, and the diverged count; "not run" when none.
// Where the deviation exceeds half the mean (seeds that disagree, such as
// one run that failed beside two that trained) it lists the runs' errors,
// "34.89 ± 47.45 (runs: 7.53, 7.46, 89.68)", since the mean of such a
// cell describes none of them.
func (c Cell) Format(want int) string {
	if c.Runs == 0 {
		return "not run"
	}
	s := ""
	switch {
	case math.IsNaN(c.Mean):
		s = "diverged"
	case math.IsNaN(c.SD):
		s = fmt.Sprintf("%.2f", c.Mean)
	default:
		s = fmt.Sprintf("%.2f ± %.2f", c.Mean, c.SD)
		if c.SD > c.Mean/2 {
			s += " (runs: " + twoDecimals(c.Finals) + ")"
		}
	}
	if c.Diverged > 0 && !math.IsNaN(c.Mean) {
		s += fmt.Sprintf(", %d diverged", c.Diverged)
	}
	if c.Runs < want {
		s += fmt.Sprintf(" (n = %d)", c.Runs)
	}
	return s
}

// twoDecimals lists xs to two decimals, comma-separated.
func twoDecimals(xs []float64) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = fmt.Sprintf("%.2f", x)
	}
	return strings.Join(parts, ", ")
}
