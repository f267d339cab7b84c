package vizhelpers

import (
	"io"
	"os"
	"strings"
	"testing"
)

// TestShowReportsErrors checks that Show prints a value's error on standard
// error, where it appears under the cell and fails a headless run, and
// prints nothing for a value without one.
func TestShowReportsErrors(t *testing.T) {
	for i, tc := range []struct {
		v    Displayable
		want string // on stderr; "" for nothing
	}{
		{LineChart(LineOptions{}, Series{Y: []float64{1, 2}}), ""},
		{LineChart(LineOptions{LogY: true}, Series{Name: "zero", Y: []float64{1, 0}}), `vizhelpers: LineChart: series "zero" has y[1] = 0`},
		{Race(beale{}, RaceOptions{}), "vizhelpers: Race: no trajectory has a finite point"},
	} {
		if got := stderrOf(t, func() { Show(tc.v) }); (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
			t.Errorf("%d: Show wrote %q on stderr, want %q", i, got, tc.want)
		}
	}
}

// stderrOf returns what f writes on os.Stderr.
func stderrOf(t *testing.T, f func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stderr
	os.Stderr = w
	f()
	os.Stderr = saved
	w.Close()
	out, _ := io.ReadAll(r)
	return string(out)
}
