package cublas

import (
	"errors"
	"strings"
	"testing"
)

// axpyPTX is y ← a·x + y, one thread per element, hand-written.
const axpyPTX = `
.version 7.0
.target sm_52
.address_size 64

.visible .entry axpy(
	.param .u64 x,
	.param .u64 y,
	.param .f32 a,
	.param .u32 n
)
{
	.reg .pred %p<1>;
	.reg .f32 %f<4>;
	.reg .b32 %r<5>;
	.reg .b64 %rd<4>;
	mov.u32 %r0, %ctaid.x;
	mov.u32 %r1, %ntid.x;
	mov.u32 %r2, %tid.x;
	mad.lo.u32 %r3, %r0, %r1, %r2;
	ld.param.u32 %r4, [n];
	setp.ge.u32 %p0, %r3, %r4;
	@%p0 bra DONE;
	mul.wide.u32 %rd0, %r3, 4;
	ld.param.u64 %rd1, [x];
	ld.param.u64 %rd2, [y];
	add.s64 %rd1, %rd1, %rd0;
	add.s64 %rd2, %rd2, %rd0;
	ld.global.f32 %f0, [%rd1];
	ld.global.f32 %f1, [%rd2];
	ld.param.f32 %f2, [a];
	fma.rn.f32 %f3, %f2, %f0, %f1;
	st.global.f32 [%rd2], %f3;
DONE:
	ret;
}
`

// loadAxpy loads axpyPTX and its kernel.
func loadAxpy(t *testing.T, ctx *Context) (*Module, *Function) {
	t.Helper()
	m, err := ctx.LoadModule(axpyPTX)
	if err != nil {
		t.Fatal(err)
	}
	fn, err := m.Function("axpy")
	if err != nil {
		t.Fatal(err)
	}
	return m, fn
}

// TestLaunch runs a hand-written kernel on the simulated device over a
// size that leaves the last block partly idle, and on a view of a buffer.
func TestLaunch(t *testing.T) {
	ctx, dev := newFakeContext(t)
	m, fn := loadAxpy(t, ctx)
	const n = 37
	x, y := make([]float32, n), make([]float32, n)
	for i := range x {
		x[i], y[i] = float32(i), 1
	}
	dx, dy := upload(t, ctx, x), upload(t, ctx, y)
	if err := fn.Launch((n+15)/16, 16, dx, dy, float32(2), int32(n)); err != nil {
		t.Fatal(err)
	}
	// The second half of y once more, through views, with the scalar
	// passed by pointer.
	alpha := float32(-1)
	if err := fn.Launch(1, 32, dx.Slice(20, 17), dy.Slice(20, 17), &alpha, int32(17)); err != nil {
		t.Fatal(err)
	}
	got := make([]float32, n)
	if err := dy.Download(got); err != nil {
		t.Fatal(err)
	}
	for i, v := range got {
		want := 2*float32(i) + 1
		if i >= 20 {
			want -= float32(i)
		}
		if v != want {
			t.Errorf("y[%d] = %v, want %v", i, v, want)
		}
	}
	if dev.Launches != 2 {
		t.Errorf("launches: %d, want 2", dev.Launches)
	}
	// Past the end of y: the device reports an illegal address.
	err := fn.Launch(1, 64, dx, dy, float32(1), int32(64))
	var e *Error
	if !errors.As(err, &e) || e.Name != "CUDA_ERROR_ILLEGAL_ADDRESS" {
		t.Errorf("launch past the buffer: got %v, want CUDA_ERROR_ILLEGAL_ADDRESS", err)
	}
	if err := m.Unload(); err != nil {
		t.Fatal(err)
	}
	if err := fn.Launch(1, 1, dx, dy, float32(1), int32(1)); !errors.Is(err, ErrClosed) {
		t.Errorf("launch after Unload: got %v, want ErrClosed", err)
	}
}

// TestLoadModuleErrors checks that the compiler's log reaches the error,
// and that a missing kernel is named.
func TestLoadModuleErrors(t *testing.T) {
	ctx, _ := newFakeContext(t)
	bad := strings.Replace(axpyPTX, "fma.rn.f32", "frobnicate.f32", 1)
	_, err := ctx.LoadModule(bad)
	var e *Error
	if !errors.As(err, &e) || e.Name != "CUDA_ERROR_INVALID_PTX" || !strings.Contains(e.Log, "frobnicate") {
		t.Errorf("bad PTX: got %v, want CUDA_ERROR_INVALID_PTX with a log naming the instruction", err)
	}
	m, err := ctx.LoadModule(axpyPTX)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.Function("axpby"); !errors.As(err, &e) || e.Name != "CUDA_ERROR_NOT_FOUND" || !strings.Contains(err.Error(), "axpby") {
		t.Errorf("missing kernel: got %v", err)
	}
}

// TestLaunchBadArgumentsPanic checks the programmer errors Launch refuses.
func TestLaunchBadArgumentsPanic(t *testing.T) {
	ctx, _ := newFakeContext(t)
	_, fn := loadAxpy(t, ctx)
	x := upload(t, ctx, make([]float32, 4))
	for i, tc := range []struct {
		grid, block int
		args        []any
		want        string
	}{
		{1, 4, []any{x, x, float32(1)}, "takes 4 parameters, got 3"},
		{1, 4, []any{x, x, 1.0, int32(4)}, "argument 2 (a) is float64, the kernel takes .f32"},
		{1, 4, []any{x, x, float32(1), 4}, "argument 3 (n) is int"},
		{0, 4, []any{x, x, float32(1), int32(4)}, "grid 0"},
		{1, 1025, []any{x, x, float32(1), int32(4)}, "block 1025"},
	} {
		func() {
			defer func() {
				if r := recover(); r == nil || !strings.Contains(r.(string), tc.want) {
					t.Errorf("%d: recovered %v, want a panic containing %q", i, r, tc.want)
				}
			}()
			fn.Launch(tc.grid, tc.block, tc.args...)
		}()
	}
}
