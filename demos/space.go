package demos

// Notebook 01-space-and-memory: how big a network is, and how much more
// memory training it takes with each optimizer.

import (
	"fmt"
	"math"
	"runtime"
	"strconv"
	"unsafe"

	"github.com/nncourse/optimizers/nn"
	"github.com/nncourse/optimizers/nn/gemm"
	"github.com/nncourse/optimizers/optim"
	"github.com/nncourse/optimizers/vizhelpers"
)

// Layer is a Dense layer as the lecture draws it: N inputs, K neurons, a K×N
// weight matrix and K biases.
type Layer struct{ N, K int }

// Params is the layer's number of weights and biases, n·k + k.
func (l Layer) Params() int { return l.N*l.K + l.K }

// Bytes is the lecture's sizeof(Layer) = sizeof(type)·(n·k + k).
func (l Layer) Bytes(sizeofType int) int64 { return int64(sizeofType) * int64(l.Params()) }

// Layers returns the layers of an MLP whose widths are sizes, input first:
// 784-32-20-10 gives 784→32, 32→20 and 20→10.
func Layers(sizes []int) []Layer {
	layers := make([]Layer, 0, len(sizes)-1)
	for i := 1; i < len(sizes); i++ {
		layers = append(layers, Layer{N: sizes[i-1], K: sizes[i]})
	}
	return layers
}

// Sizeof is the size in bytes of one element of type T: 8 for float64,
// 4 for float32.
func Sizeof[T optim.Float]() int {
	var zero T
	return int(unsafe.Sizeof(zero))
}

// LayerTable lists each layer of the MLP with these sizes: n·k weights,
// k biases, their sum and sizeof(Layer) in float32 and in float64, with the
// totals in the last row.
func LayerTable(sizes []int) vizhelpers.Table {
	t := vizhelpers.Table{
		Caption: fmt.Sprintf("sizeof(Layer) = sizeof(type)·(n·k + k) for %s", Arch(sizes)),
		Header:  []string{"layer n→k", "n·k weights", "k biases", "n·k + k", "float32 bytes", "float64 bytes"},
	}
	var params int
	for _, l := range Layers(sizes) {
		params += l.Params()
		t.Rows = append(t.Rows, []string{
			fmt.Sprintf("%d→%d", l.N, l.K), Commas(int64(l.N * l.K)), Commas(int64(l.K)),
			Commas(int64(l.Params())), Commas(l.Bytes(4)), Commas(l.Bytes(8)),
		})
	}
	t.Rows = append(t.Rows, []string{"total", "", "", Commas(int64(params)),
		Commas(4 * int64(params)), Commas(8 * int64(params))})
	return t
}

// Precision is a number format a model's parameters may be stored in.
type Precision struct {
	Name  string
	Bytes int
}

// Precisions are the formats the lecture's question "how big is a 7B model?"
// is asked in: the course's float64 and float32, and the half-precision and
// 8-bit formats large language models are shipped in.
func Precisions() []Precision {
	return []Precision{{"float64", 8}, {"float32", 4}, {"bfloat16 / float16", 2}, {"int8", 1}}
}

// ModelSizeTable gives the size of a model of params parameters in each of
// Precisions, in bytes and in binary units.
func ModelSizeTable(caption string, params int64) vizhelpers.Table {
	t := vizhelpers.Table{Caption: caption, Header: []string{"type", "sizeof", "bytes", "size"}}
	for _, p := range Precisions() {
		b := params * int64(p.Bytes)
		t.Rows = append(t.Rows, []string{p.Name, strconv.Itoa(p.Bytes), Commas(b), vizhelpers.HumanBytes(float64(b))})
	}
	return t
}

// ParamMemoryTable is what training a model of params parameters in type T
// keeps per optimizer, leaving out activations and data: the weights,
// their gradients and the optimizer's state (Optimizer.StateBytes), and the
// sum as a multiple of the model — the lecture's "twice", "triple",
// "quadruple". It works for a 7-billion-parameter model as well as for a
// small one, since nothing is allocated.
func ParamMemoryTable[T optim.Float](caption string, params int64) vizhelpers.Table {
	t := vizhelpers.Table{Caption: caption,
		Header: []string{"optimizer", "weights", "gradients", "optimizer state", "total", "× model"}}
	model := params * int64(Sizeof[T]())
	for _, opt := range optim.All[T]() {
		state := opt.StateBytes(int(params))
		total := 2*model + state
		t.Rows = append(t.Rows, []string{opt.Name(), vizhelpers.HumanBytes(float64(model)),
			vizhelpers.HumanBytes(float64(model)), vizhelpers.HumanBytes(float64(state)),
			vizhelpers.HumanBytes(float64(total)), fmt.Sprintf("%.2f", float64(total)/float64(model))})
	}
	return t
}

// ActivationSeries gives, for each batch size, what one training step of the
// MLP with these sizes keeps besides the parameters — every layer's output,
// the δ buffer of backpropagation, the minibatch and its labels — against
// weights + gradients, which do not depend on the batch. Both are in bytes,
// from nn.TrainingMemory.
func ActivationSeries[T optim.Float](sizes []int, batches []int) (perBatch, params vizhelpers.Series) {
	perBatch = vizhelpers.Series{Name: Arch(sizes) + ": activations + batch"}
	params = vizhelpers.Series{Name: Arch(sizes) + ": weights + gradients", Dashed: true}
	for _, b := range batches {
		m := nn.TrainingMemory[T](sizes, b, nn.CrossEntropy, optim.NewSGD[T]())
		perBatch.X = append(perBatch.X, float64(b))
		perBatch.Y = append(perBatch.Y, float64(m.Activations+m.Deltas+m.Batch+m.Labels))
		params.X = append(params.X, float64(b))
		params.Y = append(params.Y, float64(m.Weights+m.Gradients))
	}
	return perBatch, params
}

// Crossover returns the smallest batch size at which a training step of the
// MLP with these sizes holds more bytes in activations and data than in
// weights and gradients.
func Crossover[T optim.Float](sizes []int) int {
	one := nn.TrainingMemory[T](sizes, 1, nn.CrossEntropy, optim.NewSGD[T]())
	perRow := one.Activations + one.Deltas + one.Batch + one.Labels
	params := one.Weights + one.Gradients
	return int(params/perRow) + 1
}

// InferenceBytes is what a forward pass of batch rows keeps when no
// gradient will be computed: two buffers of the widest layer, each layer
// reading one and writing the other (nn.MLP.Predict's ping and pong).
func InferenceBytes[T optim.Float](sizes []int, batch int) int64 {
	widest := 0
	for _, w := range sizes[1:] {
		widest = max(widest, w)
	}
	return 2 * int64(batch) * int64(widest) * int64(Sizeof[T]())
}

// MeasureInference returns the bytes the Go runtime counted as allocated by
// a model's first Predict on batch rows, which allocates its buffers.
// Products run on the reference backend, which allocates nothing of its own.
func MeasureInference[T optim.Float](sizes []int, batch int) int64 {
	m := nn.NewMLP[T](sizes, nn.ReLU, 1, nn.He)
	m.Backend = gemm.Ref[T]{}
	x := make([]T, batch*sizes[0])
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	m.Predict(x)
	runtime.ReadMemStats(&after)
	return int64(after.TotalAlloc - before.TotalAlloc)
}

// ForwardTable compares, for each network, the activations a training step
// on batch rows keeps (every layer's output, for backpropagation) with what
// inference keeps (two reused buffers), computed and measured. Deeper
// networks make the difference: training grows with the depth, inference
// does not.
func ForwardTable[T optim.Float](archs [][]int, batch int) vizhelpers.Table {
	t := vizhelpers.Table{
		Caption: fmt.Sprintf("activations kept for a batch of %d rows in %T (bytes)", batch, *new(T)),
		Header:  []string{"network", "training: every layer's output", "inference: two buffers", "inference measured"},
	}
	for _, sizes := range archs {
		m := nn.TrainingMemory[T](sizes, batch, nn.CrossEntropy, optim.NewSGD[T]())
		t.Rows = append(t.Rows, []string{Arch(sizes), Commas(m.Activations),
			Commas(InferenceBytes[T](sizes, batch)), Commas(MeasureInference[T](sizes, batch))})
	}
	return t
}

// ActivationChart plots, against the batch size (both axes logarithmic),
// each network's batch-dependent training memory (ActivationSeries, solid)
// and its weights + gradients (dashed, in the same colour).
func ActivationChart[T optim.Float](title string, archs [][]int, batches []int) *vizhelpers.Chart {
	var series []vizhelpers.Series
	for i, sizes := range archs {
		perBatch, params := ActivationSeries[T](sizes, batches)
		perBatch.Color, params.Color = vizhelpers.Color(i), vizhelpers.Color(i)
		series = append(series, perBatch, params)
	}
	return vizhelpers.LineChart(vizhelpers.LineOptions{Title: title,
		XLabel: "batch size (rows)", YLabel: "bytes", LogX: true, LogY: true, Markers: true}, series...)
}

// TrainingMemories computes what one training step of the MLP with these
// sizes on minibatches of batch rows holds with each of optim.All
// (nn.TrainingMemory), and measures it (nn.MeasureMemory, which allocates
// that step for real and counts the bytes the Go runtime allocated).
func TrainingMemories[T optim.Float](sizes []int, batch int) []nn.Memory {
	fresh := optim.All[T]() // MeasureMemory needs optimizers that never stepped
	rows := make([]nn.Memory, 0, len(fresh))
	for i, opt := range optim.All[T]() {
		m := nn.TrainingMemory[T](sizes, batch, nn.CrossEntropy, opt)
		m.Measured = nn.MeasureMemory[T](sizes, batch, nn.CrossEntropy, fresh[i])
		rows = append(rows, m)
	}
	return rows
}

// MemoryTable shows Memory rows item by item, with the computed total,
// its multiple of the model size, the measured bytes and their difference.
func MemoryTable(caption string, rows []nn.Memory) vizhelpers.Table {
	t := vizhelpers.Table{Caption: caption, Header: []string{"optimizer", "weights", "gradients",
		"optimizer state", "activations + δ", "batch + labels", "total", "(W+G+S)/W", "measured", "difference"}}
	for _, m := range rows {
		measured, diff := "–", "–"
		if m.Measured > 0 {
			measured = Commas(m.Measured)
			diff = fmt.Sprintf("%+.1f%%", 100*float64(m.Measured-m.Total())/float64(m.Total()))
		}
		t.Rows = append(t.Rows, []string{m.Optimizer, Commas(m.Weights), Commas(m.Gradients),
			Commas(m.State), Commas(m.Activations + m.Deltas), Commas(m.Batch + m.Labels),
			Commas(m.Total()), fmt.Sprintf("%.2f (%s)", m.ModelMultiple(), multipleWord(m.ModelMultiple())), measured, diff})
	}
	t.Note = "Bytes. (W+G+S)/W is weights + gradients + optimizer state in model sizes. " +
		"Measured: runtime.MemStats.TotalAlloc across one real training step (nn.MeasureMemory)."
	return t
}

// multipleWord is the lecture's word for a multiple of the model's size.
func multipleWord(x float64) string {
	switch math.Round(x) {
	case 2:
		return "twice"
	case 3:
		return "triple"
	case 4:
		return "quadruple"
	}
	return fmt.Sprintf("%.0f×", x)
}

// MemoryBars stacks, for each optimizer, the weights, the gradients,
// the optimizer's state and the activations with the minibatch, in KiB.
func MemoryBars(title string, rows []nn.Memory) *vizhelpers.Chart {
	var names []string
	var weights, grads, state, acts []float64
	for _, m := range rows {
		names = append(names, m.Optimizer)
		weights = append(weights, float64(m.Weights)/1024)
		grads = append(grads, float64(m.Gradients)/1024)
		state = append(state, float64(m.State)/1024)
		acts = append(acts, float64(m.Activations+m.Deltas+m.Batch+m.Labels)/1024)
	}
	return vizhelpers.BarChart(vizhelpers.BarOptions{Title: title, YLabel: "KiB", Stacked: true,
		Label: func(v float64) string { return fmt.Sprintf("%.0f", v) }}, names,
		vizhelpers.BarGroup{Name: "weights", Values: weights},
		vizhelpers.BarGroup{Name: "gradients", Values: grads},
		vizhelpers.BarGroup{Name: "optimizer state", Values: state},
		vizhelpers.BarGroup{Name: "activations + batch", Values: acts})
}

// Arch names an MLP by its widths, "784-32-20-10".
func Arch(sizes []int) string {
	s := ""
	for i, w := range sizes {
		if i > 0 {
			s += "-"
		}
		s += strconv.Itoa(w)
	}
	return s
}

// Commas formats n with thousands separators: 207920 → "207,920".
func Commas(n int64) string {
	if n < 0 {
		return "-" + Commas(-n)
	}
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
