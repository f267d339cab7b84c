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
		Label      string             `json:"label"` // the run, when not the optimizer's name
		Surface    string             `json:"surface"`
		Start      [2]float64         `json:"start"`
		Hyper      map[string]float64 `json:"hyper"`
		Flags      map[string]bool    `json:"flags"`
		Trajectory [][2]float64       `json:"trajectory"`
	} `json:"runs"`
	Schedules []struct {
		Schedule string             `json:"schedule"`
		Args     map[string]float64 `json:"args"`
		Rates    []float64          `json:"rates"`
	} `json:"schedules"`
}

// readTorchRecord reads testdata/torch_trajectories.json.
func readTorchRecord(t *testing.T) torchRecord {
	data, err := os.ReadFile("testdata/torch_trajectories.json")
	if err != nil {
		t.Fatal(err)
	}
	var rec torchRecord
	if err := json.Unmarshal(data, &rec); err != nil {
		t.Fatal(err)
	}
	return rec
}

// withoutTorch are the optimizers torch 1.13 lacks, with their oracle.
var withoutTorch = map[string]string{"Lion": "naive_test.go's transcription of Chen et al.'s Algorithm 2"}

// torchForm returns the optimizer of All or AfterLecture named name in the
// PyTorch form, with the fields named in hyper and flags set.
func torchForm(t *testing.T, name string, hyper map[string]float64, flags map[string]bool) Optimizer[float64] {
	for _, o := range append(All[float64](), AfterLecture[float64]()...) {
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
		for field, v := range flags {
			f := fields.FieldByName(field)
			if !f.IsValid() || f.Kind() != reflect.Bool {
				t.Fatalf("%s has no bool field %s", name, field)
			}
			f.SetBool(v)
		}
		return o
	}
	t.Fatalf("no optimizer %s in All or AfterLecture", name)
	return nil
}

func TestTorchForms(t *testing.T) {
	const tol = 1e-9 // relative, |got − want| ≤ tol·max(1, |want|)
	rec := readTorchRecord(t)
	recorded := map[string]bool{}
	for _, run := range rec.Runs {
		recorded[run.Optimizer] = true
	}
	for _, o := range append(All[float64](), AfterLecture[float64]()...) {
		if !recorded[o.Name()] && withoutTorch[o.Name()] == "" {
			t.Errorf("no torch trajectory of %s: add it to testdata/gen_torch.py", o.Name())
		}
	}
	surfaces := map[string]datasets.Surface{"Rosenbrock": datasets.Rosenbrock(), "Beale": datasets.Beale()}
	t.Logf("recorded with torch %s", rec.TorchVersion)
	for _, run := range rec.Runs {
		label := run.Label
		if label == "" {
			label = run.Optimizer
		}
		t.Run(label+"/"+run.Surface, func(t *testing.T) {
			o := torchForm(t, run.Optimizer, run.Hyper, run.Flags)
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

// TestTorchSchedules compares the rates of LinearWarmup, Cosine and
// WarmupCosine at every recorded step with torch's LinearLR,
// CosineAnnealingLR and SequentialLR, relative tolerance 1e-12 (torch
// multiplies its rate step by step, rounding at each, where Rate
// evaluates the closed form).
func TestTorchSchedules(t *testing.T) {
	const tol = 1e-12
	rec := readTorchRecord(t)
	if len(rec.Schedules) != 3 {
		t.Fatalf("%d torch schedules recorded, want 3", len(rec.Schedules))
	}
	for _, r := range rec.Schedules {
		a := r.Args
		var s Schedule
		switch r.Schedule {
		case "LinearWarmup":
			s = NewLinearWarmup(a["Peak"], a["StartFactor"], int(a["Steps"]))
		case "Cosine":
			s = NewCosine(a["Initial"], a["Min"], int(a["Steps"]))
		case "WarmupCosine":
			s = NewWarmupCosine(a["Peak"], a["StartFactor"], int(a["Warmup"]), a["Min"], int(a["CosineSteps"]))
		default:
			t.Fatalf("unknown schedule %s", r.Schedule)
		}
		var worst float64
		for step, want := range r.Rates {
			got := s.Rate(step)
			rel := math.Abs(got-want) / want
			if !(rel <= tol) {
				t.Errorf("%s: Rate(%d) = %v, want %v (torch)", r.Schedule, step, got, want)
			}
			worst = max(worst, rel)
		}
		t.Logf("%s: max relative diff = %.3g over %d steps", r.Schedule, worst, len(r.Rates))
	}
}
