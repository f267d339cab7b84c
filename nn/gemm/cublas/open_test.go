package cublas

import (
	"errors"
	"strings"
	"testing"

	"github.com/nncourse/optimizers/internal/cudasim"
	"github.com/nncourse/optimizers/nn/gemm"
)

// TestOpenWithoutGPU checks that a machine without a GPU, library or the
// build tag gets one of the documented errors, and the CPU path instead.
func TestOpenWithoutGPU(t *testing.T) {
	ctx, err := Open()
	if err == nil {
		ctx.Close()
		t.Skip("a GPU is here: the no-GPU path cannot be reached")
	}
	if !errors.Is(err, ErrNotBuilt) && !errors.Is(err, ErrNoLibrary) && !errors.Is(err, ErrNoDevice) {
		t.Fatalf("Open: got %v, want ErrNotBuilt, ErrNoLibrary or ErrNoDevice", err)
	}
	t.Logf("Open: %v", err)

	be, reason := NewBackendOrCPU[float64]()
	if _, ok := be.(gemm.CPU[float64]); !ok || reason == nil {
		t.Fatalf("NewBackendOrCPU: got %T, %v; want gemm.CPU and a reason", be, reason)
	}
	c := []float64{0}
	be.Gemm(false, false, 1, 1, 2, 1, []float64{1, 2}, 2, []float64{3, 4}, 1, 0, c, 1)
	if c[0] != 11 {
		t.Errorf("CPU fallback: 1·3 + 2·4 = %v, want 11", c[0])
	}
}

// TestOpenDeviceErrors checks how openWith reads the device count.
func TestOpenDeviceErrors(t *testing.T) {
	for i, tc := range []struct {
		count, code int32
		want        string
	}{
		{0, 0, ErrNoDevice.Error()},
		{0, 100, ErrNoDevice.Error()},
		{0, 35, "cublas: cudaGetDeviceCount: cudaErrorInsufficientDriver (35)"},
		{0, 4242, "cublas: cudaGetDeviceCount: cudaError(4242) (4242)"},
	} {
		lib := simulatedLibrary(cudasim.New())
		lib.cudaGetDeviceCount = func(n *int32) int32 { *n = tc.count; return tc.code }
		_, err := openWith(lib)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%d: got %v, want %q", i, err, tc.want)
		}
	}
}

// TestCloseReleasesEverything checks that Close frees every live buffer
// and that released objects answer ErrClosed.
func TestCloseReleasesEverything(t *testing.T) {
	ctx, dev := newFakeContext(t)
	var bufs []*Buffer[float32]
	for range 3 {
		b, err := NewBuffer[float32](ctx, 16)
		if err != nil {
			t.Fatal(err)
		}
		bufs = append(bufs, b)
	}
	if err := bufs[0].Free(); err != nil {
		t.Fatal(err)
	}
	if err := bufs[0].Upload(make([]float32, 4)); !errors.Is(err, ErrClosed) {
		t.Errorf("Upload after Free: got %v, want ErrClosed", err)
	}
	if err := ctx.Close(); err != nil {
		t.Fatal(err)
	}
	if dev.Allocations() != 0 {
		t.Errorf("after Close: %d device allocations left, want 0", dev.Allocations())
	}
	if err := bufs[1].Download(make([]float32, 4)); !errors.Is(err, ErrClosed) {
		t.Errorf("Download after Close: got %v, want ErrClosed", err)
	}
	if err := ctx.Sgemm(false, false, 1, 1, 1, 1, bufs[1], 1, bufs[2], 1, 0, bufs[2], 1); !errors.Is(err, ErrClosed) {
		t.Errorf("Sgemm after Close: got %v, want ErrClosed", err)
	}
	if _, err := NewBuffer[float32](ctx, 1); !errors.Is(err, ErrClosed) {
		t.Errorf("NewBuffer after Close: got %v, want ErrClosed", err)
	}
}

// TestDeviceFailure checks that a failed call is named and, through the
// Backend, which has no error result, panics with that error.
func TestDeviceFailure(t *testing.T) {
	ctx, dev := newFakeContext(t)
	dev.FailNextMalloc = true
	_, err := NewBuffer[float64](ctx, 8)
	var e *Error
	if !errors.As(err, &e) || e.Name != "cudaErrorMemoryAllocation" || err.Error() != "cublas: cudaMalloc: cudaErrorMemoryAllocation (2)" {
		t.Fatalf("NewBuffer with failing cudaMalloc: got %v", err)
	}
	dev.FailNextMalloc = true
	defer func() {
		r := recover()
		err, _ := r.(error)
		if !errors.As(err, &e) || !strings.HasPrefix(err.Error(), "cublas: Backend.Gemm: cublas: cudaMalloc") {
			t.Errorf("Backend.Gemm with failing cudaMalloc: recovered %v, want a wrapped *Error", r)
		}
	}()
	NewBackend[float64](ctx).Gemm(false, false, 1, 1, 1, 1, []float64{1}, 1, []float64{1}, 1, 0, []float64{0}, 1)
}

// TestBadArgumentsPanic checks the programmer errors Backend.Gemm refuses.
func TestBadArgumentsPanic(t *testing.T) {
	ctx, _ := newFakeContext(t)
	be := NewBackend[float32](ctx)
	x := make([]float32, 6)
	for i, tc := range []struct {
		m, n, k, lda, ldb, ldc int
		want                   string
	}{
		{-1, 2, 2, 2, 2, 2, "negative shape"},
		{2, 2, 3, 2, 2, 2, "ldA = 2 < max(1, 3 columns)"},
		{2, 2, 2, 2, 2, 0, "ldC = 0 < max(1, 2 columns)"},
		{3, 3, 3, 3, 3, 3, "A has 6 elements, too few for 3×3 with ld 3"},
	} {
		func() {
			defer func() {
				if r := recover(); r == nil || !strings.Contains(r.(string), tc.want) {
					t.Errorf("%d: recovered %v, want a panic containing %q", i, r, tc.want)
				}
			}()
			be.Gemm(false, false, tc.m, tc.n, tc.k, 1, x, tc.lda, x, tc.ldb, 0, x, tc.ldc)
		}()
	}
}
