package optim

import (
	"fmt"
	"math"
	"unsafe"

	"github.com/nncourse/optimizers/internal/binenc"
)

// rangeError is the error (and panic value) for a hyperparameter outside
// its range, worded "optim: Adam: Beta1 must be in [0,1), got 1.2".
func rangeError(opt, field, want string, got float64) error {
	return fmt.Errorf("optim: %s: %s must be %s, got %v", opt, field, want, got)
}

// inUnit checks 0 ≤ v < 1 (decay rates: μ, β₁, β₂, γ, ρ).
func inUnit(opt, field string, v float64) error {
	if v >= 0 && v < 1 {
		return nil
	}
	return rangeError(opt, field, "in [0,1)", v)
}

// positive checks 0 < v < ∞ (learning rates, ε, step limits).
func positive(opt, field string, v float64) error {
	if v > 0 && v <= math.MaxFloat64 {
		return nil
	}
	return rangeError(opt, field, "finite and > 0", v)
}

// nonNegative checks 0 ≤ v < ∞.
func nonNegative(opt, field string, v float64) error {
	if v >= 0 && v <= math.MaxFloat64 {
		return nil
	}
	return rangeError(opt, field, "finite and ≥ 0", v)
}

// firstError returns the first non-nil error, so that a check reads as one
// list of conditions.
func firstError(errs ...error) error { return binenc.FirstError(errs...) }

// mustValid panics with err unless it is nil: invalid hyperparameters are
// programmer errors, found at construction and again at every Step.
func mustValid(err error) {
	if err != nil {
		panic(err)
	}
}

// sizeState checks the lengths of one Step's slabs, records the number of
// parameters *n on the first call and sizes the state vectors then (the
// only allocation an optimizer makes). A later call with another length
// panics.
func sizeState[T Float](opt string, n *int, params, grads []T, state ...*[]T) {
	if len(params) != len(grads) {
		panic(fmt.Sprintf("optim: %s: len(params)=%d != len(grads)=%d", opt, len(params), len(grads)))
	}
	if *n != 0 && *n != len(params) {
		panic(fmt.Sprintf("optim: %s: state sized for %d parameters, got %d", opt, *n, len(params)))
	}
	*n = len(params)
	for _, v := range state {
		if len(*v) != *n {
			*v = make([]T, *n)
		}
	}
}

// sign is the lecture's sign(g): −1, 0 or +1.
func sign[T Float](g T) T {
	switch {
	case g > 0:
		return 1
	case g < 0:
		return -1
	}
	return 0
}

// sizeOf is the size in bytes of one element of type T.
func sizeOf[T Float]() int64 {
	var x T
	return int64(unsafe.Sizeof(x))
}
