package optim

// LinearWarmup raises the rate linearly from a fraction of its peak to the
// peak over the first Steps steps, then holds it:
//
//	ηₜ = η·(s + (1 − s)·min(t, W)/W)
//
// with s = StartFactor and W = Steps, t counting steps. It is torch's
// LinearLR(start_factor=s, end_factor=1, total_iters=W) stepped once per
// step (the reference). Warm-up keeps Adam's first steps small while its
// second-moment estimate R̂ still rests on a handful of gradients (Liu et
// al. 2020 measure the variance of the adaptive rate in those steps).
type LinearWarmup struct {
	// Peak is η > 0, reached at step W.
	Peak float64
	// StartFactor s ∈ (0, 1]: the first step's rate is s·η.
	StartFactor float64
	// Steps W ≥ 1 is the length of the warm-up.
	Steps int
}

var _ Schedule = (*LinearWarmup)(nil)

// NewLinearWarmup returns the warm-up from startFactor·peak to peak over
// steps steps.
func NewLinearWarmup(peak, startFactor float64, steps int) *LinearWarmup {
	s := &LinearWarmup{Peak: peak, StartFactor: startFactor, Steps: steps}
	mustValid(s.check())
	return s
}

func (s *LinearWarmup) check() error {
	if !(s.StartFactor > 0 && s.StartFactor <= 1) {
		return rangeError("LinearWarmup", "StartFactor", "in (0,1]", s.StartFactor)
	}
	if s.Steps < 1 {
		return rangeError("LinearWarmup", "Steps", "≥ 1", float64(s.Steps))
	}
	return positive("LinearWarmup", "Peak", s.Peak)
}

// Rate returns η·(s + (1 − s)·min(t, W)/W).
func (s *LinearWarmup) Rate(step int) float64 {
	mustValid(s.check())
	t := float64(min(step, s.Steps))
	return s.Peak * (s.StartFactor + (1-s.StartFactor)*t/float64(s.Steps))
}

// MarshalBinary saves η, s and W.
func (s *LinearWarmup) MarshalBinary() ([]byte, error) {
	e := newEncoder("LinearWarmup", 0)
	e.float(s.Peak, s.StartFactor)
	e.int(s.Steps)
	return e.b, nil
}

// UnmarshalBinary restores what MarshalBinary saved; on error s is unchanged.
func (s *LinearWarmup) UnmarshalBinary(data []byte) error {
	var c LinearWarmup
	d := newDecoder(data, "LinearWarmup", 0)
	d.float(&c.Peak, &c.StartFactor)
	d.int(&c.Steps)
	if err := firstError(d.done(), c.check()); err != nil {
		return err
	}
	*s = c
	return nil
}
