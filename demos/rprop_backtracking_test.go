package demos

import (
	"testing"

	"github.com/nncourse/optimizers/optim"
)

// TestRpropOnWall: on the wall k = 1000 from x = −1 with U₀ = 0.1, the step
// that crosses onto the steep side is undone by Rprop+, which reaches
// |x| < 10⁻³ in 22 steps and spends a loss of 57 on the way, against
// iRprop−'s 30 steps and 100, which stays on the wall for a step after each
// sign change. The lecture's order (move, then adapt) lands less deep on
// the wall and does best here: 19 steps, 6.5.
func TestRpropOnWall(t *testing.T) {
	variants := []*optim.Rprop[float64]{
		{Initial: 0.1},                      // the lecture's order, Rprop−
		{Initial: 0.1, Form: optim.PyTorch}, // iRprop−
		{Initial: 0.1, Form: optim.PyTorch, Variant: optim.RpropPlus}, // Rprop+
	}
	runs := RpropOnWall(Wall{K: 1000}, variants, -1, 200)
	want := []struct {
		reach              int
		spentMin, spentMax float64
	}{{19, 6.4, 6.6}, {30, 99, 100.5}, {22, 56.5, 57.5}}
	for i, r := range runs {
		if r.Reach != want[i].reach || r.Spent < want[i].spentMin || r.Spent > want[i].spentMax {
			t.Errorf("%d: %s reached 10⁻³ at %d with loss spent %.2f; want %d, [%g, %g]", i, r.Settings, r.Reach, r.Spent, want[i].reach, want[i].spentMin, want[i].spentMax)
		}
	}
	// Backtracking: the step after the crossing returns to the position before it.
	plus := runs[2].Path
	if plus[7] <= 0 || plus[8] != plus[6] {
		t.Errorf("Rprop+ x₆, x₇, x₈ = %g, %g, %g; want x₇ > 0 and x₈ = x₆", plus[6], plus[7], plus[8])
	}
}
