package exercises

import "testing"

func TestLesson04SignBytes(t *testing.T) {
	words := func(n int) int64 { return 2 * 8 * int64((n+63)/64) }
	if !Lesson04SignBytes(words) {
		t.Error("two bit-sets of 64-bit words fail")
	}
	if Lesson04SignBytes(func(n int) int64 { return int64(n) / 4 }) { // 2 bits per weight, no words
		t.Error("n/4 bytes, without rounding to words, passes")
	}
}
