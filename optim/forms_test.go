package optim

import (
	"reflect"
	"testing"
)

// namedOptimizer is one optimizer in one of its forms.
type namedOptimizer[T Float] struct {
	name string
	opt  Optimizer[T]
}

// withForm sets o's Form field (every optimizer has one).
func withForm[T Float](o Optimizer[T], form Form) Optimizer[T] {
	f := reflect.ValueOf(o).Elem().FieldByName("Form")
	f.Set(reflect.ValueOf(form).Convert(f.Type()))
	return o
}

// allForms lists every optimizer of All and AfterLecture in both forms,
// with the variants that change the update besides, freshly constructed
// with the defaults.
func allForms[T Float]() []namedOptimizer[T] {
	var forms []namedOptimizer[T]
	for _, form := range []Form{Lecture, PyTorch} {
		for _, o := range append(All[T](), AfterLecture[T]()...) {
			name := o.Name()
			if a, ok := o.(*Adam[T]); ok && a.AMSGrad {
				name += "+AMSGrad"
			}
			forms = append(forms, namedOptimizer[T]{name + "/" + form.String(), withForm(o, form)})
		}
	}
	return append(forms,
		namedOptimizer[T]{"SGD/WeightDecay=0.5", &SGD[T]{WeightDecay: 0.5}},
		namedOptimizer[T]{"Adam/PyTorch/WeightDecay=0.5", &Adam[T]{WeightDecay: 0.5, Form: PyTorch}},
		namedOptimizer[T]{"AdamW/PyTorch/AMSGrad", &AdamW[T]{AMSGrad: true, Form: PyTorch}},
		namedOptimizer[T]{"Lion/WeightDecay=0.5", &Lion[T]{LR: 0.01, WeightDecay: 0.5}},
		namedOptimizer[T]{"Nesterov/Lecture/ExactWeights", &Nesterov[T]{ExactWeights: true}},
		namedOptimizer[T]{"Rprop/Lecture/RpropPlus", &Rprop[T]{Variant: RpropPlus}},
		namedOptimizer[T]{"Rprop/Lecture/IRpropMinus", &Rprop[T]{Variant: IRpropMinus}},
		namedOptimizer[T]{"Rprop/PyTorch/RpropPlus", &Rprop[T]{Variant: RpropPlus, Form: PyTorch}},
		namedOptimizer[T]{"Rprop/PyTorch/RpropMinus", &Rprop[T]{Variant: RpropMinus, Form: PyTorch}},
		namedOptimizer[T]{"Rprop/Lecture/FirstSignGradient", &Rprop[T]{FirstSign: FirstSignGradient}},
		namedOptimizer[T]{"Adadelta/LR=0.5", &Adadelta[T]{LR: 0.5}},
	)
}

// TestAllInLectureOrder checks the one list: the lecture's nine, in its
// order, each in the lecture's form with its constructor's defaults.
func TestAllInLectureOrder(t *testing.T) {
	want := []string{"SGD", "Momentum", "Nesterov", "Rprop", "Adagrad", "RMSprop", "Adam", "Nadam", "Adadelta"}
	all := All[float64]()
	if len(all) != len(want) {
		t.Fatalf("All has %d optimizers, want %d", len(all), len(want))
	}
	for i, o := range all {
		if o.Name() != want[i] {
			t.Errorf("%d: %s, want %s", i, o.Name(), want[i])
		}
		if f := reflect.ValueOf(o).Elem().FieldByName("Form"); !f.IsValid() || !f.IsZero() {
			t.Errorf("%d %s: Form field %v, want one, zero (Lecture)", i, o.Name(), f)
		}
	}
}

// TestAfterLectureList checks the second list: AMSGrad, AdamW and Lion,
// each in the PyTorch form, and that it leaves All the lecture's nine.
func TestAfterLectureList(t *testing.T) {
	want := []string{
		"Adam(η=0.001, β₁=0.9, β₂=0.999, ε=1e-08, AMSGrad=true, form=PyTorch)",
		"AdamW(η=0.001, β₁=0.9, β₂=0.999, ε=1e-08, λ=0.01, form=PyTorch)",
		"Lion(η=0.0001, β₁=0.9, β₂=0.99, λ=0, form=PyTorch)",
	}
	after := AfterLecture[float32]()
	if len(after) != len(want) {
		t.Fatalf("AfterLecture has %d optimizers, want %d", len(after), len(want))
	}
	for i, o := range after {
		if got := o.Settings(); got != want[i] {
			t.Errorf("%d: %s, want %s", i, got, want[i])
		}
	}
}

// TestSettings checks the one-line description of each optimizer.
func TestSettings(t *testing.T) {
	want := []string{
		"SGD(η=0.01, form=Lecture)",
		"Momentum(η=0.01, μ=0.9, form=Lecture)",
		"Nesterov(η=0.01, μ=0.9, form=Lecture)",
		"Rprop(η⁺=1.2, η⁻=0.5, U₀=0.01, U_min=1e-06, U_max=50, variant=RpropMinus, first SGN=FirstSignZero, form=Lecture)",
		"Adagrad(η=0.01, ε=1e-10, form=Lecture)",
		"RMSprop(η=0.001, γ=0.9, ε=1e-08, form=Lecture)",
		"Adam(η=0.001, β₁=0.9, β₂=0.999, ε=1e-08, form=Lecture)",
		"Nadam(η=0.002, β₁=0.9, β₂=0.999, ε=1e-08, form=Lecture)",
		"Adadelta(η=1, ρ=0.95, ε=1e-06, form=Lecture)",
	}
	for i, o := range All[float32]() {
		if got := o.Settings(); got != want[i] {
			t.Errorf("%d: %s, want %s", i, got, want[i])
		}
	}
	others := []struct {
		opt  Optimizer[float64]
		want string
	}{
		{&Nadam[float64]{Form: PyTorch}, "Nadam(η=0.002, β₁=0.9, β₂=0.999, ε=1e-08, ψ=0.004, form=PyTorch)"},
		{&Rprop[float64]{Form: PyTorch}, "Rprop(η⁺=1.2, η⁻=0.5, U₀=0.01, U_min=1e-06, U_max=50, variant=IRpropMinus, first SGN=FirstSignZero, form=PyTorch)"},
		{&Adagrad[float64]{Eps: Zero()}, "Adagrad(η=0.01, ε=0, form=Lecture)"},
		{&Nesterov[float64]{ExactWeights: true}, "Nesterov(η=0.01, μ=0.9, ExactWeights=true, form=Lecture)"},
		{&Nesterov[float64]{ExactWeights: true, Form: PyTorch}, "Nesterov(η=0.01, μ=0.9, form=PyTorch)"},
		{&SGD[float64]{WeightDecay: 0.1}, "SGD(η=0.01, λ=0.1, form=Lecture)"},
		{&Adam[float64]{WeightDecay: 0.1, AMSGrad: true}, "Adam(η=0.001, β₁=0.9, β₂=0.999, ε=1e-08, λ=0.1, AMSGrad=true, form=Lecture)"},
		{NewAdamW[float64](), "AdamW(η=0.001, β₁=0.9, β₂=0.999, ε=1e-08, λ=0.01, form=Lecture)"},
		{&AdamW[float64]{AMSGrad: true, Form: PyTorch}, "AdamW(η=0.001, β₁=0.9, β₂=0.999, ε=1e-08, AMSGrad=true, λ=0.01, form=PyTorch)"},
		{NewLion[float64](), "Lion(η=0.0001, β₁=0.9, β₂=0.99, λ=0, form=Lecture)"},
	}
	for i, c := range others {
		if got := c.opt.Settings(); got != c.want {
			t.Errorf("%d: %s, want %s", i, got, c.want)
		}
	}
}

// TestPartialLiteralIsConstructor checks the zero-value rule: a struct
// literal that sets some fields steps exactly like the constructor's
// optimizer with those fields set, and a field given Zero() is 0.
func TestPartialLiteralIsConstructor(t *testing.T) {
	adam := NewAdam[float64]()
	adam.LR = 3e-4
	momentum := NewMomentum[float64]()
	momentum.Mu = Zero()
	rprop := NewRprop[float64]()
	rprop.Initial = 0.1
	nadam := NewNadam[float64]()
	nadam.Form = PyTorch
	nadam.MomentumDecay = 0.004
	cases := []struct {
		name          string
		literal, want Optimizer[float64]
	}{
		{"Adam{LR}", &Adam[float64]{LR: 3e-4}, adam},
		{"Momentum{Mu: Zero()}", &Momentum[float64]{Mu: Zero()}, momentum},
		{"Rprop{Initial}", &Rprop[float64]{Initial: 0.1}, rprop},
		{"Nadam{Form: PyTorch}", &Nadam[float64]{Form: PyTorch}, nadam},
		{"SGD{}", &SGD[float64]{}, NewSGD[float64]()},
		{"Adagrad{}", &Adagrad[float64]{}, NewAdagrad[float64]()},
		{"RMSprop{}", &RMSprop[float64]{}, NewRMSprop[float64]()},
		{"Adadelta{}", &Adadelta[float64]{}, NewAdadelta[float64]()},
		{"Nesterov{}", &Nesterov[float64]{}, NewNesterov[float64]()},
		{"AdamW{}", &AdamW[float64]{}, NewAdamW[float64]()},
		{"Lion{}", &Lion[float64]{}, NewLion[float64]()},
	}
	for i, c := range cases {
		a, b := []float64{1, -2, 3}, []float64{1, -2, 3}
		stepRandom(c.literal, a, 5, 7)
		stepRandom(c.want, b, 5, 7)
		if !reflect.DeepEqual(a, b) || c.literal.Settings() != c.want.Settings() {
			t.Errorf("%d %s: %v %s, constructor %v %s", i, c.name, a, c.literal.Settings(), b, c.want.Settings())
		}
	}
	if got := (&Momentum[float64]{Mu: Zero()}).Settings(); got != "Momentum(η=0.01, μ=0, form=Lecture)" {
		t.Errorf("Mu: Zero() reads %s", got)
	}
	// Defaults are filled once: a 0 assigned after construction is 0.
	sgdLike := NewMomentum[float64]()
	sgdLike.Mu = 0
	a, b := []float64{1, -2, 3}, []float64{1, -2, 3}
	stepRandom(sgdLike, a, 5, 7)
	stepRandom(NewSGD[float64](), b, 5, 7)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("Momentum with μ set to 0 after NewMomentum: %v, SGD %v", a, b)
	}
}
