package vizhelpers

import (
	"math"
	"strings"
	"testing"
	"time"
)

// fakeClock is a clock that advances only when told to.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

// newTestProgress returns a Progress on a fake clock recording what it shows.
func newTestProgress(total int) (*Progress, *fakeClock, *[]string) {
	clk := &fakeClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	var shown []string
	p := NewProgress("training", total, func(h string) { shown = append(shown, h) })
	p.now = clk.now
	p.start = clk.now()
	return p, clk, &shown
}

func TestProgressThrottles(t *testing.T) {
	p, clk, shown := newTestProgress(100)
	// 100 steps of 10 ms: renderings at 10, 260, 510 and 760 ms (Interval
	// 250 ms), then the forced one of Finish. The plot is drawn as soon as
	// there are two losses (260 ms), then at most once a second: Finish.
	for step := 1; step <= 100; step++ {
		clk.advance(10 * time.Millisecond)
		p.Update(step, 1/float64(step))
	}
	if p.renders != 4 || len(*shown) != 4 {
		t.Errorf("before Finish: %d renderings, %d shown; want 4", p.renders, len(*shown))
	}
	if p.plotDraws != 1 {
		t.Errorf("before Finish: %d plots, want 1", p.plotDraws)
	}
	final := p.Finish()
	if p.renders != 5 || p.plotDraws != 2 || (*shown)[4] != final {
		t.Errorf("after Finish: %d renderings, %d plots; want 5 and 2, the last shown being the final HTML", p.renders, p.plotDraws)
	}
	if !strings.Contains(final, `<img alt="loss" src="data:image/png;base64,`) {
		t.Errorf("final HTML has no loss plot")
	}
}

func TestProgressPlotInterval(t *testing.T) {
	p, clk, _ := newTestProgress(1000)
	// One step every 300 ms: every update renders; the plot is drawn as soon
	// as there are two losses (0.6 s), then when a second has passed since
	// the previous one: at 1.8 s and 3.0 s.
	for step := 1; step <= 10; step++ {
		clk.advance(300 * time.Millisecond)
		p.Update(step, 1)
	}
	if p.renders != 10 {
		t.Errorf("%d renderings, want 10", p.renders)
	}
	if p.plotDraws != 3 {
		t.Errorf("%d plots, want 3", p.plotDraws)
	}
}

func TestProgressLine(t *testing.T) {
	p, clk, _ := newTestProgress(200)
	clk.advance(30 * time.Second)
	p.Update(50, 0.123456)
	want := "step 50/200 (25%) · elapsed 0:30 · ETA 1:30 · 1.67 steps/s · loss 0.1235"
	if got := p.Line(clk.now()); got != want {
		t.Errorf("Line = %q, want %q", got, want)
	}
	p.Update(51, math.NaN())
	if got := p.Line(clk.now()); strings.Contains(got, "loss") {
		t.Errorf("Line with an unknown loss = %q, want no loss", got)
	}
	if got := p.HTMLAt(clk.now()); !strings.Contains(got, "width:25.5%") || !strings.Contains(got, ">training<") {
		t.Errorf("HTML lacks the 25.5%% bar or the title: %s", got)
	}
}

func TestProgressRecord(t *testing.T) {
	p, _, _ := newTestProgress(10)
	p.Record("validation", 5, 0.4)
	p.Record("validation", 10, 0.3)
	if len(p.extra) != 1 || len(p.extra[0].Y) != 2 {
		t.Errorf("extra = %+v, want one series of 2 points", p.extra)
	}
}

func TestClock(t *testing.T) {
	for i, tc := range []struct {
		d    time.Duration
		want string
	}{{0, "0:00"}, {59499 * time.Millisecond, "0:59"}, {61 * time.Second, "1:01"}, {3723 * time.Second, "1:02:03"}} {
		if got := clock(tc.d); got != tc.want {
			t.Errorf("%d: clock(%v) = %q, want %q", i, tc.d, got, tc.want)
		}
	}
}

func TestParam(t *testing.T) {
	eta := Param{Name: "η", Min: 0.01, Max: 0.5, Step: 0.01, Value: 0.1}
	if n := eta.positions(); n != 49 {
		t.Errorf("positions = %d, want 49", n)
	}
	if pos := eta.position(); pos != 9 || math.Abs(eta.at(pos)-0.1) > 1e-12 {
		t.Errorf("position = %d (value %g), want 9 (0.1)", pos, eta.at(pos))
	}
	if v := eta.at(1000); v != 0.5 {
		t.Errorf("at(1000) = %g, want the maximum 0.5", v)
	}
	mu := Param{Name: "μ", Min: 0, Max: 0.99, Step: 0.01, Value: 0.9}
	if got := describe([]Param{eta, mu}, initialValues([]Param{eta, mu})); got != "η = 0.1, μ = 0.9" {
		t.Errorf("describe = %q", got)
	}
	defer func() {
		if recover() == nil {
			t.Errorf("a Param with Step 0 did not panic")
		}
	}()
	Param{Name: "bad", Min: 0, Max: 1}.positions()
}

func TestExploreOutsideNotebookRendersOnce(t *testing.T) {
	calls := 0
	Explore([]Param{{Name: "η", Min: 0, Max: 1, Step: 0.1, Value: 0.5}}, time.Minute, func(v []float64) *Chart {
		calls++
		if v[0] != 0.5 {
			t.Errorf("rendered with %v, want [0.5]", v)
		}
		return LineChart(LineOptions{}, Series{Y: []float64{1, 2}})
	})
	if calls != 1 {
		t.Errorf("Explore: %d renderings, want 1", calls)
	}
}

// TestProgressRuns checks that runs get curves of their own, each from step
// 1, while the bar counts the steps of all runs.
func TestProgressRuns(t *testing.T) {
	p, clk, _ := newTestProgress(20)
	for _, name := range []string{"SGD", "Adam"} {
		p.Run(name)
		for step := 1; step <= 10; step++ {
			clk.advance(10 * time.Millisecond)
			p.Update(step, 1/float64(step))
		}
	}
	if p.step != 20 || len(p.runs) != 2 || len(p.runs[1].Y) != 10 {
		t.Fatalf("step %d, %d runs, %d losses in the second; want 20, 2, 10", p.step, len(p.runs), len(p.runs[1].Y))
	}
	if line := p.Line(clk.now()); !strings.Contains(line, "step 20/20") || !strings.Contains(line, "Adam") {
		t.Errorf("status line %q, want step 20/20 and the run's name", line)
	}
}

// TestProgressFinalOnly checks that a headless progress shows only Finish.
func TestProgressFinalOnly(t *testing.T) {
	p, clk, shown := newTestProgress(10)
	p.finalOnly = true
	for step := 1; step <= 10; step++ {
		clk.advance(time.Second)
		p.Update(step, 1)
	}
	final := p.Finish()
	if len(*shown) != 1 || (*shown)[0] != final {
		t.Errorf("%d renderings shown, want only the final one", len(*shown))
	}
}
