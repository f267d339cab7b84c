package datasets

import (
	"fmt"
	"iter"
	"math/rand/v2"
)

// Minibatches cuts a data set into minibatches, shuffled anew each epoch.
//
// The order of epoch e is a pure function of (Seed, e): a training run
// resumed at epoch e from a checkpoint sees exactly the batches an
// uninterrupted run would, with no generator state to save.
//
// The last batch of an epoch holds the n mod BatchSize examples left over
// (it is smaller, not padded) unless DropLast is set, in which case those
// examples are skipped for that epoch; a different shuffle next epoch gives
// them their turn.
//
// Set the exported fields, then range over Epoch(e). The Batch handed out
// reuses buffers owned by the Minibatches: its slices are valid until the
// next iteration, so copy what must outlive it. A Minibatches is not safe
// for concurrent use.
type Minibatches[T Float] struct {
	X       []T   // inputs, n rows of Width values, row-major
	Width   int   // values per input row
	Labels  []int // class labels, one per row, or nil
	Targets []T   // targets, n rows of TargetWidth values, or nil
	// TargetWidth is the number of values per target row (0 if no targets).
	TargetWidth int
	BatchSize   int    // examples per batch
	DropLast    bool   // skip the partial last batch of each epoch
	Sequential  bool   // keep the data's order (for evaluation) instead of shuffling
	Seed        uint64 // seed of the per-epoch shuffles

	batch Batch[T]
	order []int
}

// Batch is one minibatch, gathered from the data set's rows.
type Batch[T Float] struct {
	X       []T   // Size×Width inputs
	Labels  []int // Size labels, or nil
	Targets []T   // Size×TargetWidth targets, or nil
	Rows    []int // the data set's row of each example
	Size    int   // number of examples in the batch
}

// Len returns the number of examples in the data set.
func (m *Minibatches[T]) Len() int {
	if m.Width < 1 || len(m.X)%m.Width != 0 {
		panic(fmt.Sprintf("datasets: Minibatches: %d input values are not rows of Width %d", len(m.X), m.Width))
	}
	return len(m.X) / m.Width
}

// NumBatches returns the number of batches in each epoch.
func (m *Minibatches[T]) NumBatches() int {
	m.check()
	if m.DropLast {
		return m.Len() / m.BatchSize
	}
	return (m.Len() + m.BatchSize - 1) / m.BatchSize
}

// Order returns the order in which epoch e visits the rows: 0, 1, 2, … when
// Sequential, else a permutation drawn from (Seed, e).
func (m *Minibatches[T]) Order(e int) []int {
	return m.fillOrder(make([]int, m.Len()), e)
}

// fillOrder writes the order of epoch e into order, of length Len().
func (m *Minibatches[T]) fillOrder(order []int, e int) []int {
	for i := range order {
		order[i] = i
	}
	if !m.Sequential {
		rng := rand.New(rand.NewPCG(m.Seed, uint64(e)))
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	}
	return order
}

// Epoch returns the batches of epoch e, numbered from 0:
//
//	for i, b := range batches.Epoch(e) { … b.X, b.Labels … }
//
// It panics if the fields are inconsistent (lengths that disagree, a
// BatchSize below 1).
func (m *Minibatches[T]) Epoch(e int) iter.Seq2[int, Batch[T]] {
	m.check()
	return func(yield func(int, Batch[T]) bool) {
		if len(m.order) != m.Len() {
			m.order = make([]int, m.Len())
		}
		m.fillOrder(m.order, e)
		for i := range m.NumBatches() {
			lo := i * m.BatchSize
			hi := min(lo+m.BatchSize, len(m.order))
			if !yield(i, m.gather(m.order[lo:hi])) {
				return
			}
		}
	}
}

// gather copies the given rows into the reused batch buffers.
func (m *Minibatches[T]) gather(rows []int) Batch[T] {
	b := &m.batch
	b.Rows, b.Size = rows, len(rows)
	b.X = b.X[:0]
	for _, r := range rows {
		b.X = append(b.X, m.X[r*m.Width:(r+1)*m.Width]...)
	}
	if m.Labels != nil {
		b.Labels = b.Labels[:0]
		for _, r := range rows {
			b.Labels = append(b.Labels, m.Labels[r])
		}
	}
	if m.Targets != nil {
		b.Targets = b.Targets[:0]
		for _, r := range rows {
			b.Targets = append(b.Targets, m.Targets[r*m.TargetWidth:(r+1)*m.TargetWidth]...)
		}
	}
	return *b
}

func (m *Minibatches[T]) check() {
	n := m.Len()
	switch {
	case m.BatchSize < 1:
		panic(fmt.Sprintf("datasets: Minibatches: BatchSize must be ≥ 1, got %d", m.BatchSize))
	case m.Labels != nil && len(m.Labels) != n:
		panic(fmt.Sprintf("datasets: Minibatches: %d labels for %d rows", len(m.Labels), n))
	case m.Targets != nil && (m.TargetWidth < 1 || len(m.Targets) != n*m.TargetWidth):
		panic(fmt.Sprintf("datasets: Minibatches: %d target values are not %d rows of TargetWidth %d", len(m.Targets), n, m.TargetWidth))
	}
}
