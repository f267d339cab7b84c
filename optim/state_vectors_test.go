package optim

import (
	"bytes"
	"strings"
	"testing"
)

// TestStateRoundTrip moves each form's state with StateOf and SetState
// as TestCheckpointResume moves it with MarshalBinary. The optimizers
// beyond the lecture's nine must refuse, by name.
func TestStateRoundTrip(t *testing.T) {
	testResume(t, setStateOf[float64](t))
	testResume(t, setStateOf[float32](t))
}

// setStateOf moves from's state into to with StateOf and SetState; it
// reports the optimizers without them as not moved, after checking their
// error.
func setStateOf[T Float](t *testing.T) func(from, to Optimizer[T]) (bool, error) {
	return func(from, to Optimizer[T]) (bool, error) {
		s, err := StateOf(from)
		if name := from.Name(); err != nil && (name == "AdamW" || name == "Lion" || name == "Muon") {
			if !strings.Contains(err.Error(), name) {
				t.Errorf("StateOf(%s): %v, want an error naming it", name, err)
			}
			return false, nil
		} else if err != nil {
			return true, err
		}
		if _, ok := to.(*SGD[T]); ok {
			// SGD's record holds n, which no vector carries: a fresh SGD
			// learns it at its first Step, here one on zeros.
			to.Step(make([]T, resumeParams), make([]T, resumeParams))
		}
		return true, SetState(to, s)
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
