package vizhelpers

import (
	"bytes"
	"image"
	"image/draw"
	"image/gif"
	"math"
	"strings"
	"testing"
)

// raceOf returns a race of SGD and momentum on Beale's function.
func raceOf(t *testing.T, opts RaceOptions) (*Animation, []Trajectory) {
	t.Helper()
	trajs := []Trajectory{
		{Name: "SGD", Points: descend(beale{}, 1, 1.5, 0.001, 0, 200)},
		{Name: "Momentum", Points: descend(beale{}, 1, 1.5, 0.001, 0.9, 200)},
	}
	a := Race(beale{}, opts, trajs...)
	if a.Err() != nil {
		t.Fatal(a.Err())
	}
	return a, trajs
}

func TestRaceFramesAndDelays(t *testing.T) {
	g, _ := raceOf(t, RaceOptions{Frames: 30, Delay: 5, Hold: 200})
	data, err := g.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	dec, err := gif.DecodeAll(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("GIF does not decode: %v", err)
	}
	if len(dec.Image) != 30 || len(dec.Delay) != 30 {
		t.Fatalf("%d frames, %d delays; want 30", len(dec.Image), len(dec.Delay))
	}
	for i, d := range dec.Delay {
		want := 5
		if i == 29 {
			want = 200
		}
		if d != want {
			t.Errorf("frame %d: delay %d, want %d", i, d, want)
		}
	}
	if dec.Config.Width != 640 || dec.Config.Height != 440 || dec.LoopCount != 0 {
		t.Errorf("size %d×%d loop %d; want 640×440 looping forever", dec.Config.Width, dec.Config.Height, dec.LoopCount)
	}
	if len(data) > 400_000 {
		t.Errorf("GIF is %d bytes, want at most 400 kB", len(data))
	}
}

func TestRaceHeadsAtLastIterates(t *testing.T) {
	g, trajs := raceOf(t, RaceOptions{Frames: 20})
	// Compose the delta frames into the final picture.
	final := image.NewRGBA(g.GIF.Image[0].Rect)
	for _, fr := range g.GIF.Image {
		draw.Draw(final, fr.Rect, fr, fr.Rect.Min, draw.Over)
	}
	_, toPixel, area := raceBackground(beale{}, RaceOptions{}.withDefaults(), trajs)
	for i, tr := range trajs {
		head := toPixel(tr.Points[len(tr.Points)-1])
		x, y := int(head[0]), int(head[1])
		if !image.Pt(x, y).In(area) {
			t.Fatalf("path %d ends outside the data area at (%d, %d)", i, x, y)
		}
		if !near(final, x, y, 1, Color(i), 12) {
			t.Errorf("path %d: no head of colour %v at (%d, %d)", i, Color(i), x, y)
		}
	}
	// Only the data area and the progress bar (the bottom rows) change:
	// the title, axes and legend are never drawn over.
	bar := image.Rect(0, final.Rect.Max.Y-3, final.Rect.Max.X, final.Rect.Max.Y-1)
	for f, fr := range g.GIF.Image[1:] {
		for y := fr.Rect.Min.Y; y < fr.Rect.Max.Y; y++ {
			for x := fr.Rect.Min.X; x < fr.Rect.Max.X; x++ {
				if p := image.Pt(x, y); fr.ColorIndexAt(x, y) != 0 && !p.In(area) && !p.In(bar) {
					t.Fatalf("frame %d changes pixel %v outside the data area %v and the bar %v", f+1, p, area, bar)
				}
			}
		}
	}
}

func TestRaceErrors(t *testing.T) {
	if a := Race(beale{}, RaceOptions{}, Trajectory{Name: "nan", Points: [][2]float64{{math.NaN(), 0}}}); a.Err() == nil {
		t.Errorf("no finite point: no error")
	}
	if _, err := Race(beale{}, RaceOptions{}, make([]Trajectory, 41)...).Bytes(); err == nil {
		t.Errorf("41 trajectories: no error")
	}
}

func TestAnimationHTML(t *testing.T) {
	g, _ := raceOf(t, RaceOptions{Frames: 3})
	h, err := g.HTML()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, `<img alt="animation" style="max-width:100%" src="data:image/gif;base64,R0lGODlh`) {
		t.Errorf("HTML = %.80q…, want an <img> with a base64 GIF89a data URI", h)
	}
}

func TestClipSegment(t *testing.T) {
	for i, tc := range []struct {
		a, b, wantA, wantB [2]float64
		ok                 bool
	}{
		{[2]float64{1, 1}, [2]float64{2, 2}, [2]float64{1, 1}, [2]float64{2, 2}, true},
		{[2]float64{-5, 5}, [2]float64{15, 5}, [2]float64{0, 5}, [2]float64{10, 5}, true},
		{[2]float64{5, -1e12}, [2]float64{5, 1e12}, [2]float64{5, 0}, [2]float64{5, 10}, true},
		{[2]float64{-5, -5}, [2]float64{-1, 20}, [2]float64{}, [2]float64{}, false},
	} {
		a, b, ok := clipSegment(tc.a, tc.b, 0, 10, 0, 10)
		if ok != tc.ok || (ok && (dist(a, tc.wantA) > 1e-9 || dist(b, tc.wantB) > 1e-9)) {
			t.Errorf("%d: clip(%v, %v) = %v, %v, %v; want %v, %v, %v", i, tc.a, tc.b, a, b, ok, tc.wantA, tc.wantB, tc.ok)
		}
	}
}

func dist(a, b [2]float64) float64 { return math.Hypot(a[0]-b[0], a[1]-b[1]) }

// TestRaceLegendMatchesTrails checks that each legend swatch is drawn in
// the exact palette entry of its trajectory's trail, not in a nearby
// background colour.
func TestRaceLegendMatchesTrails(t *testing.T) {
	g, trajs := raceOf(t, RaceOptions{Frames: 3})
	first := g.GIF.Image[0]
	for i := range trajs {
		shade := uint8(2 + len(trailFades)*i)
		n := 0
		for _, p := range first.Pix {
			if p == shade {
				n++
			}
		}
		if n < 20 {
			t.Errorf("trajectory %d: %d pixels of its trail colour in the first frame, want its legend swatch (≥ 20)", i, n)
		}
	}
}
