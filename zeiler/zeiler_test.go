package zeiler

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nncourse/optimizers/datasets"
	"github.com/nncourse/optimizers/nn"
	"github.com/nncourse/optimizers/optim"
)

// tinyMNIST is n synthetic digits: label k lights pixel block k, plus noise.
func tinyMNIST(n int, seed uint64) *datasets.Digits {
	rng := rand.New(rand.NewPCG(seed, 7))
	d := &datasets.Digits{Images: make([]float32, n*datasets.Pixels), Labels: make([]uint8, n)}
	for i := range n {
		k := uint8(rng.IntN(datasets.Classes))
		d.Labels[i] = k
		img := d.Image(i)
		for p := range img {
			img[p] = 0.1 * rng.Float32()
		}
		for p := int(k) * 70; p < int(k)*70+70; p++ {
			img[p] = 1
		}
	}
	return d
}

// tiny is a configuration small enough for a unit test.
func tiny() Config {
	return Config{Sizes: []int{784, 8, 10}, Batch: 50, Validation: 100, Epochs: 2, FairEpochs: 2, TuneEpochs: 1, FigureEpochs: 2,
		Seeds: []uint64{1, 2}, TuneSeed: 1, Rates: []float64{1e-1}, Rhos: []float64{0.95}, Epss: []float64{1e-6},
		TuneLo: -1, TuneHi: 0, TuneExtend: 2}
}

func TestSettingOptimizer(t *testing.T) {
	cases := []struct {
		s    Setting
		want string
	}{
		{Setting{Optimizer: "SGD", Rate: 0.5}, "η = 0.5"},
		{Setting{Optimizer: "Rprop", Rate: 0.02}, "U₀ = 0.02"},
		{Setting{Optimizer: "Adadelta", Rho: 0.9, Eps: 1e-8}, "ρ = 0.9, ε = 1e-08"},
		{Setting{Optimizer: "Adam"}, "η = 0.001"},
		{Setting{Optimizer: "Muon", Rate: 0.01}, "η = 0.01, sizes [784 8 10]"},
		{Setting{Optimizer: "AMSGrad"}, "η = 0.001, AMSGrad"},
	}
	for i, c := range cases {
		got := ""
		switch o := c.s.NewOptimizer([]int{784, 8, 10}).(type) {
		case *optim.Muon[float32]:
			got = "η = " + fmtG(o.LR) + ", sizes " + fmt.Sprint(o.Sizes)
		case *optim.SGD[float32]:
			got = "η = " + fmtG(o.LR)
		case *optim.Rprop[float32]:
			got = "U₀ = " + fmtG(o.Initial)
		case *optim.Adadelta[float32]:
			got = "ρ = " + fmtG(o.Rho) + ", ε = " + fmtG(o.Eps)
		case *optim.Adam[float32]:
			got = "η = " + fmtG(o.LR)
			if o.AMSGrad {
				got += ", AMSGrad"
			}
		}
		if got != c.want {
			t.Errorf("%d %s: got %q, want %q", i, c.s.Key(), got, c.want)
		}
	}
	if a, b := (Setting{Optimizer: "Adam", Seed: 1}).Key(), (Setting{Optimizer: "Adam", Seed: 2}).Key(); a == b {
		t.Errorf("seeds 1 and 2 share the key %q", a)
	}
}

func fmtG(x float64) string { return fmt.Sprintf("%g", x) }

func TestLog10Grid(t *testing.T) {
	got := Log10Grid(0.01, -2, 2)
	want := []float64{0.001, 0.00316, 0.01, 0.0316, 0.1}
	for i := range want {
		if i >= len(got) || got[i] != want[i] {
			t.Fatalf("Log10Grid(0.01, -2, 2) = %v, want %v", got, want)
		}
	}
}

func TestSummarise(t *testing.T) {
	runs := []Run{{Errors: []float64{5, 2}}, {Errors: []float64{5, 4}}, {Errors: []float64{9}, Diverged: "nn: training diverged"}}
	c := Summarise(runs)
	if c.Runs != 3 || c.Diverged != 1 || c.Mean != 3 || math.Abs(c.SD-math.Sqrt2) > 1e-12 {
		t.Errorf("Summarise = %+v, want 3 runs, 1 diverged, mean 3, sd √2", c)
	}
	if got, want := c.Format(4), "3.00 ± 1.41, 1 diverged (n = 3)"; got != want {
		t.Errorf("Format = %q, want %q", got, want)
	}
}

func TestTrainDiverges(t *testing.T) {
	d := tinyMNIST(200, 1)
	data := digitsData(d)
	r, err := Train(Setting{Activation: nn.ReLU, Optimizer: "SGD", Rate: 1e9, Epochs: 2, Seed: 1, Data: OnTest}, []int{784, 8, 10}, 50, data, data)
	if err != nil {
		t.Fatal(err)
	}
	if r.Diverged == "" || !math.IsNaN(r.Final()) {
		t.Errorf("SGD at η = 1e9: Diverged %q, Final %v; want a divergence", r.Diverged, r.Final())
	}
}

// TestRunnerResumes runs the whole harness on tiny data, checks the plan
// and the tuning, then checks that a second Runner on the saved Store
// trains nothing, and renders the report and figures.
func TestRunnerResumes(t *testing.T) {
	c := tiny()
	m := &datasets.MNIST{Train: tinyMNIST(300, 1), Test: tinyMNIST(100, 2)}
	dir := t.TempDir()
	path := filepath.Join(dir, "results.json")
	st, err := OpenStore(path, c.Experiment())
	if err != nil {
		t.Fatal(err)
	}
	r := &Runner{Config: c, Data: NewData(m, c), Store: st, Session: &Session{Command: "test"}}
	n, err := r.Execute()
	if err != nil {
		t.Fatal(err)
	}
	chosen, err := Chosen(c, st)
	if err != nil {
		t.Fatal(err)
	}
	tuning := c.TuningPlan(st)
	main := c.MainPlan(chosen)
	if n != len(tuning)+len(main) || len(st.Runs) != n {
		t.Errorf("trained %d runs, stored %d; want tuning %d + main %d", n, len(st.Runs), len(tuning), len(main))
	}
	if want := len(c.Seeds) * (len(Table1Optimizers)*len(c.Rates) + len(c.Rhos)*len(c.Epss) + len(Optimizers)); len(main) < want {
		t.Errorf("main plan has %d runs, want at least %d", len(main), want)
	}
	for _, o := range Compared() {
		rates := c.TuneRates(o, st)
		found := false
		for _, rate := range rates {
			found = found || rate == chosen[o]
		}
		if !found {
			t.Errorf("%s: chosen rate %g is not in its grid %v", o, chosen[o], rates)
		}
		plan := []Setting{c.Fair(o, chosen[o], 2)}
		if !slices.Contains(AfterLecture, o) { // the defaults' figure is the nine's
			plan = append(plan, c.Default(o, 2))
		}
		for _, s := range plan {
			if run, ok := st.Get(s); !ok || len(run.Errors) == 0 && run.Diverged == "" {
				t.Errorf("%s: missing or empty", s.Key())
			}
		}
	}
	if len(st.Sessions) != 1 || st.Sessions[0].Runs != n {
		t.Errorf("sessions %+v, want one of %d runs", st.Sessions, n)
	}

	again, err := OpenStore(path, c.Experiment())
	if err != nil {
		t.Fatal(err)
	}
	r2 := &Runner{Config: c, Data: NewData(m, c), Store: again}
	if n2, err := r2.Execute(); n2 != 0 || err != nil {
		t.Errorf("resumed: trained %d runs (%v), want 0", n2, err)
	}
	if _, err := OpenStore(path, "another experiment"); err == nil {
		t.Error("OpenStore accepted another experiment's results")
	}

	report := filepath.Join(dir, "REPRODUCTION.md")
	if err := WriteReport(report, dir, c, again); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"## Table 1", "## Table 2", "| 0.1 | 2.51 |", "Fair comparison, ReLU: test error", "](" + FairFigure + ")",
		"## After the lecture", "| Muon | η |", "| " + WarmupCosine + " | η = ", "Which optimizer when", "not run"} {
		if strings.Contains(string(b), want) == (want == "not run") {
			t.Errorf("report: %q present = %v", want, want == "not run")
		}
	}
	for _, fig := range []string{FairFigure, DefaultsFigure} {
		if fi, err := os.Stat(filepath.Join(dir, fig)); err != nil || fi.Size() == 0 {
			t.Errorf("figure %s: %v", fig, err)
		}
	}
}

func TestLiveSettings(t *testing.T) {
	var got []string
	for _, s := range LiveSettings(2) {
		got = append(got, s.Optimizer+" "+s.Knobs())
	}
	want := []string{"SGD η=1", "Momentum η=0.1", "Adagrad η=0.01", "Adadelta ρ=0.95 ε=1e-06"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("LiveSettings = %v, want the paper's best cells %v", got, want)
	}
}

// TestStoreShared checks that two Stores saving to one file (two shards)
// keep each other's runs and sessions.
func TestStoreShared(t *testing.T) {
	path := filepath.Join(t.TempDir(), "results.json")
	a, _ := OpenStore(path, "e")
	b, _ := OpenStore(path, "e")
	a.Sessions = append(a.Sessions, Session{Command: "a", Started: time.Unix(1, 0)})
	b.Sessions = append(b.Sessions, Session{Command: "b", Started: time.Unix(2, 0)})
	sa, sb := Setting{Optimizer: "SGD", Seed: 1}, Setting{Optimizer: "SGD", Seed: 2}
	if err := a.Put(Run{Setting: sa}); err != nil {
		t.Fatal(err)
	}
	if err := b.Put(Run{Setting: sb}); err != nil {
		t.Fatal(err)
	}
	if err := a.Refresh(); err != nil {
		t.Fatal(err)
	}
	disk, err := OpenStore(path, "e")
	if err != nil {
		t.Fatal(err)
	}
	for i, st := range []*Store{a, disk} {
		_, okA := st.Get(sa)
		_, okB := st.Get(sb)
		if !okA || !okB || len(st.Sessions) != 2 || st.Sessions[0].Command != "a" {
			t.Errorf("%d: runs a %v, b %v, sessions %+v; want both runs and sessions a, b", i, okA, okB, st.Sessions)
		}
	}
}

func TestWallSeconds(t *testing.T) {
	at := func(s int) time.Time { return time.Unix(int64(s), 0) }
	sessions := []Session{{Started: at(100), WallSeconds: 50}, {Started: at(0), WallSeconds: 10}, {Started: at(120), WallSeconds: 60}, {Started: at(130), WallSeconds: 5}}
	if got, want := WallSeconds(sessions), 10.0+80; got != want {
		t.Errorf("WallSeconds = %v, want %v (10 s, then 100–180 s)", got, want)
	}
}

// TestShardSessions runs two shards side by side on one results file and
// checks that each session records its own runs, and that together they
// trained the plan once.
func TestShardSessions(t *testing.T) {
	c := tiny()
	c.TuneExtend = 0
	m := &datasets.MNIST{Train: tinyMNIST(300, 1), Test: tinyMNIST(100, 2)}
	data := NewData(m, c)
	path := filepath.Join(t.TempDir(), "results.json")
	trained := make([]int, 2)
	errs := make(chan error, 2)
	for i := range 2 {
		st, err := OpenStore(path, c.Experiment())
		if err != nil {
			t.Fatal(err)
		}
		r := &Runner{Config: c, Data: data, Store: st, Shard: i, Shards: 2,
			Session: &Session{Command: fmt.Sprintf("shard %d", i), Started: time.Unix(int64(i+1), 0)}}
		go func() {
			n, err := r.Execute()
			trained[i] = n
			errs <- err
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	st, err := OpenStore(path, c.Experiment())
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Sessions) != 2 || st.Sessions[0].Runs != trained[0] || st.Sessions[1].Runs != trained[1] {
		t.Errorf("sessions %+v, want shard 0 with %d runs and shard 1 with %d", st.Sessions, trained[0], trained[1])
	}
	if trained[0]+trained[1] != len(st.Runs) {
		t.Errorf("shards trained %d + %d runs, the file holds %d", trained[0], trained[1], len(st.Runs))
	}
}

func TestCellFormatListsDisagreeingRuns(t *testing.T) {
	for i, tc := range []struct {
		finals []float64
		want   string
	}{
		{[]float64{7.5, 7.5, 90}, "35.00 ± 47.63 (runs: 7.50, 7.50, 90.00)"},
		{[]float64{2, 2.1, 2.2}, "2.10 ± 0.10"},
	} {
		var runs []Run
		for _, f := range tc.finals {
			runs = append(runs, Run{Errors: []float64{f}})
		}
		if got := Summarise(runs).Format(3); got != tc.want {
			t.Errorf("%d: got %q, want %q", i, got, tc.want)
		}
	}
}

func TestFairMemoryFromCurrentOptimizers(t *testing.T) {
	c := Full()
	state, _ := Memory(NewOptimizer("Nesterov"), c.Sizes, c.Batch)
	if n := int64(nn.ParamCount(c.Sizes)); state != 4*n {
		t.Errorf("Nesterov's state: got %d bytes, want one float32 model, %d", state, 4*n)
	}
}

// TestSchedule checks that only WarmupCosine's runs have a schedule, that
// it warms up from η/10 over the first tenth of the run and never reaches
// a zero rate, and that Train applies it: the run's last rate is far
// below η.
func TestSchedule(t *testing.T) {
	if s := (Setting{Optimizer: "Adam", Rate: 0.01}).Schedule(100); s != nil {
		t.Errorf("Adam has the schedule %v, want none", s)
	}
	s := Setting{Optimizer: WarmupCosine, Rate: 0.01}.Schedule(100)
	for i, c := range []struct {
		step     int
		lo, high float64
	}{{0, 0.001, 0.001}, {10, 0.01, 0.01}, {55, 0.0049, 0.0051}, {99, 1e-9, 1e-5}} {
		if r := s.Rate(c.step); r < c.lo*(1-1e-12) || r > c.high*(1+1e-12) {
			t.Errorf("%d: rate at step %d = %g, want in [%g, %g]", i, c.step, r, c.lo, c.high)
		}
	}
	d := digitsData(tinyMNIST(200, 1))
	r, err := Train(Setting{Activation: nn.ReLU, Optimizer: WarmupCosine, Rate: 0.01, Epochs: 2, Seed: 1, Data: OnTest}, []int{784, 8, 10}, 50, d, d)
	if err != nil || r.Diverged != "" || len(r.Errors) != 2 {
		t.Fatalf("Train: %v, %+v", err, r)
	}
}

// TestGuide builds a Store whose numbers are made up so that each row of
// the guide has a known answer, and checks the rows.
func TestGuide(t *testing.T) {
	c := tiny()
	c.TuneLo, c.TuneHi, c.Seeds = -2, 2, []uint64{1, 2, 3}
	st, err := OpenStore(filepath.Join(t.TempDir(), "results.json"), c.Experiment())
	if err != nil {
		t.Fatal(err)
	}
	// validation error base + slope·|k| at default × 10^(k/2): best at the
	// default, so no grid grows; Adagrad is best at the default, Adadelta
	// the flattest over the grid.
	base := map[string]float64{"Adagrad": 1, "Adadelta": 2}
	slope := map[string]float64{"Adagrad": 5, "Adadelta": 0.01}
	// test error: Muon first and Lion next within noise, Lion the best with
	// one vector of state (Muon keeps AdamW's two for its biases).
	test := map[string][]float64{"Muon": {1.0, 1.1, 0.9}, "Lion": {1.1, 1.2, 1.0}, "Momentum": {3, 3, 3}}
	for _, o := range Compared() {
		b, sl := 3.0, 1.0
		if v, ok := base[o]; ok {
			b, sl = v, slope[o]
		}
		for k := c.TuneLo; k <= c.TuneHi; k++ {
			rate := Log10Grid(DefaultRate(o), k, k)[0]
			st.Runs[c.Tune(o, rate).Key()] = Run{Setting: c.Tune(o, rate), Errors: []float64{b + sl*math.Abs(float64(k))}}
		}
		finals, ok := test[o]
		if !ok {
			finals = []float64{5, 5, 5}
		}
		for i, seed := range c.Seeds {
			s := c.Fair(o, DefaultRate(o), seed)
			st.Runs[s.Key()] = Run{Setting: s, Errors: []float64{finals[i]}, TrainSeconds: 1}
		}
	}
	if _, err := Chosen(c, st); err != nil {
		t.Fatal(err)
	}
	g := Guide(c, st)
	want := [][2]string{{"Muon", "Lion: 1.10 ± 0.10 % at η = 0.0001"}, {"Adagrad", "Adadelta: 2.00 %"}, {"Adadelta", "SGD: worst 5.00 %"}, {"Lion", "Momentum: 3.00 ± 0.00 %, state"}}
	if len(g.Rows) != len(want) {
		t.Fatalf("%d rows, want %d: %v", len(g.Rows), len(want), g.Rows)
	}
	for i, w := range want {
		if got := g.Rows[i]; got[1] != w[0] || !strings.HasPrefix(got[3], w[1]) {
			t.Errorf("%d %s: reach for %q, runner-up %q; want %q, runner-up starting %q", i, got[0], got[1], got[3], w[0], w[1])
		}
	}
	if r := g.Rows[0][3]; !strings.HasSuffix(r, "(within noise)") {
		t.Errorf("Muon 1.00 ± 0.10 against Lion 1.10 ± 0.10: runner-up %q, want it marked within noise", r)
	}
	if r := g.Rows[3][3]; strings.Contains(r, "within noise") {
		t.Errorf("Lion 1.10 ± 0.10 against Momentum 3.00 ± 0: runner-up %q marked within noise", r)
	}
}

// TestCommittedAfterLecture checks what lesson 10 says of the committed
// full-MNIST results: every run of the after-the-lecture optimizers is
// there; Adam with warm-up and cosine has the lowest test error and Muon
// the second, each ahead of the next by more than the two's standard
// deviations; AdamW, AMSGrad and Lion are within noise of Adam; Muon's
// epoch takes more than 10 times Adam's.
func TestCommittedAfterLecture(t *testing.T) {
	c, st, err := LoadCommitted()
	if err != nil {
		t.Fatal(err)
	}
	ms, err := Measure(c, st, Compared())
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]Measured{}
	for _, m := range ms {
		if m.Test.Runs != len(c.Seeds) || m.Test.Diverged > 0 {
			t.Errorf("%s: %d runs, %d diverged; want %d trained", m.Name, m.Test.Runs, m.Test.Diverged, len(c.Seeds))
		}
		by[m.Name] = m
	}
	slices.SortFunc(ms, func(a, b Measured) int { return cmp.Compare(a.Test.Mean, b.Test.Mean) })
	if ms[0].Name != WarmupCosine || ms[1].Name != "Muon" {
		t.Errorf("lowest test errors: %s, %s; want %s, Muon", ms[0].Name, ms[1].Name, WarmupCosine)
	}
	for i := range 2 {
		if gap, noise := ms[i+1].Test.Mean-ms[i].Test.Mean, ms[i].Test.SD+ms[i+1].Test.SD; gap <= noise {
			t.Errorf("%s ahead of %s by %.2f, within the noise %.2f", ms[i].Name, ms[i+1].Name, gap, noise)
		}
	}
	adam := by["Adam"].Test
	for _, o := range []string{"AdamW", "AMSGrad", "Lion"} {
		if m := by[o].Test; math.Abs(m.Mean-adam.Mean) >= m.SD+adam.SD {
			t.Errorf("%s %.2f ± %.2f against Adam %.2f ± %.2f: not within noise", o, m.Mean, m.SD, adam.Mean, adam.SD)
		}
	}
	// Adam, trained in an earlier session, and Adam+WarmupCosine, Adam's update trained in the
	// additions' session: Muon's cost holds against both (lesson 10 reads the times this way).
	for _, base := range []string{"Adam", WarmupCosine} {
		if r := by["Muon"].EpochSeconds / by[base].EpochSeconds; r <= 10 {
			t.Errorf("Muon's epoch takes %.1f× %s's, want more than 10×", r, base)
		}
	}
	for _, o := range []string{"AdamW", "AMSGrad", "Lion"} {
		if r := by[o].EpochSeconds / by[WarmupCosine].EpochSeconds; r < 0.5 || r > 1.5 {
			t.Errorf("%s's epoch takes %.2f× %s's, want about the same (0.5 to 1.5)", o, r, WarmupCosine)
		}
	}
}
