package nn

import (
	"unsafe"

	"github.com/nncourse/optimizers/optim"
)

// finite reports whether every element of v is finite. A float is NaN or
// ±Inf exactly when its exponent bits are all ones, so the test reads the
// bits, 64 at a time (two float32 or one float64 per word):
//
//	e = w & exponents          each lane's exponent field, in place
//	s = e + lowest             carries into the lane's sign bit iff e is all ones
//	non-finite ⇔ s & signs ≠ 0
//
// The sums are OR-ed together and the sign bits tested once at the end;
// no lane's sum carries into its neighbour (all ones plus the lowest
// exponent bit is exactly the sign bit). Integer operations on whole
// words, in AVX2 registers where the CPU has them (finite_amd64.s), go
// at the speed of memory, several times the float loop x − x they
// replace (finiteNaive, the test oracle).
func finite[T optim.Float](v []T) bool {
	return finiteCopy(nil, v)
}

// finiteCopy is finite that also copies src into dst (len(dst) =
// len(src)) in the same pass, unless dst is nil: dst holds src whatever
// the answer.
func finiteCopy[T optim.Float](dst, src []T) bool {
	if len(src) == 0 {
		return true
	}
	if dst != nil {
		dst = dst[:len(src)]
	}
	f := floatBits[T]()
	ok := true
	// A float32 slab may start halfway into a word: take that one alone.
	if f.perWord == 2 && uintptr(unsafe.Pointer(&src[0]))%8 != 0 {
		ok = finiteNaive(src[:1])
		if dst != nil {
			dst[0], dst = src[0], dst[1:]
		}
		src = src[1:]
	}
	n := len(src) / f.perWord
	if n > 0 && orExponents(words(dst, n), words(src, n), f.exponents, f.lowest)&f.signs != 0 {
		ok = false
	}
	rest := src[n*f.perWord:]
	if dst != nil {
		copy(dst[n*f.perWord:], rest)
	}
	return ok && finiteNaive(rest)
}

// words views the first n 64-bit words of v, nil for a nil v. v starts
// on a word boundary and holds at least n words.
func words[T optim.Float](v []T, n int) []uint64 {
	if v == nil {
		return nil
	}
	return unsafe.Slice((*uint64)(unsafe.Pointer(&v[0])), n)
}

// bitLayout holds the masks finite uses for one float type.
type bitLayout struct {
	perWord                  int    // floats per 64-bit word
	exponents, lowest, signs uint64 // every lane's exponent field, its lowest bit, its sign bit
}

// floatBits is T's bitLayout: IEEE 754 binary32 or binary64.
func floatBits[T optim.Float]() bitLayout {
	if unsafe.Sizeof(T(0)) == 4 {
		return bitLayout{2, 0x7f800000_7f800000, 0x00800000_00800000, 0x80000000_80000000}
	}
	return bitLayout{1, 0x7ff00000_00000000, 0x00100000_00000000, 0x80000000_00000000}
}

// orExponentsGo is orExponents in Go, the fallback and the test oracle
// of the assembly: the OR over the words w of src of (w & exponents) +
// lowest, copying src into dst unless dst is nil. Four accumulators keep
// four chains in flight.
func orExponentsGo(dst, src []uint64, exponents, lowest uint64) uint64 {
	var s0, s1, s2, s3 uint64
	i := 0
	for ; i+4 <= len(src); i += 4 {
		w := src[i : i+4 : i+4]
		s0 |= w[0]&exponents + lowest
		s1 |= w[1]&exponents + lowest
		s2 |= w[2]&exponents + lowest
		s3 |= w[3]&exponents + lowest
	}
	for ; i < len(src); i++ {
		s0 |= src[i]&exponents + lowest
	}
	copy(dst, src)
	return s0 | s1 | s2 | s3
}

// finiteNaive is finite in floats, one element at a time: x − x is 0 for
// a finite x and NaN for ±Inf or NaN, and NaN sticks.
func finiteNaive[T optim.Float](v []T) bool {
	var s T
	for _, x := range v {
		s += x - x
	}
	return s == 0
}
