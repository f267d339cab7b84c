package main

import (
	"fmt"
	"math"
	"os"
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
	_, ok := openBLAS()
	cases := append(squareCases(parseInts(*sizesFlag)), mlpCases(128, []int{784, 500, 300, 10})...)
	largest := cases[len(parseInts(*sizesFlag))-1]
	for _, typ := range strings.Split(*typesFlag, ",") {
		speed := map[int]float64{} // ours on the largest square, by threads
		for _, t := range threads {
			fmt.Printf("\n### %s, %d thread(s) — GFLOP/s (best of %d interleaved trials ≥ %v, %s clock, load %s)\n\n", typ, t, *trials, *minTime, clockFor(t), loadAverage())
			fmt.Println("| shape | case | ours | OpenBLAS | gonum | ours/OpenBLAS | ours/gonum | cores: ours, OpenBLAS | OpenBLAS's fastest kernels |")
			fmt.Println("|---|---|---:|---:|---:|---:|---:|---:|---|")
			var step [3]float64 // seconds of one MLP step's products: ours, OpenBLAS, gonum
			for _, c := range cases {
				r, g, obr, winner := timeCase(typ, c, t, ok)
				ours, gn, ob := r.perSec, g.perSec, obr.perSec
				fmt.Printf("| %s | %s | %.1f | %s | %s | %s | %s | %.1f, %.1f | %s |\n", c.name, c, ours, num(ob), num(gn), ratio(ours, ob), ratio(ours, gn), r.cores, obr.cores, winner)
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
			fmt.Printf("| MLP step | all 8 products | %.1f | %s | %s | %s | %s | | |\n", ours, num(ob), num(gn), ratio(ours, ob), ratio(ours, gn))
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

// timeCase times c with t threads: ours against OpenBLAS (when linked) in
// each variant, in alternating rounds of one trial each (alternate), each
// side keeping its best trial; winner names the variant of OpenBLAS's.
// gonum, far slower and no target, is timed once, up to -gonum-max.
func timeCase(typ string, c gemmCase, t int, withOpenBLAS bool) (ours, gn, ob rate, winner string) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(t))
	oursGemm, gonumGemm := goGemms(typ, c)
	winner = "—"
	alternate(func() {
		ours = faster(ours, measure(oursGemm, c.flops()/1e9, 1, *minTime))
	}, func() {
		if !withOpenBLAS {
			return
		}
		if r, label := timeOpenBLASVariants(typ, c, t); r.perSec > ob.perSec {
			ob, winner = r, label
		}
	})
	if max(c.m, c.n, c.k) <= *gonumMax {
		gn = measure(gonumGemm, c.flops()/1e9, 1, *minTime)
	}
	return ours, gn, ob, winner
}

// timeOpenBLASVariants times one trial of OpenBLAS on c with t threads in
// each of variants(t), one child process each, and returns the fastest and
// its label; a variant whose child fails is reported and left out.
func timeOpenBLASVariants(typ string, c gemmCase, t int) (best rate, label string) {
	label = "—"
	for _, v := range variants(t) {
		out, err := openblasChild(caseArg(typ, c), t, v.env)
		var x rate
		if err == nil {
			_, err = fmt.Sscan(out, &x.perSec, &x.cores)
		}
		if err != nil {
			warnOnce(fmt.Sprintf("bench: OpenBLAS %s on %s with %d thread(s): %v\n", v.label, c, t, err))
			continue
		}
		if x.perSec > best.perSec {
			best, label = x, v.label
		}
	}
	return best, label
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

// goGemms returns our Gemm and gonum's native one on c's operands (both
// write the same C), for timeCase to time.
func goGemms(typ string, c gemmCase) (ours, gn func()) {
	if typ == "f32" {
		return goGemmsTyped[float32](c, func(tA, tB blas.Transpose, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, out []float32, ldc int) {
			gonum.Implementation{}.Sgemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, out, ldc)
		})
	}
	return goGemmsTyped[float64](c, gonum.Implementation{}.Dgemm)
}

func goGemmsTyped[T float32 | float64](c gemmCase, gonumGemm func(tA, tB blas.Transpose, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, out []T, ldc int)) (ours, gn func()) {
	a, b, out := operands[T](c)
	lda, ldb, ldc := c.lds()
	tA, tB := transpose(c.transA), transpose(c.transB)
	ours = func() { gemm.Gemm(c.transA, c.transB, c.m, c.n, c.k, 1, a, lda, b, ldb, T(c.beta), out, ldc) }
	gn = func() { gonumGemm(tA, tB, c.m, c.n, c.k, 1, a, lda, b, ldb, T(c.beta), out, ldc) }
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

// runChild times one OpenBLAS case, named by -case, and prints GFLOP/s and
// the cores used; -case probe runs a small product in both precisions and
// prints the kernels OpenBLAS loaded.
func runChild() {
	if *childCase == "probe" {
		for _, c := range squareCases([]int{64}) {
			a, b, out := operands[float32](c)
			openblasGemm(c, 1, a, b, 0, out)
			x, y, z := operands[float64](c)
			openblasGemm(c, 1, x, y, 0, z)
		}
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
