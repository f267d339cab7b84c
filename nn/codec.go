package nn

import (
	"encoding/binary"
	"fmt"
	"math"
	"unsafe"

	"github.com/nncourse/optimizers/optim"
)

// writer appends little-endian fields to a byte slice.
type writer struct{ b []byte }

// u64 appends unsigned integers.
func (w *writer) u64(vs ...uint64) {
	for _, v := range vs {
		w.b = binary.LittleEndian.AppendUint64(w.b, v)
	}
}

// int appends ints as 64-bit two's complement.
func (w *writer) int(vs ...int) {
	for _, v := range vs {
		w.u64(uint64(int64(v)))
	}
}

// f64 appends floats bit for bit.
func (w *writer) f64(vs ...float64) {
	for _, v := range vs {
		w.u64(math.Float64bits(v))
	}
}

// blob appends a length and the bytes.
func (w *writer) blob(p []byte) {
	w.int(len(p))
	w.b = append(w.b, p...)
}

// putFloats appends a length and the elements, bit for bit.
func putFloats[T optim.Float](w *writer, v []T) {
	w.int(len(v))
	for _, x := range v {
		if unsafe.Sizeof(x) == 4 {
			w.b = binary.LittleEndian.AppendUint32(w.b, math.Float32bits(float32(x)))
		} else {
			w.u64(math.Float64bits(float64(x)))
		}
	}
}

// reader reads what writer wrote. The first problem sticks in err and
// later reads return zeros, so decoding reads as a list of fields and one
// check at the end.
type reader struct {
	b   []byte
	err error
}

// take consumes n bytes.
func (r *reader) take(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b) {
		r.err = fmt.Errorf("field of %d bytes runs past the end (%d left)", n, len(r.b))
		return nil
	}
	p := r.b[:n:n]
	r.b = r.b[n:]
	return p
}

// u64 reads one unsigned integer.
func (r *reader) u64() uint64 {
	if p := r.take(8); p != nil {
		return binary.LittleEndian.Uint64(p)
	}
	return 0
}

// int reads one int that must lie in [lo, hi].
func (r *reader) int(lo, hi int) int {
	v := int64(r.u64())
	if r.err == nil && (v < int64(lo) || v > int64(hi)) {
		r.err = fmt.Errorf("value %d outside [%d, %d]", v, lo, hi)
	}
	return int(v)
}

// f64 reads one float.
func (r *reader) f64() float64 { return math.Float64frombits(r.u64()) }

// blob reads a length and that many bytes.
func (r *reader) blob() []byte { return r.take(r.int(0, len(r.b))) }

// getFloats reads a length, which must be want, and the elements.
func getFloats[T optim.Float](r *reader, want int) []T {
	n := r.int(want, want)
	var zero T
	size := int(unsafe.Sizeof(zero))
	p := r.take(n * size)
	if p == nil {
		return nil
	}
	v := make([]T, n)
	for i := range v {
		if size == 4 {
			v[i] = T(math.Float32frombits(binary.LittleEndian.Uint32(p[4*i:])))
		} else {
			v[i] = T(math.Float64frombits(binary.LittleEndian.Uint64(p[8*i:])))
		}
	}
	return v
}
