package demos

import (
	"strings"
	"testing"
)

// TestRaces checks the races' stories: on Beale Rprop settles at the
// minimum; on the saddle plain SGD is still near the ridge when Adam has
// left the window.
func TestRaces(t *testing.T) {
	beale := BealeRace()
	trajs := beale.Run()
	if len(trajs) != 9 || trajs[3].Name != "Rprop" {
		t.Fatalf("%d trajectories", len(trajs))
	}
	tab := beale.Table(trajs)
	if got := tab.Rows[3][4]; strings.HasPrefix(got, "not") {
		t.Errorf("Rprop on Beale: %v", tab.Rows[3])
	}
	saddle := SaddleRace()
	trajs = saddle.Run()
	tab = saddle.Table(trajs)
	if len(tab.Header) != 4 || tab.Rows[0][3] != "–" || tab.Rows[6][3] == "–" {
		t.Errorf("saddle: SGD %v, Adam %v", tab.Rows[0], tab.Rows[6])
	}
}
