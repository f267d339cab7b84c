package optim

import (
	"bytes"
	"math"
	"math/rand/v2"
	"testing"
)

// naiveMuon is Jordan's Muon (github.com/KellerJordan/Muon, muon.py:
// muon_update with nesterov=True and zeropower_via_newtonschulz5), in
// float64 on [][]float64 matrices with plain loops, for an MLP slab laid
// out as nn lays it out; the biases are stepped by naiveAdamW.
type naiveMuon struct {
	lr, beta, wd float64
	steps        int
	sizes        []int
	momentum     [][][]float64 // per layer, k×n
	biases       *naiveAdamWState
}

func matMul(a, b [][]float64) [][]float64 {
	c := make([][]float64, len(a))
	for i := range a {
		c[i] = make([]float64, len(b[0]))
		for j := range b[0] {
			for p := range b {
				c[i][j] += a[i][p] * b[p][j]
			}
		}
	}
	return c
}

func transpose(a [][]float64) [][]float64 {
	t := make([][]float64, len(a[0]))
	for j := range t {
		t[j] = make([]float64, len(a))
		for i := range a {
			t[j][i] = a[i][j]
		}
	}
	return t
}

// zeropower is zeropower_via_newtonschulz5.
func zeropower(g [][]float64, steps int) [][]float64 {
	a, b, c := 3.4445, -4.7750, 2.0315
	x := g
	tall := len(g) > len(g[0])
	if tall {
		x = transpose(x)
	}
	var norm float64
	for _, row := range x {
		for _, v := range row {
			norm += v * v
		}
	}
	norm = math.Sqrt(norm) + 1e-7
	for i := range x {
		for j := range x[i] {
			x[i][j] /= norm // X = X / (X.norm() + 1e-7)
		}
	}
	for range steps {
		A := matMul(x, transpose(x)) // A = X @ X.mT
		AA := matMul(A, A)
		B := make([][]float64, len(A))
		for i := range A {
			B[i] = make([]float64, len(A))
			for j := range A {
				B[i][j] = b*A[i][j] + c*AA[i][j] // B = b * A + c * A @ A
			}
		}
		BX := matMul(B, x)
		for i := range x {
			for j := range x[i] {
				x[i][j] = a*x[i][j] + BX[i][j] // X = a * X + B @ X
			}
		}
	}
	if tall {
		x = transpose(x)
	}
	return x
}

// naiveAdamWState is torch's AdamW on a vector.
type naiveAdamWState struct {
	lr, b1, b2, eps, wd float64
	t                   int
	m, v                []float64
}

func (s *naiveAdamWState) step(p, g []float64) {
	s.t++
	for i := range p {
		p[i] *= 1 - s.lr*s.wd
		s.m[i] = s.b1*s.m[i] + (1-s.b1)*g[i]
		s.v[i] = s.b2*s.v[i] + (1-s.b2)*g[i]*g[i]
		mHat := s.m[i] / (1 - math.Pow(s.b1, float64(s.t)))
		vHat := s.v[i] / (1 - math.Pow(s.b2, float64(s.t)))
		p[i] -= s.lr * mHat / (math.Sqrt(vHat) + s.eps)
	}
}

func newNaiveMuon(sizes []int, lr, beta, wd float64, steps int) *naiveMuon {
	o := &naiveMuon{lr: lr, beta: beta, wd: wd, steps: steps, sizes: sizes}
	biases := 0
	for l := 0; l+1 < len(sizes); l++ {
		n, k := sizes[l], sizes[l+1]
		m := make([][]float64, k)
		for j := range m {
			m[j] = make([]float64, n)
		}
		o.momentum = append(o.momentum, m)
		biases += k
	}
	o.biases = &naiveAdamWState{lr: 0.001, b1: 0.9, b2: 0.999, eps: 1e-8, wd: 0.01,
		m: make([]float64, biases), v: make([]float64, biases)}
	return o
}

func (o *naiveMuon) step(params, grads []float64) {
	off := 0
	var bias, dBias []float64
	var biasAt []int
	for l := 0; l+1 < len(o.sizes); l++ {
		n, k := o.sizes[l], o.sizes[l+1]
		update := make([][]float64, k)
		for j := range k {
			update[j] = make([]float64, n)
			for i := range n {
				g := grads[off+j*n+i]
				mom := &o.momentum[l][j][i]
				*mom += (g - *mom) * (1 - o.beta)  // momentum.lerp_(grad, 1 − beta)
				update[j][i] = g + (*mom-g)*o.beta // grad.lerp_(momentum, beta)
			}
		}
		x := zeropower(update, o.steps)
		scale := math.Sqrt(math.Max(1, float64(k)/float64(n))) // max(1, rows/cols)**0.5
		for j := range k {
			for i := range n {
				w := &params[off+j*n+i]
				*w *= 1 - o.lr*o.wd          // p.mul_(1 − lr·weight_decay)
				*w -= o.lr * scale * x[j][i] // p.add_(update, alpha=−lr)
			}
		}
		off += k * n
		for j := range k {
			bias, dBias, biasAt = append(bias, params[off+j]), append(dBias, grads[off+j]), append(biasAt, off+j)
		}
		off += k
	}
	o.biases.step(bias, dBias)
	for i, at := range biasAt {
		params[at] = bias[i]
	}
}

// muonSizes are MLPs with wide and tall weight matrices (k < n and k > n).
var muonSizes = [][]int{{5, 7, 3}, {4, 6, 9, 2}, {3, 3}}

// TestMuonMatchesNaive runs Muon against the naive transcription of
// Jordan's code for 30 steps of random gradients, with and without weight
// decay, and bounds the largest difference by 1e-12 (the GEMM sums in
// another order).
func TestMuonMatchesNaive(t *testing.T) {
	for _, sizes := range muonSizes {
		for _, wd := range []float64{0, 0.1} {
			n := paramCount(sizes)
			o := &Muon[float64]{Sizes: sizes, WeightDecay: wd, Form: PyTorch}
			ref := newNaiveMuon(sizes, 0.02, 0.95, wd, 5)
			rng := rand.New(rand.NewPCG(7, uint64(n)))
			p, q, g := make([]float64, n), make([]float64, n), make([]float64, n)
			for i := range p {
				p[i] = rng.NormFloat64() * 0.3
			}
			copy(q, p)
			var worst float64
			for step := range 30 {
				for i := range g {
					g[i] = rng.NormFloat64()
				}
				o.Step(p, g)
				ref.step(q, g)
				for i := range p {
					d := math.Abs(p[i] - q[i])
					worst = max(worst, d)
					if !(d <= 1e-12) {
						t.Fatalf("sizes %v λ=%v step %d: w[%d] = %v, naive %v", sizes, wd, step+1, i, p[i], q[i])
					}
				}
			}
			t.Logf("sizes %v λ=%v: max |diff| = %.3g over 30 steps", sizes, wd, worst)
		}
	}
}

// TestMuonOrthogonalises checks what the iteration is for: after five
// steps the update's singular values lie in a band around 1 — the
// eigenvalues of X·Xᵀ within [0.5, 1.5], read off its trace and the trace
// of its square (their mean and spread) for a 3×5 matrix.
func TestMuonOrthogonalises(t *testing.T) {
	o := NewMuon[float64]([]int{5, 3})
	o.size(15, 3)
	rng := rand.New(rand.NewPCG(3, 3))
	x := o.x[:15]
	var sq float64
	for i := range x {
		x[i] = rng.NormFloat64()
		sq += x[i] * x[i]
	}
	for i := range x {
		x[i] /= math.Sqrt(sq)
	}
	x = o.newtonSchulz(x, 3, 5)
	a := transpose([][]float64{x[0:5], x[5:10], x[10:15]})
	gram := matMul(transpose(a), a) // 3×3, eigenvalues σ²
	var tr, tr2 float64
	for i := range gram {
		tr += gram[i][i]
		for j := range gram {
			tr2 += gram[i][j] * gram[j][i]
		}
	}
	mean, spread := tr/3, math.Sqrt(max(0, tr2/3-(tr/3)*(tr/3)))
	if !(mean > 0.5 && mean < 1.5 && spread < 0.5) {
		t.Errorf("σ² mean %v, spread %v after 5 iterations: want a band around 1", mean, spread)
	}
}

func paramCount(sizes []int) int {
	n := 0
	for l := 0; l+1 < len(sizes); l++ {
		n += sizes[l]*sizes[l+1] + sizes[l+1]
	}
	return n
}

// TestMuonAllocatesOnce checks that Step allocates nothing after the
// first, with or without inlining (`make test-go` also runs it under
// -gcflags=all=-l); the race detector's sync.Pool drops nn/gemm's pooled
// buffers at random, so it is not checked there.
func TestMuonAllocatesOnce(t *testing.T) {
	sizes := []int{4, 6, 9, 2}
	o := NewMuon[float32](sizes)
	p, g := make([]float32, paramCount(sizes)), make([]float32, paramCount(sizes))
	o.Step(p, g)
	if allocs := testing.AllocsPerRun(10, func() { o.Step(p, g) }); allocs != 0 && !raceEnabled {
		t.Errorf("%v allocations per Step after the first", allocs)
	}
}

// TestMuonState checks StateBytes against the checkpoint, a bit-identical
// resume and float32 against float64.
func TestMuonState(t *testing.T) {
	sizes := []int{4, 6, 9, 2}
	n := paramCount(sizes)
	o := NewMuon[float32](sizes)
	p, g := make([]float32, n), make([]float32, n)
	for i := range g {
		g[i] = float32(i%5) - 2
	}
	empty, _ := NewMuon[float32](sizes).MarshalBinary()
	o.Step(p, g)
	full, _ := o.MarshalBinary()
	if got, want := o.StateBytes(n), int64(len(full)-len(empty)); got != want {
		t.Errorf("StateBytes(%d) = %d, checkpoint holds %d", n, got, want)
	}
	restored := NewMuon[float32]([]int{1, 1})
	if err := restored.UnmarshalBinary(full); err != nil {
		t.Fatal(err)
	}
	if again, _ := restored.MarshalBinary(); !bytes.Equal(again, full) {
		t.Fatal("re-marshalled state differs")
	}
	p2 := append([]float32(nil), p...)
	stepRandom(o, p, 5, 2)
	stepRandom(restored, p2, 5, 2)
	for i := range p {
		if p[i] != p2[i] {
			t.Fatalf("parameter %d: %v after resume, want %v", i, p2[i], p[i])
		}
	}
	// float32 against float64 over 50 steps of the same gradients
	o32, o64 := NewMuon[float32](sizes), NewMuon[float64](sizes)
	p32, p64 := make([]float32, n), make([]float64, n)
	stepRandom(o32, p32, 50, 9)
	stepRandom(o64, p64, 50, 9)
	var worst float64
	for i := range p32 {
		worst = max(worst, math.Abs(float64(p32[i])-p64[i]))
	}
	t.Logf("max |w32 − w64| = %.3g after 50 steps", worst)
	if worst > 1e-6 { // measured 1.8e-7
		t.Errorf("max |w32 − w64| = %g, want ≤ 1e-6", worst)
	}
}
