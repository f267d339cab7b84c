package exercises

import (
	"bytes"
	"io"
	"math"
	"strings"
	"testing"
)

// capture runs check and returns what it printed.
func capture(check func()) string {
	var b bytes.Buffer
	defer func(w io.Writer) { out = w }(out)
	out = &b
	check()
	return b.String()
}

func lionRight(w, m, g float64) (float64, float64) {
	c := 0.9*m + 0.1*g
	s := 0.0
	if c > 0 {
		s = 1
	} else if c < 0 {
		s = -1
	}
	return w - 0.1*(s+0.5*w), 0.99*m + 0.01*g
}

// TestLesson10 checks that the reference answers pass and typical wrong
// ones (the momentum decayed with β₁, clipping always, a cosine from step
// 0) fail with a hint, and that a panicking answer is reported.
func TestLesson10(t *testing.T) {
	cases := []struct {
		name  string
		check func()
		right bool
	}{
		{"Lion right", func() { CheckLionStep(lionRight) }, true},
		{"Lion with β₁ for m", func() {
			CheckLionStep(func(w, m, g float64) (float64, float64) { wn, _ := lionRight(w, m, g); return wn, 0.9*m + 0.1*g })
		}, false},
		{"Lion panics", func() { CheckLionStep(func(w, m, g float64) (float64, float64) { panic("x") }) }, false},
		{"clip right", func() {
			CheckClip(func(g []float64, maxNorm float64) {
				var s float64
				for _, x := range g {
					s += x * x
				}
				if k := maxNorm / (math.Sqrt(s) + 1e-6); k < 1 {
					for i := range g {
						g[i] *= k
					}
				}
			})
		}, true},
		{"clip always", func() {
			CheckClip(func(g []float64, maxNorm float64) {
				var s float64
				for _, x := range g {
					s += x * x
				}
				for i := range g {
					g[i] *= maxNorm / (math.Sqrt(s) + 1e-6)
				}
			})
		}, false},
		{"schedule right", func() {
			CheckWarmupCosine(func(t int) float64 {
				if t < 10 {
					return 0.1 * (0.1 + 0.9*float64(t)/10)
				}
				return 0.1 * (1 + math.Cos(math.Pi*float64(t-10)/90)) / 2
			})
		}, true},
		{"cosine from step 0", func() {
			CheckWarmupCosine(func(t int) float64 { return 0.1 * (1 + math.Cos(math.Pi*float64(t)/100)) / 2 })
		}, false},
	}
	for i, c := range cases {
		got := capture(c.check)
		if c.right != strings.HasPrefix(got, "✓") || (!c.right && !strings.HasPrefix(got, "✗ not yet:")) {
			t.Errorf("%d %s: printed %q", i, c.name, got)
		}
	}
}
