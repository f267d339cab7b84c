// Package explorables computes the live figures of the exported lessons: an
// optimizer's trajectories on a 2-D surface for the hyperparameters a
// reader picks with sliders, drawn as SVG.
//
// Everything here is plain Go on top of optim and datasets, so the same
// code runs in three places: natively in the notebooks (HTML gives the
// static figure for the lesson's values), compiled to WebAssembly in the
// exported lessons (explorables/wasm, driven by explorables/web/explorables.js,
// which redraws the figure as the sliders move), and natively in
// cmd/explorables, which prints the trajectories the browser test compares
// with what the page drew, digit for digit.
//
// An Explorable is one figure: a surface, a start, a number of steps, the
// optimizers it races and its Knobs, each a slider with the lesson's value
// as default. Settings hold slider positions by knob key; Run turns them
// into Paths and Figure into markup.
package explorables
