package vizhelpers

import (
	"fmt"
	"strings"
)

// SideBySide lays charts out in a grid of Cols columns (default 2), for
// small multiples: the same experiment with different settings, or one
// chart per training run. Show displays it; HTML renders it.
type SideBySide struct {
	Cols   int
	Charts []*Chart
}

// HTML renders the charts as PNG images in an HTML grid, or returns the
// first chart's error.
func (s SideBySide) HTML() (string, error) {
	cols := cmpOr(s.Cols, 2)
	var b strings.Builder
	fmt.Fprintf(&b, `<div style="display:grid;grid-template-columns:repeat(%d,1fr);gap:6px;max-width:%dpx">`, cols, 460*cols)
	for _, c := range s.Charts {
		png, err := c.PNG()
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, `<img style="width:100%%" src="data:image/png;base64,%s">`, base64Std(png))
	}
	b.WriteString("</div>")
	return b.String(), nil
}
