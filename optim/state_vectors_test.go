package optim

import (
	"bytes"
	"strings"
	"testing"
)

// TestStateRoundTrip moves each form's state after 7 steps into a fresh
// optimizer with StateOf and SetState: the two must then marshal to the
// same bytes and take the same 5 further steps, bit for bit. The
// optimizers beyond the lecture's nine must refuse, by name.
func TestStateRoundTrip(t *testing.T) {
	testStateRoundTrip[float64](t)
	testStateRoundTrip[float32](t)
}

func testStateRoundTrip[T Float](t *testing.T) {
	const n = 70 // not a multiple of 64: Rprop's last sign word is partial
	fresh := allForms[T]()
	for k, f := range allForms[T]() {
		t.Run(f.name, func(t *testing.T) {
			params := make([]T, n)
			stepRandom(f.opt, params, 7, 1)
			s, err := StateOf(f.opt)
			if err != nil {
				if name := f.opt.Name(); name != "AdamW" && name != "Lion" && name != "Muon" ||
					!strings.Contains(err.Error(), name) {
					t.Fatalf("StateOf: %v", err)
				}
				return
			}
			moved := fresh[k].opt
			if err := SetState(moved, s); err != nil {
				t.Fatal(err)
			}
			want, _ := f.opt.MarshalBinary()
			if got, _ := moved.MarshalBinary(); len(s.Vectors) > 0 && !bytes.Equal(got, want) { // SGD's record holds n, which no vector carries
				t.Fatalf("the moved optimizer marshals differently")
			}
			p2 := append([]T(nil), params...)
			stepRandom(f.opt, params, 5, 2)
			stepRandom(moved, p2, 5, 2)
			for i := range params {
				if params[i] != p2[i] {
					t.Fatalf("parameter %d: got %v after SetState, want %v", i, p2[i], params[i])
				}
			}
		})
	}
}

// TestSetStateMismatch checks that a State that does not fit is refused
// and leaves the optimizer as it was.
func TestSetStateMismatch(t *testing.T) {
	for i, c := range []struct {
		opt  Optimizer[float32]
		s    State[float32]
		want string
	}{
		{NewAdam[float32](), State[float32]{Steps: 3}, "0 state vectors, want 2"},
		{NewAdam[float32](), State[float32]{Steps: 3, Vectors: make([][]float32, 3)}, "3 state vectors, want 2"},
		{NewAdam[float32](), State[float32]{Steps: 3, Vectors: [][]float32{{1, 2}, {1}}}, "vector 1 has 1 elements"},
		{&Nesterov[float32]{ExactWeights: true}, State[float32]{Steps: 1}, "0 state vectors, want 2"},
	} {
		before, _ := c.opt.MarshalBinary()
		err := SetState(c.opt, c.s)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%d: SetState error %v, want one containing %q", i, err, c.want)
		}
		if after, _ := c.opt.MarshalBinary(); !bytes.Equal(before, after) {
			t.Errorf("%d: a refused SetState changed the optimizer", i)
		}
	}
}
