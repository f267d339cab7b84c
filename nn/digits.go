package nn

import (
	"github.com/nncourse/optimizers/datasets"
	"github.com/nncourse/optimizers/optim"
)

// DigitsData turns MNIST digits into training data for a 784-input,
// 10-output model: the pixels (in [0, 1]) as inputs, the digits as class
// labels. For float32 the images are shared, not copied.
//
//	m, err := datasets.LoadMNIST("")
//	train, val := m.Test.Split(8000, 2000, seed)
//	err = trainer.Fit(nn.DigitsData[float32](train), nn.DigitsData[float32](val))
func DigitsData[T optim.Float](d *datasets.Digits) Data[T] {
	labels := make([]int, len(d.Labels))
	for i, l := range d.Labels {
		labels[i] = int(l)
	}
	if x, ok := any(d.Images).([]T); ok {
		return Data[T]{X: x, Labels: labels}
	}
	return Data[T]{X: datasets.Convert[T](d.Images), Labels: labels}
}
