package datasets

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// idxBytes builds an IDX file of unsigned bytes: magic, sizes, payload.
func idxBytes(dims []uint32, payload []byte) []byte {
	b := []byte{0, 0, idxTypeUnsignedByte, byte(len(dims))}
	for _, d := range dims {
		b = binary.BigEndian.AppendUint32(b, d)
	}
	return append(b, payload...)
}

func gzipBytes(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadIDXValid(t *testing.T) {
	payload := []byte{1, 2, 3, 4, 5, 6}
	raw := idxBytes([]uint32{2, 3}, payload)
	for _, tc := range []struct {
		name string
		file []byte
		size int64
	}{
		{"raw", raw, int64(len(raw))},
		{"raw, size unknown", raw, -1},
		{"gzip", gzipBytes(t, raw), int64(len(gzipBytes(t, raw)))},
		{"gzip, size unknown", gzipBytes(t, raw), -1},
	} {
		got, err := ReadIDX(bytes.NewReader(tc.file), tc.size, "x.idx")
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if len(got.Dims) != 2 || got.Dims[0] != 2 || got.Dims[1] != 3 || !bytes.Equal(got.Data, payload) {
			t.Errorf("%s: got dims %v data %v, want [2 3] %v", tc.name, got.Dims, got.Data, payload)
		}
	}
}

func TestReadIDXRejects(t *testing.T) {
	good := idxBytes([]uint32{2, 3}, []byte{1, 2, 3, 4, 5, 6})
	withByte := func(i int, v byte) []byte {
		b := bytes.Clone(good)
		b[i] = v
		return b
	}
	for i, tc := range []struct {
		name string
		file []byte
		size int64 // -2 means len(file)
		want string
	}{
		{"empty", nil, -2, "too short"},
		{"text file", []byte("hello, world"), -2, "wrong magic"},
		{"float element type", withByte(2, 0x0d), -2, "unsupported element type 0x0d"},
		{"zero dimensions", withByte(3, 0), -2, "absurd number of dimensions 0"},
		{"255 dimensions", withByte(3, 255), -2, "absurd number of dimensions 255"},
		{"zero size", idxBytes([]uint32{0, 3}, nil), -2, "absurd size 0 for dimension 0"},
		{"huge size", idxBytes([]uint32{0xffffffff}, nil), -2, "absurd size 4294967295"},
		{"forged sizes, file size known", idxBytes([]uint32{60000, 28, 28}, []byte{1}), -2, "promises 47040000 bytes of data but the file holds 1"},
		{"forged sizes, size unknown", idxBytes([]uint32{4096, 4096, 4096}, nil), -1, "absurd dimensions"},
		{"forged sizes in gzip", gzipBytes(t, idxBytes([]uint32{60000, 28, 28}, []byte{1})), -2, "absurd dimensions"},
		{"truncated header", good[:9], -2, "truncated header"},
		{"truncated payload", good[:len(good)-1], -2, "promises 6 bytes of data but the file holds 5"},
		{"truncated payload, size unknown", good[:len(good)-1], -1, "truncated: header [2 3] promises 6 bytes of data, got 5"},
		{"truncated gzip payload", gzipBytes(t, good[:len(good)-2]), -2, "truncated"},
		{"trailing byte", append(bytes.Clone(good), 9), -2, "holds 7"},
		{"trailing byte, size unknown", append(bytes.Clone(good), 9), -1, "trailing bytes"},
		{"trailing byte in gzip", gzipBytes(t, append(bytes.Clone(good), 9)), -2, "trailing bytes"},
		{"cut gzip stream", gzipBytes(t, good)[:20], -2, "truncated"},
	} {
		size := tc.size
		if size == -2 {
			size = int64(len(tc.file))
		}
		_, err := ReadIDX(bytes.NewReader(tc.file), size, "bad.idx")
		var fe *FormatError
		if !errors.As(err, &fe) || fe.File != "bad.idx" || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%d %s: got error %v, want a FormatError for bad.idx containing %q", i, tc.name, err, tc.want)
		}
	}
}

func TestReadIDXCorruptGzipChecksum(t *testing.T) {
	z := gzipBytes(t, idxBytes([]uint32{3}, []byte{1, 2, 3}))
	z[len(z)-8] ^= 0xff // CRC-32 in the gzip trailer
	_, err := ReadIDX(bytes.NewReader(z), int64(len(z)), "crc.gz")
	if err == nil || !strings.Contains(err.Error(), "crc.gz") {
		t.Errorf("got %v, want an error naming crc.gz", err)
	}
}

func TestReadIDXFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "labels-idx1-ubyte.gz")
	if err := os.WriteFile(path, gzipBytes(t, idxBytes([]uint32{4}, []byte{7, 2, 1, 0})), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := ReadIDXFile(path)
	if err != nil || !bytes.Equal(got.Data, []byte{7, 2, 1, 0}) {
		t.Errorf("got %v, %v", got, err)
	}
	if _, err := ReadIDXFile(path + ".missing"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: got %v, want os.ErrNotExist", err)
	}
}

// TestReadIDXForgedHeaderAllocatesLittle checks that a gzip stream whose
// header claims 47 MB (the size of MNIST's training images) but holds one
// byte costs far less than the claim, even with the file size unknown.
func TestReadIDXForgedHeaderAllocatesLittle(t *testing.T) {
	forged := gzipBytes(t, idxBytes([]uint32{60000, 28, 28}, []byte{1}))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := ReadIDX(bytes.NewReader(forged), -1, "forged.gz")
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "truncated") {
		t.Errorf("got %v, want a truncation error", err)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("forged 47,040,000-byte claim: %d bytes allocated", alloc)
	if alloc > 8<<20 {
		t.Errorf("allocated %d bytes for a forged 47,040,000-byte claim", alloc)
	}
}
