package gpu

import (
	"fmt"

	"github.com/nncourse/optimizers/optim"
)

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
