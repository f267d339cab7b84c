package optim

import "math"

// StepDecay multiplies the rate by Factor every Every units of time,
//
//	ηₜ = η₀ · Factor^⌊t / Every⌋
//
// the staircase the lecture's "gradually reduce the learning rate" most
// often means in practice (PyTorch's StepLR). t counts steps, or epochs
// when StepsPerEpoch is set (PyTorch's StepLR stepped once per epoch).
type StepDecay struct {
	// Initial is η₀ > 0.
	Initial float64
	// Factor ∈ (0,1] multiplies the rate at every stair.
	Factor float64
	// Every ≥ 1 is the length of a stair, in steps or epochs.
	Every int
	// StepsPerEpoch ≥ 0: 0 counts t in steps, n ≥ 1 in epochs of n steps.
	StepsPerEpoch int
}

var _ Schedule = (*StepDecay)(nil)

// NewStepDecay returns the schedule ηₜ = initial·factor^⌊t/every⌋, t in
// steps.
func NewStepDecay(initial, factor float64, every int) *StepDecay {
	s := &StepDecay{Initial: initial, Factor: factor, Every: every}
	mustValid(s.check())
	return s
}

func (s *StepDecay) check() error {
	const name = "StepDecay"
	if !(s.Factor > 0 && s.Factor <= 1) {
		return rangeError(name, "Factor", "in (0,1]", s.Factor)
	}
	if s.Every < 1 {
		return rangeError(name, "Every", "≥ 1", float64(s.Every))
	}
	return firstError(positive(name, "Initial", s.Initial), checkStepsPerEpoch(name, s.StepsPerEpoch))
}

// Rate returns η₀·Factor^⌊t/Every⌋ with t the step, or its epoch.
func (s *StepDecay) Rate(step int) float64 {
	mustValid(s.check())
	return s.Initial * math.Pow(s.Factor, float64(scheduleTime(step, s.StepsPerEpoch)/s.Every))
}

// MarshalBinary saves η₀, Factor, Every and StepsPerEpoch.
func (s *StepDecay) MarshalBinary() ([]byte, error) {
	e := newEncoder("StepDecay", 0)
	e.float(s.Initial, s.Factor)
	e.int(s.Every, s.StepsPerEpoch)
	return e.b, nil
}

// UnmarshalBinary restores what MarshalBinary saved; on error s is unchanged.
func (s *StepDecay) UnmarshalBinary(data []byte) error {
	var c StepDecay
	d := newDecoder(data, "StepDecay", 0)
	d.float(&c.Initial, &c.Factor)
	d.int(&c.Every, &c.StepsPerEpoch)
	if err := firstError(d.done(), c.check()); err != nil {
		return err
	}
	*s = c
	return nil
}
