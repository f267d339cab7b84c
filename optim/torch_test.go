package optim

import (
	"encoding/json"
	"math"
	"os"
	"testing"

	"github.com/nncourse/optimizers/datasets"
)

// torchRecord is testdata/torch_trajectories.json, written by
// testdata/gen_torch.py.
type torchRecord struct {
	TorchVersion string `json:"torch_version"`
	Steps        int    `json:"steps"`
	Runs         []struct {
		Optimizer  string             `json:"optimizer"`
		Surface    string             `json:"surface"`
		Start      [2]float64         `json:"start"`
		Hyper      map[string]float64 `json:"hyper"`
		Trajectory [][2]float64       `json:"trajectory"`
	} `json:"runs"`
}

// torchForms builds, from a run's hyperparameters, the option of each
// optimizer that matches torch.optim.
var torchForms = map[string]func(h map[string]float64) Optimizer[float64]{
	"SGD": func(h map[string]float64) Optimizer[float64] { return &SGD[float64]{LR: h["lr"]} },
	"Momentum": func(h map[string]float64) Optimizer[float64] {
		return &Momentum[float64]{LR: h["lr"], Mu: h["mu"], LROutside: true}
	},
	"Nesterov": func(h map[string]float64) Optimizer[float64] {
		return &Nesterov[float64]{LR: h["lr"], Mu: h["mu"], Form: PyTorch}
	},
	"Rprop": func(h map[string]float64) Optimizer[float64] {
		return &Rprop[float64]{EtaPlus: h["eta_plus"], EtaMinus: h["eta_minus"], Initial: h["lr"],
			MinStep: h["min_step"], MaxStep: h["max_step"], Variant: RpropIMinus}
	},
	"Adagrad": func(h map[string]float64) Optimizer[float64] { return &Adagrad[float64]{LR: h["lr"], Eps: h["eps"]} },
	"RMSprop": func(h map[string]float64) Optimizer[float64] {
		return &RMSprop[float64]{LR: h["lr"], Gamma: h["gamma"], Eps: h["eps"], EpsOutside: true}
	},
	"Adam": func(h map[string]float64) Optimizer[float64] {
		return &Adam[float64]{LR: h["lr"], Beta1: h["beta1"], Beta2: h["beta2"], Eps: h["eps"], EpsOutside: true}
	},
	"Nadam": func(h map[string]float64) Optimizer[float64] {
		return &Nadam[float64]{LR: h["lr"], Beta1: h["beta1"], Beta2: h["beta2"], Eps: h["eps"], MomentumDecay: h["momentum_decay"]}
	},
	"Adadelta": func(h map[string]float64) Optimizer[float64] {
		return &Adadelta[float64]{LR: h["lr"], Rho: h["rho"], Eps: h["eps"]}
	},
}

func TestTorchForms(t *testing.T) {
	const tol = 1e-9 // relative, |got − want| ≤ tol·max(1, |want|)
	data, err := os.ReadFile("testdata/torch_trajectories.json")
	if err != nil {
		t.Fatal(err)
	}
	var rec torchRecord
	if err := json.Unmarshal(data, &rec); err != nil {
		t.Fatal(err)
	}
	if len(rec.Runs) != 2*len(torchForms) {
		t.Fatalf("%d runs recorded, want %d", len(rec.Runs), 2*len(torchForms))
	}
	surfaces := map[string]datasets.Surface{"Rosenbrock": datasets.Rosenbrock(), "Beale": datasets.Beale()}
	t.Logf("recorded with torch %s", rec.TorchVersion)
	for _, run := range rec.Runs {
		t.Run(run.Optimizer+"/"+run.Surface, func(t *testing.T) {
			o := torchForms[run.Optimizer](run.Hyper)
			got := trajectory(o, surfaces[run.Surface].Grad, run.Start, len(run.Trajectory))
			var worst float64
			for k, want := range run.Trajectory {
				for i := range 2 {
					rel := math.Abs(got[k].w[i]-want[i]) / max(1, math.Abs(want[i]))
					if !(rel <= tol) {
						t.Fatalf("step %d coordinate %d: got %v, want %v (torch)", k+1, i, got[k].w[i], want[i])
					}
					worst = max(worst, rel)
				}
			}
			t.Logf("%s: max relative diff = %.3g over %d steps", t.Name(), worst, len(run.Trajectory))
		})
	}
}
