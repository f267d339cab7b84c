package optim

import "math"

// Step is step decay: the rate is multiplied by Factor every Every steps,
//
//	ηₜ = η₀ · Factor^⌊t / Every⌋
//
// the staircase the lecture's "gradually reduce the learning rate" most
// often means in practice (PyTorch's StepLR).
type Step struct {
	// Initial is η₀ > 0.
	Initial float64
	// Factor ∈ (0,1] multiplies the rate at every stair.
	Factor float64
	// Every ≥ 1 is the number of steps per stair.
	Every int
}

var _ Schedule = (*Step)(nil)

// NewStep returns the schedule ηₜ = initial·factor^⌊t/every⌋.
func NewStep(initial, factor float64, every int) *Step {
	s := &Step{Initial: initial, Factor: factor, Every: every}
	mustValid(s.check())
	return s
}

func (s *Step) check() error {
	if !(s.Factor > 0 && s.Factor <= 1) {
		return rangeError("Step", "Factor", "in (0,1]", s.Factor)
	}
	if s.Every < 1 {
		return rangeError("Step", "Every", "≥ 1", float64(s.Every))
	}
	return positive("Step", "Initial", s.Initial)
}

// Rate returns η₀·Factor^⌊step/Every⌋.
func (s *Step) Rate(step int) float64 {
	mustValid(s.check())
	return s.Initial * math.Pow(s.Factor, float64(step/s.Every))
}

// MarshalBinary saves η₀, Factor and Every.
func (s *Step) MarshalBinary() ([]byte, error) {
	e := newEncoder("Step", 0)
	e.float(s.Initial, s.Factor)
	e.int(s.Every)
	return e.b, nil
}

// UnmarshalBinary restores what MarshalBinary saved; on error s is unchanged.
func (s *Step) UnmarshalBinary(data []byte) error {
	var c Step
	d := newDecoder(data, "Step", 0)
	d.float(&c.Initial, &c.Factor)
	d.int(&c.Every)
	if err := firstError(d.done(), c.check()); err != nil {
		return err
	}
	*s = c
	return nil
}
