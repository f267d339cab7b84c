package exercises

// Lesson 01, space and memory: exercise 1 (counting parameters) and
// exercise 4 (the memory of mixed-precision Adam).

import (
	"fmt"

	"github.com/nncourse/optimizers/nn"
)

// Lesson01ParamCount checks exercise 1: count(sizes) must return the number
// of parameters of a dense network with these layer widths (input first):
// Σ n·k + k over its layers, weights and biases.
func Lesson01ParamCount(count func(sizes []int) int) bool {
	for _, sizes := range [][]int{{784, 1000, 1000, 10}, {784, 32, 20, 10}, {3, 2}} {
		var got int
		if err := safely(func() { got = count(sizes) }); err != nil {
			return verdict(false, "", err.Error())
		}
		if want := nn.ParamCount(sizes); got != want {
			hint := "each layer of n inputs and k neurons has an n×k weight matrix and k biases"
			if weights := want - biases(sizes); got == weights {
				hint = "you counted the weights; every neuron also has a bias"
			}
			return verdict(false, "", fmt.Sprintf("%v: you count %d parameters, the network has %d; %s", sizes, got, want, hint))
		}
	}
	n := nn.ParamCount([]int{784, 1000, 1000, 10})
	return verdict(true, fmt.Sprintf("784-1000-1000-10 has %d parameters: %d bytes in float32", n, 4*n), "")
}

func biases(sizes []int) int {
	b := 0
	for _, k := range sizes[1:] {
		b += k
	}
	return b
}

// MixedPrecisionBytes is the reference of exercise 4: mixed-precision
// training with Adam keeps, per parameter, the bfloat16 weights and
// gradients (2 + 2 bytes), a float32 master copy of the weights (4) and
// Adam's two moving averages in float32 (4 + 4): 16 bytes.
func MixedPrecisionBytes(params int64) int64 { return params * (2 + 2 + 4 + 4 + 4) }

// Lesson01MixedPrecision checks exercise 4: bytes(params) must be what
// mixed-precision Adam keeps for params parameters (MixedPrecisionBytes).
func Lesson01MixedPrecision(bytes func(params int64) int64) bool {
	for _, params := range []int64{7_000_000_000, 25_990} {
		var got int64
		if err := safely(func() { got = bytes(params) }); err != nil {
			return verdict(false, "", err.Error())
		}
		if want := MixedPrecisionBytes(params); got != want {
			return verdict(false, "", fmt.Sprintf("for %d parameters you count %d bytes (%.4g per parameter), the answer is %.4g per parameter: list every array — weights and gradients in bfloat16, a float32 copy of the weights, Adam's m and v in float32",
				params, got, float64(got)/float64(params), float64(want)/float64(params)))
		}
	}
	b := MixedPrecisionBytes(7_000_000_000)
	return verdict(true, fmt.Sprintf("16 bytes per parameter: %d bytes (%.1f GiB) for 7 billion", b, float64(b)/(1<<30)), "")
}
