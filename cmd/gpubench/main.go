// Command gpubench times cuBLAS Sgemm and Dgemm on device-resident square
// matrices, checks each product against float64 dot products and, up to
// -cpu-max, against the CPU path gemm.Gemm, and prints GFLOP/s beside the
// sustained rate of a long run and the peaks given on the command line.
// Then it trains on the device (package nn/gpu): training throughput for
// 784-500-300-10 and a wider network at batches 128 to 8192 against the
// CPU path, and each optimizer's 100-step trajectory against the CPU's,
// exiting with status 1 if one leaves its tolerance.
//
// Build it with the cublas tag on any machine (no CUDA needed), run it
// where there is an NVIDIA GPU; scripts/gpu-test.sh does both.
//
//	go build -tags cublas -o gpubench ./cmd/gpubench
//	./gpubench -sizes 4096,8192,16384 -datasheet-f32 67000 -datasheet-f64 34000 -datasheet-f64-tensor 67000
package main

import (
	"flag"
	"fmt"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nncourse/optimizers/nn/gemm"
	"github.com/nncourse/optimizers/nn/gemm/cublas"
)

var (
	sizesFlag    = flag.String("sizes", "4096,8192,16384", "comma-separated n for n×n×n products")
	minSeconds   = flag.Float64("min-seconds", 1, "time each size for at least this long")
	peakN        = flag.Int("peak-n", 16384, "size of the sustained run that measures the achieved peak")
	peakSeconds  = flag.Float64("peak-seconds", 5, "length of the sustained run")
	samples      = flag.Int("samples", 512, "elements of C checked against float64 dot products")
	cpuMax       = flag.Int("cpu-max", 4096, "compare the whole of C with gemm.Gemm up to this n")
	datasheetF32 = flag.Float64("datasheet-f32", 0, "datasheet FP32 (non-tensor) peak, GFLOP/s, if known")
	datasheetF64 = flag.Float64("datasheet-f64", 0, "datasheet FP64 (non-tensor) peak, GFLOP/s, if known")
	datasheetTC  = flag.Float64("datasheet-f64-tensor", 0, "datasheet FP64 tensor-core peak, GFLOP/s, if known (cuBLAS Dgemm may use these IEEE FP64 units)")
)

func main() {
	flag.Parse()
	var sizes []int
	for _, s := range strings.Split(*sizesFlag, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			log.Fatalf("gpubench: bad size %q", s)
		}
		sizes = append(sizes, n)
	}
	if *simulate {
		ctx, err := cublas.OpenSimulated()
		must(err)
		training(ctx)
		return
	}
	ctx, err := cublas.Open()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gpubench:", err)
		os.Exit(1)
	}
	defer ctx.Close()
	d, err := ctx.Device()
	if err != nil {
		log.Fatal(err)
	}
	clockGHz := float64(d.ClockKHz) / 1e6
	fmt.Printf("device: compute capability %d.%d, %d SMs, peak SM clock %.3f GHz; CUDA runtime %d, cuBLAS %d; default math mode (no TF32)\n",
		d.Major, d.Minor, d.Multiprocessors, clockGHz, d.RuntimeVersion, d.CublasVersion)
	lanes32, lanes64 := laneCounts(d.Major, d.Minor)
	var rows []result
	for _, prec := range []string{"f32", "f64"} {
		lanes, sheet, sheetTC := lanes32, *datasheetF32, 0.0
		if prec == "f64" {
			lanes, sheet, sheetTC = lanes64, *datasheetF64, *datasheetTC
		}
		clockPeak := float64(d.Multiprocessors*lanes) * 2 * clockGHz // GFLOP/s: one FMA per lane per cycle
		if lanes == 0 {
			fmt.Printf("%s: FMA lanes per SM unknown for this compute capability; no clock-derived peak\n", prec)
		} else {
			fmt.Printf("%s: clock-derived peak %d SMs × %d FMA lanes × 2 × %.3f GHz = %.0f GFLOP/s\n", prec, d.Multiprocessors, lanes, clockGHz, clockPeak)
		}
		var sustained float64
		if prec == "f32" {
			sustained = sustainedRate[float32](ctx, *peakN, *peakSeconds)
			rows = append(rows, sweep[float32](ctx, prec, sizes)...)
		} else {
			sustained = sustainedRate[float64](ctx, *peakN, *peakSeconds)
			rows = append(rows, sweep[float64](ctx, prec, sizes)...)
		}
		fmt.Printf("%s: sustained rate, n=%d for %.0f s: %.0f GFLOP/s (the achieved peak below)\n", prec, *peakN, *peakSeconds, sustained)
		for i := range rows {
			if rows[i].prec == prec {
				rows[i].sustained, rows[i].clockPeak, rows[i].datasheet, rows[i].datasheetTC = sustained, clockPeak, sheet, sheetTC
			}
		}
	}
	printTable(rows)
	mlpShapes(ctx)
	training(ctx)
}

// training prints the training throughput table and checks the
// trajectories, exiting with status 1 if one fails.
func training(ctx *cublas.Context) {
	throughput(ctx)
	if !trajectories(ctx) {
		fmt.Println("gpubench: a GPU trajectory left the tolerance or failed")
		os.Exit(1)
	}
}

// laneCounts are the FP32 and FP64 FMA units per SM (CUDA C Programming
// Guide, arithmetic instruction throughput), for the data-centre chips.
func laneCounts(major, minor int) (f32, f64 int) {
	switch {
	case major == 7 && minor == 0, major == 8 && minor == 0:
		return 64, 32 // V100, A100
	case major == 9 && minor == 0:
		return 128, 64 // H100, H200
	}
	return 0, 0
}

// result is one row of the table.
type result struct {
	prec                            string
	n                               int
	medianMs, gflops                float64
	sampleErr                       float64 // max |c − exact| / (k·ε·Σ|a||b|) over the sampled elements
	cpuRelF                         float64 // ‖C_gpu − C_cpu‖_F / ‖C_cpu‖_F, NaN when not compared
	sustained, clockPeak, datasheet float64
	datasheetTC                     float64
}

// sweep times and checks every size for one precision.
func sweep[T gemm.Float](ctx *cublas.Context, prec string, sizes []int) []result {
	var out []result
	for _, n := range sizes {
		p := newProblem[T](ctx, n)
		times := p.time(*minSeconds)
		median := times[len(times)/2]
		r := result{prec: prec, n: n, medianMs: median * 1e3, gflops: flops(n) / median / 1e9, cpuRelF: math.NaN()}
		c := make([]T, n*n)
		must(p.dc.Download(c))
		r.sampleErr = p.sampledError(c)
		if n <= *cpuMax {
			r.cpuRelF = p.cpuRelativeError(c)
		}
		fmt.Printf("%s n=%d: %d runs, median %.3f ms, %.0f GFLOP/s, sampled error %.2g k·ε, vs CPU ‖Δ‖/‖C‖ = %.2g\n",
			prec, n, len(times), r.medianMs, r.gflops, r.sampleErr, r.cpuRelF)
		p.free()
		out = append(out, r)
	}
	return out
}

// sustainedRate queues products back to back for about seconds and
// returns the rate over the whole run.
func sustainedRate[T gemm.Float](ctx *cublas.Context, n int, seconds float64) float64 {
	p := newProblem[T](ctx, n)
	defer p.free()
	one := p.time(0.2)[0]
	batch := max(1, int(0.25/one))
	calls := 0
	start := time.Now()
	for time.Since(start).Seconds() < seconds {
		for range batch {
			p.gemm()
		}
		must(ctx.Synchronize())
		calls += batch
	}
	return float64(calls) * flops(n) / time.Since(start).Seconds() / 1e9
}

func flops(n int) float64 { return 2 * float64(n) * float64(n) * float64(n) }

// problem is C = A·B with n×n random A and B on the host and the device.
type problem[T gemm.Float] struct {
	ctx        *cublas.Context
	n          int
	a, b       []T
	da, db, dc *cublas.Buffer[T] // C is write-only: β = 0
}

func newProblem[T gemm.Float](ctx *cublas.Context, n int) *problem[T] {
	p := &problem[T]{ctx: ctx, n: n, a: randomFill[T](n*n, 1), b: randomFill[T](n*n, 2)}
	var err error
	p.da, err = cublas.NewBuffer[T](ctx, n*n)
	must(err)
	p.db, err = cublas.NewBuffer[T](ctx, n*n)
	must(err)
	p.dc, err = cublas.NewBuffer[T](ctx, n*n)
	must(err)
	must(p.da.Upload(p.a))
	must(p.db.Upload(p.b))
	return p
}

func (p *problem[T]) gemm() {
	must(cublas.Gemm(p.ctx, false, false, p.n, p.n, p.n, 1, p.da, p.n, p.db, p.n, 0, p.dc, p.n))
}

// time times one product at a time, synchronised.
func (p *problem[T]) time(seconds float64) []float64 {
	return timeRuns(func() { p.gemm(); must(p.ctx.Synchronize()) }, seconds)
}

// timeRuns runs f twice to warm up, then for at least seconds and three
// runs; it returns the sorted times in seconds.
func timeRuns(f func(), seconds float64) []float64 {
	f()
	f()
	var times []float64
	for total := 0.0; total < seconds || len(times) < 3; {
		start := time.Now()
		f()
		dt := time.Since(start).Seconds()
		times = append(times, dt)
		total += dt
	}
	slices.Sort(times)
	return times
}

// sampledError checks random elements of c against float64 dot products,
// scaled by the rounding bound k·ε·Σ|a||b| of a k-term float sum.
func (p *problem[T]) sampledError(c []T) float64 {
	eps := float64(math.Nextafter32(1, 2) - 1)
	var zero T
	if any(zero) == any(float64(0)) {
		eps = math.Nextafter(1, 2) - 1
	}
	rng := rand.New(rand.NewPCG(3, 3))
	n, worst := p.n, 0.0
	for range *samples {
		i, j := rng.IntN(n), rng.IntN(n)
		var exact, bound float64
		for k := range n {
			x := float64(p.a[i*n+k]) * float64(p.b[k*n+j])
			exact += x
			bound += math.Abs(x)
		}
		worst = max(worst, math.Abs(float64(c[i*n+j])-exact)/(float64(n)*eps*bound))
	}
	return worst
}

// cpuRelativeError runs the CPU path and returns ‖c − C_cpu‖_F / ‖C_cpu‖_F.
func (p *problem[T]) cpuRelativeError(c []T) float64 {
	n := p.n
	cpu := make([]T, n*n)
	start := time.Now()
	gemm.Gemm(false, false, n, n, n, 1, p.a, n, p.b, n, 0, cpu, n)
	dt := time.Since(start).Seconds()
	fmt.Printf("  CPU path gemm.Gemm n=%d: %.2f s, %.0f GFLOP/s on %d threads\n", n, dt, flops(n)/dt/1e9, runtime.GOMAXPROCS(0))
	var diff, norm float64
	for i := range cpu {
		d := float64(c[i]) - float64(cpu[i])
		diff += d * d
		norm += float64(cpu[i]) * float64(cpu[i])
	}
	return math.Sqrt(diff / norm)
}

func (p *problem[T]) free() {
	must(p.da.Free())
	must(p.db.Free())
	must(p.dc.Free())
}

// randomFill returns n uniform values in [−1, 1), filled in parallel, seeded.
func randomFill[T gemm.Float](n int, seed uint64) []T {
	x := make([]T, n)
	workers := runtime.GOMAXPROCS(0)
	chunk := (n + workers - 1) / workers
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*chunk, min(n, (w+1)*chunk)
		if lo >= hi {
			break
		}
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(seed, uint64(w)))
			for i := lo; i < hi; i++ {
				x[i] = T(2*rng.Float64() - 1)
			}
		})
	}
	wg.Wait()
	return x
}

func must(err error) {
	if err != nil {
		log.Fatal("gpubench: ", err)
	}
}
