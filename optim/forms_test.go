package optim

// namedOptimizer is one optimizer in one of its forms.
type namedOptimizer[T Float] struct {
	name string
	opt  Optimizer[T]
}

// allForms lists every optimizer with its lecture defaults and each of its
// options, freshly constructed.
func allForms[T Float]() []namedOptimizer[T] {
	momentum := NewMomentum[T]()
	momentum.LROutside = true
	nagExact, nagTorch := NewNesterov[T](), NewNesterov[T]()
	nagExact.ExactWeights, nagTorch.Form = true, PyTorch
	iminus, plus := NewRprop[T](), NewRprop[T]()
	iminus.Variant, plus.Variant = RpropIMinus, RpropPlus
	rms := NewRMSprop[T]()
	rms.EpsOutside = true
	adam := NewAdam[T]()
	adam.EpsOutside = true
	nadamIn, nadamDozat := NewNadam[T](), NewNadam[T]()
	nadamIn.EpsInside, nadamDozat.MomentumDecay = true, 0.004
	adadelta := NewAdadelta[T]()
	adadelta.LR = 0.5
	return []namedOptimizer[T]{
		{"SGD", NewSGD[T]()},
		{"Momentum", NewMomentum[T]()},
		{"Momentum/LROutside", momentum},
		{"Nesterov", NewNesterov[T]()},
		{"Nesterov/ExactWeights", nagExact},
		{"Nesterov/PyTorch", nagTorch},
		{"Rprop", NewRprop[T]()},
		{"Rprop/IMinus", iminus},
		{"Rprop/Plus", plus},
		{"Adagrad", NewAdagrad[T]()},
		{"RMSprop", NewRMSprop[T]()},
		{"RMSprop/EpsOutside", rms},
		{"Adam", NewAdam[T]()},
		{"Adam/EpsOutside", adam},
		{"Nadam", NewNadam[T]()},
		{"Nadam/EpsInside", nadamIn},
		{"Nadam/Dozat", nadamDozat},
		{"Adadelta", NewAdadelta[T]()},
		{"Adadelta/LR=0.5", adadelta},
	}
}
