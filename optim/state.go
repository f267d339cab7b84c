package optim

import (
	"errors"
	"fmt"

	"github.com/nncourse/optimizers/internal/binenc"
)

// The checkpoint format shared by every optimizer and schedule, little
// endian throughout (written with the course's one codec, internal/binenc):
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

// ErrBadState is wrapped by every error UnmarshalBinary returns for bytes
// it cannot decode: a foreign or corrupted record, trailing bytes, or a
// record cut short (which also wraps ErrTruncatedState). Test with
// errors.Is.
var ErrBadState = errors.New("bad optimizer state")

// ErrTruncatedState is wrapped by UnmarshalBinary's error when the bytes
// end before the record does, or announce more elements than they hold.
var ErrTruncatedState = binenc.ErrTruncated

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

func (e *encoder) float(vs ...float64) { e.b = binenc.AppendFloat64(e.b, vs...) }
func (e *encoder) int(vs ...int)       { e.b = binenc.AppendInt(e.b, vs...) }
func (e *encoder) bool(vs ...bool)     { e.b = binenc.AppendBool(e.b, vs...) }
func (e *encoder) words(v []uint64)    { e.b = binenc.AppendWords(e.b, v) }

// putVector appends a state vector element by element.
func putVector[T Float](e *encoder, v []T) { e.b = binenc.AppendFloats(e.b, v) }

// decoder reads what encoder wrote: a binenc.Decoder that knows the kind
// it decodes, for its errors.
type decoder struct {
	*binenc.Decoder
	kind string
}

// newDecoder checks the header against kind and elemSize.
func newDecoder(data []byte, kind string, elemSize int64) *decoder {
	d := &decoder{Decoder: binenc.NewDecoder(data), kind: kind}
	head := d.Take(len(stateMagic) + 2)
	if head == nil {
		return d
	}
	if string(head[:len(stateMagic)]) != stateMagic {
		d.Fail(errors.New("not an optim checkpoint (bad magic)"))
		return d
	}
	if v := head[len(stateMagic)]; v != stateVersion {
		d.Fail(fmt.Errorf("unsupported version %d (want %d)", v, stateVersion))
		return d
	}
	name := d.Take(int(head[len(stateMagic)+1]))
	size := d.Take(1)
	switch {
	case d.Err() != nil:
	case string(name) != kind:
		d.Fail(fmt.Errorf("checkpoint holds %q", name))
	case int64(size[0]) != elemSize:
		d.Fail(fmt.Errorf("checkpoint holds %d-byte elements, want %d", size[0], elemSize))
	}
	return d
}

func (d *decoder) float(ps ...*float64)    { d.Float64(ps...) }
func (d *decoder) int(ps ...*int)          { d.Int(ps...) }
func (d *decoder) bool(ps ...*bool)        { d.Bool(ps...) }
func (d *decoder) count(bytesEach int) int { return d.Count(bytesEach) }
func (d *decoder) words(n int) []uint64    { return d.Words(n) }

// getVector reads a state vector of n elements (nil when n is 0: the state
// is then sized by the next Step).
func getVector[T Float](d *decoder, n int) []T { return binenc.Floats[T](d.Decoder, n) }

// done reports the first problem, or trailing bytes, naming the kind and
// wrapping ErrBadState.
func (d *decoder) done() error {
	if err := d.Done(); err != nil {
		return fmt.Errorf("optim: %s: UnmarshalBinary: %w: %w", d.kind, ErrBadState, err)
	}
	return nil
}
