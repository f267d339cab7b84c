// Command fetchmnist downloads MNIST into a directory with
// datasets.Downloader, verifying every file's size and SHA-256, for the
// classroom image's build (see ../../Dockerfile).
//
//	go run ./docker/fetchmnist -dir /opt/mnist
//	go run ./docker/fetchmnist -dir /opt/mnist -mirrors http://127.0.0.1:8000/ -only t10k
//
// With no -mirrors it uses datasets.MNISTMirrors(), the public copies. -only
// keeps the files whose names start with the given prefix: `make
// image-test`, which has only the official test set, uses -only t10k.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/nncourse/optimizers/datasets"
)

func main() {
	dir := flag.String("dir", os.Getenv(datasets.EnvDir), "destination directory (default $"+datasets.EnvDir+")")
	mirrors := flag.String("mirrors", "", "comma-separated base URLs ending in /, tried in order (default: the public mirrors)")
	only := flag.String("only", "", "fetch only the files whose names start with this prefix, e.g. t10k")
	flag.Parse()

	d := &datasets.Downloader{Dir: *dir, Log: os.Stderr}
	if *mirrors != "" {
		d.Mirrors = strings.Split(*mirrors, ",")
	}
	for _, f := range datasets.MNISTFiles() {
		if strings.HasPrefix(f.Name, *only) {
			d.Files = append(d.Files, f)
		}
	}
	if len(d.Files) == 0 {
		fmt.Fprintf(os.Stderr, "fetchmnist: no MNIST file name starts with %q\n", *only)
		os.Exit(2)
	}
	if err := d.Download(context.Background()); err != nil {
		fmt.Fprintln(os.Stderr, "fetchmnist:", err)
		os.Exit(1)
	}
}
