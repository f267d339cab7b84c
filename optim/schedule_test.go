package optim

import (
	"math"
	"testing"
)

// schedules returns one of each schedule, for the shared tests.
func schedules() []marshaler {
	v := NewValidationDriven(0.1)
	for _, e := range []float64{0.5, 0.4, 0.3, 0.2} {
		v.Observe(e)
	}
	return []marshaler{NewConstant(0.1), NewStepDecay(0.1, 0.5, 10), NewExponential(0.1, 0.99),
		NewInverseTime(0.1, 0.01), v, &StepDecay{Initial: 0.1, Factor: 0.5, Every: 3, StepsPerEpoch: 7},
		&Exponential{Initial: 0.1, Gamma: 0.99, StepsPerEpoch: 7}, &InverseTime{Initial: 0.1, Decay: 0.01, StepsPerEpoch: 7},
		NewLinearWarmup(0.1, 0.25, 10), NewCosine(0.1, 0.001, 40), NewWarmupCosine(0.1, 0.25, 10, 0.001, 40)}
}

func TestScheduleRates(t *testing.T) {
	cases := []struct {
		name string
		s    Schedule
		step int
		want float64
	}{
		{"Constant", NewConstant(0.1), 1000, 0.1},
		{"StepDecay/0", NewStepDecay(0.1, 0.5, 10), 0, 0.1},
		{"StepDecay/9", NewStepDecay(0.1, 0.5, 10), 9, 0.1},
		{"StepDecay/10", NewStepDecay(0.1, 0.5, 10), 10, 0.05},
		{"StepDecay/35", NewStepDecay(0.1, 0.5, 10), 35, 0.0125},
		{"Exponential/0", NewExponential(0.1, 0.9), 0, 0.1},
		{"Exponential/2", NewExponential(0.1, 0.9), 2, 0.081},
		{"InverseTime/0", NewInverseTime(0.1, 0.5), 0, 0.1},
		{"InverseTime/4", NewInverseTime(0.1, 0.5), 4, 0.1 / 3},
		{"StepDecay/epochs/step 29", &StepDecay{Initial: 0.1, Factor: 0.5, Every: 2, StepsPerEpoch: 15}, 29, 0.1},
		{"StepDecay/epochs/step 30", &StepDecay{Initial: 0.1, Factor: 0.5, Every: 2, StepsPerEpoch: 15}, 30, 0.05},
		{"Exponential/epochs/step 25", &Exponential{Initial: 0.1, Gamma: 0.9, StepsPerEpoch: 10}, 25, 0.081},
		{"InverseTime/epochs/step 49", &InverseTime{Initial: 0.1, Decay: 0.5, StepsPerEpoch: 10}, 49, 0.1 / 3},
	}
	for i, c := range cases {
		if got := c.s.Rate(c.step); math.Abs(got-c.want) > 1e-15 {
			t.Errorf("%d %s: Rate(%d) = %v, want %v", i, c.name, c.step, got, c.want)
		}
	}
}

// TestValidationDriven follows the rule through falls, a stall and the
// bounds.
func TestValidationDriven(t *testing.T) {
	s := NewValidationDriven(0.1)
	steps := []struct {
		err, want float64
	}{
		{0.50, 0.1},         // first epoch: nothing to compare
		{0.40, 0.1},         // 1 fall
		{0.35, 0.1},         // 2 falls
		{0.30, 0.11},        // 3 falls in a row: raise
		{0.31, 0.11},        // no new best (1)
		{0.32, 0.055},       // no new best (2): lower
		{0.29, 0.055},       // new best, 1 fall
		{math.NaN(), 0.055}, // no progress (1)
		{0.30, 0.0275},      // no progress (2): lower
	}
	for i, st := range steps {
		s.Observe(st.err)
		if got := s.Rate(i); math.Abs(got-st.want) > 1e-15 {
			t.Fatalf("epoch %d (error %v): rate %v, want %v", i, st.err, got, st.want)
		}
	}
	for range 1000 {
		s.Observe(1)
	}
	if got, want := s.Rate(0), s.MinLR; got != want {
		t.Errorf("after 1000 stalls: rate %v, want MinLR %v", got, want)
	}
	for k := range 1000 {
		s.Observe(-float64(k))
	}
	if got, want := s.Rate(0), s.MaxLR; got != want {
		t.Errorf("after 1000 falls: rate %v, want MaxLR %v", got, want)
	}
}

func TestScheduleRoundTrip(t *testing.T) {
	for i, s := range schedules() {
		data, _ := s.MarshalBinary()
		fresh := schedules()[i]
		if v, ok := fresh.(*ValidationDriven); ok {
			*v = *NewValidationDriven(1)
		}
		if err := fresh.UnmarshalBinary(data); err != nil {
			t.Fatalf("%d %T: %v", i, s, err)
		}
		for step := range 50 {
			if a, b := s.(Schedule).Rate(step), fresh.(Schedule).Rate(step); a != b {
				t.Fatalf("%d %T: Rate(%d) = %v after round trip, want %v", i, s, step, b, a)
			}
		}
	}
}
