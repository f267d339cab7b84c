package exercises

// Lesson 04, Rprop: exercise 4 (the bytes of the previous signs in
// bit-sets).

import (
	"fmt"

	"github.com/nncourse/optimizers/optim"
)

// Lesson04SignBytes checks exercise 4: signBytes(n) must be the bytes of
// Rprop's previous signs for n weights stored as optim.Rprop stores them:
// two bit-sets (a "positive" and a "negative" bit per weight) in whole
// 64-bit words. The reference is optim.Rprop's StateBytes less its step
// sizes U.
func Lesson04SignBytes(signBytes func(n int) int64) bool {
	for _, n := range []int{25_990, 7_000_000_000, 1, 64, 65} {
		var got int64
		if err := safely(func() { got = signBytes(n) }); err != nil {
			return verdict(false, "", err.Error())
		}
		if want := optim.NewRprop[float32]().StateBytes(n) - 4*int64(n); got != want {
			return verdict(false, "", fmt.Sprintf("for %d weights you count %d bytes, the bit-sets take %d: two bits per weight, each bit-set rounded up to whole 64-bit words of 8 bytes", n, got, want))
		}
	}
	return verdict(true, fmt.Sprintf("two bit-sets of whole 64-bit words: %d bytes for 7 billion weights, against 7,000,000,000 bytes as []int8", int64(2*8*((7_000_000_000+63)/64))), "")
}
