package vizhelpers

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestChartSave(t *testing.T) {
	c := LineChart(LineOptions{}, Series{Y: []float64{1, 2, 3}})
	dir := t.TempDir()
	for i, tc := range []struct {
		name, prefix string // prefix of the file written, "" for an error
	}{{"a.png", "\x89PNG"}, {"b.SVG", "<?xml"}, {"c.jpg", ""}} {
		path := filepath.Join(dir, tc.name)
		err := c.Save(path)
		data, _ := os.ReadFile(path)
		if (err == nil) != (tc.prefix != "") || !strings.HasPrefix(string(data), tc.prefix) {
			t.Errorf("%d: Save(%q): error %v, file starts %.5q; want prefix %q", i, tc.name, err, data, tc.prefix)
		}
	}
}

func TestSideLegendKeepsDataArea(t *testing.T) {
	// With a legend, the plot shrinks to leave the strip free: the data area
	// ends left of the legend's width.
	one := LineChart(LineOptions{}, Series{Name: "a", Y: []float64{1, 2}})
	two := LineChart(LineOptions{}, Series{Name: "a long series name", Y: []float64{1, 2}}, Series{Name: "b", Y: []float64{2, 1}})
	_, px1 := render(t, one)
	_, px2 := render(t, two)
	right1, _ := px1(2, 1)
	right2, _ := px2(2, 1)
	if lw := int(two.legendWidth() / 72 * 100); right2 > right1-lw+2 {
		t.Errorf("data area ends at x=%d with a legend of %d px, at %d without; want the legend's width freed", right2, lw, right1)
	}
}
