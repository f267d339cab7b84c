package optim

import "slices"

// Descend runs opt for at most steps updates from the weights w, on a loss
// whose gradient grad writes into g at slab, the point the optimizer keeps:
// the weights themselves, or the projection θ for a LookAhead optimizer
// (Nesterov). After each update visit receives the weights wₜ — for a
// LookAhead optimizer its exact weights from Weights, not θ — and ends the
// run by returning false. w is not modified; the slice visit receives is
// reused between calls.
//
// It is the one descent loop of the course: the 2-D surfaces of the
// lessons, their explorables and the spectral runs all go through it.
func Descend[T Float](opt Optimizer[T], w []T, grad func(slab, g []T), steps int, visit func(w []T) bool) {
	slab, g, out := slices.Clone(w), make([]T, len(w)), make([]T, len(w))
	look, _ := opt.(LookAhead[T])
	for range steps {
		grad(slab, g)
		opt.Step(slab, g)
		copy(out, slab)
		if look != nil {
			look.Weights(out, slab)
		}
		if !visit(out) {
			return
		}
	}
}
