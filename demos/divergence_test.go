package demos

import (
	"errors"
	"strings"
	"testing"

	"github.com/nncourse/optimizers/datasets"
	"github.com/nncourse/optimizers/nn"
	"github.com/nncourse/optimizers/optim"
)

// TestSGDDivergesOnMNIST trains SGD at η = 100 on MNIST, which used to
// train to chance with a loss in the millions and return nil: Fit must
// now stop with a *DivergenceError naming the step, the rate and the
// lecture's advice, the weights finite.
func TestSGDDivergesOnMNIST(t *testing.T) {
	m, err := datasets.LoadMNIST("")
	if err != nil {
		t.Skip("MNIST is not here:", err)
	}
	train, _ := m.Test.Split(2000, 0, 1)
	model := nn.NewMLP[float32]([]int{datasets.Pixels, 32, datasets.Classes}, nn.ReLU, 1, nn.He)
	opt := optim.NewSGD[float32]()
	opt.LR = 100
	tr := nn.NewTrainer(model, opt, 100, 3, 1)
	err = tr.Fit(nn.DigitsData[float32](train), nn.Data[float32]{})
	var div *nn.DivergenceError
	if !errors.As(err, &div) || div.Rate != 100 || !strings.Contains(err.Error(), "lower it") {
		t.Fatalf("SGD at η = 100 on MNIST: %v after %d steps, want a DivergenceError", err, tr.Step())
	}
	t.Log(err)
	for i, w := range model.Params {
		if w-w != 0 {
			t.Fatalf("weight %d is %v after the refused step", i, w)
		}
	}
}
