package datasets

import (
	"bytes"
	"testing"
)

// FuzzReadIDX feeds arbitrary bytes to ReadIDX, with the size known and
// unknown: it must never panic, never return data disagreeing with its
// dimensions, and never accept a payload larger than the limits allow.
func FuzzReadIDX(f *testing.F) {
	f.Add(idxBytes([]uint32{3}, []byte{7, 2, 1}))
	f.Add(idxBytes([]uint32{2, 2, 2}, []byte{0, 1, 2, 3, 4, 5, 6, 255}))
	f.Add(gzipBytes(f, idxBytes([]uint32{2, 3}, []byte{1, 2, 3, 4, 5, 6})))
	f.Add(idxBytes([]uint32{60000, 28, 28}, nil))
	f.Fuzz(func(t *testing.T, file []byte) {
		for _, size := range []int64{int64(len(file)), -1} {
			got, err := ReadIDX(bytes.NewReader(file), size, "fuzz")
			if err != nil {
				if got != nil {
					t.Fatalf("size %d: error %v with non-nil result", size, err)
				}
				continue
			}
			n := 1
			for _, d := range got.Dims {
				n *= d
			}
			if n != len(got.Data) || n > MaxIDXPayload {
				t.Fatalf("size %d: dims %v but %d data bytes", size, got.Dims, len(got.Data))
			}
			if len(file) > 2 && file[0] == 0 && size >= 0 && int64(n) > size {
				t.Fatalf("raw file of %d bytes accepted with %d data bytes", size, n)
			}
		}
	})
}
