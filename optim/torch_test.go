package optim

import (
	"encoding/json"
	"math"
	"os"
	"reflect"
	"testing"

	"github.com/nncourse/optimizers/datasets"
)

// torchRecord is testdata/torch_trajectories.json, written by
// testdata/gen_torch.py: for each optimizer, trajectories from torch.optim
// and the Go fields that set it up. The file was recorded with torch 1.13,
// whose update rules are torch 2's for every optimizer but NAdam; the NAdam
// runs were recorded with torch 2.0's fix applied (see gen_torch.py), and
// TestLectureFormulas checks the PyTorch form of Nadam against a naive
// transcription of torch ≥ 2.0's algorithm too.
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

// torchForm returns the optimizer of All named name in the PyTorch form,
// with the fields named in hyper set.
func torchForm(t *testing.T, name string, hyper map[string]float64) Optimizer[float64] {
	for _, o := range All[float64]() {
		if o.Name() != name {
			continue
		}
		withForm(o, PyTorch)
		fields := reflect.ValueOf(o).Elem()
		for field, v := range hyper {
			f := fields.FieldByName(field)
			if !f.IsValid() || f.Kind() != reflect.Float64 {
				t.Fatalf("%s has no float64 field %s", name, field)
			}
			f.SetFloat(v)
		}
		return o
	}
	t.Fatalf("no optimizer %s in All", name)
	return nil
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
	recorded := map[string]bool{}
	for _, run := range rec.Runs {
		recorded[run.Optimizer] = true
	}
	for _, o := range All[float64]() {
		if !recorded[o.Name()] {
			t.Errorf("no torch trajectory of %s: add it to testdata/gen_torch.py", o.Name())
		}
	}
	surfaces := map[string]datasets.Surface{"Rosenbrock": datasets.Rosenbrock(), "Beale": datasets.Beale()}
	t.Logf("recorded with torch %s", rec.TorchVersion)
	for _, run := range rec.Runs {
		t.Run(run.Optimizer+"/"+run.Surface, func(t *testing.T) {
			o := torchForm(t, run.Optimizer, run.Hyper)
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
