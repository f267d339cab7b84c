package nn

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/nncourse/optimizers/optim"
)

// TestCheckpointStateSize saves Adam state sized for 7 parameters in a
// checkpoint of the 14-parameter model: the load must refuse it (not Fit,
// later, with a panic) and leave the Trainer as it was.
func TestCheckpointStateSize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ckpt")
	bad := fuzzTrainers()[0]()
	bad.Optimizer.Step(make([]float64, 7), make([]float64, 7))
	if err := bad.SaveCheckpoint(path); err != nil {
		t.Fatal(err)
	}
	tr := fuzzTrainers()[0]()
	before := fingerprint(t, tr)
	err := tr.LoadCheckpoint(path)
	t.Log(err)
	if !errors.Is(err, ErrCheckpointMismatch) {
		t.Fatalf("error %v, want one wrapping ErrCheckpointMismatch", err)
	}
	if !bytes.Equal(fingerprint(t, tr), before) {
		t.Fatal("the refused load changed the Trainer")
	}
}

// TestCheckpointHeaderFirst checks that the header and the size are
// checked before the payload is read: a 2 GiB sparse file of zeros and a
// 2 GiB file with a forged length cost a few bytes, and a device or a
// directory is refused as not a regular file.
func TestCheckpointHeaderFirst(t *testing.T) {
	dir := t.TempDir()
	zeros := filepath.Join(dir, "zeros")
	forged := filepath.Join(dir, "forged")
	for _, p := range []string{zeros, forged} {
		if err := os.WriteFile(p, frame(checkpointMagic, nil)[:headerBytes], 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Truncate(p, 2<<30); err != nil {
			t.Skip("no sparse files here:", err)
		}
	}
	f, _ := os.OpenFile(zeros, os.O_WRONLY, 0)
	f.WriteAt(make([]byte, headerBytes), 0)
	f.Close()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	tr := fuzzTrainers()[0]()
	for i, path := range []string{zeros, forged, "/dev/zero", fifo, dir} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		err := tr.LoadCheckpoint(path)
		took := time.Since(start)
		runtime.ReadMemStats(&after)
		allocated := after.TotalAlloc - before.TotalAlloc
		t.Logf("%d: %s: %v in %v, %d bytes allocated", i, filepath.Base(path), err, took, allocated)
		if !errors.Is(err, ErrCorruptCheckpoint) || allocated > 1<<20 {
			t.Errorf("%d: %s: error %v after allocating %d bytes; want ErrCorruptCheckpoint within 1 MiB", i, path, err, allocated)
		}
	}
}

// TestSaveRemovesDebris leaves what killed saves leave (temporary files of
// the checkpoint's naming, an hour old) and a fresh one (a save in
// progress): the next save removes the old ones only.
func TestSaveRemovesDebris(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "model.ckpt")
	old := time.Now().Add(-time.Hour)
	for _, name := range []string{".model.ckpt.tmp-1", ".model.ckpt.tmp-2", ".model.ckpt.tmp-fresh", ".other.ckpt.tmp-3"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("partial"), 0o600); err != nil {
			t.Fatal(err)
		}
		if name != ".model.ckpt.tmp-fresh" {
			os.Chtimes(p, old, old)
		}
	}
	if err := fuzzTrainers()[0]().SaveCheckpoint(path); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{".model.ckpt.tmp-fresh", ".other.ckpt.tmp-3", "model.ckpt"}
	if !slices.Equal(names, want) {
		t.Errorf("after the save: %v, want %v", names, want)
	}
}

// TestCheckpointSentinels checks that the errors a caller tests for wrap
// their sentinels: every prefix of a checkpoint is ErrCorruptCheckpoint,
// another optimizer is ErrCheckpointMismatch, and a truncated optimizer
// state is optim.ErrTruncatedState and optim.ErrBadState.
func TestCheckpointSentinels(t *testing.T) {
	dir := t.TempDir()
	tr, good := savedSmall(t, filepath.Join(dir, "good"))
	bad := filepath.Join(dir, "bad")
	for n := range len(good) {
		os.WriteFile(bad, good[:n], 0o644)
		if err := tr.LoadCheckpoint(bad); !errors.Is(err, ErrCorruptCheckpoint) {
			t.Fatalf("prefix of %d bytes: %v, want ErrCorruptCheckpoint", n, err)
		}
	}
	other := newTestTrainer(optim.NewAdam[float64](), optim.NewConstant(0.01), 1)
	other.Model = NewMLP[float64]([]int{5, 2, 3}, ReLU, 1, He)
	if err := other.LoadCheckpoint(filepath.Join(dir, "good")); !errors.Is(err, ErrCheckpointMismatch) {
		t.Errorf("Adam loading Momentum's checkpoint: %v, want ErrCheckpointMismatch", err)
	}
	state, _ := tr.Optimizer.MarshalBinary()
	err := optim.NewMomentum[float64]().UnmarshalBinary(state[:len(state)-3])
	if !errors.Is(err, optim.ErrTruncatedState) || !errors.Is(err, optim.ErrBadState) {
		t.Errorf("truncated Momentum state: %v, want ErrTruncatedState and ErrBadState", err)
	}
}

// TestSaveLoadMLP saves a model alone and loads it back: same sizes,
// activations, loss and parameters bit for bit; a checkpoint is not a
// model file.
func TestSaveLoadMLP(t *testing.T) {
	dir := t.TempDir()
	m := NewMLP[float32]([]int{4, 3, 2}, ReLU, 5, He)
	m.Loss = MSE
	path := filepath.Join(dir, "model.nn")
	if err := m.Save(path); err != nil {
		t.Fatal(err)
	}
	got, err := LoadMLP[float32](path)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.Sizes, m.Sizes) || got.Loss != m.Loss || got.Layers[0].Act != ReLU || got.Layers[1].Act != Identity {
		t.Fatalf("loaded %v %v %v, saved %v %v", got.Sizes, got.Loss, got.Layers[0].Act, m.Sizes, m.Loss)
	}
	for i := range m.Params {
		if got.Params[i] != m.Params[i] {
			t.Fatalf("parameter %d: got %v, want %v", i, got.Params[i], m.Params[i])
		}
	}
	if _, err := LoadMLP[float64](path); !errors.Is(err, ErrCheckpointMismatch) {
		t.Errorf("float32 model loaded as float64: %v, want ErrCheckpointMismatch", err)
	}
	ckpt := filepath.Join(dir, "ckpt")
	_, _ = savedSmall(t, ckpt)
	if _, err := LoadMLP[float64](ckpt); !errors.Is(err, ErrCorruptCheckpoint) {
		t.Errorf("a checkpoint loaded as a model: %v, want ErrCorruptCheckpoint", err)
	}
}
