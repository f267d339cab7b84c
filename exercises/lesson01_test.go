package exercises

import (
	"testing"

	"github.com/nncourse/optimizers/nn"
)

func TestLesson01ParamCount(t *testing.T) {
	if !Lesson01ParamCount(nn.ParamCount) {
		t.Error("nn.ParamCount fails")
	}
	weightsOnly := func(sizes []int) int {
		n := 0
		for i := 1; i < len(sizes); i++ {
			n += sizes[i-1] * sizes[i]
		}
		return n
	}
	if Lesson01ParamCount(weightsOnly) {
		t.Error("a count without the biases passes")
	}
	if Lesson01ParamCount(func([]int) int { panic("todo") }) {
		t.Error("a panicking count passes")
	}
}

func TestLesson01MixedPrecision(t *testing.T) {
	if !Lesson01MixedPrecision(func(p int64) int64 { return 16 * p }) {
		t.Error("16 bytes per parameter fails")
	}
	if Lesson01MixedPrecision(func(p int64) int64 { return 12 * p }) { // no float32 master copy
		t.Error("12 bytes per parameter passes")
	}
}
