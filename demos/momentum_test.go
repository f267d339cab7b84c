package demos

import (
	"fmt"
	"math"
	"testing"

	"github.com/nncourse/optimizers/datasets"
	"github.com/nncourse/optimizers/optim"
	"github.com/nncourse/optimizers/vizhelpers"
)

func TestDescendSGDFirstStep(t *testing.T) {
	s := datasets.Quadratic(10)
	opt := optim.NewSGD[float64]()
	opt.LR = 0.05
	tr := Descend("SGD", opt, s, [2]float64{-1, 1}, 3)
	if len(tr.Points) != 4 {
		t.Fatalf("got %d points, want 4", len(tr.Points))
	}
	gx, gy := s.Grad(-1, 1)
	want := [2]float64{-1 - 0.05*gx, 1 - 0.05*gy}
	if tr.Points[1] != want {
		t.Errorf("w₁ = %v, want %v", tr.Points[1], want)
	}
}

func TestDescendStopsWhenDiverged(t *testing.T) {
	opt := optim.NewSGD[float64]()
	opt.LR = 10 // η·κ = 100: every step multiplies y by −99
	tr := Descend("SGD", opt, datasets.Quadratic(10), [2]float64{1, 1}, 1000)
	last := tr.Points[len(tr.Points)-1]
	if len(tr.Points) == 1001 || finite(last[1]) {
		t.Errorf("got %d points ending at %v, want an early stop at a non-finite point", len(tr.Points), last)
	}
}

// The anatomy, computed from scratch, must end where optim.Nesterov's exact
// weights (ExactWeights: the lecture's w, bit for bit) are after the same
// number of steps.
func TestNAGAnatomyMatchesNesterov(t *testing.T) {
	s := datasets.Quadratic(20)
	start := [2]float64{-1.8, 1.2}
	const eta, mu = 0.04, 0.9
	opt := optim.NewNesterov[float64]()
	opt.LR, opt.Mu, opt.ExactWeights = eta, mu, true
	tr := Descend("NAG", opt, s, start, 8)
	for k := range 8 {
		st := NAGAnatomy(s, start, eta, mu, k)
		got, want := st.WNew, tr.Points[k+1]
		if math.Abs(got[0]-want[0]) > 1e-14 || math.Abs(got[1]-want[1]) > 1e-14 {
			t.Errorf("step %d: anatomy w′ = %v, optim.Nesterov w = %v", k+1, got, want)
		}
		if k > 0 && st.W != tr.Points[k] {
			t.Errorf("step %d: anatomy w = %v, want %v", k+1, st.W, tr.Points[k])
		}
	}
}

func TestNAGDrawAddsArrows(t *testing.T) {
	s := datasets.Quadratic(20)
	st := NAGAnatomy(s, [2]float64{-1.8, 1.2}, 0.04, 0.9, 1)
	window := Around(s, [2]float64{-1.62, -0.22}, 0.3, 0.62)
	plain := vizhelpers.Contour(window, vizhelpers.ContourOptions{}).Image()
	c := vizhelpers.Contour(window, vizhelpers.ContourOptions{})
	st.Draw(c, 0.04)
	drawn, changed := c.Image(), 0
	for i := range drawn.Pix {
		if drawn.Pix[i] != plain.Pix[i] {
			changed++
		}
	}
	if changed < 1000 {
		t.Errorf("the arrows changed %d bytes of the image, want many more", changed)
	}
}

func TestOvershootAndSettle(t *testing.T) {
	path := func(pts ...[2]float64) vizhelpers.Trajectory { return vizhelpers.Trajectory{Points: pts} }
	for i, tc := range []struct {
		tr     vizhelpers.Trajectory
		over   [2]float64
		settle int
	}{
		{path([2]float64{-2, 1}, [2]float64{-1, 0.5}, [2]float64{0, 0}), [2]float64{0, 0}, 2},
		{path([2]float64{-2, 1}, [2]float64{1, -0.5}, [2]float64{-0.5, 0.25}, [2]float64{0, 0}), [2]float64{0.5, 0.5}, 3},
		{path([2]float64{-2, 2}, [2]float64{0, 0}, [2]float64{1, 0}, [2]float64{0, 0}), [2]float64{0.5, 0}, 3},
		{path([2]float64{-2, 2}, [2]float64{-1, 1}), [2]float64{0, 0}, -1},
	} {
		if got := Overshoot(tc.tr, [2]float64{}); got != tc.over {
			t.Errorf("%d: Overshoot = %v, want %v", i, got, tc.over)
		}
		if got := Settle(tc.tr, [2]float64{}, 0.1); got != tc.settle {
			t.Errorf("%d: Settle = %d, want %d", i, got, tc.settle)
		}
	}
}

func TestWindowMinima(t *testing.T) {
	s := datasets.Quadratic(4)
	if got := Around(s, [2]float64{0.5, 0}, 1, 1).Minima(); len(got) != 1 {
		t.Errorf("window around the minimum: minima %v, want [(0,0)]", got)
	}
	if got := Around(s, [2]float64{3, 0}, 1, 1).Minima(); len(got) != 0 {
		t.Errorf("window away from the minimum: minima %v, want none", got)
	}
}

func TestOutliersExample(t *testing.T) {
	trueW := [2]float64{1, -0.5}
	o := NewOutliers(trueW, 10, 1)
	if o.Batches[0].Len() != 32 || o.Batches[1].Len() != 32 || o.All.Len() != 64 {
		t.Fatalf("sizes %d, %d, %d; want 32, 32, 64", o.Batches[0].Len(), o.Batches[1].Len(), o.All.Len())
	}
	// At the inliers' weights, the two minibatches' outliers pull exactly
	// opposite ways.
	_, outA := o.Pull(0, trueW)
	_, outB := o.Pull(1, trueW)
	if math.Abs(outA[0]+outB[0]) > 1e-12 || math.Abs(outA[1]+outB[1]) > 1e-12 || math.Hypot(outA[0], outA[1]) < 0.1 {
		t.Errorf("outlier pulls at the true weights: A %v, B %v; want large and opposite", outA, outB)
	}
	// The two parts add up to the minibatch gradient.
	w := [2]float64{-0.3, 0.7}
	for b := range 2 {
		in, out := o.Pull(b, w)
		g := make([]float64, 2)
		o.Batches[b].Grad(w[:], g)
		for i := range 2 {
			if math.Abs(in[i]+out[i]-g[i]) > 1e-12 {
				t.Errorf("batch %d, coordinate %d: inliers %g + outliers %g != gradient %g", b, i, in[i], out[i], g[i])
			}
		}
	}
}

func TestOutliersTrain(t *testing.T) {
	o := NewOutliers([2]float64{1, -0.5}, 10, 1)
	runs := map[string]OutlierRun{}
	for _, tc := range []struct {
		name    string
		eta, mu float64
	}{{"SGD", 0.1, 0}, {"Momentum", 0.01, 0.9}} {
		run := o.Train(tc.name, tc.eta, tc.mu, [2]float64{-1, 1}, 200)
		// The split of each step must add up to the step the library took.
		for s := range run.Inliers {
			for i := range 2 {
				step := run.Path.Points[s][i] - run.Path.Points[s+1][i]
				if got := run.Inliers[s][i] + run.Outliers[s][i]; math.Abs(got-step) > 1e-12 {
					t.Fatalf("%s step %d: inliers + outliers = %g, step %g", tc.name, s, got, step)
				}
			}
		}
		runs[tc.name] = run
	}
	// Alternating pulls ±o: SGD moves η_SGD·|o| per step, momentum's
	// velocity settles at η/(1+μ)·|o|: 19 times less with these rates.
	push := func(r OutlierRun) float64 { return MeanNorm(r.Outliers, 20) }
	ratio := push(runs["SGD"]) / push(runs["Momentum"])
	if want := (1 + 0.9) * 0.1 / 0.01; math.Abs(ratio-want) > 0.1*want {
		t.Errorf("outliers' push SGD/Momentum = %.3g, want ≈ %.3g", ratio, want)
	}
}

func TestOvershootTable(t *testing.T) {
	tr := vizhelpers.Trajectory{Name: "M", Points: [][2]float64{{-2, 1}, {1, -0.5}, {0, 0}}}
	got := OvershootTable([]vizhelpers.Trajectory{tr}, [2]float64{}, 0.01).Rows[0]
	if want := []string{"M", "50%", "50%", "2"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("row %q, want %q", got, want)
	}
}

func TestMeanDistance(t *testing.T) {
	tr := vizhelpers.Trajectory{Points: [][2]float64{{9, 9}, {3, 4}, {0, 1}}}
	if got := MeanDistance(tr, [2]float64{}, 2); got != 3 {
		t.Errorf("MeanDistance = %g, want (5 + 1)/2 = 3", got)
	}
}

func TestRace3(t *testing.T) {
	c := Race3(datasets.Quadratic(20), [2]float64{-1.8, 1.2}, 0.04, 0.9, 50)
	if got := c.Image().Bounds().Dx(); got != 700 {
		t.Errorf("image width %d, want 700", got)
	}
}
