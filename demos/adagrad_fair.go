package demos

// Notebook 05-adagrad: a fair comparison of SGD and Adagrad on the sparse
// features, each at its own best rate (issue 8, defect 4). Comparing two
// optimizers at one shared η measures how well that η suits each of them,
// not the optimizers; the usual remedy is to tune each one's η on a grid
// (Wilson et al. 2017, "The Marginal Value of Adaptive Gradient Methods in
// Machine Learning"; Choi et al. 2019, "On Empirical Comparisons of
// Optimizers for Deep Learning").

import (
	"fmt"
	"math"

	"github.com/nncourse/optimizers/datasets"
	"github.com/nncourse/optimizers/optim"
)

// TunedRun is an optimizer's run at the rate of a grid that gave the lowest
// loss at the end, with the final loss at every rate tried (+Inf where the
// loss overflowed or became NaN).
type TunedRun struct {
	SparseRun
	Eta        float64
	Etas, Ends []float64
}

// TuneSparse trains the optimizer newOpt(η) returns (as TrainSparse, on data
// with common common features) at every η in etas and keeps the run whose
// loss on the whole data set is lowest after steps steps. Its name is name
// followed by the chosen η.
func TuneSparse(name string, newOpt func(eta float64) optim.Optimizer[float64], data *datasets.Regression, common, batch, steps int, seed uint64, etas []float64) TunedRun {
	best := TunedRun{Eta: math.NaN(), Etas: etas}
	bestLoss := math.Inf(1)
	for _, eta := range etas {
		run := TrainSparse(fmt.Sprintf("%s η=%g", name, eta), newOpt(eta), data, common, batch, steps, seed)
		end := run.Loss[len(run.Loss)-1]
		if !finite(end) {
			end = math.Inf(1)
		}
		best.Ends = append(best.Ends, end)
		if end < bestLoss {
			bestLoss, best.SparseRun, best.Eta = end, run, eta
		}
	}
	return best
}

// TunedSGDAndAdagrad is TuneSparse for the library's SGD and Adagrad, the
// comparison lesson 05 draws.
func TunedSGDAndAdagrad(data *datasets.Regression, common, batch, steps int, seed uint64, etas []float64) (sgd, adagrad TunedRun) {
	sgd = TuneSparse("SGD", func(eta float64) optim.Optimizer[float64] {
		o := optim.NewSGD[float64]()
		o.LR = eta
		return o
	}, data, common, batch, steps, seed, etas)
	adagrad = TuneSparse("Adagrad", func(eta float64) optim.Optimizer[float64] {
		o := optim.NewAdagrad[float64]()
		o.LR = eta
		return o
	}, data, common, batch, steps, seed, etas)
	return sgd, adagrad
}
