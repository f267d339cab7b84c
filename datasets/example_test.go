package datasets_test

import (
	"bytes"
	"fmt"
	"math"

	"github.com/nncourse/optimizers/datasets"
)

// Gradient descent on the lecture's elliptic bowl: with condition number
// 10 the step size must suit the steep direction, so the flat one crawls.
func ExampleQuadratic() {
	bowl := datasets.Quadratic(10)
	x, y := 2.0, 1.0
	const lr = 0.15 // stable only below 2/κ = 0.2
	for step := 1; step <= 30; step++ {
		gx, gy := bowl.Grad(x, y)
		x, y = x-lr*gx, y-lr*gy
		if step%10 == 0 {
			fmt.Printf("step %d: (%.4f, %.4f) f = %.5f\n", step, x, y, bowl.Value(x, y))
		}
	}
	// Output:
	// step 10: (0.3937, 0.0010) f = 0.07752
	// step 20: (0.0775, 0.0000) f = 0.00300
	// step 30: (0.0153, 0.0000) f = 0.00012
}

func ExampleHimmelblau() {
	s := datasets.Himmelblau()
	for _, m := range s.Minima() {
		gx, gy := s.Grad(m[0], m[1])
		fmt.Printf("(%+.4f, %+.4f) f < 1e-20: %v, |∇f| < 1e-12: %v\n", m[0], m[1],
			s.Value(m[0], m[1]) < 1e-20, math.Hypot(gx, gy) < 1e-12)
	}
	// Output:
	// (+3.0000, +2.0000) f < 1e-20: true, |∇f| < 1e-12: true
	// (-2.8051, +3.1313) f < 1e-20: true, |∇f| < 1e-12: true
	// (-3.7793, -3.2832) f < 1e-20: true, |∇f| < 1e-12: true
	// (+3.5844, -1.8481) f < 1e-20: true, |∇f| < 1e-12: true
}

// The one-weight linear neuron: its loss is a parabola around the
// least-squares weight.
func ExampleLinearNeuron() {
	r := datasets.LinearNeuron(100, []float64{2}, nil, 0.1, 1)
	w := r.LeastSquares()
	fmt.Printf("w* = %.3f\n", w[0])
	for _, v := range []float64{0, 1, w[0], 3, 4} {
		fmt.Printf("E(%.3f) = %.4f\n", v, r.Loss([]float64{v}))
	}
	// Output:
	// w* = 2.000
	// E(0.000) = 2.4980
	// E(1.000) = 0.6280
	// E(2.000) = 0.0049
	// E(3.000) = 0.6288
	// E(4.000) = 2.4997
}

// Seven rows in batches of three: each epoch is a fresh shuffle, and its
// last batch holds the one row left over (set DropLast to skip it).
func ExampleMinibatches() {
	x := []float32{0, 1, 2, 3, 4, 5, 6} // seven one-value rows
	labels := []int{0, 1, 0, 1, 0, 1, 0}
	batches := &datasets.Minibatches[float32]{X: x, Width: 1, Labels: labels, BatchSize: 3, Seed: 1}
	for epoch := range 2 {
		for i, b := range batches.Epoch(epoch) {
			fmt.Println("epoch", epoch, "batch", i, b.X, b.Labels)
		}
	}
	// Output:
	// epoch 0 batch 0 [1 6 2] [1 0 0]
	// epoch 0 batch 1 [5 3 0] [1 1 0]
	// epoch 0 batch 2 [4] [0]
	// epoch 1 batch 0 [1 2 3] [1 0 1]
	// epoch 1 batch 1 [5 4 0] [1 0 0]
	// epoch 1 batch 2 [6] [0]
}

// With only the official test set at hand, the course splits its 10,000
// images into training and validation sets. (No checked output: the files
// may be absent.)
func ExampleLoadMNIST() {
	m, err := datasets.LoadMNIST("") // $MNIST_DIR or the course's shared/data/mnist
	if err != nil {
		fmt.Println(err)
		return
	}
	train, validation := m.Test.Split(8000, 2000, 1)
	fmt.Println(m.Test.Len(), "test images:", train.Len(), "for training,", validation.Len(), "for validation")
	fmt.Println("first label:", m.Test.Labels[0])
}

// A data file is untrusted input: a server's error page saved under the
// name of an MNIST file, or a header whose sizes the file cannot hold,
// gives an error naming the file and the problem.
func ExampleReadIDX() {
	page := []byte("<html>404 Not Found</html>")
	_, err := datasets.ReadIDX(bytes.NewReader(page), int64(len(page)), "t10k-labels-idx1-ubyte")
	fmt.Println(err)

	forged := []byte{0, 0, 0x08, 1, 0, 0, 0x27, 0x10, 7, 2, 1} // 10,000 labels promised, 3 present
	_, err = datasets.ReadIDX(bytes.NewReader(forged), int64(len(forged)), "labels")
	fmt.Println(err)

	labels := []byte{0, 0, 0x08, 1, 0, 0, 0, 3, 7, 2, 1}
	idx, err := datasets.ReadIDX(bytes.NewReader(labels), int64(len(labels)), "labels")
	fmt.Println(idx.Dims, idx.Data, err)
	// Output:
	// datasets: t10k-labels-idx1-ubyte: wrong magic 0x3c68746d: an IDX file starts with two zero bytes
	// datasets: labels: header [10000] promises 10000 bytes of data but the file holds 3 after its 8-byte header
	// [3] [7 2 1] <nil>
}
