package vizhelpers

// This file is the only one that talks to the notebook (through GoNB's
// gonbui). Everything it shows is built by the rest of the package, which
// works without a kernel.

import (
	"fmt"
	"html"
	"image/gif"
	"os"
	"time"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/comms"
	"github.com/janpfeifer/gonb/gonbui/dom"
	"github.com/janpfeifer/gonb/gonbui/widgets"
)

// StaticEnv names the environment variable that, when set to a non-empty
// value, makes Explore skip the live-frontend probe and show its static
// figure at once. Headless runs (make test, nbconvert) should set it.
const StaticEnv = "VIZHELPERS_STATIC"

// probeTimeout bounds the wait for a browser to answer: GoNB itself gives up
// installing its WebSocket after 3 s when no frontend runs the JavaScript.
const probeTimeout = 5 * time.Second

// InNotebook reports whether the program runs in a GoNB cell.
func InNotebook() bool { return gonbui.IsNotebook }

// Show displays the chart inline as a PNG (raster: identical in JupyterLab,
// in the saved notebook and in exported HTML). Outside a notebook it does
// nothing; use c.Save or c.PNG there.
func Show(c *Chart) error {
	if !gonbui.IsNotebook {
		return nil
	}
	png, err := c.PNG()
	if err != nil {
		return err
	}
	gonbui.DisplayPNG(png)
	gonbui.Sync() // deliver before the cell's program can exit
	return nil
}

// ShowSVG displays the chart inline as SVG, wrapped in HTML as GoNB does so
// that it survives export to HTML; sharper than Show, larger in the file.
func ShowSVG(c *Chart) error {
	if !gonbui.IsNotebook {
		return nil
	}
	svg, err := c.SVG()
	if err != nil {
		return err
	}
	gonbui.DisplaySVG(string(svg))
	gonbui.Sync() // deliver before the cell's program can exit
	return nil
}

// ShowHTML displays an HTML fragment inline.
func ShowHTML(fragment string) {
	if gonbui.IsNotebook {
		gonbui.DisplayHTML(fragment)
		gonbui.Sync() // deliver before the cell's program can exit
	}
}

// ShowTable displays the table inline; outside a notebook it prints its Text.
func ShowTable(t Table) {
	if !gonbui.IsNotebook {
		fmt.Print(t.Text())
		return
	}
	gonbui.DisplayHTML(t.HTML())
	gonbui.Sync() // deliver before the cell's program can exit
}

// ShowGIF displays an animation inline as an <img> with a data URI, which
// plays in JupyterLab and in exported HTML.
func ShowGIF(g *gif.GIF) error {
	if !gonbui.IsNotebook {
		return nil
	}
	h, err := GIFHTML(g)
	if err != nil {
		return err
	}
	gonbui.DisplayHTML(h)
	gonbui.Sync() // deliver before the cell's program can exit
	return nil
}

// LiveProgress returns a Progress shown in one notebook output block that
// is updated in place (GoNB's UpdateHTML); the block keeps the final state
// after Finish, also in a saved or exported notebook. Outside a notebook each
// rendering writes the status line to standard error instead.
func LiveProgress(title string, total int) *Progress {
	p := NewProgress(title, total, nil)
	if gonbui.IsNotebook {
		id := "vizhelpers_progress_" + gonbui.UniqueID()
		p.Show = func(h string) { gonbui.UpdateHTML(id, h) }
	} else {
		p.Show = func(string) { fmt.Fprintf(os.Stderr, "%s: %s\n", p.Title, p.Line(time.Now())) }
	}
	return p
}

// Explore shows one slider per parameter and a figure drawn by render from
// the sliders' values, redrawn whenever a slider moves, for up to timeout
// (then the last figure stays). Sliders need a browser running the notebook;
// without one (headless execution, StaticEnv set, or no answer to a probe
// within 5 s) Explore shows the figure for the initial values with a note
// and returns, so that a notebook using it still runs to completion.
func Explore(params []Param, timeout time.Duration, render func(values []float64) (*Chart, error)) error {
	values := initialValues(params)
	if !gonbui.IsNotebook {
		_, err := render(values)
		return err
	}
	if os.Getenv(StaticEnv) != "" || !liveFrontend() {
		c, err := render(values)
		if err != nil {
			return err
		}
		ShowHTML(fmt.Sprintf(`<div style="font-size:0.85em;opacity:0.75">Static figure for %s; the sliders need a live kernel in a browser.</div>`, html.EscapeString(describe(params, values))))
		return Show(c)
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
	figure := "vizhelpers_explore_" + gonbui.UniqueID()
	draw := func() error {
		c, err := render(values)
		if err != nil {
			return err
		}
		c.Plot.Title.Text += "  (" + describe(params, values) + ")"
		png, err := c.PNG()
		if err != nil {
			return err
		}
		gonbui.UpdateHTML(figure, `<img src="data:image/png;base64,`+base64Std(png)+`">`)
		return nil
	}
	if err := draw(); err != nil {
		return err
	}
	deadline := time.After(timeout)
	for {
		select {
		case m := <-moves:
			values[m.param] = params[m.param].at(m.pos)
			if err := draw(); err != nil {
				return err
			}
		case <-deadline:
			return nil
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
		address := "/vizhelpers/probe/" + gonbui.UniqueID()
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
