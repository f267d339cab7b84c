//go:build !cublas

package cublas

import "testing"

// TestOpenNotBuilt checks that without the cublas tag Open says so.
func TestOpenNotBuilt(t *testing.T) {
	if _, err := Open(); err != ErrNotBuilt {
		t.Fatalf("Open without the cublas tag: got %v, want ErrNotBuilt", err)
	}
}
