package optim

// Constant is the schedule that never changes the rate: ηₜ = η, whether t
// counts steps or epochs.
type Constant struct {
	// LR is η > 0.
	LR float64
}

var _ Schedule = (*Constant)(nil)

// NewConstant returns the schedule ηₜ = lr.
func NewConstant(lr float64) *Constant {
	s := &Constant{LR: lr}
	mustValid(s.check())
	return s
}

func (s *Constant) check() error { return positive("Constant", "LR", s.LR) }

// Rate returns η at every step.
func (s *Constant) Rate(step int) float64 {
	mustValid(s.check())
	return s.LR
}

// MarshalBinary saves η.
func (s *Constant) MarshalBinary() ([]byte, error) {
	e := newEncoder("Constant", 0)
	e.float(s.LR)
	return e.b, nil
}

// UnmarshalBinary restores what MarshalBinary saved; on error s is unchanged.
func (s *Constant) UnmarshalBinary(data []byte) error {
	var c Constant
	d := newDecoder(data, "Constant", 0)
	d.float(&c.LR)
	if err := firstError(d.done(), c.check()); err != nil {
		return err
	}
	*s = c
	return nil
}
