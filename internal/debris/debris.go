// Package debris removes the temporary files a killed process leaves
// behind: nn's checkpoint saves and datasets' downloads write to a
// temporary file and rename it, and a kill before the rename leaves the
// temporary file forever unless the next run removes it.
package debris

import (
	"os"
	"path/filepath"
	"time"
)

// Remove removes the regular files matching glob that were last modified
// more than age ago, so that a temporary file still being written by a
// live process is left alone. It is best effort: errors are ignored, and
// it returns the number of files removed.
func Remove(glob string, age time.Duration) int {
	names, _ := filepath.Glob(glob)
	removed := 0
	for _, name := range names {
		info, err := os.Lstat(name)
		if err == nil && info.Mode().IsRegular() && time.Since(info.ModTime()) > age && os.Remove(name) == nil {
			removed++
		}
	}
	return removed
}
