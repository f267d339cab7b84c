package datasets

import (
	"slices"
	"testing"
)

// rowsData returns n rows of width 2 whose values encode the row: (r, −r),
// with label r mod 10 and target 10·r.
func rowsData[T Float](n int) (x []T, labels []int, targets []T) {
	for r := range n {
		x = append(x, T(r), -T(r))
		labels = append(labels, r%10)
		targets = append(targets, T(10*r))
	}
	return x, labels, targets
}

func TestMinibatches(t *testing.T) {
	testMinibatches[float32](t)
	testMinibatches[float64](t)
}

func testMinibatches[T Float](t *testing.T) {
	x, labels, targets := rowsData[T](10)
	for _, tc := range []struct {
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
		m := &Minibatches[T]{X: x, Width: 2, Labels: labels, Targets: targets, TargetWidth: 1,
			BatchSize: tc.batch, DropLast: tc.dropLast, Seed: 42}
		if m.NumBatches() != len(tc.wantSizes) {
			t.Errorf("batch %d dropLast %v: NumBatches %d, want %d", tc.batch, tc.dropLast, m.NumBatches(), len(tc.wantSizes))
		}
		var sizes, seen []int
		for i, b := range m.Epoch(3) {
			if i != len(sizes) {
				t.Errorf("batch index %d, want %d", i, len(sizes))
			}
			sizes = append(sizes, b.Size)
			for k, r := range b.Rows {
				if b.X[2*k] != T(r) || b.X[2*k+1] != -T(r) || b.Labels[k] != r%10 || b.Targets[k] != T(10*r) {
					t.Fatalf("batch %d example %d: row %d gathered as %v %v %v", i, k, r, b.X[2*k:2*k+2], b.Labels[k], b.Targets[k])
				}
			}
			seen = append(seen, b.Rows...)
		}
		if !slices.Equal(sizes, tc.wantSizes) {
			t.Errorf("batch %d dropLast %v: sizes %v, want %v", tc.batch, tc.dropLast, sizes, tc.wantSizes)
		}
		slices.Sort(seen)
		if !tc.dropLast && !slices.Equal(seen, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}) {
			t.Errorf("batch %d: rows seen %v, want each row once", tc.batch, seen)
		}
	}
}

func TestMinibatchesShuffle(t *testing.T) {
	x, _, _ := rowsData[float64](100)
	m := &Minibatches[float64]{X: x, Width: 2, BatchSize: 10, Seed: 7}
	e0, e0again, e1 := m.Order(0), m.Order(0), m.Order(1)
	other := (&Minibatches[float64]{X: x, Width: 2, BatchSize: 10, Seed: 8}).Order(0)
	if !slices.Equal(e0, e0again) {
		t.Error("same seed and epoch, different orders")
	}
	if slices.Equal(e0, e1) || slices.Equal(e0, other) {
		t.Error("a new epoch or seed did not reshuffle")
	}
	if slices.IsSorted(e0) {
		t.Error("epoch 0 not shuffled")
	}
	// Epoch follows Order exactly: resuming at an epoch needs only its number.
	var rows []int
	for _, b := range m.Epoch(1) {
		rows = append(rows, b.Rows...)
	}
	if !slices.Equal(rows, e1) {
		t.Error("Epoch(1) does not visit rows in Order(1)")
	}
	// Breaking out early is allowed.
	for i := range m.Epoch(2) {
		if i == 2 {
			break
		}
	}
	m.Sequential = true
	if !slices.IsSorted(m.Order(5)) {
		t.Error("Sequential order not sorted")
	}
}

func TestMinibatchesAllocs(t *testing.T) {
	x, labels, _ := rowsData[float32](1000)
	m := &Minibatches[float32]{X: x, Width: 2, Labels: labels, BatchSize: 64, Seed: 1}
	for range m.Epoch(0) { // first epoch sizes the buffers
	}
	allocs := testing.AllocsPerRun(5, func() {
		for range m.Epoch(1) {
		}
	})
	t.Logf("%.0f allocations per epoch of %d batches", allocs, m.NumBatches())
	if allocs > 10 {
		t.Errorf("%.0f allocations per epoch after the first, want a few (iterator and generator)", allocs)
	}
}

func TestMinibatchesPanics(t *testing.T) {
	x, labels, _ := rowsData[float64](4)
	for i, m := range []*Minibatches[float64]{
		{X: x, Width: 2, BatchSize: 0},
		{X: x, Width: 3, BatchSize: 2},
		{X: x, Width: 2, Labels: labels[:3], BatchSize: 2},
		{X: x, Width: 2, Targets: []float64{1}, TargetWidth: 1, BatchSize: 2},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%d: inconsistent Minibatches did not panic", i)
				}
			}()
			m.Epoch(0)
		}()
	}
}
