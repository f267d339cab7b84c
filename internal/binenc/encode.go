package binenc

import (
	"encoding/binary"
	"math"
	"unsafe"
)

// Float is the element type of parameter and state vectors.
type Float interface{ ~float32 | ~float64 }

// AppendFloat64 appends float64 fields bit for bit.
func AppendFloat64(b []byte, vs ...float64) []byte {
	for _, v := range vs {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
	}
	return b
}

// AppendInt appends int fields as 64-bit two's complement.
func AppendInt(b []byte, vs ...int) []byte {
	for _, v := range vs {
		b = binary.LittleEndian.AppendUint64(b, uint64(int64(v)))
	}
	return b
}

// AppendBool appends bool fields as one byte each, 0 or 1.
func AppendBool(b []byte, vs ...bool) []byte {
	for _, v := range vs {
		var c byte
		if v {
			c = 1
		}
		b = append(b, c)
	}
	return b
}

// AppendWords appends 64-bit words (a bit-set).
func AppendWords(b []byte, v []uint64) []byte {
	for _, w := range v {
		b = binary.LittleEndian.AppendUint64(b, w)
	}
	return b
}

// AppendBlob appends len(p) as an int, then p.
func AppendBlob(b, p []byte) []byte {
	return append(AppendInt(b, len(p)), p...)
}

// AppendFloats appends the elements of v bit for bit, 4 or 8 bytes each
// (no length: the reader knows it).
func AppendFloats[T Float](b []byte, v []T) []byte {
	for _, x := range v {
		if SizeOf[T]() == 4 {
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(float32(x)))
		} else {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(float64(x)))
		}
	}
	return b
}

// SizeOf is the size in bytes of one element of type T.
func SizeOf[T Float]() int {
	var x T
	return int(unsafe.Sizeof(x))
}
