package nn

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/nncourse/optimizers/optim"
)

// Init chooses how NewMLP draws the initial weights. Biases start at 0.
type Init int

const (
	// He draws w ~ N(0, 2/n) for a layer with n inputs (He et al. 2015),
	// which keeps the variance of ReLU activations constant across layers.
	He Init = iota
	// Xavier draws w ~ U(−a, a) with a = √(6/(n + k)) for n inputs and k
	// neurons (Glorot & Bengio 2010), suited to tanh and sigmoid.
	Xavier
)

// String returns the initialisation's name.
func (i Init) String() string {
	switch i {
	case He:
		return "He"
	case Xavier:
		return "Xavier"
	}
	return fmt.Sprintf("Init(%d)", int(i))
}

// seedStream is the PCG stream (its second seed word) of every generator
// this package seeds: one seed number then names one sequence.
const seedStream = 0x9e3779b97f4a7c15

// initWeights fills each layer's W from a PCG generator seeded with seed,
// layer after layer in row-major order, and zeroes each B.
func initWeights[T optim.Float](layers []Dense[T], init Init, seed uint64) {
	r := rand.New(rand.NewPCG(seed, seedStream))
	for _, l := range layers {
		n, k := float64(l.In), float64(l.Out)
		for i := range l.W {
			switch init {
			case He:
				l.W[i] = T(r.NormFloat64() * math.Sqrt(2/n))
			case Xavier:
				a := math.Sqrt(6 / (n + k))
				l.W[i] = T((2*r.Float64() - 1) * a)
			default:
				panic(fmt.Sprintf("nn: unknown initialisation %d", int(init)))
			}
		}
		clear(l.B)
	}
}
