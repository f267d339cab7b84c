package gemm

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// The worker pool: goroutines started on first need and kept. A worker that
// has just finished a part spins for a while (spinFor) watching offered, so
// that the next Gemm — in training they come back to back — finds it awake;
// then it sleeps on tasks, where waking it costs the scheduler tens of
// microseconds, more than a small product takes. Neither path spawns or
// allocates anything.
var (
	tasks       = make(chan partRunner)
	offered     atomic.Pointer[offer] // a call for a spinning worker to join
	spinners    atomic.Int32          // workers spinning on offered
	workersMu   sync.Mutex
	workerCount int
)

// spinFor is how long a worker watches offered after its last part before
// it sleeps: on a Zen 3 core, about one 128×128×128 float32 product. It is
// CPU time taken from other processes only while no Gemm comes.
const spinFor = 50 * time.Microsecond

// offer points at a call for offered; each call object has one for life, so
// offering allocates nothing.
type offer struct{ job partRunner }

// partRunner is a call seen by the workers.
type partRunner interface {
	// help claims parts of the call's current run until none is left.
	help()
}

// ensureWorkers starts workers until n exist.
func ensureWorkers(n int) {
	workersMu.Lock()
	defer workersMu.Unlock()
	for ; workerCount < n; workerCount++ {
		go func() {
			for job := range tasks {
				for job != nil {
					job.help()
					job = spin()
				}
			}
		}()
	}
}

// spin watches offered for up to spinFor and returns the call it takes, or
// nil.
func spin() partRunner {
	spinners.Add(1)
	defer spinners.Add(-1)
	start := time.Now()
	for i := 1; ; i++ {
		if o := offered.Load(); o != nil && offered.CompareAndSwap(o, nil) {
			return o.job
		}
		if i%64 == 0 && time.Since(start) > spinFor {
			return nil
		}
	}
}

// minParallelFlops is the size of product, 2·m·n·k, below which Gemm stays
// on the calling goroutine: 128×128×128, which one Zen 3 core computes in
// ~50 µs (float32, ~80 GFLOP/s). Re-measured on the shared Zen 3 (load 3–4,
// wall clock) with a spinning worker and caller: in a loop of back-to-back
// Gemms two threads beat one down to n = 64 (float32 n = 64: 68–109 against
// 63–71 GFLOP/s), but in the MLP training step a threshold of 2·64³, which
// puts the step's three small products (0.77 MFLOP each) on two threads,
// made the step 7–12 % slower (44–46 against 47–51 thousand samples/s,
// three alternating rounds), so it stays at 2·128³.
const minParallelFlops = 2 * 128 * 128 * 128

// run computes the whole product. It cuts C into one part per goroutine
// (split), offers the call to a spinning worker and to sleeping ones without
// waiting for either, then claims parts itself until none are left, and
// waits only for parts a worker has started. A worker that comes late costs
// the caller nothing but the part it took; when no worker is spinning or
// free the caller computes C in one part, packing each operand once, as with
// one thread.
func (g *call[T]) run() {
	procs := runtime.GOMAXPROCS(0)
	if 2*g.m*g.n*g.k < minParallelFlops {
		procs = 1
	}
	g.split(procs)
	for len(g.work) < len(g.parts) {
		g.work = append(g.work, workspace[T]{})
	}
	if len(g.parts) == 1 {
		g.compute(g.parts[0], &g.work[0])
		return
	}
	g.gen++
	g.done.Store(0)
	g.waiting.Store(partsRunning)
	published := uint64(g.gen)<<32 | uint64(len(g.parts))<<16
	g.claims.Store(published) // publishes the parts
	if testHookPublished != nil {
		testHookPublished(g)
	}
	ensureWorkers(len(g.parts) - 1)
	helpers := 0
	if spinners.Load() > 0 {
		offered.Store(g.self)
		helpers++
	}
sleeping:
	for helpers < len(g.parts)-1 {
		select {
		case tasks <- g:
			helpers++
		default: // no worker is waiting
			break sleeping
		}
	}
	// No worker was handed this run, but one may yet run it: a worker
	// that took an offer of g from an earlier run, made and never taken,
	// helps whichever run g serves when it gets there, and may have claimed
	// a part since they were published. The caller computes C in one part
	// only if it withdraws every part unclaimed; otherwise it claims parts
	// like any helper and waits for the worker's.
	if helpers == 0 && g.claims.CompareAndSwap(published, uint64(g.gen)<<32) {
		g.compute(region{0, g.m, 0, g.n}, &g.work[0])
		return
	}
	if !g.claimParts(g.gen, true) {
		g.await()
	}
	offered.CompareAndSwap(g.self, nil) // an offer nobody took is withdrawn
}

// testHookPublished, when set by a test, runs in run right after the parts
// are published, as a worker holding an old offer of the call would.
var testHookPublished func(partRunner)

// The states of a call's wait for its last part (call.waiting).
const (
	partsRunning = iota // a worker is computing a part, the caller spins
	callerAsleep        // the caller sleeps on call.finished
	lastPartDone        // the worker has finished the last part
)

// awaitSpin is how long the caller spins on the worker's last part before
// it sleeps. A caller that sleeps parks its goroutine, and the worker's
// wake-up puts it on the worker's own P, behind the worker's spin, so the
// caller would resume only when another thread steals it or the spin ends:
// tens of microseconds, as long as a small product. The worker's part is as
// large as the caller's, so it is done within this bound unless the OS has
// taken its core.
const awaitSpin = 200 * time.Microsecond

// await waits until a worker has finished the run's last part: it spins on
// g.waiting for up to awaitSpin, then sleeps on g.finished.
func (g *call[T]) await() {
	start := time.Now()
	for i := 1; g.waiting.Load() != lastPartDone; i++ {
		if i%64 == 0 && time.Since(start) > awaitSpin {
			if g.waiting.CompareAndSwap(partsRunning, callerAsleep) {
				<-g.finished
			}
			return
		}
	}
}

// help implements partRunner: it claims parts of g's current run.
func (g *call[T]) help() {
	g.claimParts(uint32(g.claims.Load()>>32), false)
}

// claimParts computes parts of call generation gen, one at a time, part p in
// workspace p, until none is left, and reports whether this goroutine
// finished the last part; a worker that does tells the caller (await). g.claims
// packs the generation (high 32 bits), the number of parts (next 16) and the
// parts claimed so far (low 16): a part is claimed by advancing it, so a
// worker that comes after its call has returned — and g, pooled, may serve
// another — sees a different generation and touches nothing else of g, or
// helps with the run that g now serves, which is as good.
func (g *call[T]) claimParts(gen uint32, caller bool) (last bool) {
	for {
		c := g.claims.Load()
		p, n := int(c&0xffff), int(c>>16&0xffff)
		if uint32(c>>32) != gen || p >= n {
			return false
		}
		if !g.claims.CompareAndSwap(c, c+1) {
			continue
		}
		g.compute(g.parts[p], &g.work[p])
		if g.done.Add(1) == int32(n) {
			if !caller && g.waiting.Swap(lastPartDone) == callerAsleep {
				g.finished <- struct{}{}
			}
			return true
		}
	}
}

// split cuts C into procs parts along its larger dimension, on the
// micro-kernel's tile grid: cutting columns makes every part pack all of
// op(A) (m·k) and cutting rows all of op(B) (k·n), so the cut goes across
// the longer side and the operand packed again is the smaller.
func (g *call[T]) split(procs int) {
	rows := g.m >= g.n
	tile, length := g.kern.NR, g.n
	if rows {
		tile, length = g.kern.MR, g.m
	}
	tiles := (length + tile - 1) / tile
	parts := min(procs, tiles, 1<<16-1)
	g.parts = g.parts[:0]
	for q := range parts {
		lo, hi := q*tiles/parts*tile, min(length, (q+1)*tiles/parts*tile)
		if rows {
			g.parts = append(g.parts, region{lo, hi, 0, g.n})
		} else {
			g.parts = append(g.parts, region{0, g.m, lo, hi})
		}
	}
}
