package zeiler

import (
	"fmt"
	"math"

	"github.com/nncourse/optimizers/nn"
)

// Config is the whole reproduction: the shared network and data, the two
// tables' grids, the tuning grid and the seeds.
type Config struct {
	Sizes []int // layer widths, input first
	Batch int   // rows per minibatch
	// TrainRows and TestRows cut the data to its first rows (0: all of it),
	// for a quick run; Validation is the split held out of the training
	// rows for tuning.
	TrainRows, TestRows, Validation int
	Epochs                          int      // epochs of the tables (Zeiler: 6)
	FairEpochs                      int      // epochs of the fair comparison, whose curves are the figure
	TuneEpochs                      int      // epochs of a tuning run
	FigureEpochs                    int      // epochs of the defaults' curves
	Seeds                           []uint64 // seeds of every cell
	TuneSeed                        uint64   // seed of the tuning runs (and of the validation split)
	Rates                           []float64
	Rhos, Epss                      []float64
	// TuneLo and TuneHi bound the tuning grid: the library's default rate
	// times 10^(k/2) for k = TuneLo … TuneHi. TuneExtend is how many
	// times the grid may grow by half a decade past the end that holds the
	// best rate (see TuneRates).
	TuneLo, TuneHi, TuneExtend int
}

// Full is Zeiler's experiment: 784-500-300-10, minibatches of 100, 6
// epochs on all 60,000 training images, Table 1's rates 1 … 1e-4 and
// Table 2's ρ × ε, 3 seeds; tuning on 10,000 held-out training images for
// 1 epoch over the default rate × {0.1, 0.316, 1, 3.16, 10}, extended up
// to 3 times by half a decade where the best rate is at an end; the fair
// comparison and the defaults' curves for 3 epochs, what the shared 2-core
// machine's budget left after the tables.
func Full() Config {
	return Config{Sizes: []int{784, 500, 300, 10}, Batch: 100, Validation: 10000,
		Epochs: 6, FairEpochs: 3, TuneEpochs: 1, FigureEpochs: 3, Seeds: []uint64{1, 2, 3}, TuneSeed: 1,
		Rates: []float64{1, 1e-1, 1e-2, 1e-3, 1e-4},
		Rhos:  []float64{0.9, 0.95, 0.99}, Epss: []float64{1e-2, 1e-4, 1e-6, 1e-8},
		TuneLo: -2, TuneHi: 2, TuneExtend: 3}
}

// Quick is a reduced run of the same harness, for tests and a first look:
// a small network on the first 600 training and 300 test images, two
// epochs, two seeds, a coarse grid.
func Quick() Config {
	return Config{Sizes: []int{784, 16, 10}, Batch: 100, TrainRows: 600, TestRows: 300, Validation: 200,
		Epochs: 2, FairEpochs: 2, TuneEpochs: 1, FigureEpochs: 2, Seeds: []uint64{1, 2}, TuneSeed: 1,
		Rates: []float64{1e-1, 1e-2}, Rhos: []float64{0.95}, Epss: []float64{1e-6},
		TuneLo: -1, TuneHi: 1, TuneExtend: 1}
}

// Experiment describes what every run of the configuration shares; the
// Store keeps it to refuse mixing experiments.
func (c Config) Experiment() string {
	return fmt.Sprintf("sizes %v, batch %d, train rows %d, test rows %d, validation %d (seed %d)",
		c.Sizes, c.Batch, c.TrainRows, c.TestRows, c.Validation, c.TuneSeed)
}

// Table1 is the setting of Table 1's cell (optimizer, η) with a seed.
func (c Config) Table1(optimizer string, rate float64, seed uint64) Setting {
	return Setting{Activation: nn.Tanh, Optimizer: optimizer, Rate: rate, Epochs: c.Epochs, Seed: seed, Data: OnTest}
}

// Table2 is the setting of Table 2's cell (ρ, ε) with a seed.
func (c Config) Table2(rho, eps float64, seed uint64) Setting {
	return Setting{Activation: nn.Tanh, Optimizer: "Adadelta", Rho: rho, Eps: eps, Epochs: c.Epochs, Seed: seed, Data: OnTest}
}

// Table1Optimizers are Table 1's columns.
var Table1Optimizers = []string{"SGD", "Momentum", "Adagrad"}

// TuneRates returns an optimizer's tuning grid given the runs st holds:
// the default rate × 10^(k/2) for k = TuneLo … TuneHi, grown by one point
// past whichever end holds the lowest validation error, up to TuneExtend
// times, so that the chosen rate lies inside the grid unless the growth is
// spent. A grown point not yet in st ends the list: it is the next run to
// train.
func (c Config) TuneRates(optimizer string, st *Store) []float64 {
	lo, hi := c.TuneLo, c.TuneHi
	for range c.TuneExtend {
		rates := Log10Grid(DefaultRate(optimizer), lo, hi)
		best, complete := bestRate(c, st, optimizer, rates)
		switch {
		case !complete || best == 0:
			return rates
		case best == rates[0]:
			lo--
		case best == rates[len(rates)-1]:
			hi++
		default:
			return rates
		}
	}
	return Log10Grid(DefaultRate(optimizer), lo, hi)
}

// bestRate returns the rate with the lowest validation error among rates
// (0 if all diverged), and whether st holds the tuning run of every rate.
func bestRate(c Config, st *Store, optimizer string, rates []float64) (rate float64, complete bool) {
	best := math.Inf(1)
	for _, r := range rates {
		run, ok := st.Get(c.Tune(optimizer, r))
		if !ok {
			return 0, false
		}
		if e := run.Final(); e < best { // NaN (diverged) is never less
			best, rate = e, r
		}
	}
	return rate, true
}

// Tune is the tuning run of an optimizer at a rate.
func (c Config) Tune(optimizer string, rate float64) Setting {
	return Setting{Activation: nn.ReLU, Optimizer: optimizer, Rate: rate, Epochs: c.TuneEpochs, Seed: c.TuneSeed, Data: OnValidation}
}

// Fair is the fair comparison's run of an optimizer at its tuned rate.
func (c Config) Fair(optimizer string, rate float64, seed uint64) Setting {
	return Setting{Activation: nn.ReLU, Optimizer: optimizer, Rate: rate, Epochs: c.FairEpochs, Seed: seed, Data: OnTest}
}

// Default is the run of an optimizer at the library's defaults, for the
// figure. It is the same run as Fair when the epochs agree and the tuned
// rate is the default, and the Store then holds it once.
func (c Config) Default(optimizer string, seed uint64) Setting {
	return Setting{Activation: nn.ReLU, Optimizer: optimizer, Rate: DefaultRate(optimizer), Epochs: c.FigureEpochs, Seed: seed, Data: OnTest}
}
