package optim

// InverseTime is the 1/t decay of stochastic approximation (Robbins &
// Monro: Σηₜ = ∞ and Σηₜ² < ∞ guarantee convergence of SGD),
//
//	ηₜ = η₀ / (1 + k·t)
//
// where t counts steps, or epochs when StepsPerEpoch is set.
type InverseTime struct {
	// Initial is η₀ > 0.
	Initial float64
	// Decay is k ≥ 0 (0 gives a constant rate).
	Decay float64
	// StepsPerEpoch ≥ 0: 0 counts t in steps, n ≥ 1 in epochs of n steps.
	StepsPerEpoch int
}

var _ Schedule = (*InverseTime)(nil)

// NewInverseTime returns the schedule ηₜ = initial/(1 + decay·t), t in
// steps.
func NewInverseTime(initial, decay float64) *InverseTime {
	s := &InverseTime{Initial: initial, Decay: decay}
	mustValid(s.check())
	return s
}

func (s *InverseTime) check() error {
	return firstError(positive("InverseTime", "Initial", s.Initial), nonNegative("InverseTime", "Decay", s.Decay),
		checkStepsPerEpoch("InverseTime", s.StepsPerEpoch))
}

// Rate returns η₀/(1 + k·t) with t the step, or its epoch.
func (s *InverseTime) Rate(step int) float64 {
	mustValid(s.check())
	return s.Initial / (1 + s.Decay*float64(scheduleTime(step, s.StepsPerEpoch)))
}

// MarshalBinary saves η₀, k and StepsPerEpoch.
func (s *InverseTime) MarshalBinary() ([]byte, error) {
	e := newEncoder("InverseTime", 0)
	e.float(s.Initial, s.Decay)
	e.int(s.StepsPerEpoch)
	return e.b, nil
}

// UnmarshalBinary restores what MarshalBinary saved; on error s is unchanged.
func (s *InverseTime) UnmarshalBinary(data []byte) error {
	var c InverseTime
	d := newDecoder(data, "InverseTime", 0)
	d.float(&c.Initial, &c.Decay)
	d.int(&c.StepsPerEpoch)
	if err := firstError(d.done(), c.check()); err != nil {
		return err
	}
	*s = c
	return nil
}
