package binenc

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// ErrTruncated is wrapped by a Decoder's error when the bytes end before
// the record does.
var ErrTruncated = errors.New("truncated")

// Decoder reads what the Append functions wrote.
type Decoder struct {
	b   []byte
	err error
}

// NewDecoder returns a Decoder reading b.
func NewDecoder(b []byte) *Decoder { return &Decoder{b: b} }

// Err is the first problem met, or nil.
func (d *Decoder) Err() error { return d.err }

// Left is the number of bytes not read yet.
func (d *Decoder) Left() int { return len(d.b) }

// Fail keeps err unless a problem was already met.
func (d *Decoder) Fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

// Take consumes n bytes, or fails with ErrTruncated and returns nil.
func (d *Decoder) Take(n int) []byte {
	if d.err != nil {
		return nil
	}
	if n < 0 || n > len(d.b) {
		d.Fail(fmt.Errorf("%w: a field of %d bytes, %d left", ErrTruncated, n, len(d.b)))
		return nil
	}
	p := d.b[:n:n]
	d.b = d.b[n:]
	return p
}

func (d *Decoder) u64() uint64 {
	if p := d.Take(8); p != nil {
		return binary.LittleEndian.Uint64(p)
	}
	return 0
}

// Float64 reads float64 fields into ps.
func (d *Decoder) Float64(ps ...*float64) {
	for _, p := range ps {
		*p = math.Float64frombits(d.u64())
	}
}

// Int reads int fields into ps.
func (d *Decoder) Int(ps ...*int) {
	for _, p := range ps {
		*p = int(int64(d.u64()))
	}
}

// IntIn reads one int that must lie in [lo, hi].
func (d *Decoder) IntIn(lo, hi int) int {
	v := int64(d.u64())
	if d.err == nil && (v < int64(lo) || v > int64(hi)) {
		d.Fail(fmt.Errorf("value %d outside [%d, %d]", v, lo, hi))
		return 0
	}
	return int(v)
}

// Bool reads bool fields into ps; bytes other than 0 and 1 are an error.
func (d *Decoder) Bool(ps ...*bool) {
	for _, p := range ps {
		if b := d.Take(1); b != nil {
			if b[0] > 1 {
				d.Fail(fmt.Errorf("bad bool byte %d", b[0]))
			}
			*p = b[0] == 1
		}
	}
}

// Count reads a non-negative count (a step number or a length) and checks
// that at least count×bytesEach bytes remain, before anything is allocated
// for it; bytesEach 0 checks only the sign. It returns 0 on failure.
func (d *Decoder) Count(bytesEach int) int {
	var n int
	d.Int(&n)
	if d.err == nil && (n < 0 || (bytesEach > 0 && n > len(d.b)/bytesEach)) {
		d.Fail(fmt.Errorf("%w: a count of %d items of %d bytes, %d bytes left", ErrTruncated, n, bytesEach, len(d.b)))
		return 0
	}
	return n
}

// Blob reads a length and that many bytes.
func (d *Decoder) Blob() []byte { return d.Take(d.Count(1)) }

// Words reads a bit-set of n 64-bit words (nil when n is 0).
func (d *Decoder) Words(n int) []uint64 {
	if n > len(d.b)/8 {
		d.Fail(fmt.Errorf("%w: %d words, %d bytes left", ErrTruncated, n, len(d.b)))
	}
	b := d.Take(8 * n)
	if b == nil || n == 0 {
		return nil
	}
	v := make([]uint64, n)
	for i := range v {
		v[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return v
}

// Floats reads a vector of n elements written by AppendFloats (nil when
// n is 0). n is checked against the bytes left before allocating.
func Floats[T Float](d *Decoder, n int) []T {
	size := SizeOf[T]()
	if n > len(d.b)/size {
		d.Fail(fmt.Errorf("%w: %d elements of %d bytes, %d bytes left", ErrTruncated, n, size, len(d.b)))
	}
	b := d.Take(size * n)
	if b == nil || n == 0 {
		return nil
	}
	v := make([]T, n)
	for i := range v {
		if size == 4 {
			v[i] = T(math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:])))
		} else {
			v[i] = T(math.Float64frombits(binary.LittleEndian.Uint64(b[8*i:])))
		}
	}
	return v
}

// Done returns the first problem, or one for trailing bytes.
func (d *Decoder) Done() error {
	if d.err == nil && len(d.b) != 0 {
		d.Fail(fmt.Errorf("%d trailing bytes", len(d.b)))
	}
	return d.err
}

// FirstError returns the first non-nil error, so that a check reads as one
// list of conditions.
func FirstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
