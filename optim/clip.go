package optim

import "math"

// ClipGradNorm scales grads in place so that their global Euclidean norm
// is at most maxNorm, and returns the norm before clipping, as torch's
// torch.nn.utils.clip_grad_norm_(parameters, max_norm) (the reference):
//
//	‖g‖ = √(Σᵢ gᵢ²)
//	g ← g · min(1, maxNorm/(‖g‖ + 10⁻⁶))
//
// The direction of the step is kept; only its length is bounded, which
// stops one exploding gradient (a cliff in the loss surface, Pascanu,
// Mikolov & Bengio 2013) from throwing the weights far away. The sum is
// accumulated in float64. It panics unless maxNorm > 0.
func ClipGradNorm[T Float](grads []T, maxNorm float64) float64 {
	mustValid(positive("ClipGradNorm", "maxNorm", maxNorm))
	var sum float64
	for _, g := range grads {
		sum += float64(g) * float64(g)
	}
	norm := math.Sqrt(sum)
	// torch: clip_coef = max_norm/(total_norm + 1e-6), applied when < 1
	if k := maxNorm / (norm + 1e-6); k < 1 {
		for i, g := range grads {
			grads[i] = T(float64(g) * k)
		}
	}
	return norm
}
