package datasets

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Points is a labelled set of points in the plane, for classifiers small
// enough to watch.
type Points struct {
	X       []float64 // Len()×2 coordinates (x, y), row-major
	Labels  []uint8   // class of each point, 0…Classes−1
	Classes int
}

// Len returns the number of points.
func (p *Points) Len() int { return len(p.Labels) }

// Spirals returns classes interleaved spiral arms of perClass points each
// (the classic data set no linear classifier can separate). Point i of arm
// c lies at radius r = i/(perClass−1) and angle 4·(c + r) radians plus
// Gaussian noise of standard deviation noise (0.2 is customary).
func Spirals(perClass, classes int, noise float64, seed uint64) *Points {
	if perClass < 2 || classes < 1 || classes > 256 {
		panic(fmt.Sprintf("datasets: Spirals: need perClass ≥ 2 and 1–256 classes, got %d and %d", perClass, classes))
	}
	rng := rand.New(rand.NewPCG(seed, spiralStream))
	p := &Points{Classes: classes}
	for c := range classes {
		for i := range perClass {
			r := float64(i) / float64(perClass-1)
			theta := 4*(float64(c)+r) + noise*rng.NormFloat64()
			p.X = append(p.X, r*math.Sin(theta), r*math.Cos(theta))
			p.Labels = append(p.Labels, uint8(c))
		}
	}
	return p
}

const spiralStream = 0x5917a1

// Blobs returns perClass points around each centre, Gaussian with standard
// deviation std in both coordinates; the label of a point is the index of
// its centre.
func Blobs(perClass int, centers [][2]float64, std float64, seed uint64) *Points {
	if perClass < 1 || len(centers) < 1 || len(centers) > 256 {
		panic(fmt.Sprintf("datasets: Blobs: need perClass ≥ 1 and 1–256 centres, got %d and %d", perClass, len(centers)))
	}
	rng := rand.New(rand.NewPCG(seed, blobStream))
	p := &Points{Classes: len(centers)}
	for c, m := range centers {
		for range perClass {
			p.X = append(p.X, m[0]+std*rng.NormFloat64(), m[1]+std*rng.NormFloat64())
			p.Labels = append(p.Labels, uint8(c))
		}
	}
	return p
}

const blobStream = 0xb10b
