package datasets

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestReadIDXGzipAllocatesThePayload reads a gzip file of 3,000 images
// (2.35 MB of pixels): with the file's size known, the payload is
// allocated once at the header's size, not grown by doubling.
func TestReadIDXGzipAllocatesThePayload(t *testing.T) {
	payload := bytes.Repeat([]byte{1, 2, 3, 4}, 3000*Pixels/4)
	file := gzipBytes(t, idxBytes([]uint32{3000, 28, 28}, payload))
	var got *IDX
	var err error
	bytesUsed := allocated(func() { got, err = ReadIDX(bytes.NewReader(file), int64(len(file)), "images.gz") })
	if err != nil || !bytes.Equal(got.Data, payload) {
		t.Fatalf("ReadIDX: %v", err)
	}
	ratio := float64(bytesUsed) / float64(len(payload))
	t.Logf("%d payload bytes, %d allocated: %.2f×", len(payload), bytesUsed, ratio)
	if ratio > 1.1 {
		t.Errorf("reading %d payload bytes allocated %.2f× that, want at most 1.1×", len(payload), ratio)
	}
}

// writeGzipIDX writes a gzip IDX file of zeros with the given dimensions,
// streaming the payload.
func writeGzipIDX(t *testing.T, path string, dims []uint32) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	zw.Write(idxBytes(dims, nil))
	n := 1
	for _, d := range dims {
		n *= int(d)
	}
	zeros := make([]byte, 1<<20)
	for n > 0 {
		k := min(n, len(zeros))
		zw.Write(zeros[:k])
		n -= k
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// TestLoadMNISTBudget forges a valid pair of small gzip files announcing
// 140,000 images (110 MB of pixels, 549 MB once loaded): LoadMNIST must
// refuse them before allocating, naming the limit.
func TestLoadMNISTBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 110 MB through gzip")
	}
	dir := t.TempDir()
	const n = 140000
	writeGzipIDX(t, filepath.Join(dir, "t10k-images-idx3-ubyte.gz"), []uint32{n, 28, 28})
	writeGzipIDX(t, filepath.Join(dir, "t10k-labels-idx1-ubyte.gz"), []uint32{n})
	var err error
	bytesUsed := allocated(func() { _, err = LoadMNIST(dir) })
	t.Logf("%v; %d bytes allocated", err, bytesUsed)
	if err == nil || !strings.Contains(err.Error(), "the memory a load may use") || bytesUsed > 1<<20 {
		t.Errorf("LoadMNIST of %d forged images: %v after allocating %d bytes", n, err, bytesUsed)
	}
}
