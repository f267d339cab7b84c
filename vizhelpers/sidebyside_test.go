package vizhelpers

import (
	"strings"
	"testing"
)

func TestSideBySide(t *testing.T) {
	c := LineChart(LineOptions{}, Series{Y: []float64{1, 2}})
	html, err := SideBySide{Cols: 2, Charts: []*Chart{c, c}}.HTML()
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(html, "data:image/png;base64,"); n != 2 {
		t.Errorf("%d images, want 2", n)
	}
	bad := LineChart(LineOptions{LogY: true}, Series{Y: []float64{0}})
	if _, err := (SideBySide{Charts: []*Chart{c, bad}}).HTML(); err == nil {
		t.Errorf("a chart with an error: no error")
	}
}
