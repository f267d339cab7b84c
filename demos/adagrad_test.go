package demos

import (
	"math"
	"testing"

	"github.com/nncourse/optimizers/datasets"
	"github.com/nncourse/optimizers/optim"
)

func TestCliffGradient(t *testing.T) {
	for _, x := range []float64{-5, -4.2, -2, -0.3, 0, 0.2, 0.49, 0.51, 3, 3.99, 4.01, 5.5} {
		const h = 1e-6
		fp, _ := Cliff(x + h)
		fm, _ := Cliff(x - h)
		_, g := Cliff(x)
		if numeric := (fp - fm) / (2 * h); math.Abs(numeric-g) > 1e-6*math.Max(1, math.Abs(g)) {
			t.Errorf("x = %g: f′ = %g, finite difference %g", x, g, numeric)
		}
	}
	if f, g := Cliff(0); f != 0 || g != 0 {
		t.Errorf("Cliff(0) = %g, %g; want the minimum 0, 0", f, g)
	}
}

// The rates Slide reads off the library's moves are Adagrad's η/(√G + ε).
func TestSlideReadsAdagradRates(t *testing.T) {
	opt := optim.NewAdagrad[float64]()
	opt.LR = 0.5
	_, grads, rates := Slide(opt, 5.5, 100)
	sum := 0.0
	for i, g := range grads {
		sum += g * g
		want := AdagradRates(opt.LR, opt.Eps, []float64{sum})[0]
		if math.Abs(rates[i]-want) > 1e-9*want {
			t.Fatalf("step %d: rate %g, want η/(√G+ε) = %g", i+1, rates[i], want)
		}
		if i > 0 && rates[i] > rates[i-1] {
			t.Fatalf("step %d: Adagrad's rate rose from %g to %g", i+1, rates[i-1], rates[i])
		}
	}
}

// After the wall Adagrad crawls along the plateau, slower than plain SGD;
// RMSprop's moving average forgets the wall and crosses it.
func TestSlideStallsAdagrad(t *testing.T) {
	ada := optim.NewAdagrad[float64]()
	ada.LR = 0.5
	xs, _, rates := Slide(ada, 5.5, 400)
	if x := xs[400]; x < 3.5 {
		t.Errorf("Adagrad reached x = %g after 400 steps, want a stall above 3.5", x)
	}
	if r := rates[399]; r > CliffSlope {
		t.Errorf("Adagrad's last rate %g, want below SGD's 0.05", r)
	}
	rms := &optim.RMSprop[float64]{LR: 0.05, Gamma: 0.9, Eps: 1e-8}
	if xs, _, _ := Slide(rms, 5.5, 400); math.Abs(xs[400]) > 0.5 {
		t.Errorf("RMSprop ended at %g, want within 0.5 of the minimum", xs[400])
	}
}

func TestTrainSparseFavoursRareFeaturesWithAdagrad(t *testing.T) {
	data := datasets.SparseFeatures(2000, 10, 10, 1)
	sgd := optim.NewSGD[float64]()
	sgd.LR = 0.7 // the largest rate of the grid at which SGD does not diverge
	ada := optim.NewAdagrad[float64]()
	ada.LR = 1
	s := TrainSparse("SGD", sgd, data, 10, 32, 400, 1)
	a := TrainSparse("Adagrad", ada, data, 10, 32, 400, 1)
	if len(a.Loss) != 401 || len(a.RareErr) != 401 {
		t.Fatalf("got %d losses, want 401", len(a.Loss))
	}
	if sa, aa := StepsBelow(s.RareErr, 0.1), StepsBelow(a.RareErr, 0.1); aa < 0 || (sa >= 0 && sa <= aa) {
		t.Errorf("rare error below 0.1: SGD at step %d, Adagrad at %d; want Adagrad first", sa, aa)
	}
	for j := range 10 {
		if a.Seen[10+j] >= a.Seen[j] {
			t.Errorf("rare feature %d seen in %d steps, common feature %d in %d", j, a.Seen[10+j], j, a.Seen[j])
		}
	}
	// Rare features: smaller accumulated gradients, hence larger rates.
	rates := AdagradRates(ada.LR, ada.Eps, a.SumSq)
	if minRare, maxCommon := minOf(rates[10:]), maxOf(rates[:10]); minRare <= maxCommon {
		t.Errorf("smallest rare rate %g ≤ largest common rate %g", minRare, maxCommon)
	}
}

func TestSparseGrid(t *testing.T) {
	data := datasets.SparseFeatures(500, 4, 4, 3)
	tab := SparseGrid(data, 4, 32, 50, 3, []float64{0.5, 5}, 0.05, 0.1)
	if len(tab.Rows) != 2 || tab.Rows[1][1] != "diverged" {
		t.Errorf("rows %q, want two with SGD η=5 diverged", tab.Rows)
	}
}

func TestFeatureNames(t *testing.T) {
	if got := FeatureNames(2, 3); got[0] != "c1" || got[1] != "c2" || got[2] != "r1" {
		t.Errorf("FeatureNames(2, 3) = %q", got)
	}
}

func minOf(xs []float64) float64 {
	m := math.Inf(1)
	for _, x := range xs {
		m = math.Min(m, x)
	}
	return m
}

func maxOf(xs []float64) float64 { return -minOf(negate(xs)) }

func negate(xs []float64) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = -x
	}
	return out
}
