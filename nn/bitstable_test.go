//go:build amd64 && !purego

package nn

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"testing"

	"github.com/nncourse/optimizers/nn/gemm"
	"github.com/nncourse/optimizers/optim"
)

// TestTrainingIsBitStable trains seeded models with Fit, every optimizer
// in turn, and compares a SHA-256 of the resulting weights and epoch
// losses with the one recorded before the training step was fused (commit
// c0d2a17): a faster step must keep the course's trained numbers bit for
// bit. The products run on the reference backend, whose float64 sums do
// not depend on the fast GEMM's block sizes or kernels. The hashes are
// those of amd64 with optim's assembly, whose float32 updates round once
// per fused multiply-add where its portable loops (the purego build)
// round twice; another architecture may fuse a·b + c in Go code too. So
// the test builds only there.
func TestTrainingIsBitStable(t *testing.T) {
	cases := []struct {
		sizes  []int
		hidden Activation
		loss   Loss
		clip   float64
		want32 string
		want64 string
	}{
		{[]int{30, 24, 16, 10}, ReLU, CrossEntropy, 0, "bbbca8e269a4f155fb21e4b8", "3b014bde73458325548e5a5a"},
		{[]int{30, 24, 16, 10}, Tanh, CrossEntropy, 1, "7786e90353f19309ecae0651", "7282515788f26e51e8e6d969"},
		{[]int{12, 9, 5}, Sigmoid, MSE, 0, "fc18010cd33df794ef12ee92", "97853519049e38934830e9c3"},
		{[]int{12, 9, 5}, ReLU, MSE, 0.5, "6b04dc61a184513edc0408c5", "b5741e45dcde7d1dfa6cc83a"},
	}
	for i, c := range cases {
		got32 := trainedHash[float32](c.sizes, c.hidden, c.loss, c.clip)
		got64 := trainedHash[float64](c.sizes, c.hidden, c.loss, c.clip)
		if got32 != c.want32 || got64 != c.want64 {
			t.Errorf("%d %v %v %v clip %v: weights hash\n got %q, %q\nwant %q, %q",
				i, c.sizes, c.hidden, c.loss, c.clip, got32, got64, c.want32, c.want64)
		}
	}
}

// trainedHash trains one seeded model per optimizer for three epochs of
// 45 rows in batches of 16 (the last batch short) and hashes every
// optimizer's final parameters and epoch losses, in order.
func trainedHash[T optim.Float](sizes []int, hidden Activation, loss Loss, clip float64) string {
	train64, val64 := randomData(sizes, 45, 3), randomData(sizes, 9, 4)
	train, val := convertData[T](train64), convertData[T](val64)
	h := sha256.New()
	for _, fresh := range optimizers[T]() {
		m := NewMLP[T](sizes, hidden, 5, He)
		m.Loss = loss
		m.Backend = gemm.Ref[T]{}
		tr := NewTrainer(m, fresh(), 16, 3, 7)
		tr.ClipNorm = clip
		if err := tr.Fit(train, val); err != nil {
			return err.Error()
		}
		for _, p := range tr.InferenceModel().Params {
			binary.Write(h, binary.LittleEndian, float64(p))
		}
		for _, e := range tr.History {
			binary.Write(h, binary.LittleEndian, []float64{e.TrainLoss, e.ValLoss, e.ValAccuracy})
		}
	}
	return fmt.Sprintf("%x", h.Sum(nil)[:12])
}
