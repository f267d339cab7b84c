package optim

import "math"

// Exponential decays the rate by the same factor at every step,
//
//	ηₜ = η₀ · γᵗ
//
// (PyTorch's ExponentialLR, stepped per call to Rate).
type Exponential struct {
	// Initial is η₀ > 0.
	Initial float64
	// Gamma ∈ (0,1] is the factor per step.
	Gamma float64
}

var _ Schedule = (*Exponential)(nil)

// NewExponential returns the schedule ηₜ = initial·gammaᵗ.
func NewExponential(initial, gamma float64) *Exponential {
	s := &Exponential{Initial: initial, Gamma: gamma}
	mustValid(s.check())
	return s
}

func (s *Exponential) check() error {
	if !(s.Gamma > 0 && s.Gamma <= 1) {
		return rangeError("Exponential", "Gamma", "in (0,1]", s.Gamma)
	}
	return positive("Exponential", "Initial", s.Initial)
}

// Rate returns η₀·γ^step.
func (s *Exponential) Rate(step int) float64 {
	mustValid(s.check())
	return s.Initial * math.Pow(s.Gamma, float64(step))
}

// MarshalBinary saves η₀ and γ.
func (s *Exponential) MarshalBinary() ([]byte, error) {
	e := newEncoder("Exponential", 0)
	e.float(s.Initial, s.Gamma)
	return e.b, nil
}

// UnmarshalBinary restores what MarshalBinary saved; on error s is unchanged.
func (s *Exponential) UnmarshalBinary(data []byte) error {
	var c Exponential
	d := newDecoder(data, "Exponential", 0)
	d.float(&c.Initial, &c.Gamma)
	if err := firstError(d.done(), c.check()); err != nil {
		return err
	}
	*s = c
	return nil
}
