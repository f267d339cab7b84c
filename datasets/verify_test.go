package datasets

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestVerifyMNIST(t *testing.T) {
	dir := t.TempDir()
	if names, err := VerifyMNIST(dir); len(names) != 0 || err != nil {
		t.Errorf("empty directory: %v, %v; want none and no error", names, err)
	}
	bad := MNISTFiles()[3].Name
	if err := os.WriteFile(filepath.Join(dir, bad), []byte("not MNIST"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := VerifyMNIST(dir); err == nil || !strings.Contains(err.Error(), MNISTFiles()[3].SHA256) {
		t.Errorf("forged %s: got %v, want an error naming the pinned digest", bad, err)
	}
}
