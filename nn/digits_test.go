package nn

import (
	"testing"

	"github.com/nncourse/optimizers/datasets"
)

// TestDigitsData checks pixels and labels, shared for float32 and
// converted for float64.
func TestDigitsData(t *testing.T) {
	d := &datasets.Digits{Images: make([]float32, 2*datasets.Pixels), Labels: []uint8{7, 3}}
	d.Images[datasets.Pixels] = 0.5
	f32 := DigitsData[float32](d)
	f64 := DigitsData[float64](d)
	if &f32.X[0] != &d.Images[0] || f32.Labels[0] != 7 || f32.Labels[1] != 3 {
		t.Errorf("float32: labels %v, images shared %v", f32.Labels, &f32.X[0] == &d.Images[0])
	}
	if f64.X[datasets.Pixels] != 0.5 || f64.Labels[1] != 3 || f64.Rows(datasets.Pixels) != 2 {
		t.Errorf("float64: pixel %v labels %v rows %d", f64.X[datasets.Pixels], f64.Labels, f64.Rows(datasets.Pixels))
	}
}
