package datasets

import (
	"math"
	"testing"
)

func TestSpirals(t *testing.T) {
	p := Spirals(100, 3, 0.2, 1)
	if p.Len() != 300 || len(p.X) != 600 || p.Classes != 3 {
		t.Fatalf("got %d points, %d coordinates, %d classes", p.Len(), len(p.X), p.Classes)
	}
	count := make([]int, 3)
	for i, l := range p.Labels {
		count[l]++
		if r := math.Hypot(p.X[2*i], p.X[2*i+1]); r > 1+1e-12 {
			t.Errorf("point %d at radius %g > 1", i, r)
		}
	}
	if count[0] != 100 || count[1] != 100 || count[2] != 100 {
		t.Errorf("class counts %v, want 100 each", count)
	}
	q := Spirals(100, 3, 0.2, 1)
	for i := range p.X {
		if p.X[i] != q.X[i] {
			t.Fatal("same seed, different points")
		}
	}
	// The class means nearly coincide (the arms wind around the origin),
	// which is why a linear classifier fails.
	for c := range 3 {
		mx, my := 0.0, 0.0
		for i := c * 100; i < (c+1)*100; i++ {
			mx, my = mx+p.X[2*i]/100, my+p.X[2*i+1]/100
		}
		if math.Hypot(mx, my) > 0.4 {
			t.Errorf("class %d mean (%.2f, %.2f) far from the origin", c, mx, my)
		}
	}
}

func TestBlobs(t *testing.T) {
	centers := [][2]float64{{-2, 0}, {2, 0}, {0, 3}}
	p := Blobs(2000, centers, 0.5, 3)
	for c, m := range centers {
		mx, my, v := 0.0, 0.0, 0.0
		for i := range p.Len() {
			if int(p.Labels[i]) == c {
				x, y := p.X[2*i], p.X[2*i+1]
				mx, my, v = mx+x/2000, my+y/2000, v+((x-m[0])*(x-m[0])+(y-m[1])*(y-m[1]))/4000
			}
		}
		if math.Hypot(mx-m[0], my-m[1]) > 0.05 || math.Abs(math.Sqrt(v)-0.5) > 0.02 {
			t.Errorf("class %d: mean (%.3f, %.3f) std %.3f, want %v and 0.5", c, mx, my, math.Sqrt(v), m)
		}
	}
}
