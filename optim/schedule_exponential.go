package optim

import "math"

// Exponential decays the rate by the same factor at every unit of time,
//
//	ηₜ = η₀ · γᵗ
//
// where t counts steps, or epochs when StepsPerEpoch is set (PyTorch's
// ExponentialLR, which is stepped once per epoch).
type Exponential struct {
	// Initial is η₀ > 0.
	Initial float64
	// Gamma ∈ (0,1] is the factor per step or epoch.
	Gamma float64
	// StepsPerEpoch ≥ 0: 0 counts t in steps, n ≥ 1 in epochs of n steps.
	StepsPerEpoch int
}

var _ Schedule = (*Exponential)(nil)

// NewExponential returns the schedule ηₜ = initial·gammaᵗ, t in steps.
func NewExponential(initial, gamma float64) *Exponential {
	s := &Exponential{Initial: initial, Gamma: gamma}
	mustValid(s.check())
	return s
}

func (s *Exponential) check() error {
	if !(s.Gamma > 0 && s.Gamma <= 1) {
		return rangeError("Exponential", "Gamma", "in (0,1]", s.Gamma)
	}
	return firstError(positive("Exponential", "Initial", s.Initial), checkStepsPerEpoch("Exponential", s.StepsPerEpoch))
}

// Rate returns η₀·γᵗ with t the step, or its epoch.
func (s *Exponential) Rate(step int) float64 {
	mustValid(s.check())
	return s.Initial * math.Pow(s.Gamma, float64(scheduleTime(step, s.StepsPerEpoch)))
}

// MarshalBinary saves η₀, γ and StepsPerEpoch.
func (s *Exponential) MarshalBinary() ([]byte, error) {
	e := newEncoder("Exponential", 0)
	e.float(s.Initial, s.Gamma)
	e.int(s.StepsPerEpoch)
	return e.b, nil
}

// UnmarshalBinary restores what MarshalBinary saved; on error s is unchanged.
func (s *Exponential) UnmarshalBinary(data []byte) error {
	var c Exponential
	d := newDecoder(data, "Exponential", 0)
	d.float(&c.Initial, &c.Gamma)
	d.int(&c.StepsPerEpoch)
	if err := firstError(d.done(), c.check()); err != nil {
		return err
	}
	*s = c
	return nil
}
