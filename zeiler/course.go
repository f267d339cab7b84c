package zeiler

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"

	"github.com/nncourse/optimizers/datasets"
)

// ResultsFile is the committed results of `make zeiler`, relative to the
// course's checkout; the report is REPRODUCTION.md beside it.
const ResultsFile = "reproduction/results.json"

// CourseDir returns the course's checkout: $NNCOURSE_DIR when set, else
// the nearest directory above the working directory whose go.mod declares
// the course's module (a notebook runs in notebooks/).
func CourseDir() (string, error) {
	if d := os.Getenv(datasets.EnvCourseDir); d != "" {
		return d, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		if mod, err := os.ReadFile(filepath.Join(d, "go.mod")); err == nil &&
			bytes.HasPrefix(mod, []byte("module github.com/nncourse/optimizers\n")) {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", errors.New("zeiler: the course's checkout is neither $" + datasets.EnvCourseDir + " nor above " + wd)
		}
	}
}

// LoadCommitted reads the committed results of the full reproduction.
func LoadCommitted() (Config, *Store, error) {
	dir, err := CourseDir()
	if err != nil {
		return Config{}, nil, err
	}
	st, err := OpenStore(filepath.Join(dir, ResultsFile), Full().Experiment())
	return Full(), st, err
}
