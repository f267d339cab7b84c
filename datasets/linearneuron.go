package datasets

import (
	"fmt"
	"math/rand/v2"
)

// LinearNeuron generates the lecture's first picture of gradient descent:
// targets of a linear neuron t = w·x + noise, n examples, one input per
// weight. Input j is Gaussian with standard deviation scales[j] (nil means
// all 1) and the noise is Gaussian with standard deviation noise.
//
// With one weight the loss E(w) is a parabola of curvature mean(x²); with
// two it is a quadratic bowl whose elliptic contours have axes in the ratio
// of the input scales, so scales {1, 3} give a condition number of about 9:
// the gradient points at the centre only when the scales are equal.
// LinearNeuron panics if n < 1 or len(scales) differs from len(weights).
func LinearNeuron(n int, weights, scales []float64, noise float64, seed uint64) *Regression {
	d := len(weights)
	if n < 1 || d < 1 || (scales != nil && len(scales) != d) {
		panic(fmt.Sprintf("datasets: LinearNeuron: need n ≥ 1 and one scale per weight, got n=%d, %d weights, %d scales", n, d, len(scales)))
	}
	rng := rand.New(rand.NewPCG(seed, linearNeuronStream))
	r := &Regression{Inputs: d, X: make([]float64, n*d), Targets: make([]float64, n), Weights: append([]float64{}, weights...)}
	for k := range n {
		x := r.x(k)
		for j := range x {
			x[j] = rng.NormFloat64()
			if scales != nil {
				x[j] *= scales[j]
			}
		}
		r.Targets[k] = dot(weights, x) + noise*rng.NormFloat64()
	}
	return r
}

const linearNeuronStream = 0x11ea5

// SparseFeatures generates Adagrad's lesson: a regression whose rare
// features matter. Each example has common + rare binary features. The
// common ones, indices 0…common−1, fire with probability ½ and carry
// weights of alternating sign and magnitude drawn uniformly from [0.5, 1.5];
// the rare ones, indices common…common+rare−1, fire with probabilities spread
// evenly from 5% down to 1% and carry weights of magnitude in [3, 5].
// Targets are t = w·x plus Gaussian noise of standard deviation 0.1.
//
// The magnitudes are drawn, not ±1 and ±4, because Adagrad's first step is
// exactly ±η per weight (g/√g²): with weights of ±1 it lands on the common
// weights in one step at η = 1, an artifact of the data (issue 8).
//
// A rare feature's gradient is non-zero in only 1–5% of the examples, so
// plain SGD barely moves its weight, although leaving it wrong costs much:
// (w²·p)/2 of loss per feature. Adagrad divides each weight's step by the
// root of its own accumulated squared gradients, so rarely updated weights
// keep large steps.
func SparseFeatures(n, common, rare int, seed uint64) *Regression {
	d := common + rare
	if n < 1 || common < 0 || rare < 0 || d < 1 {
		panic(fmt.Sprintf("datasets: SparseFeatures: need n ≥ 1 and at least one feature, got n=%d, common=%d, rare=%d", n, common, rare))
	}
	rng := rand.New(rand.NewPCG(seed, sparseStream))
	rates, weights := make([]float64, d), make([]float64, d)
	for j := range d {
		sign := float64(1 - 2*(j%2)) // +1, −1, +1, …
		if j < common {
			rates[j], weights[j] = 0.5, sign*(0.5+rng.Float64())
			continue
		}
		rates[j], weights[j] = 0.05, sign*(3+2*rng.Float64())
		if rare > 1 {
			rates[j] = 0.05 - 0.04*float64(j-common)/float64(rare-1)
		}
	}
	r := &Regression{Inputs: d, X: make([]float64, n*d), Targets: make([]float64, n), Weights: weights}
	for k := range n {
		x := r.x(k)
		for j := range x {
			if rng.Float64() < rates[j] {
				x[j] = 1
			}
		}
		r.Targets[k] = dot(weights, x) + 0.1*rng.NormFloat64()
	}
	return r
}

const sparseStream = 0x5ba25e
