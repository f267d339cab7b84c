package explorables

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"sync"

	"github.com/nncourse/optimizers/datasets"
	"github.com/nncourse/optimizers/optim"
)

// Settings are slider positions by knob key. A knob that is missing stays
// at its default.
type Settings map[string]float64

// Explorable is one live figure: optimizers racing on a surface from a
// start, for hyperparameters set by knobs.
type Explorable struct {
	// Name identifies the explorable in the lesson's markup and in
	// cmd/explorables, e.g. "momentum".
	Name string
	// Lesson is the notebook it belongs to, e.g. "03-momentum-and-nesterov".
	Lesson string
	// Surface, Start and Steps: where the optimizers run, and for how long.
	Surface datasets.Surface
	Start   [2]float64
	Steps   int
	// Knobs are the sliders, in the order they are shown.
	Knobs []Knob

	// racers returns the optimizers to run for the knobs' values, each
	// with its legend label.
	racers func(v values) []racer
	// notes returns lines printed under the figure (the stability limits,
	// the bias correction) for the knobs' values, or nil.
	notes func(v values) []string

	// maps are drawn under the panels: a method's convergence factor over
	// the plane of the first two knobs, with the picked point marked.
	maps []rateMap

	// contours is the SVG path of the surface's contour lines, the same
	// in every figure: computed once.
	contours     string
	contoursOnce sync.Once
	// mapCells is the SVG of the maps' cells, the same in every figure.
	mapCells     string
	mapCellsOnce sync.Once
}

// rateMap is a method's convergence factor per step ρ as a function of
// the first two knobs' values.
type rateMap struct {
	label string
	rate  func(x, y float64) float64
}

// values are hyperparameters by knob key.
type values map[string]float64

// racer is one optimizer of a figure and its legend label.
type racer struct {
	label string
	opt   optim.Optimizer[float64]
}

// Result is what an explorable computes for one setting.
type Result struct {
	Title string
	Paths []Path
	Notes []string
}

// Defaults returns the lesson's settings.
func (e *Explorable) Defaults() Settings {
	s := Settings{}
	for _, k := range e.Knobs {
		s[k.Key] = k.Default
	}
	return s
}

// values checks s and returns the knobs' values, defaults filled in.
func (e *Explorable) values(s Settings) (values, error) {
	known := map[string]bool{}
	v := values{}
	for _, k := range e.Knobs {
		known[k.Key] = true
		pos, ok := s[k.Key]
		if !ok {
			pos = k.Default
		}
		if err := k.check(pos); err != nil {
			return nil, err
		}
		v[k.Key] = k.Value(pos)
	}
	for key := range s {
		if !known[key] {
			return nil, fmt.Errorf("explorables: %s has no knob %q", e.Name, key)
		}
	}
	return v, nil
}

// Run races the explorable's optimizers for settings s. It returns an
// error for an unknown knob or a position outside a slider's range.
func (e *Explorable) Run(s Settings) (Result, error) {
	v, err := e.values(s)
	if err != nil {
		return Result{}, err
	}
	r := Result{Title: e.title(s)}
	for _, rc := range e.racers(v) {
		r.Paths = append(r.Paths, Descend(rc.label, rc.opt, e.Surface, e.Start, e.Steps))
	}
	if e.notes != nil {
		r.Notes = e.notes(v)
	}
	return r, nil
}

// title names the surface, the steps and the knobs' values.
func (e *Explorable) title(s Settings) string {
	t := fmt.Sprintf("%s, %d steps from (%g, %g):", e.Surface.Name(), e.Steps, e.Start[0], e.Start[1])
	for i, k := range e.Knobs {
		pos, ok := s[k.Key]
		if !ok {
			pos = k.Default
		}
		if i > 0 {
			t += ","
		}
		t += fmt.Sprintf(" %s = %s", k.Label, k.Text(pos))
	}
	return t
}

// settingsJSON returns s with the defaults filled in, as sorted JSON.
func (e *Explorable) settingsJSON(s Settings) string {
	full := e.Defaults()
	for k, v := range s {
		full[k] = v
	}
	b, err := json.Marshal(full)
	if err != nil {
		panic("explorables: settings: " + err.Error())
	}
	return string(b)
}

// Lookup returns the explorable called name.
func Lookup(name string) (*Explorable, bool) {
	for _, e := range all {
		if e.Name == name {
			return e, true
		}
	}
	return nil, false
}

// Names returns the names of all explorables, sorted.
func Names() []string {
	var names []string
	for _, e := range all {
		names = append(names, e.Name)
	}
	sort.Strings(names)
	return names
}

// finite reports whether x is neither NaN nor infinite.
func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
