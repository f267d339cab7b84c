//go:build js && wasm

// Command wasm is the explorables compiled to WebAssembly for the exported
// lessons (GOOS=js GOARCH=wasm; scripts/build-explorables.sh builds it). It
// sets globalThis.nncourseExplorables to
//
//	figure(name, settings) the figure's HTML for settings (an object of
//	                       slider positions by knob key), or an Error
//
// then calls globalThis.nncourseExplorablesReady() if the page set it, and
// waits for calls for the life of the page.
package main

import (
	"fmt"
	"math"
	"syscall/js"

	"github.com/nncourse/optimizers/explorables"
)

func main() {
	api := js.Global().Get("Object").New()
	api.Set("figure", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return call(args, func(e *explorables.Explorable) (string, error) {
			if len(args) < 2 {
				return "", fmt.Errorf("figure(%s): no settings", e.Name)
			}
			return e.Figure(settings(args[1]))
		})
	}))
	js.Global().Set("nncourseExplorables", api)
	if ready := js.Global().Get("nncourseExplorablesReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}

// call runs f on the explorable named by args[0] and returns its text, or
// a JavaScript Error for an unknown name, an error or a panic (a panic
// must not end the Go program: the page would lose every explorable).
func call(args []js.Value, f func(*explorables.Explorable) (string, error)) (out any) {
	defer func() {
		if r := recover(); r != nil {
			out = js.Global().Get("Error").New(fmt.Sprint(r))
		}
	}()
	if len(args) == 0 {
		return js.Global().Get("Error").New("nncourseExplorables: no explorable named")
	}
	e, ok := explorables.Lookup(args[0].String())
	if !ok {
		return js.Global().Get("Error").New(fmt.Sprintf("nncourseExplorables: no explorable %q", args[0].String()))
	}
	text, err := f(e)
	if err != nil {
		return js.Global().Get("Error").New(err.Error())
	}
	return text
}

// settings reads a JavaScript object of numbers as Settings (a value that
// is not a number becomes NaN, which Run refuses).
func settings(obj js.Value) explorables.Settings {
	s := explorables.Settings{}
	keys := js.Global().Get("Object").Call("keys", obj)
	for i := range keys.Length() {
		key := keys.Index(i).String()
		v := obj.Get(key)
		if v.Type() != js.TypeNumber {
			s[key] = math.NaN()
			continue
		}
		s[key] = v.Float()
	}
	return s
}
