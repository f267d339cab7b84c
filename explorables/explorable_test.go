package explorables

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/nncourse/optimizers/datasets"
)

// TestDefaults runs every explorable at the lesson's values: each path has
// Steps+1 finite points, starts at Start and ends lower than it started.
func TestDefaults(t *testing.T) {
	for i, name := range Names() {
		e, _ := Lookup(name)
		r, err := e.Run(e.Defaults())
		if err != nil {
			t.Fatalf("%d %s: %v", i, name, err)
		}
		if len(r.Paths) == 0 {
			t.Errorf("%d %s: no paths", i, name)
		}
		for _, p := range r.Paths {
			if p.Diverged || len(p.Points) != e.Steps+1 || len(p.Loss) != e.Steps+1 {
				t.Errorf("%d %s %s: diverged %v, %d points, %d losses; want %d", i, name, p.Name, p.Diverged, len(p.Points), len(p.Loss), e.Steps+1)
				continue
			}
			if p.Points[0] != e.Start || !(p.Loss[e.Steps] < p.Loss[0]) {
				t.Errorf("%d %s %s: starts at %v (want %v), loss %g → %g", i, name, p.Name, p.Points[0], e.Start, p.Loss[0], p.Loss[e.Steps])
			}
		}
	}
}

// TestSettingsRefused checks that Run refuses what a page could send wrong.
func TestSettingsRefused(t *testing.T) {
	e, _ := Lookup("rmsprop")
	for i, s := range []Settings{
		{"eta": 0.2}, // above the slider
		{"gamma": math.NaN()},
		{"eps": -7.5},  // not an integer exponent
		{"beta1": 0.9}, // no such knob
	} {
		if _, err := e.Run(s); err == nil {
			t.Errorf("%d: Run(%v) gave no error", i, s)
		}
	}
}

// TestKnobValue checks that a Log10 knob gives the decimal literal and a
// linear one the position itself.
func TestKnobValue(t *testing.T) {
	for i, c := range []struct {
		knob Knob
		pos  float64
		want float64
		text string
	}{
		{eps(-8), -8, 1e-8, "1e-8"},
		{eps(-8), -1, 0.1, "1e-1"},
		{Knob{Key: "eta", Min: 0, Max: 1, Step: 0.005}, 0.045, 0.045, "0.045"},
	} {
		if got := c.knob.Value(c.pos); got != c.want {
			t.Errorf("%d: Value(%g) = %g, want %g", i, c.pos, got, c.want)
		}
		if got := c.knob.Text(c.pos); got != c.text {
			t.Errorf("%d: Text(%g) = %q, want %q", i, c.pos, got, c.text)
		}
	}
}

// TestPointsText checks that the text of a path's points parses back to
// the very same float64s.
func TestPointsText(t *testing.T) {
	e, _ := Lookup("adam")
	r, err := e.Run(e.Defaults())
	if err != nil {
		t.Fatal(err)
	}
	p := r.Paths[1]
	fields := strings.Fields(p.PointsText())
	if len(fields) != 2*len(p.Points) {
		t.Fatalf("%d numbers for %d points", len(fields), len(p.Points))
	}
	for i, f := range fields {
		got, err := strconv.ParseFloat(f, 64)
		if want := p.Points[i/2][i%2]; err != nil || got != want {
			t.Errorf("%d: %q parses to %v (%v), want %v", i, f, got, err, want)
		}
	}
}

// TestDivergedCut checks that a diverging run is cut once far outside the
// window, and that what it keeps is finite.
func TestDivergedCut(t *testing.T) {
	e, _ := Lookup("momentum")
	r, err := e.Run(Settings{"eta": 0.15, "mu": 0})
	if err != nil {
		t.Fatal(err)
	}
	sgd := r.Paths[0] // 0.15 > 2/20: SGD diverges
	if !sgd.Diverged || len(sgd.Points) > e.Steps {
		t.Fatalf("SGD at η = 0.15: diverged %v after %d points", sgd.Diverged, len(sgd.Points))
	}
	last := sgd.Points[len(sgd.Points)-1]
	if !finite(last[0]) || !finite(last[1]) || math.Abs(last[1]) <= 2 {
		t.Errorf("SGD at η = 0.15 cut at %v: want finite and outside the window", last)
	}
}

// TestContours checks on circles, f = ½(x² + y²), that every contour
// segment lies inside the window and on one of at most levels−1 levels:
// both its ends at the same f, within the grid's interpolation error.
func TestContours(t *testing.T) {
	s := datasets.Quadratic(1)
	segs := contourSegments(s, 80, 12)
	if len(segs) == 0 {
		t.Fatal("no contour segments")
	}
	levels := map[float64]bool{}
	for i, seg := range segs {
		a, b := s.Value(seg[0], seg[1]), s.Value(seg[2], seg[3])
		if math.Abs(a-b) > 0.01 || math.Abs(seg[0]) > 2 || math.Abs(seg[1]) > 2 {
			t.Fatalf("%d: segment %v from f = %g to f = %g", i, seg, a, b)
		}
		levels[math.Round(a*20)/20] = true
	}
	if len(levels) > 11 {
		t.Errorf("%d levels, want at most 11", len(levels))
	}
}

// TestLogTicks checks the log axis's ticks: their labels are round values,
// whole decades over a wide range, 1, 2 and 5 per decade over a narrow one.
func TestLogTicks(t *testing.T) {
	for i, c := range []struct {
		lo, hi float64
		want   string
	}{
		{-1, 0, "0.1 0.2 0.5 1"},
		{-2, 0, "0.01 0.02 0.05 0.1 0.2 0.5 1"},
		{-9, -7, "1e-9 2e-9 5e-9 1e-8 2e-8 5e-8 1e-7"},
		{-3, 0, "0.001 0.01 0.1 1"},
		{-20, 2, "1e-20 1e-15 1e-10 1e-5 1"},
	} {
		var labels []string
		for _, tick := range logTicks(c.lo, c.hi, 6) {
			labels = append(labels, logLabel(tick))
		}
		if got := strings.Join(labels, " "); got != c.want {
			t.Errorf("%d: logTicks(%g, %g): labels %q, want %q", i, c.lo, c.hi, got, c.want)
		}
	}
}

// TestTicks checks the axis ticks: round numbers covering the range.
func TestTicks(t *testing.T) {
	for i, c := range []struct {
		lo, hi float64
		n      int
		want   []float64
	}{
		{-2, 2, 5, []float64{-2, -1, 0, 1, 2}},
		{0, 1000, 5, []float64{0, 200, 400, 600, 800, 1000}},
		{-20, 2, 6, []float64{-20, -15, -10, -5, 0}},
	} {
		got := ticks(c.lo, c.hi, c.n)
		if len(got) != len(c.want) {
			t.Errorf("%d: ticks(%g, %g, %d) = %v, want %v", i, c.lo, c.hi, c.n, got, c.want)
			continue
		}
		for j := range got {
			if got[j] != c.want[j] {
				t.Errorf("%d: ticks(%g, %g, %d) = %v, want %v", i, c.lo, c.hi, c.n, got, c.want)
				break
			}
		}
	}
}

// TestHTML checks the placeholder: it names the explorable, carries its
// knobs and settings, and holds the figure with one path element per path.
func TestHTML(t *testing.T) {
	h := HTML("momentum")
	for _, want := range []string{`data-explorable="momentum"`, `data-knobs="[{&#34;key&#34;:&#34;eta&#34;`,
		`data-settings="{&#34;eta&#34;:0.04,&#34;mu&#34;:0.9}"`, `class="nncourse-figure"`, "NAG: η &lt; 2(1+μ)/((1+2μ)λ) = 0.06786; ρ = 0.9295"} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML(momentum) lacks %s", want)
		}
	}
	if n := strings.Count(h, `class="nncourse-path"`); n != 3 {
		t.Errorf("HTML(momentum) has %d paths, want 3", n)
	}
	defer func() {
		if recover() == nil {
			t.Error("HTML(no-such) did not panic")
		}
	}()
	HTML("no-such")
}

// TestLessonsShowThem checks that each explorable's notebook has the cell
// that shows it.
func TestLessonsShowThem(t *testing.T) {
	for i, name := range Names() {
		e, _ := Lookup(name)
		nb, err := os.ReadFile(filepath.Join("..", "notebooks", e.Lesson+".ipynb"))
		if err != nil {
			t.Errorf("%d %s: %v", i, name, err)
			continue
		}
		if want := `explorables.HTML(\"` + name + `\")`; !strings.Contains(string(nb), want) {
			t.Errorf("%d %s: notebooks/%s.ipynb has no cell with %s", i, name, e.Lesson, want)
		}
	}
}
