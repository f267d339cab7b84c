package optim

import "math"

// ValidationDriven is the lecture's rule for the learning rate: "monitor
// the error on a validation set. If the error drops gradually and
// consistently, the learning rate can be increased. If the error doesn't
// drop anymore, the learning rate should be decreased."
//
// Made precise, after each epoch's Observe(e):
//
//	if e fell below the previous epoch's error Steady epochs in a row:   η ← min(η·Raise, MaxLR)
//	if e has not beaten the best error for Patience epochs:              η ← max(η·Lower, MinLR)
//
// (each counter restarts after it fires). It counts epochs, one per call
// to Observe; Rate returns the current η whatever the step. The lecture gives no numbers; NewValidationDriven uses
// Raise 1.1 and Lower 0.5, the factors of Battiti's "bold driver" (1989),
// Steady 3 and Patience 2 epochs, and bounds 1e-6·η₀ and 10·η₀.
type ValidationDriven struct {
	// Raise > 1 multiplies η after Steady consecutive falls.
	Raise float64
	// Lower ∈ (0,1) multiplies η after Patience epochs without a new best.
	Lower float64
	// Steady ≥ 1 and Patience ≥ 1 are counts of epochs.
	Steady, Patience int
	// MinLR and MaxLR bound η: 0 < MinLR ≤ MaxLR.
	MinLR, MaxLR float64

	lr     float64 // current η
	epochs int     // errors observed
	prev   float64 // last error
	best   float64 // lowest error
	falls  int     // consecutive epochs whose error fell
	stalls int     // epochs since the best error
}

var (
	_ Schedule = (*ValidationDriven)(nil)
	_ Observer = (*ValidationDriven)(nil)
)

// NewValidationDriven returns the rule starting at η₀ = initial.
func NewValidationDriven(initial float64) *ValidationDriven {
	s := &ValidationDriven{Raise: 1.1, Lower: 0.5, Steady: 3, Patience: 2,
		MinLR: 1e-6 * initial, MaxLR: 10 * initial, lr: initial}
	mustValid(s.check())
	return s
}

func (s *ValidationDriven) check() error {
	const name = "ValidationDriven"
	switch {
	case !(s.lr > 0 && s.lr <= math.MaxFloat64):
		return rangeError(name, "rate", "finite and > 0", s.lr)
	case !(s.Raise > 1 && s.Raise <= math.MaxFloat64):
		return rangeError(name, "Raise", "finite and > 1", s.Raise)
	case !(s.Lower > 0 && s.Lower < 1):
		return rangeError(name, "Lower", "in (0,1)", s.Lower)
	case s.Steady < 1:
		return rangeError(name, "Steady", "≥ 1", float64(s.Steady))
	case s.Patience < 1:
		return rangeError(name, "Patience", "≥ 1", float64(s.Patience))
	case !(s.MaxLR >= s.MinLR):
		return rangeError(name, "MaxLR", "≥ MinLR", s.MaxLR)
	}
	return firstError(positive(name, "MinLR", s.MinLR), positive(name, "MaxLR", s.MaxLR))
}

// Rate returns the current η, whatever the step.
func (s *ValidationDriven) Rate(step int) float64 {
	mustValid(s.check())
	return s.lr
}

// Observe takes the validation error measured at the end of an epoch and
// raises or lowers η by the rule. A NaN error counts as no progress.
func (s *ValidationDriven) Observe(e float64) {
	mustValid(s.check())
	s.epochs++
	if s.epochs == 1 {
		s.prev, s.best = e, e
		return
	}
	if e < s.prev {
		s.falls++
	} else {
		s.falls = 0
	}
	if e < s.best {
		s.best, s.stalls = e, 0
	} else {
		s.stalls++
	}
	s.prev = e
	if s.falls >= s.Steady {
		s.lr, s.falls = min(s.lr*s.Raise, s.MaxLR), 0
	}
	if s.stalls >= s.Patience {
		s.lr, s.stalls, s.falls = max(s.lr*s.Lower, s.MinLR), 0, 0
	}
}

// MarshalBinary saves the rule's settings and its memory of past epochs.
func (s *ValidationDriven) MarshalBinary() ([]byte, error) {
	e := newEncoder("ValidationDriven", 0)
	e.float(s.Raise, s.Lower, s.MinLR, s.MaxLR, s.lr, s.prev, s.best)
	e.int(s.Steady, s.Patience, s.epochs, s.falls, s.stalls)
	return e.b, nil
}

// UnmarshalBinary restores what MarshalBinary saved; on error s is unchanged.
func (s *ValidationDriven) UnmarshalBinary(data []byte) error {
	var c ValidationDriven
	d := newDecoder(data, "ValidationDriven", 0)
	d.float(&c.Raise, &c.Lower, &c.MinLR, &c.MaxLR, &c.lr, &c.prev, &c.best)
	d.int(&c.Steady, &c.Patience)
	c.epochs, c.falls, c.stalls = d.count(0), d.count(0), d.count(0)
	if err := firstError(d.done(), c.check()); err != nil {
		return err
	}
	*s = c
	return nil
}
