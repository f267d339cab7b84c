package gemm

import (
	"sync"
	"sync/atomic"
	"unsafe"
)

// call holds one Gemm's arguments, how its output is split among workers and
// the packing buffers of each worker. Calls are recycled through a sync.Pool,
// so the buffers are allocated once and a steady stream of Gemms allocates
// nothing.
type call[T Float] struct {
	transA, transB bool
	m, n, k        int
	alpha, beta    T
	a, b, c        []T
	lda, ldb, ldc  int
	kern           *microKernel[T]

	t     []T            // scratch for Cᵀ when C is too narrow for the kernel
	parts []region       // the blocks of C, claimed one at a time
	work  []workspace[T] // packing buffers, one per part
	self  *offer         // this call, as offered to spinning workers

	gen      uint32        // counts this call object's parallel runs
	claims   atomic.Uint64 // generation, number of parts, parts claimed (parallel.go)
	done     atomic.Int32  // parts finished
	waiting  atomic.Int32  // partsRunning, callerAsleep or lastPartDone (parallel.go)
	finished chan struct{} // a worker that finishes the last part wakes a sleeping caller here
}

// region is a block of C: rows [i0, i1), columns [j0, j1).
type region struct{ i0, i1, j0, j1 int }

// workspace holds one worker's packed block of A and packed block of B.
type workspace[T Float] struct{ a, b []T }

// Calls of float32 and float64 are pooled apart; calls of other types with the
// same size (named float types) share the pool and are simply reallocated.
var callPool32, callPool64 sync.Pool

func getCall[T Float]() *call[T] {
	pool := &callPool64
	if unsafe.Sizeof(T(0)) == 4 {
		pool = &callPool32
	}
	if g, ok := pool.Get().(*call[T]); ok {
		return g
	}
	g := &call[T]{finished: make(chan struct{}, 1)}
	g.self = &offer{g}
	return g
}

func (g *call[T]) set(transA, transB bool, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int) {
	g.transA, g.transB, g.m, g.n, g.k = transA, transB, m, n, k
	g.alpha, g.beta = alpha, beta
	g.a, g.lda, g.b, g.ldb, g.c, g.ldc = a, lda, b, ldb, c, ldc
}

// release drops the references to the caller's matrices and pools g.
func (g *call[T]) release() {
	g.a, g.b, g.c = nil, nil, nil
	pool := &callPool64
	if unsafe.Sizeof(T(0)) == 4 {
		pool = &callPool32
	}
	pool.Put(g)
}

// grow returns s resliced to n elements, reallocating when it is too short;
// new storage starts on a 64-byte boundary (one cache line, one zmm load).
func grow[T Float](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	size := int(unsafe.Sizeof(T(0)))
	buf := make([]T, n+64/size)
	off := (64 - int(uintptr(unsafe.Pointer(&buf[0]))%64)) % 64 / size
	return buf[off : off+n : off+n]
}
