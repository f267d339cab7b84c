// Command explorables prints, natively, the trajectories the lessons'
// explorables draw, for the browser test to compare with what the
// WebAssembly build drew: the same Go code, two compilers.
//
//	explorables < cases.json
//
// reads a JSON array of cases, {"name": "momentum", "settings": {"eta": 0.05}},
// and prints one result per case: the name, the settings and each path's
// name and points, in the text of the figure's data-points (shortest
// round-trip decimals). An unknown explorable or knob is an error.
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/nncourse/optimizers/explorables"
)

type testCase struct {
	Name     string               `json:"name"`
	Settings explorables.Settings `json:"settings"`
}

type path struct {
	Name   string `json:"name"`
	Points string `json:"points"`
}

type result struct {
	testCase
	Paths []path `json:"paths"`
}

func main() {
	var cases []testCase
	if err := json.NewDecoder(os.Stdin).Decode(&cases); err != nil {
		fail(fmt.Errorf("reading the cases: %v", err))
	}
	out := []result{}
	for _, c := range cases {
		e, ok := explorables.Lookup(c.Name)
		if !ok {
			fail(fmt.Errorf("no explorable %q (have %v)", c.Name, explorables.Names()))
		}
		r, err := e.Run(c.Settings)
		if err != nil {
			fail(err)
		}
		res := result{testCase: c}
		for _, p := range r.Paths {
			res.Paths = append(res.Paths, path{p.Name, p.PointsText()})
		}
		out = append(out, res)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "explorables:", err)
	os.Exit(1)
}
