package nn

import (
	"fmt"
	"math"

	"github.com/nncourse/optimizers/optim"
)

// Activation is the non-linearity f a Dense layer applies to its weighted
// sum z = W·x + b, giving the layer's output y = f(z).
type Activation int

const (
	// Identity is f(z) = z, for the last layer: the loss (softmax with
	// cross-entropy, or MSE) works on the raw outputs.
	Identity Activation = iota
	// ReLU is f(z) = max(0, z).
	ReLU
	// Sigmoid is f(z) = 1/(1 + e⁻ᶻ).
	Sigmoid
	// Tanh is f(z) = tanh(z).
	Tanh
)

// String returns the activation's name.
func (a Activation) String() string {
	switch a {
	case Identity:
		return "identity"
	case ReLU:
		return "ReLU"
	case Sigmoid:
		return "sigmoid"
	case Tanh:
		return "tanh"
	}
	return fmt.Sprintf("Activation(%d)", int(a))
}

// valid panics unless a is one of the constants above.
func (a Activation) valid() {
	if a < Identity || a > Tanh {
		panic(fmt.Sprintf("nn: unknown activation %d", int(a)))
	}
}

// applyActivation replaces every z in v by f(z). ReLU runs in AVX2 for
// float32 where the CPU has it (reluFast), with the same bits as max(z, 0).
func applyActivation[T optim.Float](a Activation, v []T) {
	switch a {
	case ReLU:
		n := reluFast(v)
		for i, z := range v[n:] {
			v[n+i] = max(z, 0)
		}
	case Sigmoid:
		for i, z := range v {
			v[i] = T(1 / (1 + math.Exp(-float64(z))))
		}
	case Tanh:
		for i, z := range v {
			v[i] = T(math.Tanh(float64(z)))
		}
	}
}

// backActivation overwrites y, a layer's output y = f(z) for rows of
// len(db) units, with
//
//	∂E/∂z = ∂E/∂y ⊙ f′(z)
//
// given dy = ∂E/∂y, and sets db to the layer's bias gradient
//
//	∂E/∂b = Σ_rows ∂E/∂z
//
// in the same pass, adding each row as it is made: the rows are read once,
// and db gets the bits of a separate sum over the finished rows, in the
// same order. The general case is derivative's loop; ReLU, the common
// one, takes f′ ∈ {0, 1} from a table instead of branching (backReLURow).
func backActivation[T optim.Float](a Activation, y, dy, db []T) {
	clear(db)
	w := len(db)
	for r := 0; r < len(dy)/w; r++ {
		yr, gr := y[r*w:][:w], dy[r*w:][:w]
		if a == ReLU {
			backReLURow(yr, gr, db)
			continue
		}
		for j, g := range gr {
			z := T(g * derivative(a, yr[j])) // ∂E/∂z = ∂E/∂y ⊙ f′
			yr[j] = z
			db[j] += z
		}
	}
}

// backReLURow is backActivation's row for ReLU: which units fired is
// often a coin toss the branch predictor cannot learn, and a branchy loop
// then costs ten times as much, so f′ comes from a table; g·1 = g and
// g·0 = ±0 give the bits of g·derivative(ReLU, y). Float32 rows run in
// AVX2 where the CPU has it (backReLUFast), with the same bits.
func backReLURow[T optim.Float](y, dy, db []T) {
	y, db = y[:len(dy)], db[:len(dy)]
	unit := [2]T{0, 1}
	for j := backReLUFast(y, dy, db); j < len(dy); j++ {
		z := T(dy[j] * unit[fired(y[j])]) // ∂E/∂z = ∂E/∂y if y > 0, else 0
		y[j] = z
		db[j] += z
	}
}

// fired is 1 if a ReLU output y is positive, 0 if not, without a branch
// (the compiler emits a SETcc); the & 1 proves the table index in range.
func fired[T optim.Float](y T) uint8 {
	var b uint8
	if y > 0 {
		b = 1
	}
	return b & 1
}

// derivative is f′(z) written with the output y = f(z), which is what the
// training forward pass keeps:
//
//	ReLU     f′ = 1 if y > 0, else 0
//	sigmoid  f′ = y·(1 − y)
//	tanh     f′ = 1 − y²
//	identity f′ = 1
func derivative[T optim.Float](a Activation, y T) T {
	switch a {
	case ReLU:
		if y > 0 {
			return 1
		}
		return 0
	case Sigmoid:
		return y * (1 - y)
	case Tanh:
		return 1 - y*y
	}
	return 1
}
