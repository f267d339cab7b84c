package demos

import (
	"math"
	"strings"
	"testing"

	"github.com/nncourse/optimizers/nn"
)

// lectureNet is the lecture's example network.
var lectureNet = []int{784, 32, 20, 10}

func TestLayers(t *testing.T) {
	want := []struct {
		n, k, params int
		bytes64      int64
	}{
		{784, 32, 25120, 200960},
		{32, 20, 660, 5280},
		{20, 10, 210, 1680},
	}
	layers := Layers(lectureNet)
	if len(layers) != len(want) {
		t.Fatalf("Layers(%v) has %d layers, want %d", lectureNet, len(layers), len(want))
	}
	total, bytes := 0, int64(0)
	for i, l := range layers {
		w := want[i]
		if l.N != w.n || l.K != w.k || l.Params() != w.params || l.Bytes(8) != w.bytes64 {
			t.Errorf("%d: got %d→%d, %d params, %d bytes; want %d→%d, %d, %d",
				i, l.N, l.K, l.Params(), l.Bytes(8), w.n, w.k, w.params, w.bytes64)
		}
		total += l.Params()
		bytes += l.Bytes(Sizeof[float64]())
	}
	if total != 25990 || bytes != 207920 || total != nn.ParamCount(lectureNet) {
		t.Errorf("total %d params, %d bytes; want 25990 and 207920 (nn.ParamCount %d)",
			total, bytes, nn.ParamCount(lectureNet))
	}
}

func TestLayerTableTotals(t *testing.T) {
	tab := LayerTable(lectureNet)
	last := tab.Rows[len(tab.Rows)-1]
	if got := strings.Join(last, "|"); got != "total|||25,990|103,960|207,920" {
		t.Errorf("last row %q", got)
	}
}

func TestCommas(t *testing.T) {
	for i, c := range []struct {
		n    int64
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1,000"}, {207920, "207,920"}, {-1234567, "-1,234,567"}, {7e9, "7,000,000,000"}} {
		if got := Commas(c.n); got != c.want {
			t.Errorf("%d: Commas(%d) = %q, want %q", i, c.n, got, c.want)
		}
	}
}

// TestCrossover checks Crossover against a search over batch sizes.
func TestCrossover(t *testing.T) {
	for _, sizes := range [][]int{lectureNet, {784, 500, 300, 10}, {2, 3, 1}} {
		want := 1
		for ; ; want++ {
			per, params := ActivationSeries[float64](sizes, []int{want})
			if per.Y[0] > params.Y[0] {
				break
			}
		}
		if got := Crossover[float64](sizes); got != want {
			t.Errorf("%v: Crossover = %d, want %d", sizes, got, want)
		}
	}
}

// TestParamMemoryTable checks the lecture's multiples for a 7B model.
func TestParamMemoryTable(t *testing.T) {
	tab := ParamMemoryTable[float32]("7B", 7e9)
	want := map[string]string{"SGD": "2.00", "Momentum": "3.00", "Adagrad": "3.00", "RMSprop": "3.00",
		"Adam": "4.00", "Nadam": "4.00", "Adadelta": "4.00", "Nesterov": "3.00", "Rprop": "3.06"}
	if len(tab.Rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(tab.Rows), len(want))
	}
	for i, row := range tab.Rows {
		if got := row[len(row)-1]; got != want[row[0]] {
			t.Errorf("%d: %s × model = %s, want %s", i, row[0], got, want[row[0]])
		}
	}
	if got := tab.Rows[0][1]; got != "26.08 GiB" {
		t.Errorf("7B float32 weights: %s, want 26.08 GiB", got)
	}
}

// TestTrainingMemories checks that the measured bytes of a step are within
// 5% of the computed ones for every optimizer (as nn's own test does).
func TestTrainingMemories(t *testing.T) {
	rows := TrainingMemories[float64](lectureNet, 32)
	if len(rows) != 9 {
		t.Fatalf("%d rows, want 9", len(rows))
	}
	for i, m := range rows {
		if diff := math.Abs(float64(m.Measured-m.Total())) / float64(m.Total()); diff > 0.05 {
			t.Errorf("%d %s: measured %d, computed %d", i, m.Optimizer, m.Measured, m.Total())
		}
		if m.Weights != 207920 {
			t.Errorf("%d %s: weights %d, want 207920", i, m.Optimizer, m.Weights)
		}
	}
	tab := MemoryTable("t", rows)
	if len(tab.Rows) != 9 || len(tab.Rows[0]) != len(tab.Header) {
		t.Errorf("table has %d rows of %d cells for %d columns", len(tab.Rows), len(tab.Rows[0]), len(tab.Header))
	}
	if _, err := MemoryBars("t", rows).PNG(); err != nil {
		t.Fatal(err)
	}
}

// TestMeasureInference checks the two ping-pong buffers against the runtime.
func TestMeasureInference(t *testing.T) {
	for i, c := range []struct {
		sizes []int
		batch int
	}{{lectureNet, 1}, {lectureNet, 64}, {[]int{784, 500, 300, 10}, 16}} {
		want := InferenceBytes[float32](c.sizes, c.batch)
		got := MeasureInference[float32](c.sizes, c.batch)
		if diff := math.Abs(float64(got-want)) / float64(want); diff > 0.05 {
			t.Errorf("%d: %v batch %d: measured %d, computed %d", i, c.sizes, c.batch, got, want)
		}
	}
	if got := InferenceBytes[float64](lectureNet, 10); got != 2*10*32*8 {
		t.Errorf("InferenceBytes = %d, want %d", got, 2*10*32*8)
	}
}

// TestForwardTable checks that training's activations grow with the depth
// and inference's do not.
func TestForwardTable(t *testing.T) {
	archs := [][]int{{784, 256, 10}, {784, 256, 256, 256, 256, 10}}
	tab := ForwardTable[float32](archs, 8)
	want := [][]string{
		{"784-256-10", "8,512", "16,384"},
		{"784-256-256-256-256-10", "33,088", "16,384"},
	}
	for i, row := range tab.Rows {
		if row[0] != want[i][0] || row[1] != want[i][1] || row[2] != want[i][2] {
			t.Errorf("%d: got %v, want %v", i, row[:3], want[i])
		}
	}
	if _, err := ActivationChart[float32]("t", archs, []int{1, 2, 4}).PNG(); err != nil {
		t.Fatal(err)
	}
}

// TestMultipleWord checks the lecture's words in the memory table: training
// with SGD holds the model twice (weights and gradients), momentum three
// times, Adam four.
func TestMultipleWord(t *testing.T) {
	for i, c := range []struct {
		x    float64
		want string
	}{{2, "twice"}, {3, "triple"}, {4.01, "quadruple"}, {5, "5×"}} {
		if got := multipleWord(c.x); got != c.want {
			t.Errorf("%d: multipleWord(%g) = %q, want %q", i, c.x, got, c.want)
		}
	}
}
