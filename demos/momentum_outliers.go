package demos

// Notebook 03-momentum-and-nesterov, continued: the lecture's outlier
// example, two minibatches of 32 examples with 4 outliers each.

import (
	"math"
	"math/rand/v2"

	"github.com/nncourse/optimizers/datasets"
	"github.com/nncourse/optimizers/optim"
	"github.com/nncourse/optimizers/vizhelpers"
)

// Outliers is the lecture's outlier example: a linear neuron y = w·x with two
// weights, trained on two minibatches of 32 examples, 4 of which in each
// minibatch are outliers. Both minibatches hold the same 4 outlier inputs,
// with targets Offset above the inliers' plane in minibatch A and Offset
// below it in B: each minibatch's outliers pull w hard one way, the next
// one's the other way, and over the whole data set they cancel.
type Outliers struct {
	Batches [2]*datasets.Regression // A and B; the outliers are the last 4 rows of each
	All     *datasets.Regression    // A and B together, 64 examples
	Offset  float64
}

// Outlier example sizes: the lecture's minibatches of 32, 4 outliers each.
const (
	OutlierBatchSize = 32
	OutliersPerBatch = 4
)

// NewOutliers generates the example from seed, with the inliers on the plane
// t = trueW·x plus Gaussian noise of standard deviation 0.05.
func NewOutliers(trueW [2]float64, offset float64, seed uint64) *Outliers {
	rng := rand.New(rand.NewPCG(seed, 3))
	outX := make([]float64, 2*OutliersPerBatch)
	for i := range outX {
		outX[i] = rng.NormFloat64()
	}
	o := &Outliers{All: &datasets.Regression{Inputs: 2, Weights: trueW[:]}, Offset: offset}
	for b, sign := range []float64{+1, -1} {
		r := &datasets.Regression{Inputs: 2, Weights: trueW[:]}
		for k := range OutlierBatchSize {
			x := [2]float64{rng.NormFloat64(), rng.NormFloat64()}
			noise := 0.05 * rng.NormFloat64()
			if k >= OutlierBatchSize-OutliersPerBatch {
				j := k - (OutlierBatchSize - OutliersPerBatch)
				x, noise = [2]float64{outX[2*j], outX[2*j+1]}, sign*offset
			}
			r.X = append(r.X, x[0], x[1])
			r.Targets = append(r.Targets, trueW[0]*x[0]+trueW[1]*x[1]+noise)
		}
		o.Batches[b] = r
		o.All.X = append(o.All.X, r.X...)
		o.All.Targets = append(o.All.Targets, r.Targets...)
	}
	return o
}

// Pull splits the gradient of minibatch b at w into the inliers' part and the
// outliers' part; they add up to the minibatch's gradient.
func (o *Outliers) Pull(b int, w [2]float64) (inliers, outliers [2]float64) {
	r := o.Batches[b]
	for k, t := range r.Targets {
		x := r.X[2*k : 2*k+2]
		e := (t - w[0]*x[0] - w[1]*x[1]) / float64(r.Len())
		part := &inliers
		if k >= r.Len()-OutliersPerBatch {
			part = &outliers
		}
		part[0] -= e * x[0]
		part[1] -= e * x[1]
	}
	return inliers, outliers
}

// OutlierRun is a training run on the outlier example.
type OutlierRun struct {
	Path vizhelpers.Trajectory
	// Inliers and Outliers split each step wₜ − wₜ₊₁ into what the inliers'
	// gradients and what the outliers' gradients contributed to it (for
	// momentum, through the velocity: v = v_in + v_out, each updated as v).
	Inliers, Outliers [][2]float64
}

// Train alternates minibatches A, B, A, … for steps updates of optim.Momentum
// with rate eta and friction mu (mu = 0 is plain SGD) from w0.
func (o *Outliers) Train(name string, eta, mu float64, w0 [2]float64, steps int) OutlierRun {
	opt := optim.NewMomentum[float64]()
	opt.LR, opt.Mu = eta, mu
	w, grad := []float64{w0[0], w0[1]}, make([]float64, 2)
	run := OutlierRun{Path: vizhelpers.Trajectory{Name: name, Points: [][2]float64{w0}}}
	var vIn, vOut [2]float64
	for t := range steps {
		b := t % 2
		in, out := o.Pull(b, [2]float64{w[0], w[1]})
		for i := range 2 {
			vIn[i] = mu*vIn[i] + eta*in[i]
			vOut[i] = mu*vOut[i] + eta*out[i]
		}
		o.Batches[b].Grad(w, grad)
		opt.Step(w, grad)
		run.Path.Points = append(run.Path.Points, [2]float64{w[0], w[1]})
		run.Inliers, run.Outliers = append(run.Inliers, vIn), append(run.Outliers, vOut)
	}
	return run
}

// MeanNorm is the mean length of the last n vectors of vs.
func MeanNorm(vs [][2]float64, n int) float64 {
	n = min(n, len(vs))
	sum := 0.0
	for _, v := range vs[len(vs)-n:] {
		sum += math.Hypot(v[0], v[1])
	}
	return sum / float64(n)
}

// PushSeries draws the length of each step's two parts, the outliers' solid
// and the inliers' dashed, in the i-th colour of the cycle.
func (r OutlierRun) PushSeries(i int) []vizhelpers.Series {
	out := vizhelpers.Series{Name: r.Path.Name + ": outliers", Color: vizhelpers.Color(i)}
	in := vizhelpers.Series{Name: r.Path.Name + ": inliers", Color: vizhelpers.Color(i), Dashed: true}
	for s := range r.Outliers {
		out.Y = append(out.Y, math.Hypot(r.Outliers[s][0], r.Outliers[s][1]))
		in.Y = append(in.Y, math.Hypot(r.Inliers[s][0], r.Inliers[s][1]))
	}
	return []vizhelpers.Series{out, in}
}

// MeanDistance is the mean distance from c of the last n points of tr: how
// far a run jitters around c once it has arrived.
func MeanDistance(tr vizhelpers.Trajectory, c [2]float64, n int) float64 {
	n = min(n, len(tr.Points))
	sum := 0.0
	for _, p := range tr.Points[len(tr.Points)-n:] {
		sum += math.Hypot(p[0]-c[0], p[1]-c[1])
	}
	return sum / float64(n)
}
