package optim

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// The checkpoint format shared by every optimizer and schedule, little
// endian throughout:
//
//	magic "optim"  version byte  kind (length byte + name)  element size byte
//	body: float64 and int64 fields, then the state vectors
//
// The header names what wrote the bytes, so that loading Adam's state into
// RMSprop, or float32 state into a float64 optimizer, is an error.
const (
	stateMagic   = "optim"
	stateVersion = 1
)

// encoder appends fields to a byte slice.
type encoder struct{ b []byte }

// newEncoder starts a record for kind with elements of elemSize bytes
// (0 for schedules, which hold no vectors).
func newEncoder(kind string, elemSize int64) *encoder {
	e := &encoder{b: make([]byte, 0, 64)}
	e.b = append(e.b, stateMagic...)
	e.b = append(e.b, stateVersion, byte(len(kind)))
	e.b = append(e.b, kind...)
	e.b = append(e.b, byte(elemSize))
	return e
}

// float appends float64 fields.
func (e *encoder) float(vs ...float64) {
	for _, v := range vs {
		e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(v))
	}
}

// int appends int fields as int64.
func (e *encoder) int(vs ...int) {
	for _, v := range vs {
		e.b = binary.LittleEndian.AppendUint64(e.b, uint64(int64(v)))
	}
}

// bool appends bool fields as one byte each.
func (e *encoder) bool(vs ...bool) {
	for _, v := range vs {
		var c byte
		if v {
			c = 1
		}
		e.b = append(e.b, c)
	}
}

// words appends a bit-set.
func (e *encoder) words(v []uint64) {
	for _, w := range v {
		e.b = binary.LittleEndian.AppendUint64(e.b, w)
	}
}

// putVector appends a state vector element by element.
func putVector[T Float](e *encoder, v []T) {
	for _, x := range v {
		if sizeOf[T]() == 4 {
			e.b = binary.LittleEndian.AppendUint32(e.b, math.Float32bits(float32(x)))
		} else {
			e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(float64(x)))
		}
	}
}

// errTruncated reports input that ends before the record does.
var errTruncated = errors.New("truncated")

// decoder reads what encoder wrote. The first problem is kept in err and
// every later read returns zero, so a decode reads as a straight list of
// fields followed by one check of done.
type decoder struct {
	b    []byte
	kind string
	err  error
}

// newDecoder checks the header against kind and elemSize.
func newDecoder(data []byte, kind string, elemSize int64) *decoder {
	d := &decoder{b: data, kind: kind}
	head := d.take(len(stateMagic) + 2)
	if d.err != nil {
		return d
	}
	if string(head[:len(stateMagic)]) != stateMagic {
		d.fail(errors.New("not an optim checkpoint (bad magic)"))
		return d
	}
	if v := head[len(stateMagic)]; v != stateVersion {
		d.fail(fmt.Errorf("unsupported version %d (want %d)", v, stateVersion))
		return d
	}
	name := d.take(int(head[len(stateMagic)+1]))
	size := d.take(1)
	switch {
	case d.err != nil:
	case string(name) != kind:
		d.fail(fmt.Errorf("checkpoint holds %q", name))
	case int64(size[0]) != elemSize:
		d.fail(fmt.Errorf("checkpoint holds %d-byte elements, want %d", size[0], elemSize))
	}
	return d
}

// fail keeps the first error.
func (d *decoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

// take consumes n bytes, or fails with errTruncated.
func (d *decoder) take(n int) []byte {
	if d.err != nil {
		return nil
	}
	if n < 0 || n > len(d.b) {
		d.fail(errTruncated)
		return nil
	}
	p := d.b[:n]
	d.b = d.b[n:]
	return p
}

// float reads float64 fields into ps.
func (d *decoder) float(ps ...*float64) {
	for _, p := range ps {
		if b := d.take(8); b != nil {
			*p = math.Float64frombits(binary.LittleEndian.Uint64(b))
		}
	}
}

// int reads int fields into ps.
func (d *decoder) int(ps ...*int) {
	for _, p := range ps {
		if b := d.take(8); b != nil {
			*p = int(int64(binary.LittleEndian.Uint64(b)))
		}
	}
}

// bool reads bool fields into ps; bytes other than 0 and 1 are an error.
func (d *decoder) bool(ps ...*bool) {
	for _, p := range ps {
		if b := d.take(1); b != nil {
			if b[0] > 1 {
				d.fail(fmt.Errorf("bad bool byte %d", b[0]))
			}
			*p = b[0] == 1
		}
	}
}

// count reads a non-negative count (a step number or a length) and checks
// that at least count×bytesEach bytes remain, before anything is allocated
// for it.
func (d *decoder) count(bytesEach int) int {
	var n int
	d.int(&n)
	if d.err == nil && (n < 0 || (bytesEach > 0 && n > len(d.b)/bytesEach)) {
		d.fail(fmt.Errorf("bad count %d for %d bytes left", n, len(d.b)))
		return 0
	}
	return n
}

// words reads a bit-set of n words (nil when n is 0).
func (d *decoder) words(n int) []uint64 {
	b := d.take(8 * n)
	if b == nil || n == 0 {
		return nil
	}
	v := make([]uint64, n)
	for i := range v {
		v[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return v
}

// getVector reads a state vector of n elements (nil when n is 0: the state
// is then sized by the next Step).
func getVector[T Float](d *decoder, n int) []T {
	size := int(sizeOf[T]())
	if n > math.MaxInt/size {
		d.fail(errTruncated)
	}
	b := d.take(size * n)
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

// done reports the first problem, or trailing bytes, naming the kind.
func (d *decoder) done() error {
	if d.err == nil && len(d.b) != 0 {
		d.fail(fmt.Errorf("%d trailing bytes", len(d.b)))
	}
	if d.err != nil {
		return fmt.Errorf("optim: %s: UnmarshalBinary: %w", d.kind, d.err)
	}
	return nil
}
