package ptx_test

import (
	"math"
	"strings"
	"testing"

	"github.com/nncourse/optimizers/nn/gemm/cublas"
	"github.com/nncourse/optimizers/nn/gpu/ptx"
)

// inputs cover signs, zeros, a NaN and values around the branches.
var inputs = [][2]float32{
	{1.5, 2}, {-3, 0.25}, {0, 0}, {float32(math.Copysign(0, -1)), 1}, {7, -7}, {0.1, 0.3},
	{1e-3, 4e3}, {-0.5, -0.5}, {2, 2}, {float32(math.NaN()), 1}, {3, 1e-8},
}

// TestElementwise runs generated kernels on the simulated device and
// compares every element, bit for bit, with the same statements in Go's
// float32 arithmetic (exp and log: within 2 ulp, as the hardware's
// ex2.approx and lg2.approx promise about).
func TestElementwise(t *testing.T) {
	ctx, err := cublas.OpenSimulated()
	if err != nil {
		t.Fatal(err)
	}
	defer ctx.Close()
	for i, tc := range []struct {
		src  string
		want func(x, y, out, k float32) float32 // out's new value, from x, y, out and the scalar k
		ulps float64
	}{
		{"out = x*y + k", func(x, y, _, k float32) float32 { return x*y + k }, 0},
		{"out = (x - y) / (y + k)", func(x, y, _, k float32) float32 { return (x - y) / (y + k) }, 0},
		{"out = sqrt(abs(x)) - -y", func(x, y, _, _ float32) float32 { return float32(math.Sqrt(float64(abs(x)))) + y }, 0},
		{"out += fma(x, y, k)", func(x, y, out, k float32) float32 {
			return out + float32(math.FMA(float64(x), float64(y), float64(k)))
		}, 0},
		{"out = sign(x) * 2", func(x, _, _, _ float32) float32 { return sign(x) * 2 }, 0},
		{"out = min(x, y, k)", func(x, y, _, k float32) float32 { return ptxMin(ptxMin(x, y), k) }, 0},
		{"out = max(x, y)", func(x, y, _, _ float32) float32 { return -ptxMin(-x, -y) }, 0},
		{"if x > y && !(y < 0) {\n out = x\n} else if x == y || x != x {\n out = 42\n} else {\n t := y * 2\n out = t\n}",
			func(x, y, _, _ float32) float32 {
				if x > y && !(y < 0) {
					return x
				} else if x == y || x != x {
					return 42
				}
				return y * 2
			}, 0},
		{"if x >= 0 { out = 1 }", func(x, _, out, _ float32) float32 {
			if x >= 0 {
				return 1
			}
			return out
		}, 0},
		{"s := x\ns *= k\ns -= 1\ns /= 2\nout = s", func(x, _, _, k float32) float32 { return (x*k - 1) / 2 }, 0},
		{"out = exp(y)", func(_, y, _, _ float32) float32 { return float32(math.Exp(float64(y))) }, 2},
		{"out = log(abs(x) + 1)", func(x, _, _, _ float32) float32 { return float32(math.Log(float64(abs(x) + 1))) }, 2},
	} {
		src, err := ptx.Elementwise("k", tc.src, ptx.Slices("x", "y", "out"), ptx.Scalars("k"))
		if err != nil {
			t.Fatalf("%d: %v", i, err)
		}
		mod, err := ctx.LoadModule(src)
		if err != nil {
			t.Fatalf("%d: %v\n%s", i, err, src)
		}
		fn, err := mod.Function("k")
		if err != nil {
			t.Fatal(err)
		}
		n := len(inputs)
		x, y, out := make([]float32, n), make([]float32, n), make([]float32, n)
		for j, in := range inputs {
			x[j], y[j], out[j] = in[0], in[1], float32(j)
		}
		dx, dy, dout := upload(t, ctx, x), upload(t, ctx, y), upload(t, ctx, out)
		const k = float32(0.75)
		if err := fn.Launch(2, 8, dx, dy, dout, k, int32(n)); err != nil {
			t.Fatalf("%d: %v", i, err)
		}
		got := make([]float32, n)
		if err := dout.Download(got); err != nil {
			t.Fatal(err)
		}
		for j := range got {
			want := tc.want(x[j], y[j], out[j], k)
			if !close(got[j], want, tc.ulps) {
				t.Errorf("%d %q: x=%v y=%v: got %v, want %v", i, tc.src, x[j], y[j], got[j], want)
			}
		}
		for _, b := range []*cublas.Buffer[float32]{dx, dy, dout} {
			b.Free()
		}
		mod.Unload()
	}
}

// TestElementwiseRounding checks that every float add, subtract and
// multiply carries .rn, which keeps the driver from fusing them.
func TestElementwiseRounding(t *testing.T) {
	src, err := ptx.Elementwise("adam", `
		m = b1*m + (1-b1)*g
		v = b2*v + (1-b2)*g*g
		w = w - lr*(m/c1)/(sqrt(v/c2)+eps)`,
		ptx.Slices("w", "m", "v", "g"), ptx.Scalars("lr", "b1", "b2", "eps", "c1", "c2"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(src, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "//") {
			continue
		}
		for _, op := range []string{"add", "sub", "mul", "div", "sqrt"} {
			if strings.HasPrefix(f[0], op+".") && strings.HasSuffix(f[0], ".f32") && !strings.Contains(f[0], ".rn.") {
				t.Errorf("%s without .rn: %s", op, line)
			}
		}
	}
}

// TestElementwiseErrors checks that unsupported source is refused with
// the line it is on.
func TestElementwiseErrors(t *testing.T) {
	for i, tc := range []struct{ src, want string }{
		{"out = x +", "line 1: expected operand"},
		{"out = x\nfor {}", "line 2: unsupported statement *ast.ForStmt"},
		{"out = x\n\nk = 1", "line 3: cannot assign to scalar k"},
		{"out = z", "line 1: undefined: z"},
		{"out = pow(x, 2)", "line 1: unsupported call pow"},
		{"out = sqrt(x, y)", "line 1: sqrt takes 1 arguments, got 2"},
		{"out = x > y", "line 1: type mismatch in assignment to out"},
		{"if x { out = 1 }", "line 1: if condition is not a comparison"},
		{"out, x = x, out", "line 1: assign one value at a time"},
		{"x := 1", "line 1: x := … would hide a parameter or builtin"},
		{"t := 1\nt := 2", "line 2: t already defined in this block"},
		{"out = x % y", "line 1: unsupported operator %"},
		{`out = "a"`, "line 1: unsupported literal"},
	} {
		_, err := ptx.Elementwise("k", tc.src, ptx.Slices("x", "y", "out"), ptx.Scalars("k"))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%d %q: got %v, want an error containing %q", i, tc.src, err, tc.want)
		}
	}
	if _, err := ptx.Elementwise("k", "x = 1", ptx.Slices("x", "x"), nil); err == nil || !strings.Contains(err.Error(), "named twice") {
		t.Errorf("duplicate names: got %v", err)
	}
	if _, err := ptx.Elementwise("k", "", nil, ptx.Scalars("a")); err == nil || !strings.Contains(err.Error(), "no slices") {
		t.Errorf("no slices: got %v", err)
	}
}

func upload(t *testing.T, ctx *cublas.Context, x []float32) *cublas.Buffer[float32] {
	t.Helper()
	b, err := cublas.NewBuffer[float32](ctx, len(x))
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Upload(x); err != nil {
		t.Fatal(err)
	}
	return b
}

func abs(x float32) float32 { return float32(math.Abs(float64(x))) }

func sign(x float32) float32 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

// ptxMin is PTX's min.f32: a NaN operand yields the other one.
func ptxMin(a, b float32) float32 {
	switch {
	case a != a:
		return b
	case b != b:
		return a
	}
	return min(a, b)
}

// close is bitwise equality (NaNs alike) for ulps = 0, else |got − want|
// within ulps units in the last place of want.
func close(got, want float32, ulps float64) bool {
	if got == want || (got != got && want != want) {
		return true
	}
	ulp := float64(math.Nextafter32(abs(want), float32(math.Inf(1))) - abs(want))
	return math.Abs(float64(got-want)) <= ulps*ulp
}
