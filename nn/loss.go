package nn

import (
	"fmt"
	"math"

	"github.com/nncourse/optimizers/optim"
)

// Loss is the error function E that training minimises, averaged over the
// rows of a minibatch.
type Loss int

const (
	// CrossEntropy is softmax followed by cross-entropy, fused:
	//
	//	pⱼ = e^{yⱼ} / Σᵢ e^{yᵢ}        E = −log p_label
	//	∂E/∂yⱼ = pⱼ − [j = label]
	//
	// computed as log p_label = y_label − (m + log Σᵢ e^{yᵢ−m}) with
	// m = maxᵢ yᵢ, so no exponential overflows. Targets are class labels.
	CrossEntropy Loss = iota
	// MSE is the lecture's mean squared error, E = ½ Σⱼ (yⱼ − tⱼ)² per row
	// (the ½ cancels in ∂E/∂yⱼ = yⱼ − tⱼ), hence 1/(2n)·Σ(t − y)² averaged
	// over the n rows of a batch. Targets are rows of reals.
	MSE
)

// String returns the loss's name.
func (l Loss) String() string {
	switch l {
	case CrossEntropy:
		return "softmax cross-entropy"
	case MSE:
		return "MSE"
	}
	return fmt.Sprintf("Loss(%d)", int(l))
}

// logSumExp is log Σᵢ e^{yᵢ}, computed without overflow.
func logSumExp[T optim.Float](y []T) float64 {
	m := math.Inf(-1)
	for _, v := range y {
		m = max(m, float64(v))
	}
	var s float64
	for _, v := range y {
		s += math.Exp(float64(v) - m)
	}
	return m + math.Log(s)
}

// rowLoss is E for one output row y against label (CrossEntropy) or
// target (MSE).
func rowLoss[T optim.Float](loss Loss, y []T, label int, target []T) float64 {
	if loss == CrossEntropy {
		return logSumExp(y) - float64(y[label])
	}
	var e float64
	for j, v := range y {
		d := float64(v) - float64(target[j])
		e += d * d
	}
	return e / 2
}

// rowGrad returns E for one output row y and overwrites y with
// ∂(scale·E)/∂z = scale·∂E/∂y ⊙ f′, the gradient at the output layer's
// weighted sum z, where f is the layer's activation act.
func rowGrad[T optim.Float](loss Loss, act Activation, y []T, label int, target []T, scale float64) float64 {
	var e, lse float64
	if loss == CrossEntropy {
		lse = logSumExp(y)          // log Σᵢ e^{yᵢ}, once for E and p
		e = lse - float64(y[label]) // E = −log p_label, as in rowLoss
	} else {
		e = rowLoss(loss, y, label, target)
	}
	for j, v := range y {
		var g float64
		if loss == CrossEntropy {
			g = math.Exp(float64(v) - lse) // pⱼ
			if j == label {
				g-- // pⱼ − 1 at the label
			}
		} else {
			g = float64(v) - float64(target[j]) // yⱼ − tⱼ
		}
		y[j] = T(scale*g) * derivative(act, v)
	}
	return e
}
