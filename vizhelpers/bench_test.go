package vizhelpers

import (
	"fmt"
	"testing"
)

func BenchmarkContourPNG(b *testing.B) {
	path := descend(beale{}, 1, 1.5, 0.001, 0.9, 300)
	for _, heat := range []bool{false, true} {
		b.Run(fmt.Sprintf("heatmap=%v", heat), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c := Contour(beale{}, ContourOptions{HeatMap: heat}, Trajectory{Name: "momentum", Points: path})
				if _, err := c.PNG(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkRace(b *testing.B) {
	trajs := []Trajectory{
		{Name: "SGD", Points: descend(beale{}, 1, 1.5, 0.001, 0, 300)},
		{Name: "Momentum", Points: descend(beale{}, 1, 1.5, 0.001, 0.9, 300)},
	}
	for _, frames := range []int{20, 80} {
		b.Run(fmt.Sprintf("frames=%d", frames), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Race(beale{}, RaceOptions{Frames: frames}, trajs...).Bytes(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkProgressUpdate measures a throttled Update, the cost a training
// loop pays on every step between two renderings.
func BenchmarkProgressUpdate(b *testing.B) {
	p := NewProgress("bench", 1<<30, nil)
	p.Interval = 1 << 62 // render only the first update
	b.ReportAllocs()
	step := 0
	for b.Loop() {
		step++
		p.Update(step, 1)
	}
}
