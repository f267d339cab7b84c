package vizhelpers

// This file is the only one that talks to the notebook (through GoNB's
// gonbui). Everything it shows is built by the rest of the package, which
// works without a kernel.

import (
	"fmt"
	"html"
	"os"
	"strings"
	"time"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/comms"
	"github.com/janpfeifer/gonb/gonbui/dom"
	"github.com/janpfeifer/gonb/gonbui/widgets"
)

// StaticEnv names the environment variable that, when set to a non-empty
// value, marks a headless run (make test, nbconvert, the lesson export):
// Explore shows its static figure at once instead of probing for a
// browser, and LiveProgress shows only its final state.
const StaticEnv = "VIZHELPERS_STATIC"

// probeTimeout bounds the wait for a browser to answer: GoNB itself gives up
// installing its WebSocket after 3 s when no frontend runs the JavaScript.
const probeTimeout = 5 * time.Second

// Displayable is what Show displays: a *Chart, an *Animation, a Table or
// SideBySide charts.
type Displayable interface {
	// display sends the value to the notebook (or, for a Table outside a
	// notebook, to standard output) and returns why it could not.
	display() error
}

// Show displays v inline in the notebook: a chart as a PNG (identical in
// JupyterLab, in the saved notebook and in exported HTML), an animation as
// a playing GIF, a table as HTML. Outside a notebook a table prints as text
// and a figure is skipped (use its Save or PNG there).
//
// Show returns nothing: when v could not be built or rendered, Show prints
// the error on standard error, which appears in red under the cell and
// fails a headless run (make check), and the cell carries on.
func Show(v Displayable) {
	if err := v.display(); err != nil {
		reportError(err)
	}
}

// ShowHTML displays an HTML fragment inline.
func ShowHTML(fragment string) {
	if gonbui.IsNotebook {
		gonbui.DisplayHTML(fragment)
		gonbui.Sync() // deliver before the cell's program can exit
	}
}

// reportError prints err where the reader of the cell sees it.
func reportError(err error) {
	fmt.Fprintln(os.Stderr, "vizhelpers:", strings.TrimPrefix(err.Error(), "vizhelpers: "))
}

func (c *Chart) display() error {
	if !gonbui.IsNotebook {
		return c.err
	}
	png, err := c.PNG()
	if err == nil {
		gonbui.DisplayPng(png)
		gonbui.Sync() // deliver before the cell's program can exit
	}
	return err
}

func (a *Animation) display() error {
	h, err := a.HTML()
	if err == nil {
		ShowHTML(h)
	}
	return err
}

func (t Table) display() error {
	if !gonbui.IsNotebook {
		fmt.Print(t.Text())
		return nil
	}
	ShowHTML(t.HTML())
	return nil
}

func (s SideBySide) display() error {
	h, err := s.HTML()
	if err != nil {
		return err
	}
	ShowHTML(h)
	return nil
}

// LiveProgress returns a Progress shown in one notebook output block that
// is updated in place (GoNB's UpdateHTML); the block keeps the final state
// after Finish, also in a saved or exported notebook. In a headless run
// (StaticEnv set) only Finish renders, so that the saved output is the
// final report with one labelled curve per run, never a frozen snapshot.
// Outside a notebook each rendering writes the status line to standard
// error instead.
func LiveProgress(title string, total int) *Progress {
	p := NewProgress(title, total, nil)
	switch {
	case !gonbui.IsNotebook:
		p.Show = func(string) { fmt.Fprintf(os.Stderr, "%s: %s\n", p.Title, p.Line(time.Now())) }
	case os.Getenv(StaticEnv) != "":
		p.finalOnly = true
		p.Show = ShowHTML
	default:
		id := "vizhelpers_progress_" + gonbui.UniqueId()
		p.Show = func(h string) { gonbui.UpdateHTML(id, h) }
	}
	return p
}

// Explore shows one slider per parameter and a figure drawn by render from
// the sliders' values, redrawn whenever a slider moves, for up to timeout
// (then the last figure stays). Sliders need a browser running the notebook;
// without one (headless execution, StaticEnv set, or no answer to a probe
// within 5 s) Explore shows the figure for the initial values with a note
// and returns, so that a notebook using it still runs to completion.
// Errors are reported as Show reports them.
func Explore(params []Param, timeout time.Duration, render func(values []float64) *Chart) {
	values := initialValues(params)
	if !gonbui.IsNotebook {
		Show(render(values))
		return
	}
	if os.Getenv(StaticEnv) != "" || !liveFrontend() {
		c := render(values)
		ShowHTML(fmt.Sprintf(`<div style="font-size:0.85em;opacity:0.75">Static figure for %s; the sliders need a live kernel in a browser.</div>`, html.EscapeString(describe(params, values))))
		Show(c)
		return
	}

	type move struct{ param, pos int }
	moves := make(chan move, 16)
	for i, p := range params {
		gonbui.DisplayHTML(fmt.Sprintf(`<b>%s</b> ∈ [%g, %g]`, html.EscapeString(p.Name), p.Min, p.Max))
		s := widgets.Slider(0, p.positions(), p.position()).Done()
		go func() {
			for pos := range s.Listen().LatestOnly().C {
				moves <- move{i, pos}
			}
		}()
	}
	figure := "vizhelpers_explore_" + gonbui.UniqueId()
	draw := func() {
		c := render(values)
		c.Plot.Title.Text += "  (" + describe(params, values) + ")"
		png, err := c.PNG()
		if err != nil {
			reportError(err)
			return
		}
		gonbui.UpdateHTML(figure, `<img src="data:image/png;base64,`+base64Std(png)+`">`)
	}
	draw()
	deadline := time.After(timeout)
	for {
		select {
		case m := <-moves:
			values[m.param] = params[m.param].at(m.pos)
			draw()
		case <-deadline:
			return
		}
	}
}

// liveFrontend reports whether a browser answers through GoNB's comms: it
// asks the frontend to send a value back and waits at most probeTimeout.
// The probe runs in a goroutine, since gonbui calls can block when no
// frontend exists.
func liveFrontend() bool {
	answered := make(chan struct{}, 1)
	go func() {
		address := "/vizhelpers/probe/" + gonbui.UniqueId()
		comms.Subscribe(address, func(string, int) {
			select {
			case answered <- struct{}{}:
			default:
			}
		})
		dom.TransientJavascript(fmt.Sprintf(`globalThis?.gonb_comm?.send(%q, 1);`, address))
	}()
	select {
	case <-answered:
		return true
	case <-time.After(probeTimeout):
		return false
	}
}
