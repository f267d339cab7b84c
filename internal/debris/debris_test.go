package debris

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestRemove leaves a fresh temporary file, a stale one that does not match
// the glob and a stale directory alone, and removes the stale file that
// matches.
func TestRemove(t *testing.T) {
	dir := t.TempDir()
	stale := time.Now().Add(-time.Hour)
	touch := func(name string, old bool) {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		if old {
			if err := os.Chtimes(path, stale, stale); err != nil {
				t.Fatal(err)
			}
		}
	}
	touch("a.tmp", true)  // stale, matches: removed
	touch("b.tmp", false) // being written: kept
	touch("c.keep", true) // stale, does not match: kept
	if err := os.Mkdir(filepath.Join(dir, "d.tmp"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(filepath.Join(dir, "d.tmp"), stale, stale); err != nil {
		t.Fatal(err)
	}
	if got := Remove(filepath.Join(dir, "*.tmp"), time.Minute); got != 1 {
		t.Errorf("Remove = %d, want 1", got)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, e := range entries {
		left = append(left, e.Name())
	}
	if want := []string{"b.tmp", "c.keep", "d.tmp"}; !slices.Equal(left, want) {
		t.Errorf("left %q, want %q", left, want)
	}
}
