package optim

// decayWeights shrinks every weight by a fraction k = η·λ, the decoupled
// weight decay of AdamW (and Lion):
//
//	w ← w·(1 − k)
//
// as torch's param.mul_(1 − lr·weight_decay). k = 0 leaves w untouched.
// For float32 it runs the fast SGD loop with w as its own gradient,
// w ← w − k·w, one fused multiply-add; float64 multiplies as torch does.
func decayWeights[T Float](params []T, k float64) {
	if k == 0 {
		return
	}
	if fast := fastFor[T](); fast != nil {
		p := as32(params)
		fast.sgd(p, p, float32(k))
		return
	}
	for i, w := range params {
		// w ← w·(1 − η·λ)
		params[i] = T(float64(w) * (1 - k))
	}
}
