package exercises

import (
	"math"
	"testing"
)

func TestLesson02Rates(t *testing.T) {
	best := func(c float64) float64 { return 1 / c }
	limit := func(c float64) float64 { return 2 / c }
	if !Lesson02Rates(best, limit) {
		t.Error("the reference rates fail")
	}
	if Lesson02Rates(limit, best) { // the two swapped
		t.Error("swapped rates pass")
	}
	if Lesson02Rates(best, func(float64) float64 { panic("todo") }) {
		t.Error("a panicking answer passes")
	}
}

func TestLesson02SaddleEscape(t *testing.T) {
	ref := func(eta, y0 float64) int {
		if y0 == 0 {
			return -1
		}
		return int(math.Ceil(math.Log(1/math.Abs(y0)) / math.Log(1+2*eta)))
	}
	if !Lesson02SaddleEscape(ref) {
		t.Error("the reference answer fails")
	}
	wrong := func(eta, y0 float64) int { // growth factor 1 + η instead of 1 + 2η
		if y0 == 0 {
			return -1
		}
		return int(math.Ceil(math.Log(1/math.Abs(y0)) / math.Log(1+eta)))
	}
	if Lesson02SaddleEscape(wrong) {
		t.Error("a growth factor of 1 + η passes")
	}
}
