package demos

// Notebook 09-comparison: a small grid of learning rates (SGD, Momentum,
// Adagrad) and of Adadelta's ρ and ε, in the spirit of Zeiler's Tables 1–2.

import (
	"fmt"
	"os"

	"github.com/nncourse/optimizers/nn"
	"github.com/nncourse/optimizers/optim"
	"github.com/nncourse/optimizers/vizhelpers"
)

// GridFromEnv returns the grid's experiment: Zeiler's network for one
// epoch on 4,000 training rows of the test-set split (validated on 2,000),
// or with NNCOURSE_FULL=1 the full comparison's data for 6 epochs.
func GridFromEnv() Comparison {
	c := ComparisonFromEnv()
	if os.Getenv(FullEnv) == "1" {
		c.Epochs = 6
		return c
	}
	c.Train, c.Epochs = 4000, 1
	return c
}

// gridRun trains one cell of a grid, called name, and returns the
// validation error as text, "diverged" if the loss blew up. progress, when
// not nil, shows the run as a curve of its own.
func (c Comparison) gridRun(train, val nn.Data[float32], opt optim.Optimizer[float32], name string, progress *vizhelpers.Progress) string {
	if progress != nil {
		progress.Run(name)
	}
	r := c.Run(train, val, opt, nil, func(p nn.Progress) {
		if progress != nil {
			progress.Update(p.Step, p.Loss)
		}
	})
	if r.Stopped != "" || len(r.History) == 0 {
		return "diverged"
	}
	return fmt.Sprintf("%.2f%%", 100*(1-r.Final()))
}

// RateGrid trains SGD, Momentum (μ = 0.9) and Adagrad at each learning rate
// and tabulates the validation error, one row per optimizer as in Zeiler's
// Table 1. progress, when not nil, shows each run as a labelled curve
// (vizhelpers.Progress.Run); its Total is len(rates)·3·Epochs·StepsPerEpoch.
func (c Comparison) RateGrid(train, val nn.Data[float32], rates []float64, progress *vizhelpers.Progress) vizhelpers.Table {
	t := vizhelpers.Table{Caption: fmt.Sprintf("validation error after %d epoch(s), by learning rate η", c.Epochs),
		Header: []string{"optimizer"}}
	for _, lr := range rates {
		t.Header = append(t.Header, fmt.Sprintf("η = %g", lr))
	}
	for _, name := range []string{"SGD", "Momentum", "Adagrad"} {
		row := []string{name}
		for _, lr := range rates {
			opt := named[float32](name)
			opt.(optim.RateSetter).SetLearningRate(lr)
			row = append(row, c.gridRun(train, val, opt, fmt.Sprintf("%s η=%g", name, lr), progress))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// named returns a fresh optimizer of optim.All by its name; it panics if
// there is none.
func named[T optim.Float](name string) optim.Optimizer[T] {
	for _, o := range optim.All[T]() {
		if o.Name() == name {
			return o
		}
	}
	panic("demos: no optimizer " + name + " in optim.All")
}

// EpsGrid trains Adadelta for each decay ρ and each ε and tabulates the
// validation error, one row per ρ as in Zeiler's Table 2; progress as in
// RateGrid.
func (c Comparison) EpsGrid(train, val nn.Data[float32], rhos, epss []float64, progress *vizhelpers.Progress) vizhelpers.Table {
	t := vizhelpers.Table{Caption: fmt.Sprintf("Adadelta: validation error after %d epoch(s), by ρ and ε", c.Epochs),
		Header: []string{"ρ"}}
	for _, eps := range epss {
		t.Header = append(t.Header, fmt.Sprintf("ε = %g", eps))
	}
	for _, rho := range rhos {
		row := []string{fmt.Sprint(rho)}
		for _, eps := range epss {
			o := optim.NewAdadelta[float32]()
			o.Rho, o.Eps = rho, eps
			row = append(row, c.gridRun(train, val, o, fmt.Sprintf("ρ=%g ε=%g", rho, eps), progress))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
