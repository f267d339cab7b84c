package optim

// WarmupCosine is a linear warm-up followed by a cosine annealing, the
// schedule of most transformer recipes:
//
//	ηₜ = LinearWarmup{η, s, W}.Rate(t)         for t < W
//	ηₜ = Cosine{η, η_min, T}.Rate(t − W)       for t ≥ W
//
// It is torch's SequentialLR([LinearLR(start_factor=s, total_iters=W),
// CosineAnnealingLR(T_max=T, eta_min=η_min)], milestones=[W]) stepped once
// per step (the reference).
type WarmupCosine struct {
	Warmup LinearWarmup // its Peak is the cosine's η
	// Min is η_min ∈ [0, η], the rate at step W + T.
	Min float64
	// CosineSteps T ≥ 1 is the length of the cosine after the warm-up.
	CosineSteps int
}

var _ Schedule = (*WarmupCosine)(nil)

// NewWarmupCosine returns the warm-up from startFactor·peak to peak over
// warmup steps, then the cosine from peak to min over cosine steps.
func NewWarmupCosine(peak, startFactor float64, warmup int, min float64, cosine int) *WarmupCosine {
	s := &WarmupCosine{Warmup: LinearWarmup{Peak: peak, StartFactor: startFactor, Steps: warmup},
		Min: min, CosineSteps: cosine}
	mustValid(s.check())
	return s
}

// cosine is the schedule after the warm-up.
func (s *WarmupCosine) cosine() Cosine {
	return Cosine{Initial: s.Warmup.Peak, Min: s.Min, Steps: s.CosineSteps}
}

func (s *WarmupCosine) check() error {
	c := s.cosine()
	return firstError(s.Warmup.check(), c.check())
}

// Rate returns the warm-up's rate before step W and the cosine's from it.
func (s *WarmupCosine) Rate(step int) float64 {
	if step < s.Warmup.Steps {
		return s.Warmup.Rate(step)
	}
	c := s.cosine()
	return c.Rate(step - s.Warmup.Steps)
}

// MarshalBinary saves η, s, W, η_min and T.
func (s *WarmupCosine) MarshalBinary() ([]byte, error) {
	e := newEncoder("WarmupCosine", 0)
	e.float(s.Warmup.Peak, s.Warmup.StartFactor, s.Min)
	e.int(s.Warmup.Steps, s.CosineSteps)
	return e.b, nil
}

// UnmarshalBinary restores what MarshalBinary saved; on error s is unchanged.
func (s *WarmupCosine) UnmarshalBinary(data []byte) error {
	var c WarmupCosine
	d := newDecoder(data, "WarmupCosine", 0)
	d.float(&c.Warmup.Peak, &c.Warmup.StartFactor, &c.Min)
	d.int(&c.Warmup.Steps, &c.CosineSteps)
	if err := firstError(d.done(), c.check()); err != nil {
		return err
	}
	*s = c
	return nil
}
