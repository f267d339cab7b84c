package demos_test

import (
	"fmt"

	"github.com/nncourse/optimizers/demos"
)

// The numbers lesson 03's spectral section prints: the stable rates of the
// slider's bowl, the valley of its first figure and the √κ speed-up.
func ExampleSpeedUp() {
	lim := demos.RateLimits(0.9, 20)
	fmt.Printf("μ = 0.9, λ = 20: SGD η < %.4f, Momentum η < %.4f, NAG η < %.4f\n", lim[0], lim[1], lim[2])
	v := demos.ValleyRun(100, 0.019, 0.9, [2]float64{-1.8, 1}, 100)
	fmt.Printf("across the valley, per step: SGD %.3f, Momentum %.3f; |x| after 100 steps: SGD %.3f, Momentum %.4f\n",
		v.AcrossDecay[0], v.AcrossDecay[1], v.AlongLeft[0], v.AlongLeft[1])
	for _, r := range demos.SpeedUp([]float64{10, 100, 1000, 10000}, 1e-6, 200000) {
		fmt.Printf("κ = %5.0f: GD %6d steps, Momentum %4d steps, ratio %5.1f\n",
			r.Kappa, r.GDSteps, r.MomentumSteps, float64(r.GDSteps)/float64(r.MomentumSteps))
	}
	// Output:
	// μ = 0.9, λ = 20: SGD η < 0.1000, Momentum η < 0.1900, NAG η < 0.0679
	// across the valley, per step: SGD 0.900, Momentum 0.949; |x| after 100 steps: SGD 0.264, Momentum 0.0094
	// κ =    10: GD     69 steps, Momentum   27 steps, ratio   2.6
	// κ =   100: GD    691 steps, Momentum   93 steps, ratio   7.4
	// κ =  1000: GD   6908 steps, Momentum  315 steps, ratio  21.9
	// κ = 10000: GD  69078 steps, Momentum 1056 steps, ratio  65.4
}
