package optim

import (
	"bytes"
	"encoding"
	"fmt"
	"math/rand/v2"
	"testing"
)

// stepRandom takes k steps of o on n parameters with seeded random
// gradients.
func stepRandom[T Float](o Optimizer[T], params []T, k int, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 1))
	grads := make([]T, len(params))
	for range k {
		for i := range grads {
			grads[i] = T(rng.NormFloat64())
		}
		o.Step(params, grads)
	}
}

// TestCheckpointResume saves each form after 7 steps, loads it into a fresh
// optimizer, and checks that 5 more steps give bit-identical parameters.
func TestCheckpointResume(t *testing.T) {
	testResume(t, marshalInto[float64])
	testResume(t, marshalInto[float32])
}

// marshalInto moves from's state into to through MarshalBinary.
func marshalInto[T Float](from, to Optimizer[T]) (bool, error) {
	data, err := from.MarshalBinary()
	if err != nil {
		return true, err
	}
	return true, to.UnmarshalBinary(data)
}

// resumeParams is testResume's number of parameters, not a multiple of
// 64: Rprop's last sign word is partial.
const resumeParams = 70

// testResume moves each form's state after 7 steps into a fresh
// optimizer with move, which reports whether the form has a way to move
// it: the two must then marshal to the same bytes and take the same 5
// further steps, bit for bit.
func testResume[T Float](t *testing.T, move func(from, to Optimizer[T]) (bool, error)) {
	fresh := allForms[T]()
	for k, f := range allForms[T]() {
		t.Run(f.name, func(t *testing.T) {
			params := make([]T, resumeParams)
			stepRandom(f.opt, params, 7, 1)
			restored := fresh[k].opt
			if moved, err := move(f.opt, restored); !moved {
				return
			} else if err != nil {
				t.Fatal(err)
			}
			data, _ := f.opt.MarshalBinary()
			again, _ := restored.MarshalBinary()
			if !bytes.Equal(data, again) {
				t.Fatalf("re-marshalled state differs")
			}
			p2 := append([]T(nil), params...)
			stepRandom(f.opt, params, 5, 2)
			stepRandom(restored, p2, 5, 2)
			for i := range params {
				if params[i] != p2[i] {
					t.Fatalf("parameter %d: got %v after resume, want %v", i, p2[i], params[i])
				}
			}
		})
	}
}

// marshaler is what optimizers and schedules share.
type marshaler interface {
	encoding.BinaryMarshaler
	encoding.BinaryUnmarshaler
}

// TestUnmarshalBadInput feeds every prefix of a valid record, every
// single-byte corruption of its header, another kind's record and another
// element type's record: each must be an error, never a panic, and must
// leave the receiver unchanged.
func TestUnmarshalBadInput(t *testing.T) {
	var all []marshaler
	for _, f := range allForms[float64]() {
		stepRandom(f.opt, make([]float64, 3), 2, 3)
		all = append(all, f.opt)
	}
	muon := NewMuon[float64]([]int{2, 3, 2})
	stepRandom(muon, make([]float64, 17), 2, 3)
	all = append(all, muon)
	all = append(all, schedules()...)
	for i, m := range all {
		data, _ := m.MarshalBinary()
		before := append([]byte(nil), data...)
		for cut := range len(data) {
			if err := m.UnmarshalBinary(data[:cut]); err == nil {
				t.Errorf("%d %T: %d of %d bytes: no error", i, m, cut, len(data))
			}
		}
		for pos := range 8 { // magic, version, name length
			bad := append([]byte(nil), data...)
			bad[pos] ^= 0xff
			if err := m.UnmarshalBinary(bad); err == nil {
				t.Errorf("%d %T: byte %d flipped: no error", i, m, pos)
			}
		}
		if err := m.UnmarshalBinary(append(append([]byte(nil), data...), 0)); err == nil {
			t.Errorf("%d %T: trailing byte: no error", i, m)
		}
		other, _ := anotherKind(all, i).MarshalBinary()
		if err := m.UnmarshalBinary(other); err == nil {
			t.Errorf("%d %T: another kind's record: no error", i, m)
		}
		after, _ := m.MarshalBinary()
		if !bytes.Equal(before, after) {
			t.Errorf("%d %T: a failed UnmarshalBinary changed the receiver", i, m)
		}
	}
	data, _ := NewAdam[float32]().MarshalBinary()
	if err := NewAdam[float64]().UnmarshalBinary(data); err == nil {
		t.Error("float32 Adam loaded into float64 Adam: no error")
	} else {
		t.Log(err)
	}
}

// anotherKind returns the first marshaler after all[i] of another type.
func anotherKind(all []marshaler, i int) marshaler {
	for k := 1; ; k++ {
		if o := all[(i+k)%len(all)]; fmt.Sprintf("%T", o) != fmt.Sprintf("%T", all[i]) {
			return o
		}
	}
}

// TestUnmarshalForgedSizes checks that a record claiming a huge state is
// refused before anything is allocated, and that invalid hyperparameters
// in a record are an error.
func TestUnmarshalForgedSizes(t *testing.T) {
	o := NewMomentum[float64]()
	stepRandom(o, make([]float64, 4), 1, 4)
	data, _ := o.MarshalBinary()
	// header (5+1+1+8+1) + LR, Mu (16) + Form (8) + t (8), then n.
	nAt := len(stateMagic) + 2 + len("Momentum") + 1 + 16 + 8 + 8
	forged := append([]byte(nil), data...)
	forged[nAt+7] = 0x40 // n ≈ 4.6e18
	if err := NewMomentum[float64]().UnmarshalBinary(forged); err == nil {
		t.Error("forged n: no error")
	} else {
		t.Log(err)
	}
	bad := append([]byte(nil), data...)
	copy(bad[len(stateMagic)+2+len("Momentum")+1+8:], []byte{0, 0, 0, 0, 0, 0, 0xf0, 0x3f}) // Mu = 1
	if err := NewMomentum[float64]().UnmarshalBinary(bad); err == nil {
		t.Error("Mu = 1 in a record: no error")
	} else {
		t.Log(err)
	}
}

// FuzzUnmarshal checks that no input makes UnmarshalBinary panic.
func FuzzUnmarshal(f *testing.F) {
	for _, form := range allForms[float64]() {
		stepRandom(form.opt, make([]float64, 3), 2, 5)
		data, _ := form.opt.MarshalBinary()
		f.Add(data)
	}
	muon := NewMuon[float64]([]int{2, 3, 2})
	stepRandom(muon, make([]float64, 17), 2, 5)
	data, _ := muon.MarshalBinary()
	f.Add(data)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, form := range allForms[float64]() {
			_ = form.opt.UnmarshalBinary(data)
		}
		_ = NewMuon[float64]([]int{1, 1}).UnmarshalBinary(data)
		for _, s := range schedules() {
			_ = s.UnmarshalBinary(data)
		}
	})
}
