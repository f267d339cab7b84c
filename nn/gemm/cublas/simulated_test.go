package cublas

import (
	"testing"

	"github.com/nncourse/optimizers/internal/cudasim"
)

// newFakeContext returns a Context on a simulated device, closed with the test.
func newFakeContext(t *testing.T) (*Context, *cudasim.Device) {
	t.Helper()
	ctx, dev := openSimulated()
	t.Cleanup(func() { ctx.Close() })
	return ctx, dev
}
