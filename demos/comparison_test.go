package demos

import (
	"math"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nncourse/optimizers/nn"
	"github.com/nncourse/optimizers/optim"
	"github.com/nncourse/optimizers/vizhelpers"
)

// blobs returns n rows of 4 inputs in 3 classes, the class shifting the
// inputs, so that a small network learns it in a few epochs.
func blobs(n int, seed uint64) nn.Data[float32] {
	rng := rand.New(rand.NewPCG(seed, 1))
	d := nn.Data[float32]{}
	for r := range n {
		c := r % 3
		for j := range 4 {
			shift := 0.0
			if j == c {
				shift = 2
			}
			d.X = append(d.X, float32(shift+rng.NormFloat64()))
		}
		d.Labels = append(d.Labels, c)
	}
	return d
}

// tiny is a comparison small enough for a unit test.
var tiny = Comparison{Sizes: []int{4, 8, 3}, Train: 300, Val: 90, Epochs: 3, Batch: 30, Seed: 1}

func TestComparisonFromEnv(t *testing.T) {
	t.Setenv(FullEnv, "")
	c := ComparisonFromEnv()
	if Arch(c.Sizes) != "784-500-300-10" || c.Train != 8000 || c.Val != 2000 || c.Epochs != 3 || c.FromTrainSet {
		t.Errorf("quick comparison %+v", c)
	}
	if d := c.Describe(); !strings.Contains(d, "8,000 training / 2,000 validation") || !strings.Contains(d, "test set") {
		t.Errorf("Describe: %q", d)
	}
	if g := GridFromEnv(); g.Train != 4000 || g.Epochs != 1 || !strings.Contains(g.Describe(), "1 epoch of") {
		t.Errorf("quick grid %+v: %q", g, g.Describe())
	}
	t.Setenv(FullEnv, "1")
	if c := ComparisonFromEnv(); c.Epochs != 20 {
		t.Errorf("full comparison %+v", c)
	}
	if g := GridFromEnv(); g.Epochs != 6 {
		t.Errorf("full grid %+v", g)
	}
}

func TestComparisonOptimizers(t *testing.T) {
	opts := ComparisonOptimizers()
	if len(opts) != len(optim.All[float32]()) {
		t.Errorf("%d optimizers, want optim.All's %d", len(opts), len(optim.All[float32]()))
	}
	if got := opts[0].Settings(); got != "SGD(η=0.1, form=Lecture)" {
		t.Errorf("comparison SGD: %q", got)
	}
}

// TestRun trains the tiny comparison and checks what a Result records, and
// that a diverging run is reported, not fatal.
func TestRun(t *testing.T) {
	train, val := blobs(tiny.Train, 1), blobs(tiny.Val, 2)
	var steps int
	adam := optim.NewAdam[float32]()
	adam.LR = 0.02
	r := tiny.Run(train, val, adam, nil, func(p nn.Progress) { steps = p.Step })
	if r.Stopped != "" || len(r.History) != 3 || len(r.StepLoss) != 3*tiny.StepsPerEpoch() || steps != len(r.StepLoss) {
		t.Fatalf("stopped %q, %d epochs, %d step losses, %d steps seen", r.Stopped, len(r.History), len(r.StepLoss), steps)
	}
	if r.Final() < 0.8 {
		t.Errorf("Adam reached %.2f accuracy on blobs, want ≥ 0.8", r.Final())
	}
	if r.Memory.Params != nn.ParamCount(tiny.Sizes) || r.Memory.State != 2*4*int64(r.Memory.Params) {
		t.Errorf("memory %+v", r.Memory)
	}
	huge := optim.NewSGD[float32]()
	huge.LR = 1e30
	bad := tiny.Run(train, val, huge, nil, nil)
	if bad.Stopped == "" {
		t.Error("SGD with η = 1e30 did not stop")
	}

	path := filepath.Join(t.TempDir(), "r.gob")
	rprop := tiny.Run(train, val, optim.NewRprop[float32](), nil, nil) // Rate is NaN: no learning rate
	if err := SaveResults(path, []Result{r, bad, rprop}); err != nil {
		t.Fatal(err)
	}
	back, err := LoadResults(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != 3 || back[0].Final() != r.Final() || back[1].Stopped != bad.Stopped || !math.IsNaN(back[2].History[0].Rate) {
		t.Errorf("round trip: %+v", back)
	}
	tab := ResultTable("t", back)
	if tab.Rows[1][2] != "diverged" || tab.Rows[0][6] != "4.00" {
		t.Errorf("table rows %v", tab.Rows)
	}
	if n := len(LossCurves(back, tiny.StepsPerEpoch(), 5)[0].X); n != len(r.StepLoss) {
		t.Errorf("loss curve of %d points, want %d", n, len(r.StepLoss))
	}
	if acc := EpochCurves(back, "val accuracy")[0]; len(acc.Y) != 3 || acc.Y[2] != r.Final() {
		t.Errorf("accuracy curve %v", acc.Y)
	}
	if _, err := LoadResults(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("LoadResults of a missing file did not fail")
	}
}

// TestGrids checks the shape of both grids and that each run reaches the
// progress report as a run of its own, named by its settings.
func TestGrids(t *testing.T) {
	c := tiny
	c.Epochs = 1
	train, val := blobs(c.Train, 1), blobs(c.Val, 2)
	rates := []float64{1e30, 0.1}
	progress := vizhelpers.NewProgress("grid", 3*len(rates)*c.StepsPerEpoch(), nil)
	tab := c.RateGrid(train, val, rates, progress)
	if len(tab.Rows) != 3 || len(tab.Rows[0]) != 3 {
		t.Fatalf("rate grid %v", tab.Rows)
	}
	if line := progress.Line(time.Now()); !strings.Contains(line, "Adagrad η=0.1") || !strings.Contains(line, "loss") {
		t.Errorf("progress after the grid: %q, want the last run's name and loss", line)
	}
	if tab.Rows[0][1] != "diverged" || !strings.HasSuffix(tab.Rows[0][2], "%") {
		t.Errorf("SGD row %v", tab.Rows[0])
	}
	eps := c.EpsGrid(train, val, []float64{0.9, 0.95}, []float64{1e-6}, nil)
	if len(eps.Rows) != 2 || len(eps.Header) != 2 {
		t.Errorf("ε grid %v %v", eps.Header, eps.Rows)
	}
}

// TestRaces checks the races' stories: on Beale Rprop settles at the
// minimum; on the saddle plain SGD is still near the ridge when Adam has
// left the window.
func TestRaces(t *testing.T) {
	beale := BealeRace()
	trajs := beale.Run()
	if len(trajs) != 9 || trajs[3].Name != "Rprop" {
		t.Fatalf("%d trajectories", len(trajs))
	}
	tab := beale.Table(trajs)
	if got := tab.Rows[3][4]; strings.HasPrefix(got, "not") {
		t.Errorf("Rprop on Beale: %v", tab.Rows[3])
	}
	saddle := SaddleRace()
	trajs = saddle.Run()
	tab = saddle.Table(trajs)
	if len(tab.Header) != 4 || tab.Rows[0][3] != "–" || tab.Rows[6][3] == "–" {
		t.Errorf("saddle: SGD %v, Adam %v", tab.Rows[0], tab.Rows[6])
	}
}
