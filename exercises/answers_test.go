package exercises

import "testing"

// answer is a student's answer to a check and whether the check must accept
// it.
type answer[A any] struct {
	value A
	right bool
}

// checkAnswers runs check on every answer and reports each one it judges
// wrongly, by index.
func checkAnswers[A any](t *testing.T, check func(A) bool, answers []answer[A]) {
	t.Helper()
	for i, a := range answers {
		if got := check(a.value); got != a.right {
			t.Errorf("%d: the check returned %v, want %v", i, got, a.right)
		}
	}
}
