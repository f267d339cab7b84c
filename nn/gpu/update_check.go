package gpu

import (
	"fmt"
	"math"
	"reflect"

	"github.com/nncourse/optimizers/optim"
)

// checkFields returns the error optim's Step panics with for opt's
// hyperparameters, or nil. optim checks them again in UnmarshalBinary, so
// they are written out and read back into a blank optimizer of opt's type:
// allocations, hence once, in newDeviceUpdate.
func checkFields(opt optim.Optimizer[float32]) error {
	data, err := opt.MarshalBinary()
	if err != nil {
		return err
	}
	blank := reflect.New(reflect.TypeOf(opt).Elem()).Interface().(optim.Optimizer[float32])
	return blank.UnmarshalBinary(data)
}

// checkRate panics with optim's message unless opt's learning rate is
// finite and > 0: η is the field schedules change between steps, checked
// at every Step without allocating (newDeviceUpdate checks the others;
// SetLearningRate itself refuses a bad η, an assignment to the field
// does not).
func checkRate(opt optim.Optimizer[float32]) {
	if rs, ok := opt.(optim.RateSetter); ok {
		if lr := rs.LearningRate(); !(lr > 0 && lr <= math.MaxFloat64) {
			panic(fmt.Sprintf("optim: %s: LR must be finite and > 0, got %v", opt.Name(), lr))
		}
	}
}

// unsupported is the error for a field set to something the device
// update does not compute.
func unsupported(opt, field string) error {
	return fmt.Errorf("gpu: %s: %s has no device update; train on the CPU", opt, field)
}

// changed is the error for a field that chose the kernel and has changed
// since newDeviceUpdate.
func changed(opt, field string, was, now any) error {
	return fmt.Errorf("gpu: %s: %s changed from %v to %v after newDeviceUpdate; make a new update", opt, field, was, now)
}

// sameForm is changed's error for Form, or nil if it is as it was.
func sameForm(opt string, was, now optim.Form) error {
	if was != now {
		return changed(opt, "Form", was, now)
	}
	return nil
}
