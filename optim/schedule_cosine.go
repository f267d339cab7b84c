package optim

import "math"

// Cosine anneals the rate from η to η_min along half a cosine over Steps
// steps (Loshchilov & Hutter 2017, SGDR, without restarts):
//
//	ηₜ = η_min + (η − η_min)·(1 + cos(π·t/T))/2
//
// with T = Steps, t counting steps. It is torch's CosineAnnealingLR(T_max=T,
// eta_min=η_min) stepped once per step (the reference); as torch's, the
// cosine goes on past T and climbs back towards η, so set T to the run's
// length.
type Cosine struct {
	// Initial is η > 0, the rate at step 0.
	Initial float64
	// Min is η_min ∈ [0, η], the rate at step T.
	Min float64
	// Steps T ≥ 1 is the length of the half cosine.
	Steps int
}

var _ Schedule = (*Cosine)(nil)

// NewCosine returns the schedule from initial down to min over steps steps.
func NewCosine(initial, min float64, steps int) *Cosine {
	s := &Cosine{Initial: initial, Min: min, Steps: steps}
	mustValid(s.check())
	return s
}

func (s *Cosine) check() error {
	if !(s.Min >= 0 && s.Min <= s.Initial) {
		return rangeError("Cosine", "Min", "in [0, Initial]", s.Min)
	}
	if s.Steps < 1 {
		return rangeError("Cosine", "Steps", "≥ 1", float64(s.Steps))
	}
	return positive("Cosine", "Initial", s.Initial)
}

// Rate returns η_min + (η − η_min)·(1 + cos(π·t/T))/2.
func (s *Cosine) Rate(step int) float64 {
	mustValid(s.check())
	return s.Min + (s.Initial-s.Min)*(1+math.Cos(math.Pi*float64(step)/float64(s.Steps)))/2
}

// MarshalBinary saves η, η_min and T.
func (s *Cosine) MarshalBinary() ([]byte, error) {
	e := newEncoder("Cosine", 0)
	e.float(s.Initial, s.Min)
	e.int(s.Steps)
	return e.b, nil
}

// UnmarshalBinary restores what MarshalBinary saved; on error s is unchanged.
func (s *Cosine) UnmarshalBinary(data []byte) error {
	var c Cosine
	d := newDecoder(data, "Cosine", 0)
	d.float(&c.Initial, &c.Min)
	d.int(&c.Steps)
	if err := firstError(d.done(), c.check()); err != nil {
		return err
	}
	*s = c
	return nil
}
