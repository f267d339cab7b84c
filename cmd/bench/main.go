// Command bench times nn/gemm against OpenBLAS and gonum's native BLAS,
// side by side in one run, and our MLP training step against PyTorch.
//
//	go build -tags openblas -o bin/bench ./cmd/bench && bin/bench
//
// Our GEMM and gonum's run in this process with GOMAXPROCS set to the thread
// count. OpenBLAS runs in child processes of this binary with
// OPENBLAS_NUM_THREADS set, so its spinning threads never share a core with
// our timings, once per kernel set in -coretypes (OPENBLAS_CORETYPE: auto,
// SkylakeX, Cooperlake, Haswell, Zen — the library reads it when it loads,
// and an old release may detect a new CPU as a much slower one); sets this
// CPU cannot execute (a child dies of SIGILL) are skipped, the fastest is
// kept and named. PyTorch (Debian's torch, on the same OpenBLAS) runs
// torchstep.py in the same environments. Each case is timed in -trials
// rounds, each round one trial of ours and of OpenBLAS (or PyTorch), ours
// first in even rounds and last in odd ones, so a load that drifts during
// the run favours no side; each side keeps its best trial (gonum, far
// slower and no target, is timed once), and each table prints the load
// average.
// One-thread runs are timed on the process's CPU clock, multi-thread runs on
// the wall clock (-clock). It prints markdown tables of GFLOP/s, samples/s
// and ratios.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/nncourse/optimizers/nn/gemm"
)

var (
	threadsFlag = flag.String("threads", "1,2", "thread counts to run")
	sizesFlag   = flag.String("sizes", "128,256,512,1024,2048", "square sizes n")
	typesFlag   = flag.String("types", "f32,f64", "precisions to time")
	trials      = flag.Int("trials", 3, "trials per measurement, the best kept; the GEMM and training tables take them in rounds of one trial of each side")
	minTime     = flag.Duration("mintime", 200*time.Millisecond, "minimum duration of one trial")
	gonumMax    = flag.Int("gonum-max", 2048, "largest n timed for gonum's native BLAS (it is slow)")
	sections    = flag.String("run", "gemm,train", "sections to run: gemm, train, ceiling (train includes it)")
	steps       = flag.Int("steps", 200, "training steps per trial")
	python      = flag.String("python", "/usr/bin/python3", "interpreter with torch, for the training comparison")
	child       = flag.String("child", "", "internal: time one case in this process (openblas) and print GFLOP/s")
	childCase   = flag.String("case", "", "internal: the case for -child, as type,transA,transB,m,n,k,beta")
	cpuProfile  = flag.String("cpuprofile", "", "write a CPU profile of our side to this file")
)

func main() {
	flag.Parse()
	if *child != "" {
		runChild()
		return
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fail(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fail(err)
		}
		defer pprof.StopCPUProfile()
	}
	threads := parseInts(*threadsFlag)
	f32, f64 := gemm.KernelName()
	fmt.Printf("Go %s, GOARCH=%s, %d CPUs; our kernels: %s (float32), %s (float64)\n",
		runtime.Version(), runtime.GOARCH, runtime.NumCPU(), f32, f64)
	fmt.Printf("Caches and blocks: %s\n", gemm.Blocking())
	if _, ok := openBLAS(); ok {
		fmt.Printf("OpenBLAS kernel sets (OPENBLAS_CORETYPE → kernels loaded): %s\n", probeKernelSets())
	} else {
		fmt.Println("OpenBLAS not linked (build with -tags openblas): no OpenBLAS column, PyTorch timed with OPENBLAS_CORETYPE unset only")
	}
	if strings.Contains(*sections, "gemm") {
		gemmTables(threads)
	}
	if strings.Contains(*sections, "train") {
		trainTable(threads)
	} else if strings.Contains(*sections, "ceiling") {
		ceilingTable()
	}
}

func parseInts(s string) []int {
	var xs []int
	for _, f := range strings.Split(s, ",") {
		x, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			fmt.Fprintf(os.Stderr, "bench: bad number %q in %q\n", f, s)
			os.Exit(2)
		}
		xs = append(xs, x)
	}
	return xs
}
