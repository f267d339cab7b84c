//go:build !purego

package nn

import (
	"unsafe"

	"github.com/nncourse/optimizers/optim"
	"golang.org/x/sys/cpu"
)

// The float32 loops of the training step in AVX2 (kernels32_amd64.s), over
// n elements, n a positive multiple of 8; the Go wrappers return how many
// elements they did and leave the rest to the portable loops.

// reluAVX2 sets v[i] = max(v[i], 0) for i < n.
//
//go:noescape
func reluAVX2(v *float32, n int)

// backReLUAVX2 sets, for i < n, z = dy[i]·[y[i] > 0], y[i] = z and
// db[i] += z.
//
//go:noescape
func backReLUAVX2(y, dy, db *float32, n int)

var hasAVX2 = cpu.X86.HasAVX2

// float32s reports whether T is a 4-byte float, and n the number of
// elements of a slice of length length the assembly takes.
func float32s[T optim.Float](length int) (n int, ok bool) {
	n = length &^ 7
	return n, unsafe.Sizeof(T(0)) == 4 && hasAVX2 && n > 0
}

// as32 is a pointer to v's first element as a float32.
func as32[T optim.Float](v []T) *float32 { return (*float32)(unsafe.Pointer(&v[0])) }

// reluFast runs reluAVX2 over the first elements of a float32 v and
// returns how many it did (0 for float64 or without AVX2).
func reluFast[T optim.Float](v []T) int {
	n, ok := float32s[T](len(v))
	if !ok {
		return 0
	}
	reluAVX2(as32(v), n)
	return n
}

// backReLUFast runs backReLUAVX2 over the first elements of float32 rows
// (y and db at least as long as dy) and returns how many it did.
func backReLUFast[T optim.Float](y, dy, db []T) int {
	n, ok := float32s[T](len(dy))
	if !ok {
		return 0
	}
	_, _ = y[n-1], db[n-1]
	backReLUAVX2(as32(y), as32(dy), as32(db), n)
	return n
}
