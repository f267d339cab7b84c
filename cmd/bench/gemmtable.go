package main

import (
	"fmt"
	"math"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"

	"github.com/nncourse/optimizers/nn/gemm"
)

// gemmTables prints, for each precision and thread count, GFLOP/s of ours,
// OpenBLAS and gonum on the square sizes and the MLP's shapes.
func gemmTables(threads []int) {
	name, ok := openBLAS()
	if ok {
		name = childOutput("openblas-name", threads[0])
	}
	fmt.Printf("OpenBLAS: %s\n", name)
	cases := append(squareCases(parseInts(*sizesFlag)), mlpCases(128, []int{784, 500, 300, 10})...)
	largest := cases[len(parseInts(*sizesFlag))-1]
	for _, typ := range strings.Split(*typesFlag, ",") {
		speed := map[int]float64{} // ours on the largest square, by threads
		for _, t := range threads {
			fmt.Printf("\n### %s, %d thread(s) — GFLOP/s (best of %d trials ≥ %v, %s clock)\n\n", typ, t, *trials, *minTime, clockFor(t))
			fmt.Println("| shape | case | ours | OpenBLAS | gonum | ours/OpenBLAS | ours/gonum | cores: ours, OpenBLAS |")
			fmt.Println("|---|---|---:|---:|---:|---:|---:|---:|")
			var step [3]float64 // seconds of one MLP step's products: ours, OpenBLAS, gonum
			for _, c := range cases {
				r, g := timeGo(typ, c, t)
				ours, gn := r.perSec, g.perSec
				var obr rate
				if ok {
					for _, extra := range spinVariants(t) {
						var x rate
						fmt.Sscan(childOutput(caseArg(typ, c), t, extra...), &x.perSec, &x.cores)
						if x.perSec > obr.perSec {
							obr = x
						}
					}
				}
				ob := obr.perSec
				fmt.Printf("| %s | %s | %.1f | %s | %s | %s | %s | %.1f, %.1f |\n", c.name, c, ours, num(ob), num(gn), ratio(ours, ob), ratio(ours, gn), r.cores, obr.cores)
				if c == largest {
					speed[t] = ours
				}
				if c.mlp {
					for i, r := range []float64{ours, ob, gn} {
						step[i] += c.flops() / (r * 1e9) // +Inf where r = 0
					}
				}
			}
			total := stepFlops(cases) / 1e9
			ours, ob, gn := total/step[0], total/step[1], total/step[2]
			fmt.Printf("| MLP step | all 8 products | %.1f | %s | %s | %s | %s | |\n", ours, num(ob), num(gn), ratio(ours, ob), ratio(ours, gn))
		}
		if speed[1] > 0 && len(speed) > 1 {
			fmt.Printf("\nOurs, %s %s: ", typ, largest.name)
			for _, t := range threads {
				fmt.Printf("%d thread(s) %.1f GFLOP/s (%.2f× one thread)  ", t, speed[t], speed[t]/speed[1])
			}
			fmt.Println()
		}
	}
}

func stepFlops(cases []gemmCase) float64 {
	var f float64
	for _, c := range cases {
		if c.mlp {
			f += c.flops()
		}
	}
	return f
}

// timeGo times our Gemm and gonum's native one on c with GOMAXPROCS = t; the
// gonum figure is 0 above -gonum-max.
func timeGo(typ string, c gemmCase, t int) (ours, gn rate) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(t))
	if typ == "f32" {
		return timeGoTyped[float32](c, func(tA, tB blas.Transpose, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, out []float32, ldc int) {
			gonum.Implementation{}.Sgemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, out, ldc)
		})
	}
	return timeGoTyped[float64](c, gonum.Implementation{}.Dgemm)
}

func timeGoTyped[T float32 | float64](c gemmCase, gonumGemm func(tA, tB blas.Transpose, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, out []T, ldc int)) (ours, gn rate) {
	a, b, out := operands[T](c)
	lda, ldb, ldc := c.lds()
	ours = measure(func() { gemm.Gemm(c.transA, c.transB, c.m, c.n, c.k, 1, a, lda, b, ldb, T(c.beta), out, ldc) }, c.flops()/1e9, *trials, *minTime)
	if max(c.m, c.n, c.k) <= *gonumMax {
		tA, tB := transpose(c.transA), transpose(c.transB)
		gn = measure(func() { gonumGemm(tA, tB, c.m, c.n, c.k, 1, a, lda, b, ldb, T(c.beta), out, ldc) }, c.flops()/1e9, 1, *minTime)
	}
	return ours, gn
}

func transpose(t bool) blas.Transpose {
	if t {
		return blas.Trans
	}
	return blas.NoTrans
}

func caseArg(typ string, c gemmCase) string {
	return fmt.Sprintf("%s,%t,%t,%d,%d,%d,%g", typ, c.transA, c.transB, c.m, c.n, c.k, c.beta)
}

// childOutput runs this binary as an OpenBLAS child with t threads and the
// extra environment settings, and returns what it printed.
func childOutput(arg string, t int, extra ...string) string {
	exe, err := os.Executable()
	if err != nil {
		fail(err)
	}
	cmd := exec.Command(exe, "-child", "openblas", "-case", arg,
		"-trials", strconv.Itoa(*trials), "-mintime", minTime.String(), "-clock", clockFor(t))
	cmd.Env = append(openblasEnv(t), extra...)
	cmd.Stderr = os.Stderr
	outb, err := cmd.Output()
	if err != nil {
		fail(fmt.Errorf("OpenBLAS child %s: %w", arg, err))
	}
	return strings.TrimSpace(string(outb))
}

// openblasEnv is this environment with OPENBLAS_CORETYPE removed (it forces
// the Haswell AVX2 kernels here) and t threads that give up spinning at once.
func openblasEnv(t int) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "OPENBLAS_CORETYPE=") && !strings.HasPrefix(kv, "OPENBLAS_NUM_THREADS=") &&
			!strings.HasPrefix(kv, "OMP_NUM_THREADS=") {
			env = append(env, kv)
		}
	}
	return append(env, fmt.Sprintf("OPENBLAS_NUM_THREADS=%d", t), fmt.Sprintf("OMP_NUM_THREADS=%d", t))
}

// spinVariants are the environments OpenBLAS and PyTorch are timed in with t
// threads, the best result kept. With more than one thread their idle
// threads spin, which on a shared machine can cost them more than it saves,
// so they are also timed with spinning cut short.
func spinVariants(t int) [][]string {
	if t == 1 {
		return [][]string{nil}
	}
	return [][]string{nil, {"OPENBLAS_THREAD_TIMEOUT=4", "OMP_WAIT_POLICY=PASSIVE"}}
}

// runChild times one OpenBLAS case, named by -case, and prints GFLOP/s.
func runChild() {
	if *childCase == "openblas-name" {
		name, _ := openBLAS()
		fmt.Println(name)
		return
	}
	f := strings.Split(*childCase, ",")
	if len(f) != 7 {
		fail(fmt.Errorf("bad -case %q", *childCase))
	}
	dims := parseInts(strings.Join(f[3:6], ","))
	beta, err := strconv.ParseFloat(f[6], 64)
	if err != nil {
		fail(err)
	}
	c := gemmCase{transA: f[1] == "true", transB: f[2] == "true", m: dims[0], n: dims[1], k: dims[2], beta: beta}
	r := timeOpenBLAS[float64](c)
	if f[0] == "f32" {
		r = timeOpenBLAS[float32](c)
	}
	fmt.Println(r.perSec, r.cores)
}

func timeOpenBLAS[T float32 | float64](c gemmCase) rate {
	a, b, out := operands[T](c)
	return measure(func() { openblasGemm(c, 1, a, b, T(c.beta), out) }, c.flops()/1e9, *trials, *minTime)
}

func num(x float64) string {
	if x == 0 || math.IsNaN(x) {
		return "—"
	}
	return fmt.Sprintf("%.1f", x)
}

func ratio(x, y float64) string {
	if x == 0 || y == 0 || math.IsNaN(x/y) {
		return "—"
	}
	return fmt.Sprintf("%.2f×", x/y)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "bench:", err)
	os.Exit(1)
}
