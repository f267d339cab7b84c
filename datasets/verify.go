//go:build !js

// Verifying the files needs download.go's sums, which the WebAssembly build leaves out.

package datasets

import (
	"fmt"
	"path/filepath"
)

// VerifyMNIST checks every file of MNISTFiles() present in dir, gzip-
// compressed under its official name, against its pinned SHA-256,
// and returns the names it verified. A file present with a wrong digest is
// an error; a missing file is not (the test set alone is enough for the
// course), so callers that need all four compare the count.
func VerifyMNIST(dir string) ([]string, error) {
	var verified []string
	for _, f := range MNISTFiles() {
		path := filepath.Join(dir, f.Name)
		sum, err := fileSHA256(path)
		if err != nil {
			continue
		}
		if sum != f.SHA256 {
			return verified, fmt.Errorf("datasets: %s has SHA-256 %s, want %s", path, sum, f.SHA256)
		}
		verified = append(verified, f.Name)
	}
	return verified, nil
}
