package optim

import "encoding"

// Float is the element type of parameters and gradients.
type Float interface{ ~float32 | ~float64 }

// Optimizer updates a model's parameters in place from their gradients.
//
// params and grads are the whole model as one flat slab each, so a step over
// every layer is one call. Step allocates its state on the first call and
// nothing afterwards.
type Optimizer[T Float] interface {
	// Name is the optimizer's name as the lecture writes it, e.g. "Adam".
	Name() string
	// Settings describes the optimizer's hyperparameters and form in one
	// line, e.g. "Adam(η=0.001, β₁=0.9, β₂=0.999, ε=1e-08, form=Lecture)",
	// with zero fields shown as the defaults they stand for.
	Settings() string
	// Step applies one update: params ← update(params, grads).
	// It panics if len(params) != len(grads) or if the length changes
	// between calls.
	Step(params, grads []T)
	// StateBytes is the size in bytes of the state the optimizer keeps
	// for n parameters of type T (0 for plain SGD).
	StateBytes(n int) int64

	// MarshalBinary and UnmarshalBinary save and restore hyperparameters,
	// step count and state vectors, for checkpoints.
	encoding.BinaryMarshaler
	encoding.BinaryUnmarshaler
}

// RateSetter is implemented by optimizers with a global learning rate,
// which learning-rate schedules adjust between steps.
type RateSetter interface {
	LearningRate() float64
	SetLearningRate(lr float64)
}

// LookAhead is implemented by optimizers that evaluate the gradient at a
// projected point rather than at the weights themselves (Nesterov).
// For them, the params slab passed to Step holds the projection θ, the
// point where the next gradient must be taken, and Weights copies the
// exact weights w into dst (for validation, inference and export), given
// that slab: before the first Step, and in forms that take the gradient at
// the weights themselves, the slab is the weights.
type LookAhead[T Float] interface {
	Weights(dst, params []T)
}

// Schedule gives the learning rate to use at a training step (counted
// from 0). Each schedule says whether its t counts steps or epochs; the
// ones that decay with time (StepDecay, Exponential, InverseTime) count
// steps, or epochs with StepsPerEpoch set. A schedule replaces the
// optimizer's own η: whoever applies it (nn.Trainer) calls
// SetLearningRate(Rate(step)) before every step. Schedules are saved in
// checkpoints with the model.
type Schedule interface {
	Rate(step int) float64
	encoding.BinaryMarshaler
	encoding.BinaryUnmarshaler
}

// Observer is implemented by schedules that also learn from the
// validation error measured at the end of each epoch (the lecture's rule:
// raise the rate while the error falls steadily, lower it when it stalls).
type Observer interface {
	Observe(validationError float64)
}
