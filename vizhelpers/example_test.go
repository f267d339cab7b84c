package vizhelpers_test

import (
	"bytes"
	"fmt"
	"image/gif"
	"image/png"
	"math"

	"github.com/nncourse/optimizers/vizhelpers"
)

// quadratic is the bowl f = x²/10 + y² on [−3, 3]², minimum at the origin.
type quadratic struct{}

func (quadratic) Value(x, y float64) float64                   { return x*x/10 + y*y }
func (quadratic) Bounds() (float64, float64, float64, float64) { return -3, 3, -3, 3 }
func (quadratic) Minima() [][2]float64                         { return [][2]float64{{0, 0}} }

// gradientDescent returns n+1 iterates of θ ← θ − η∇f on the bowl.
func gradientDescent(lr float64, n int) [][2]float64 {
	x, y := -2.8, 2.0
	pts := [][2]float64{{x, y}}
	for range n {
		x, y = x-lr*x/5, y-lr*2*y
		pts = append(pts, [2]float64{x, y})
	}
	return pts
}

func ExampleTable_Text() {
	t := vizhelpers.Table{
		Caption: "784-32-20-10 in float64",
		Header:  []string{"layer", "parameters", "bytes"},
		Rows: [][]string{
			{"784→32", "25120", "200960"},
			{"32→20", "660", "5280"},
			{"20→10", "210", "1680"},
			{"total", "25990", "207920"},
		},
	}
	fmt.Print(t.Text())
	// Output:
	// 784-32-20-10 in float64
	// layer   parameters   bytes
	// 784→32       25120  200960
	// 32→20          660    5280
	// 20→10          210    1680
	// total        25990  207920
}

func ExampleHumanBytes() {
	fmt.Println(vizhelpers.HumanBytes(207920))
	fmt.Println(vizhelpers.HumanBytes(7e9 * 4)) // a 7B-parameter model in float32
	// Output:
	// 203.05 KiB
	// 26.08 GiB
}

func ExampleContour() {
	c := vizhelpers.Contour(quadratic{}, vizhelpers.ContourOptions{Title: "η = 0.9"},
		vizhelpers.Trajectory{Name: "GD η=0.9", Points: gradientDescent(0.9, 30)})
	data, err := c.PNG() // or c.Save("bowl.png"), or vizhelpers.Show(c) in a notebook
	if err != nil {
		panic(err)
	}
	img, _ := png.Decode(bytes.NewReader(data))
	fmt.Println(img.Bounds().Size())
	// Output: (700,450)
}

func ExampleLineChart() {
	var sgd, adam []float64
	for epoch := range 20 {
		sgd = append(sgd, 2*math.Exp(-0.1*float64(epoch)))
		adam = append(adam, 2*math.Exp(-0.3*float64(epoch)))
	}
	c := vizhelpers.LineChart(vizhelpers.LineOptions{Title: "training loss", XLabel: "epoch", YLabel: "loss", LogY: true},
		vizhelpers.Series{Name: "SGD", Y: sgd}, vizhelpers.Series{Name: "Adam", Y: adam})
	fmt.Println(c.Err())
	// A zero cannot be drawn on a log axis: the chart keeps the error, which
	// vizhelpers.Show(c) would print under the cell.
	bad := vizhelpers.LineChart(vizhelpers.LineOptions{LogY: true}, vizhelpers.Series{Name: "zero", Y: []float64{1, 0}})
	fmt.Println(bad.Err())
	// Output:
	// <nil>
	// vizhelpers: LineChart: series "zero" has y[1] = 0, not plottable on a log axis
}

func ExampleRace() {
	race := vizhelpers.Race(quadratic{}, vizhelpers.RaceOptions{Title: "race", Frames: 25},
		vizhelpers.Trajectory{Name: "η=0.3", Points: gradientDescent(0.3, 60)},
		vizhelpers.Trajectory{Name: "η=0.9", Points: gradientDescent(0.9, 60)})
	data, err := race.Bytes() // vizhelpers.Show(race) in a notebook
	if err != nil {
		panic(err)
	}
	dec, _ := gif.DecodeAll(bytes.NewReader(data))
	fmt.Println(len(dec.Image), "frames, last held", dec.Delay[len(dec.Delay)-1], "cs")
	// Output: 25 frames, last held 250 cs
}

func ExampleArrows() {
	// NAG's step at θ = (−2, 1) with velocity v = (0.8, −0.5), μ = 0.9, η = 0.3.
	theta, v := [2]float64{-2, 1}, [2]float64{0.8, -0.5}
	look := [2]float64{theta[0] + 0.9*v[0], theta[1] + 0.9*v[1]}
	grad := [2]float64{look[0] / 5, 2 * look[1]}
	next := [2]float64{look[0] - 0.3*grad[0], look[1] - 0.3*grad[1]}
	c := vizhelpers.Contour(quadratic{}, vizhelpers.ContourOptions{Title: "one NAG step"})
	c.Plot.Add(vizhelpers.Arrows{
		{From: theta, To: look, Label: "μ·v"},
		{From: look, To: next, Label: "−η∇f(θ+μv)", Color: vizhelpers.Color(1)},
		{From: theta, To: next, Label: "step", Color: vizhelpers.Color(2), Dashed: true},
	})
	_, err := c.PNG()
	fmt.Printf("θ' = (%.3f, %.3f), rendering error: %v\n", next[0], next[1], err)
	// Output: θ' = (-1.203, 0.220), rendering error: <nil>
}

func ExampleShow_table() {
	// In a notebook this displays the HTML table; elsewhere it prints the text.
	vizhelpers.Show(vizhelpers.Table{
		Header: []string{"optimizer", "state per parameter"},
		Rows:   [][]string{{"SGD", "0"}, {"Momentum", "1"}, {"Adam", "2"}},
	})
	// Output:
	// optimizer  state per parameter
	// SGD                          0
	// Momentum                     1
	// Adam                         2
}
