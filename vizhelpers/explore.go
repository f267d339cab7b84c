package vizhelpers

import (
	"fmt"
	"math"
	"strings"
)

// Param is a value a student can change with a slider in Explore: it runs
// from Min to Max in increments of Step and starts at Value.
type Param struct {
	Name                  string
	Min, Max, Step, Value float64
}

// positions returns the number of slider positions after the first one.
func (p Param) positions() int {
	if !(p.Step > 0) || !(p.Max > p.Min) {
		panic(fmt.Sprintf("vizhelpers: Param %q: need Min < Max and Step > 0, got [%g, %g] step %g", p.Name, p.Min, p.Max, p.Step))
	}
	return int(math.Round((p.Max - p.Min) / p.Step))
}

// at returns the value at slider position i.
func (p Param) at(i int) float64 { return p.Min + float64(min(max(i, 0), p.positions()))*p.Step }

// position returns the slider position nearest to Value.
func (p Param) position() int {
	return min(max(int(math.Round((p.Value-p.Min)/p.Step)), 0), p.positions())
}

// describe formats the parameters' current values: "η = 0.1, μ = 0.9".
func describe(params []Param, values []float64) string {
	parts := make([]string, len(params))
	for i, p := range params {
		parts[i] = fmt.Sprintf("%s = %.4g", p.Name, values[i])
	}
	return strings.Join(parts, ", ")
}

// initialValues returns each parameter's Value snapped to its slider grid.
func initialValues(params []Param) []float64 {
	vals := make([]float64, len(params))
	for i, p := range params {
		vals[i] = p.at(p.position())
	}
	return vals
}
