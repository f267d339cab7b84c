package datasets

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// EnvDir is the environment variable naming the MNIST directory.
const EnvDir = "MNIST_DIR"

// Dir returns the directory holding MNIST: $MNIST_DIR when set, otherwise
// the first data/mnist or shared/data/mnist containing the test images,
// searched from the working directory up to the file system's root. The
// course keeps the data beside the repository, in ../shared/data/mnist, so
// this finds it from the repository, its packages and its notebooks alike.
func Dir() (string, error) {
	if d := os.Getenv(EnvDir); d != "" {
		return d, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("datasets: %w", err)
	}
	var tried []string
	for d := wd; ; d = filepath.Dir(d) {
		for _, rel := range []string{"data/mnist", "shared/data/mnist"} {
			candidate := filepath.Join(d, rel)
			if _, err := findIDX(candidate, "t10k-images-idx3-ubyte"); err == nil {
				return candidate, nil
			}
			tried = append(tried, candidate)
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	return "", fmt.Errorf("datasets: MNIST not found: %s is unset and none of %s holds t10k-images-idx3-ubyte(.gz); run datasets.Download(dir)",
		EnvDir, strings.Join(tried, ", "))
}
