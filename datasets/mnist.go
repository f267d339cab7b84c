package datasets

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// MNIST image geometry and classes.
const (
	Rows    = 28          // image height in pixels
	Cols    = 28          // image width in pixels
	Pixels  = Rows * Cols // 784, the lecture's input layer
	Classes = 10          // digits 0–9
)

// Digits is a set of labelled MNIST images.
type Digits struct {
	// Images holds Len() images of Pixels values each, row-major, every
	// pixel scaled from 0–255 to [0, 1] (0 is background, 1 is ink).
	Images []float32
	// Labels holds the digit 0–9 shown by each image.
	Labels []uint8
}

// Len returns the number of images.
func (d *Digits) Len() int { return len(d.Labels) }

// Image returns the Pixels values of image i (a view, not a copy).
func (d *Digits) Image(i int) []float32 { return d.Images[i*Pixels : (i+1)*Pixels] }

// Subset returns a copy of the images at the given indices, in that order.
func (d *Digits) Subset(indices []int) *Digits {
	s := &Digits{Images: make([]float32, 0, len(indices)*Pixels), Labels: make([]uint8, 0, len(indices))}
	for _, i := range indices {
		s.Images = append(s.Images, d.Image(i)...)
		s.Labels = append(s.Labels, d.Labels[i])
	}
	return s
}

// Split shuffles the images with the given seed and returns the first
// nTrain as a training set and the next nValidation as a validation set,
// e.g. Split(8000, 2000, seed) on the 10,000 test images when the 60,000
// training images are not available. It panics if nTrain + nValidation
// exceeds Len().
func (d *Digits) Split(nTrain, nValidation int, seed uint64) (train, validation *Digits) {
	if nTrain < 0 || nValidation < 0 || nTrain+nValidation > d.Len() {
		panic(fmt.Sprintf("datasets: Digits.Split: %d + %d images requested, %d available", nTrain, nValidation, d.Len()))
	}
	perm := rand.New(rand.NewPCG(seed, splitStream)).Perm(d.Len())
	return d.Subset(perm[:nTrain]), d.Subset(perm[nTrain : nTrain+nValidation])
}

// splitStream selects the PCG stream used by Split, so that its shuffle
// differs from the minibatch shuffles drawn from the same seed.
const splitStream = 0x5eed5917

// MNIST holds the two official sets. Train is nil when its files are
// absent: the 10,000 test images alone are enough for the course.
type MNIST struct {
	Train *Digits // 60,000 images, or nil
	Test  *Digits // 10,000 images
}

// LoadMNIST reads MNIST from dir; an empty dir means Dir(). The files keep
// their official names, gzip-compressed (.gz) or not:
//
//	t10k-images-idx3-ubyte   t10k-labels-idx1-ubyte    required
//	train-images-idx3-ubyte  train-labels-idx1-ubyte   optional, both or neither
//
// Each file is checked as ReadIDX describes; images must be 28×28 and as
// many as their labels, and every label must be a digit.
func LoadMNIST(dir string) (*MNIST, error) {
	if dir == "" {
		var err error
		if dir, err = Dir(); err != nil {
			return nil, err
		}
	}
	budget := int64(MaxMNISTLoad)
	test, err := loadDigits(dir, "t10k", &budget)
	if err != nil {
		return nil, err
	}
	m := &MNIST{Test: test}
	m.Train, err = loadDigits(dir, "train", &budget)
	if errors.Is(err, fs.ErrNotExist) {
		_, imagesErr := findIDX(dir, "train-images-idx3-ubyte")
		_, labelsErr := findIDX(dir, "train-labels-idx1-ubyte")
		if imagesErr != nil && labelsErr != nil {
			return m, nil // no training set at all: fine
		}
	}
	if err != nil {
		return nil, err
	}
	return m, nil
}

// MaxMNISTLoad bounds the memory LoadMNIST may use, 512 MiB: each image
// costs its 784 bytes as read and 4×784 as float32 pixels, 3,920 bytes,
// so the official 70,000 images take 274 MB and a forged header that
// announces more than about 137,000 images is an error before anything
// is allocated.
const MaxMNISTLoad = 1 << 29

// imageLoadBytes is what loading one image costs: its bytes and its
// float32 pixels.
const imageLoadBytes = Pixels + 4*Pixels

// loadDigits reads the image and label files of one set ("t10k" or
// "train"), taking what it uses from *budget.
func loadDigits(dir, set string, budget *int64) (*Digits, error) {
	imagesPath, err := findIDX(dir, set+"-images-idx3-ubyte")
	if err != nil {
		return nil, err
	}
	labelsPath, err := findIDX(dir, set+"-labels-idx1-ubyte")
	if err != nil {
		return nil, err
	}
	images, err := readIDXFile(imagesPath, *budget/imageLoadBytes*Pixels)
	if err != nil {
		return nil, err
	}
	*budget -= int64(len(images.Data)) / Pixels * imageLoadBytes
	if len(images.Dims) != 3 || images.Dims[1] != Rows || images.Dims[2] != Cols {
		return nil, formatErr(imagesPath, "images have dimensions %v, want [n 28 28]", images.Dims)
	}
	labels, err := ReadIDXFile(labelsPath)
	if err != nil {
		return nil, err
	}
	if len(labels.Dims) != 1 {
		return nil, formatErr(labelsPath, "labels have dimensions %v, want [n]", labels.Dims)
	}
	if images.Dims[0] != labels.Dims[0] {
		return nil, formatErr(labelsPath, "count mismatch: %d labels for %d images in %s", labels.Dims[0], images.Dims[0], imagesPath)
	}
	for i, l := range labels.Data {
		if l >= Classes {
			return nil, formatErr(labelsPath, "label %d of item %d is not a digit 0–9", l, i)
		}
	}
	d := &Digits{Images: make([]float32, len(images.Data)), Labels: labels.Data}
	for i, p := range images.Data {
		d.Images[i] = float32(p) / 255
	}
	return d, nil
}

// findIDX returns the path of base.gz or base in dir, or an error wrapping
// fs.ErrNotExist that names both.
func findIDX(dir, base string) (string, error) {
	for _, name := range []string{base + ".gz", base} {
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("datasets: neither %s.gz nor %s in %s: %w (run datasets.Download)", base, base, dir, fs.ErrNotExist)
}
