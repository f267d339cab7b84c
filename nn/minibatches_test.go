package nn

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/nncourse/optimizers/optim"
)

// rowsData returns n rows of width 2 whose values encode the row: (r, −r),
// with label r mod 10 and target 10·r.
func rowsData[T optim.Float](n int) Data[T] {
	var d Data[T]
	for r := range n {
		d.X = append(d.X, T(r), -T(r))
		d.Labels = append(d.Labels, r%10)
		d.Targets = append(d.Targets, T(10*r))
	}
	return d
}

// rowsOf returns the rows a batch of rowsData holds, checking that each
// row's labels and targets came along.
func rowsOf[T optim.Float](t *testing.T, b Data[T]) []int {
	t.Helper()
	var rows []int
	for k := range len(b.X) / 2 {
		r := int(b.X[2*k])
		if b.X[2*k+1] != -T(r) || (b.Labels != nil && b.Labels[k] != r%10) || (b.Targets != nil && b.Targets[k] != T(10*r)) {
			t.Fatalf("example %d: row %d gathered as %v %v %v", k, r, b.X[2*k:2*k+2], b.Labels, b.Targets)
		}
		rows = append(rows, r)
	}
	return rows
}

func TestMinibatches(t *testing.T) {
	testMinibatches[float32](t)
	testMinibatches[float64](t)
}

func testMinibatches[T optim.Float](t *testing.T) {
	data := rowsData[T](10)
	for i, tc := range []struct {
		batch     int
		dropLast  bool
		wantSizes []int
	}{
		{4, false, []int{4, 4, 2}},
		{4, true, []int{4, 4}},
		{5, false, []int{5, 5}},
		{5, true, []int{5, 5}},
		{32, false, []int{10}},
		{32, true, nil},
		{1, false, []int{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}},
	} {
		m := &Minibatches[T]{Data: data, Width: 2, BatchSize: tc.batch, DropLast: tc.dropLast, Seed: 42}
		if m.NumBatches() != len(tc.wantSizes) {
			t.Errorf("%d: NumBatches %d, want %d", i, m.NumBatches(), len(tc.wantSizes))
		}
		var sizes, seen []int
		for k, b := range m.Epoch(3) {
			if k != len(sizes) {
				t.Errorf("%d: batch index %d, want %d", i, k, len(sizes))
			}
			rows := rowsOf(t, b)
			sizes = append(sizes, len(rows))
			seen = append(seen, rows...)
		}
		if !slices.Equal(sizes, tc.wantSizes) {
			t.Errorf("%d: sizes %v, want %v", i, sizes, tc.wantSizes)
		}
		slices.Sort(seen)
		if !tc.dropLast && !slices.Equal(seen, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}) {
			t.Errorf("%d: rows seen %v, want each row once", i, seen)
		}
	}
}

// epochRows returns the rows epoch e visits, batch after batch.
func epochRows(t *testing.T, m *Minibatches[float64], e int) []int {
	var rows []int
	for _, b := range m.Epoch(e) {
		rows = append(rows, rowsOf(t, b)...)
	}
	return rows
}

// TestMinibatchesShuffleRule checks the documented rule against a direct
// reading of it: one generator, seeded with (Seed, 0x9e3779b97f4a7c15),
// shuffles 0, 1, …, n−1 afresh for each epoch in turn. Epochs asked for in
// order, out of order, and again must all follow it.
func TestMinibatchesShuffleRule(t *testing.T) {
	const n, epochs = 23, 6
	rng := rand.New(rand.NewPCG(7, 0x9e3779b97f4a7c15))
	want := make([][]int, epochs)
	for e := range want {
		want[e] = make([]int, n)
		for i := range want[e] {
			want[e][i] = i
		}
		rng.Shuffle(n, func(i, j int) { want[e][i], want[e][j] = want[e][j], want[e][i] })
	}
	m := &Minibatches[float64]{Data: rowsData[float64](n), Width: 2, BatchSize: 5, Seed: 7}
	for i, e := range []int{0, 1, 2, 3, 4, 5, 5, 2, 4, 0, 3} {
		if got := epochRows(t, m, e); !slices.Equal(got, want[e]) {
			t.Errorf("%d: epoch %d visits %v, want %v", i, e, got, want[e])
		}
	}
	if slices.IsSorted(want[0]) || slices.Equal(want[0], want[1]) {
		t.Errorf("epochs 0 and 1: %v, %v: not shuffled anew", want[0], want[1])
	}
	other := &Minibatches[float64]{Data: rowsData[float64](n), Width: 2, BatchSize: 5, Seed: 8}
	if slices.Equal(epochRows(t, other, 0), want[0]) {
		t.Error("seeds 7 and 8 shuffle epoch 0 alike")
	}
	// Batches taken one by one, as the Trainer does, are the epoch's.
	var rows []int
	for i := range m.NumBatches() {
		rows = append(rows, rowsOf(t, m.Batch(4, i))...)
	}
	if !slices.Equal(rows, want[4]) {
		t.Errorf("Batch(4, i) visits %v, want %v", rows, want[4])
	}
}

// TestMinibatchesSetGenerator checks that a Minibatches given the
// generator another saved at epoch e serves that one's epochs from e on,
// whatever its own Seed.
func TestMinibatchesSetGenerator(t *testing.T) {
	saved := &Minibatches[float64]{Data: rowsData[float64](17), Width: 2, BatchSize: 4, Seed: 3}
	g := saved.Generator(2)
	resumed := &Minibatches[float64]{Data: rowsData[float64](17), Width: 2, BatchSize: 4, Seed: 99}
	resumed.SetGenerator(2, g)
	for _, e := range []int{2, 3, 4} {
		if got, want := epochRows(t, resumed, e), epochRows(t, saved, e); !slices.Equal(got, want) {
			t.Errorf("epoch %d after SetGenerator: %v, want %v", e, got, want)
		}
	}
}

// TestMinibatchesAllocs checks that an epoch's allocations (the
// iterator's, the generator's) do not grow with its number of batches:
// every batch reuses the buffers.
func TestMinibatchesAllocs(t *testing.T) {
	count := func(batch int) float64 {
		data := rowsData[float32](1000)
		data.Targets = nil
		m := &Minibatches[float32]{Data: data, Width: 2, BatchSize: batch, Seed: 1}
		for range m.Epoch(0) { // the first epoch sizes the buffers
		}
		e := 1
		return testing.AllocsPerRun(5, func() {
			for range m.Epoch(e) {
			}
			e++
		})
	}
	few, many := count(250), count(4) // 4 and 250 batches per epoch
	t.Logf("allocations per epoch: %v with 4 batches, %v with 250", few, many)
	if few != many {
		t.Errorf("allocations per epoch: %v with 4 batches, %v with 250; want equal", few, many)
	}
}

func TestMinibatchesPanics(t *testing.T) {
	d := rowsData[float64](4)
	for i, m := range []*Minibatches[float64]{
		{Data: d, Width: 2, BatchSize: 0},
		{Data: d, Width: 3, BatchSize: 2},
		{Data: Data[float64]{X: d.X, Labels: d.Labels[:3]}, Width: 2, BatchSize: 2},
		{Data: Data[float64]{X: d.X, Targets: []float64{1, 2, 3}}, Width: 2, BatchSize: 2},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%d: inconsistent Minibatches did not panic", i)
				}
			}()
			m.Batch(0, 0)
		}()
	}
	for _, batch := range []int{-1, 2} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("batch %d of 2: no panic", batch)
				}
			}()
			(&Minibatches[float64]{Data: d, Width: 2, BatchSize: 2}).Batch(0, batch)
		}()
	}
}
