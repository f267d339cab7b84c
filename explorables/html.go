package explorables

import (
	"encoding/json"
	"fmt"
	"html"
)

// HTML returns the markup a notebook displays for explorable name: the
// figure for the lesson's values inside a placeholder that names the
// explorable and carries its knobs and settings as JSON (data-knobs,
// data-settings). In the notebook and in a page without
// JavaScript it is a static figure; in an exported lesson
// explorables/web/explorables.js adds the sliders and redraws it. It
// panics if there is no explorable called name.
func HTML(name string) string {
	e, ok := Lookup(name)
	if !ok {
		panic(fmt.Sprintf("explorables: HTML: no explorable %q (have %v)", name, Names()))
	}
	s := e.Defaults()
	fig, err := e.Figure(s)
	if err != nil {
		panic("explorables: HTML: " + err.Error())
	}
	knobs, err := json.Marshal(e.Knobs)
	if err != nil {
		panic("explorables: HTML: " + err.Error())
	}
	return fmt.Sprintf(`<div class="nncourse-explorable" data-explorable="%s" data-knobs="%s" data-settings="%s">%s</div>`,
		html.EscapeString(e.Name), html.EscapeString(string(knobs)), html.EscapeString(e.settingsJSON(s)), fig)
}
