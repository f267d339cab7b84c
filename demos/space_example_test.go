package demos_test

import (
	"fmt"

	"github.com/nncourse/optimizers/demos"
)

func ExampleLayerTable() {
	fmt.Print(demos.LayerTable([]int{784, 32, 20, 10}).Text())
	// Output:
	// sizeof(Layer) = sizeof(type)·(n·k + k) for 784-32-20-10
	// layer n→k  n·k weights  k biases  n·k + k  float32 bytes  float64 bytes
	// 784→32          25,088        32   25,120        100,480        200,960
	// 32→20              640        20      660          2,640          5,280
	// 20→10              200        10      210            840          1,680
	// total                              25,990        103,960        207,920
}

func ExampleNoisySaddle_EscapeTable() {
	s := demos.NewNoisySaddle(1000, 1, 1)
	fmt.Print(s.EscapeTable([2]float64{1.5, 0}, 0.05, []int{1000, 5}, 5, 300).Text())
	// Output:
	// escaping the saddle x² − y² from (1.5, 0), η = 0.05, 1000 examples, 5 runs per batch size
	//        batch size  escaped within 300 steps  median steps to |y| > 1, within 300
	// 1000 (full batch)                    0 of 5  > 300
	//                 5                    5 of 5  25
}
