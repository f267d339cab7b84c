package binenc

import (
	"errors"
	"testing"
)

// TestBoundsBeforeAllocating checks that every count is refused, with
// ErrTruncated, when the bytes left cannot hold it.
func TestBoundsBeforeAllocating(t *testing.T) {
	huge := AppendInt(nil, 1<<40)
	for i, c := range []struct {
		name string
		read func(d *Decoder)
	}{
		{"Count", func(d *Decoder) { d.Count(8) }},
		{"Blob", func(d *Decoder) { d.Blob() }},
		{"Words", func(d *Decoder) { d.Words(1 << 40) }},
		{"Floats", func(d *Decoder) { Floats[float32](d, 1<<40) }},
		{"Take", func(d *Decoder) { d.Take(9) }},
	} {
		d := NewDecoder(huge)
		c.read(d)
		if !errors.Is(d.Err(), ErrTruncated) {
			t.Errorf("%d %s: error %v, want ErrTruncated", i, c.name, d.Err())
		}
	}
}

// TestRoundTrip writes every kind of field and reads it back.
func TestRoundTrip(t *testing.T) {
	b := AppendFloat64(nil, 1.5)
	b = AppendInt(b, -3)
	b = AppendBool(b, true)
	b = AppendWords(b, []uint64{7})
	b = AppendBlob(b, []byte("hi"))
	b = AppendFloats(b, []float32{2.5})
	d := NewDecoder(b)
	var f float64
	var n int
	var ok bool
	d.Float64(&f)
	d.Int(&n)
	d.Bool(&ok)
	w, blob, v := d.Words(1), d.Blob(), Floats[float32](d, 1)
	if err := d.Done(); err != nil || f != 1.5 || n != -3 || !ok || w[0] != 7 || string(blob) != "hi" || v[0] != 2.5 {
		t.Errorf("got %v %v %v %v %q %v, err %v", f, n, ok, w, blob, v, err)
	}
}
