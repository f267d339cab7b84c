package optim

import "testing"

func TestCheck(t *testing.T) {
	for i, o := range append(All[float32](), AfterLecture[float32]()...) {
		if err := Check(o); err != nil {
			t.Errorf("%d: Check(%s) = %v, want nil", i, o.Name(), err)
		}
		if a := testing.AllocsPerRun(10, func() { _ = Check(o) }); a != 0 {
			t.Errorf("%d: Check(%s) allocates %v times, want 0", i, o.Name(), a)
		}
	}
	if err := Check[float64](&Adam[float64]{}); err != nil {
		t.Errorf("Check(&Adam{}) = %v, want nil: a literal's zero fields are the defaults", err)
	}
	o := NewAdam[float64]()
	o.Beta1 = 1.2
	want := panicMessage(func() { o.Step([]float64{1}, []float64{1}) })
	if err := Check[float64](o); err == nil || err.Error() != want {
		t.Errorf("Check(Adam with Beta1 1.2) = %v, want Step's panic %q", err, want)
	}
}
