package gemm

import (
	"runtime"
	"sync"
)

// partRunner is a call seen by the worker goroutines: run block p of C.
type partRunner interface{ runPart(p int) }

type task struct {
	job  partRunner
	part int
}

// The worker pool: goroutines started on first need and kept, waiting on
// tasks, so a Gemm spawns nothing and allocates nothing.
var (
	tasks       = make(chan task)
	workersMu   sync.Mutex
	workerCount int
)

// ensureWorkers starts workers until n are waiting.
func ensureWorkers(n int) {
	workersMu.Lock()
	defer workersMu.Unlock()
	for ; workerCount < n; workerCount++ {
		go func() {
			for t := range tasks {
				t.job.runPart(t.part)
			}
		}()
	}
}

// minParallelFlops is the size of product, 2·m·n·k, below which one core
// finishes (in ~20 µs at 200 GFLOP/s) before waking a worker pays off:
// 128×128×128.
const minParallelFlops = 2 * 128 * 128 * 128

// run computes the whole product: it splits C into at most GOMAXPROCS blocks,
// hands all but the first to workers, computes the first itself and waits.
func (g *call[T]) run() {
	procs := runtime.GOMAXPROCS(0)
	if 2*g.m*g.n*g.k < minParallelFlops {
		procs = 1
	}
	g.split(procs)
	for len(g.work) < len(g.parts) {
		g.work = append(g.work, workspace[T]{})
	}
	if len(g.parts) > 1 {
		ensureWorkers(len(g.parts) - 1)
		g.wg.Add(len(g.parts) - 1)
		for p := 1; p < len(g.parts); p++ {
			tasks <- task{g, p}
		}
	}
	g.runPart(0)
	g.wg.Wait()
}

// split cuts C into a rows×cols grid of at most procs blocks whose edges fall
// on the micro-kernel's tile grid. Among the grids it picks the one that
// packs the least: with r row blocks and c column blocks every worker packs
// its own panels, so A is packed c times and B r times, c·m·k + r·k·n.
func (g *call[T]) split(procs int) {
	mr, nr := g.kern.MR, g.kern.NR
	tilesM, tilesN := (g.m+mr-1)/mr, (g.n+nr-1)/nr
	procs = max(1, min(procs, tilesM*tilesN))
	bestRows, bestCols, bestCost := 1, 1, g.m*g.k+g.k*g.n
	for rows := 1; rows <= min(procs, tilesM); rows++ {
		cols := min(procs/rows, tilesN)
		cost := cols*g.m*g.k + rows*g.k*g.n
		blocks, best := rows*cols, bestRows*bestCols
		if blocks > best || blocks == best && cost < bestCost {
			bestRows, bestCols, bestCost = rows, cols, cost
		}
	}
	g.parts = g.parts[:0]
	for r := range bestRows {
		i0, i1 := min(g.m, r*tilesM/bestRows*mr), min(g.m, (r+1)*tilesM/bestRows*mr)
		for c := range bestCols {
			j0, j1 := min(g.n, c*tilesN/bestCols*nr), min(g.n, (c+1)*tilesN/bestCols*nr)
			g.parts = append(g.parts, region{i0, i1, j0, j1})
		}
	}
}
