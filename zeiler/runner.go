package zeiler

import (
	"fmt"
	"io"
	"time"

	"github.com/nncourse/optimizers/datasets"
	"github.com/nncourse/optimizers/nn"
)

// Data is the experiment's data: every training image and the test set,
// and the tuning split of the training images.
type Data struct {
	Train, Test           nn.Data[float32]
	TuneTrain, Validation nn.Data[float32]
}

// NewData cuts MNIST as c asks: the first TrainRows and TestRows rows (all
// when 0), and a Validation split held out of the training rows, drawn
// with TuneSeed.
func NewData(m *datasets.MNIST, c Config) Data {
	train, test := m.Train, m.Test
	if c.TrainRows > 0 {
		train = train.Subset(firstRows(c.TrainRows))
	}
	if c.TestRows > 0 {
		test = test.Subset(firstRows(c.TestRows))
	}
	tuneTrain, val := train.Split(train.Len()-c.Validation, c.Validation, c.TuneSeed)
	return Data{Train: digitsData(train), Test: digitsData(test), TuneTrain: digitsData(tuneTrain), Validation: digitsData(val)}
}

// firstRows returns 0 … n−1.
func firstRows(n int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	return idx
}

// digitsData glues digits to the network: pixels as inputs, digits as
// class labels.
func digitsData(d *datasets.Digits) nn.Data[float32] {
	labels := make([]int, len(d.Labels))
	for i, l := range d.Labels {
		labels[i] = int(l)
	}
	return nn.Data[float32]{X: d.Images, Labels: labels}
}

// Runner trains every run of a Config that its Store does not hold yet.
type Runner struct {
	Config Config
	Data   Data
	Store  *Store
	Log    io.Writer // one progress line per run; nil means none
	// Shard and Shards split the work between processes sharing the
	// Store: this Runner trains the runs whose position in the plan is
	// Shard modulo Shards (Shards 0 or 1: every run).
	Shard, Shards int
	// Reverse trains the plan from its end, so that a process started
	// late meets the others in the middle; before each run it reads what
	// they have stored and skips it.
	Reverse bool
	// Session, when not nil, is recorded in the Store as soon as the first
	// run is trained and kept up to date after every run, so that an
	// interrupted session still counts its runs and time.
	Session *Session

	done, total    int
	trained        int
	trainedEpochs  int
	trainedSeconds float64
	began          time.Time
}

// shardWait is how long a shard waits for the others' tuning runs.
const shardWait = 5 * time.Second

// Execute trains, in this order: the tuning runs; then for each seed,
// Table 1, Table 2 and the fair comparison at the tuned rates; then the
// nine's defaults for the figure. Seed-major order means that an interrupted run
// leaves every cell with the same number of seeds, give or take one.
// Execute returns the number of runs it trained.
func (r *Runner) Execute() (int, error) {
	r.began = time.Now()
	var chosen map[string]float64
	for {
		tuning := r.Config.TuningPlan(r.Store)
		r.done, r.total = 0, len(tuning)+r.Config.mainPlanSize()
		before := r.trained
		if err := r.runAll(tuning); err != nil {
			return r.trained, err
		}
		if err := r.Store.Refresh(); err != nil { // other shards' tuning runs
			return r.trained, err
		}
		var err error
		if chosen, err = Chosen(r.Config, r.Store); err == nil {
			break // no grid grew
		}
		if r.trained == before {
			time.Sleep(shardWait) // the missing runs are another shard's
		}
	}
	main := r.Config.MainPlan(chosen)
	r.total = r.done + len(main)
	return r.trained, r.runAll(main)
}

// runAll trains the settings the Store lacks.
func (r *Runner) runAll(plan []Setting) error {
	for k := range plan {
		i := k
		if r.Reverse {
			i = len(plan) - 1 - k
		}
		s := plan[i]
		r.done++
		if _, ok := r.Store.Get(s); ok || r.Shards > 1 && i%r.Shards != r.Shard {
			continue
		}
		if r.Reverse {
			if err := r.Store.Refresh(); err != nil {
				return err
			}
			if _, ok := r.Store.Get(s); ok {
				continue
			}
		}
		train, score := r.Data.Train, r.Data.Test
		if s.Data == OnValidation {
			train, score = r.Data.TuneTrain, r.Data.Validation
		}
		run, err := Train(s, r.Config.Sizes, r.Config.Batch, train, score)
		if err != nil {
			return fmt.Errorf("zeiler: %s: %w", s.Key(), err)
		}
		r.trained++
		if r.Session != nil {
			r.Session.Runs, r.Session.WallSeconds = r.trained, time.Since(r.Session.Started).Seconds()
			r.Store.recordSession(*r.Session)
		}
		if err := r.Store.Put(run); err != nil {
			return err
		}
		r.trainedEpochs += max(len(run.Errors), 1)
		r.trainedSeconds += run.TrainSeconds
		r.progress(run)
	}
	return nil
}

// progress logs a finished run with the time spent and an estimate of the
// time left, from the mean time per epoch so far.
func (r *Runner) progress(run Run) {
	if r.Log == nil {
		return
	}
	result := fmt.Sprintf("%s error %.2f%%", run.Setting.Data, run.Final())
	if run.Diverged != "" {
		result = fmt.Sprintf("diverged after %d epoch(s)", len(run.Errors))
	}
	left := 0
	for _, s := range r.remaining() {
		left += s.Epochs
	}
	perEpoch := time.Since(r.began).Seconds() / float64(r.trainedEpochs) / float64(max(r.Shards, 1)) // the shards share what is left
	fmt.Fprintf(r.Log, "[%d/%d] %s  %-60s %s (%.0f s)  elapsed %s, about %s left\n",
		r.done, r.total, time.Now().UTC().Format("15:04:05"), run.Setting.Key(), result, run.TrainSeconds,
		time.Since(r.began).Round(time.Second), (time.Duration(float64(left)*perEpoch) * time.Second).Round(time.Second))
}

// remaining lists the settings of the current plan not yet in the Store
// (the main plan's size is estimated before tuning ends).
func (r *Runner) remaining() []Setting {
	plan := r.Config.TuningPlan(r.Store)
	chosen, err := Chosen(r.Config, r.Store)
	if err != nil { // tuning goes on: count the main plan with default rates
		chosen = map[string]float64{}
		for _, o := range Compared() {
			chosen[o] = DefaultRate(o)
		}
	}
	plan = append(plan, r.Config.MainPlan(chosen)...)
	var left []Setting
	for _, s := range plan {
		if _, ok := r.Store.Get(s); !ok {
			left = append(left, s)
		}
	}
	return left
}

// TuningPlan lists the tuning runs: each optimizer compared (the nine and
// AfterLecture) at each rate of its grid, as far as st lets TuneRates grow
// it.
func (c Config) TuningPlan(st *Store) []Setting {
	var plan []Setting
	for _, o := range Compared() {
		for _, rate := range c.TuneRates(o, st) {
			plan = append(plan, c.Tune(o, rate))
		}
	}
	return plan
}

// MainPlan lists, for each seed, Table 1's and Table 2's cells and the fair
// comparison at the chosen rates, then the defaults for the figure; a run
// listed twice (the fair run at a tuned rate that is the default) once.
func (c Config) MainPlan(chosen map[string]float64) []Setting {
	var plan, defaults []Setting
	for _, seed := range c.Seeds {
		p := c.SeedPlan(seed, chosen)
		plan = append(append(append(plan, p.Table1...), p.Table2...), p.Fair...)
		defaults = append(defaults, p.Defaults...)
	}
	plan = append(plan, defaults...)
	seen := map[string]bool{}
	unique := plan[:0]
	for _, s := range plan {
		if !seen[s.Key()] {
			seen[s.Key()] = true
			unique = append(unique, s)
		}
	}
	return unique
}

// SeedPlan is one seed's share of the main plan, part by part.
type SeedPlan struct {
	Table1, Table2, Fair, Defaults []Setting
}

// SeedPlan returns the runs of one seed: Table 1's cells, Table 2's cells,
// the fair comparison at the chosen rates (the nine, then AfterLecture)
// and the nine at the library's defaults.
func (c Config) SeedPlan(seed uint64, chosen map[string]float64) SeedPlan {
	var p SeedPlan
	for _, o := range Table1Optimizers {
		for _, rate := range c.Rates {
			p.Table1 = append(p.Table1, c.Table1(o, rate, seed))
		}
	}
	for _, eps := range c.Epss {
		for _, rho := range c.Rhos {
			p.Table2 = append(p.Table2, c.Table2(rho, eps, seed))
		}
	}
	for _, o := range Compared() {
		p.Fair = append(p.Fair, c.Fair(o, chosen[o], seed))
	}
	for _, o := range Optimizers {
		p.Defaults = append(p.Defaults, c.Default(o, seed))
	}
	return p
}

// mainPlanSize is MainPlan's length before the rates are chosen, counting
// no duplicate.
func (c Config) mainPlanSize() int {
	return len(c.Seeds) * (len(Table1Optimizers)*len(c.Rates) + len(c.Rhos)*len(c.Epss) + len(Compared()) + len(Optimizers))
}

// Chosen returns each optimizer's tuned rate: the rate of its grid
// (TuneRates) with the lowest validation error after TuneEpochs, a diverged
// run counting as the worst, and the default when all diverged. It returns
// an error while a tuning run is missing from st.
func Chosen(c Config, st *Store) (map[string]float64, error) {
	chosen := map[string]float64{}
	for _, o := range Compared() {
		rates := c.TuneRates(o, st)
		rate, complete := bestRate(c, st, o, rates)
		if !complete {
			return nil, fmt.Errorf("zeiler: the tuning of %s is not done", o)
		}
		if rate == 0 {
			rate = DefaultRate(o) // every rate diverged: keep the default
		}
		chosen[o] = rate
	}
	return chosen, nil
}
