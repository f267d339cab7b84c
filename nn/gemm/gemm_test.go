package gemm

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
	"testing"
)

// edgeShapes draws problems whose sizes sit on and around the kernel's block
// edges — 1, MR±1, NR±1, KC±1, MC+1 — for every transpose pair.
func edgeShapes(mr, nr, mc, kc int, count int, seed uint64) []problem {
	rng := rand.New(rand.NewPCG(seed, 1))
	ms := []int{0, 1, 2, mr - 1, mr, mr + 1, mr + 4, 2*mr + 8, 3*mr + 5, mc + 1}
	ns := []int{0, 1, nr - 1, nr, nr + 1, nr + 4, nr + 8, nr + 12, nr + 20, 2*nr + 3}
	ks := []int{0, 1, 2, kc - 1, kc, kc + 1, 2*kc + 3}
	scalars := []float64{0, 1, -0.5, 2}
	var ps []problem
	for _, tA := range []bool{false, true} {
		for _, tB := range []bool{false, true} {
			for range count {
				ps = append(ps, problem{
					transA: tA, transB: tB,
					m: ms[rng.IntN(len(ms))], n: ns[rng.IntN(len(ns))], k: ks[rng.IntN(len(ks))],
					alpha: scalars[rng.IntN(len(scalars))], beta: scalars[rng.IntN(len(scalars))],
					pad: rng.IntN(3) * 3, seed: rng.Uint64(),
				})
			}
		}
	}
	return ps
}

func TestGemmEdges(t *testing.T) {
	for _, ks := range testKernels() {
		t.Run(ks.k32.Name, func(t *testing.T) {
			defer useKernels(ks)()
			for i, p := range edgeShapes(ks.k32.MR, ks.k32.NR, ks.k32.MC, ks.k32.KC, 20, 1) {
				if err := check[float32](p); err != nil {
					t.Errorf("float32 #%d: %v", i, err)
				}
			}
			for i, p := range edgeShapes(ks.k64.MR, ks.k64.NR, ks.k64.MC, ks.k64.KC, 20, 2) {
				if err := check[float64](p); err != nil {
					t.Errorf("float64 #%d: %v", i, err)
				}
			}
		})
	}
}

// TestGemmWideAndNamed crosses the NC column block and runs a named float type.
func TestGemmWideAndNamed(t *testing.T) {
	type myFloat float32
	tests := []problem{
		{m: 13, n: kernel32.NC + kernel32.NR + 1, k: 5, alpha: 1, beta: 0, pad: 1, seed: 3},
		{transA: true, transB: true, m: 7, n: kernel64.NC + 3, k: 17, alpha: -0.5, beta: 2, seed: 4},
	}
	for i, p := range tests {
		if err := check[float32](p); err != nil {
			t.Errorf("float32 #%d: %v", i, err)
		}
		if err := check[float64](p); err != nil {
			t.Errorf("float64 #%d: %v", i, err)
		}
		if err := check[myFloat](p); err != nil {
			t.Errorf("myFloat #%d: %v", i, err)
		}
	}
}

// TestGemmDeterministic checks that the result is bitwise the same whatever
// GOMAXPROCS is — each element's k-sum order does not depend on the split —
// and, against Ref, that the split blocks cover C.
func TestGemmDeterministic(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for i, p := range []problem{
		{m: 300, n: 500, k: 260, alpha: 1, beta: 0.5, seed: 5},
		{transA: true, m: 129, n: 77, k: 513, alpha: 2, beta: 0, seed: 6},
		{transB: true, m: 40, n: 1000, k: 100, alpha: -1, beta: 1, pad: 2, seed: 7},
	} {
		var first32 []float32
		var first64 []float64
		for _, procs := range []int{1, 2, 4} {
			runtime.GOMAXPROCS(procs)
			if err := check[float32](p); err != nil {
				t.Errorf("#%d GOMAXPROCS=%d: %v", i, procs, err)
			}
			c32 := result[float32](p)
			c64 := result[float64](p)
			if first32 == nil {
				first32, first64 = c32, c64
				continue
			}
			if j := firstDiff(c32, first32); j >= 0 {
				t.Errorf("#%d float32 GOMAXPROCS=%d: C[%d] = %v, with 1 proc %v", i, procs, j, c32[j], first32[j])
			}
			if j := firstDiff(c64, first64); j >= 0 {
				t.Errorf("#%d float64 GOMAXPROCS=%d: C[%d] = %v, with 1 proc %v", i, procs, j, c64[j], first64[j])
			}
		}
	}
}

func result[T Float](p problem) []T {
	a, lda, b, ldb, c, ldc := operands[T](p)
	Gemm(p.transA, p.transB, p.m, p.n, p.k, T(p.alpha), a, lda, b, ldb, T(p.beta), c, ldc)
	return c
}

// firstDiff returns the first index where x and y differ bitwise, or −1.
func firstDiff[T Float](x, y []T) int {
	for i := range x {
		if math.Float64bits(float64(x[i])) != math.Float64bits(float64(y[i])) {
			return i
		}
	}
	return -1
}

// TestGemmAllocs checks that Gemm allocates nothing once warm, split or
// not, with tiles cut to more or (the float64 classifier's 10 = 8 + 2
// columns) less than half their width.
func TestGemmAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("sync.Pool drops items at random under the race detector")
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	p32 := problem{transB: true, m: 128, n: 300, k: 500, alpha: 1, beta: 0, seed: 8}
	a, lda, b, ldb, c, ldc := operands[float32](p32)
	p64 := problem{transB: true, m: 128, n: 10, k: 300, alpha: 1, beta: 1, seed: 9}
	x, ldx, y, ldy, z, ldz := operands[float64](p64)
	for _, procs := range []int{1, 2} {
		runtime.GOMAXPROCS(procs)
		allocs := testing.AllocsPerRun(20, func() {
			Gemm(false, true, p32.m, p32.n, p32.k, 1, a, lda, b, ldb, 0, c, ldc)
			Gemm(false, true, p64.m, p64.n, p64.k, 1, x, ldx, y, ldy, 1, z, ldz)
		})
		if allocs != 0 {
			t.Errorf("GOMAXPROCS=%d: %v allocs per pair of Gemms, want 0", procs, allocs)
		}
	}
}

func TestGemmPanics(t *testing.T) {
	x := make([]float64, 12)
	tests := []struct {
		name string
		call func()
		want string
	}{
		{"negative", func() { Gemm(false, false, -1, 2, 2, 1, x, 2, x, 2, 0, x, 2) }, "gemm: negative dimension m=-1 n=2 k=2"},
		{"lda", func() { Gemm(false, false, 2, 2, 3, 1, x, 2, x, 2, 0, x, 2) }, "gemm: lda=2 is less than max(1, 3 columns)"},
		{"short b", func() { Gemm(false, true, 2, 5, 3, 1, x, 3, x, 3, 0, x, 5) }, "gemm: len(b)=12 is too short for 5×3 with ldb=3"},
	}
	for _, tt := range tests {
		got := func() (msg any) {
			defer func() { msg = recover() }()
			tt.call()
			return nil
		}()
		if got != tt.want {
			t.Errorf("%s: panic %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestGemmConcurrent runs Gemms from several goroutines at once with 2
// procs, so calls overlap, workers are busy or wake late for calls whose
// pooled state already serves another: every result must still equal the
// one-goroutine result bitwise.
func TestGemmConcurrent(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	problems := []problem{
		{m: 200, n: 150, k: 120, alpha: 1, beta: 0.5, seed: 11},
		{transA: true, m: 96, n: 300, k: 64, alpha: 1, seed: 12},
		{transB: true, m: 128, n: 10, k: 300, alpha: 1, beta: 1, seed: 13},
	}
	want := make([][]float32, len(problems))
	for i, p := range problems {
		want[i] = result[float32](p)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(problems))
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range 10 {
				i := (g + r) % len(problems)
				if j := firstDiff(result[float32](problems[i]), want[i]); j >= 0 {
					errs <- fmt.Sprintf("goroutine %d, run %d, problem %d: C[%d] differs", g, r, i, j)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestGemmStaleOffer runs a split Gemm in which, right after the parts are
// published and before any worker is handed them, a worker holding an old,
// untaken offer of the call claims and computes them (testHookPublished):
// the caller must then not compute C in one part as well, which with β = 1
// would add the product twice.
func TestGemmStaleOffer(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	p := problem{transA: true, m: 100, n: 784, k: 32, alpha: 1, beta: 1, seed: 14}
	hooked := 0
	testHookPublished = func(g partRunner) {
		hooked++
		g.help()
	}
	defer func() { testHookPublished = nil }()
	if err := check[float32](p); err != nil {
		t.Error(err)
	}
	if hooked == 0 {
		t.Fatal("the product was not split: the hook never ran")
	}
}
