package optim

import (
	"fmt"
	"math"
	"strings"
)

// Form selects which published version of an update rule an optimizer
// follows. Every optimizer has exactly one field Form; its documentation
// says what each form computes and, for PyTorch, which torch version it
// matches.
type Form uint8

const (
	// Lecture is the lecture's formulas (fixed where broken, as each type
	// documents); the zero value.
	Lecture Form = iota
	// PyTorch is torch.optim's form of the same optimizer.
	PyTorch
)

// String returns "Lecture" or "PyTorch".
func (f Form) String() string { return enumName("Form", uint8(f), "Lecture", "PyTorch") }

// enumName is names[v], or "typ(v)" for a value out of range.
func enumName(typ string, v uint8, names ...string) string {
	if int(v) < len(names) {
		return names[v]
	}
	return fmt.Sprintf("%s(%d)", typ, v)
}

// checkForm checks that f is Lecture or PyTorch.
func checkForm(opt string, f Form) error {
	if f > PyTorch {
		return fmt.Errorf("optim: %s: Form must be Lecture or PyTorch, got %d", opt, f)
	}
	return nil
}

// getEnum reads a Form or another enumeration that MarshalBinary wrote
// with e.int; values out of range become 255, which check reports.
func getEnum(d *decoder) uint8 {
	var v int
	d.int(&v)
	if v < 0 || v > math.MaxUint8 {
		return math.MaxUint8
	}
	return uint8(v)
}

// Zero returns 0 with the sign bit set (−0): the value to give a
// hyperparameter that should be 0, where a field left at 0 means its
// default (see the package documentation). It computes as 0 in every
// formula. Example: &Adagrad[float64]{Eps: optim.Zero()} is the lecture's
// literal Adagrad, without ε.
func Zero() float64 { return math.Copysign(0, -1) }

// orDefault replaces a field left at +0 by its default; −0 (Zero) stays.
func orDefault(v *float64, def float64) {
	if *v == 0 && !math.Signbit(*v) {
		*v = def
	}
}

// describe formats settings as "Adam(η=0.001, β₁=0.9, form=Lecture)":
// the optimizer's name, then symbol and value pairs, then the form.
func describe(name string, form Form, pairs ...any) string {
	var b strings.Builder
	b.WriteString(name)
	b.WriteByte('(')
	for i := 0; i+1 < len(pairs); i += 2 {
		v := pairs[i+1]
		if x, ok := v.(float64); ok {
			v = x + 0 // −0 (Zero) prints as 0
		}
		fmt.Fprintf(&b, "%v=%v, ", pairs[i], v)
	}
	fmt.Fprintf(&b, "form=%v)", form)
	return b.String()
}
