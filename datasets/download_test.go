//go:build !js

package datasets

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
)

// fixtureFiles returns two small generated files and their pins.
func fixtureFiles(t *testing.T) (map[string][]byte, []RemoteFile) {
	contents := map[string][]byte{
		"t10k-labels-idx1-ubyte.gz": gzipBytes(t, idxBytes([]uint32{3}, []byte{7, 2, 1})),
		"t10k-images-idx3-ubyte.gz": gzipBytes(t, idxBytes([]uint32{3, 28, 28}, bytes.Repeat([]byte{9}, 3*Pixels))),
	}
	var pins []RemoteFile
	for _, name := range []string{"t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"} {
		sum := sha256.Sum256(contents[name])
		pins = append(pins, RemoteFile{Name: name, Size: int64(len(contents[name])), SHA256: hex.EncodeToString(sum[:])})
	}
	return contents, pins
}

// mirror serves files through serve, counting requests.
func mirror(t *testing.T, serve func(w http.ResponseWriter, name string)) (*httptest.Server, *atomic.Int32) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		serve(w, strings.TrimPrefix(r.URL.Path, "/mnist/"))
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

func TestDownload(t *testing.T) {
	contents, pins := fixtureFiles(t)
	good, goodHits := mirror(t, func(w http.ResponseWriter, name string) {
		b, ok := contents[name]
		if !ok {
			http.NotFound(w, nil)
			return
		}
		w.Write(b)
	})
	tampered, _ := mirror(t, func(w http.ResponseWriter, name string) {
		b := bytes.Clone(contents[name])
		b[len(b)/2] ^= 1 // same size, wrong digest
		w.Write(b)
	})
	failing, _ := mirror(t, func(w http.ResponseWriter, name string) {
		http.Error(w, "down for maintenance", http.StatusServiceUnavailable)
	})
	truncated, _ := mirror(t, func(w http.ResponseWriter, name string) {
		w.Write(contents[name][:10])
	})
	lying, _ := mirror(t, func(w http.ResponseWriter, name string) {
		// Announces the right length, then hangs up early.
		w.Header().Set("Content-Length", strconv.Itoa(len(contents[name])))
		w.Write(contents[name][:10])
	})
	oversized, _ := mirror(t, func(w http.ResponseWriter, name string) {
		w.Write(append(bytes.Clone(contents[name]), make([]byte, 1<<16)...))
	})
	announcedOversized, _ := mirror(t, func(w http.ResponseWriter, name string) {
		w.Header().Set("Content-Length", "100000")
		w.Write(make([]byte, 100000))
	})
	base := func(s *httptest.Server) string { return s.URL + "/mnist/" }

	for i, tc := range []struct {
		name    string
		mirrors []*httptest.Server
		ok      bool
		want    string // in the error when !ok
	}{
		{"good mirror", []*httptest.Server{good}, true, ""},
		{"failing mirror, then good", []*httptest.Server{failing, good}, true, ""},
		{"bad checksum, then good", []*httptest.Server{tampered, good}, true, ""},
		{"truncated body, then good", []*httptest.Server{truncated, lying, good}, true, ""},
		{"only bad checksum", []*httptest.Server{tampered}, false, "SHA-256"},
		{"only truncated", []*httptest.Server{truncated}, false, "truncated: got 10 bytes"},
		{"only hanging up early", []*httptest.Server{lying}, false, "after 10 bytes"},
		{"only oversized", []*httptest.Server{oversized}, false, "body longer than"},
		{"announced oversized", []*httptest.Server{announcedOversized}, false, "announces 100000 bytes"},
		{"all failing", []*httptest.Server{failing, truncated}, false, "503"},
	} {
		dir := t.TempDir()
		var urls []string
		for _, m := range tc.mirrors {
			urls = append(urls, base(m))
		}
		var log bytes.Buffer
		d := &Downloader{Dir: dir, Mirrors: urls, Files: pins, Log: &log}
		err := d.Download(context.Background())
		if tc.ok != (err == nil) || (err != nil && !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("%d %s: got error %v, want ok=%v containing %q", i, tc.name, err, tc.ok, tc.want)
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.Contains(e.Name(), ".partial") {
				t.Errorf("%d %s: temporary file %s left behind", i, tc.name, e.Name())
			}
			if b, _ := os.ReadFile(filepath.Join(dir, e.Name())); !bytes.Equal(b, contents[e.Name()]) {
				t.Errorf("%d %s: unverified file %s in place", i, tc.name, e.Name())
			}
			if info, err := e.Info(); err != nil || info.Mode().Perm() != 0o644 {
				t.Errorf("%d %s: %s has mode %v (%v), want -rw-r--r--", i, tc.name, e.Name(), info.Mode(), err)
			}
		}
		if tc.ok {
			if m, err := LoadMNIST(dir); err != nil || m.Test.Labels[0] != 7 {
				t.Errorf("%d %s: loading the download: %v", i, tc.name, err)
			}
		} else if len(entries) != 0 {
			t.Errorf("%d %s: %d files written by a failed download", i, tc.name, len(entries))
		}
	}

	// A second run finds everything present and verified: no requests.
	dir := t.TempDir()
	d := &Downloader{Dir: dir, Mirrors: []string{base(good)}, Files: pins}
	if err := d.Download(context.Background()); err != nil {
		t.Fatal(err)
	}
	before := goodHits.Load()
	if err := d.Download(context.Background()); err != nil || goodHits.Load() != before {
		t.Errorf("second run: %v, %d new requests, want none", err, goodHits.Load()-before)
	}
	// A corrupted file is fetched again.
	labels := filepath.Join(dir, "t10k-labels-idx1-ubyte.gz")
	os.WriteFile(labels, []byte("garbage"), 0o644)
	if err := d.Download(context.Background()); err != nil || goodHits.Load() != before+1 {
		t.Errorf("after corruption: %v, %d new requests, want 1", err, goodHits.Load()-before)
	}
	if b, _ := os.ReadFile(labels); !bytes.Equal(b, contents["t10k-labels-idx1-ubyte.gz"]) {
		t.Error("corrupted file not replaced")
	}
}

func TestDownloadDirectory(t *testing.T) {
	t.Setenv(EnvDir, "")
	if err := Download(""); err == nil || !strings.Contains(err.Error(), EnvDir) {
		t.Errorf("no directory: got %v, want an error naming %s", err, EnvDir)
	}
	contents, pins := fixtureFiles(t)
	srv, _ := mirror(t, func(w http.ResponseWriter, name string) { w.Write(contents[name]) })
	dir := filepath.Join(t.TempDir(), "new", "mnist")
	t.Setenv(EnvDir, dir)
	if err := (&Downloader{Mirrors: []string{srv.URL + "/mnist/"}, Files: pins}).Download(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadMNIST(""); err != nil {
		t.Errorf("LoadMNIST from $%s after Download: %v", EnvDir, err)
	}
}

func TestMNISTFilesPinned(t *testing.T) {
	for _, m := range MNISTMirrors() {
		if !strings.HasSuffix(m, "/mnist/") {
			t.Errorf("mirror %q: want a base URL ending in /mnist/", m)
		}
	}
	// The course's copy of the test set must match the pins.
	for _, f := range MNISTFiles() {
		if len(f.SHA256) != 64 || f.Size <= 0 {
			t.Errorf("%s: malformed pin %+v", f.Name, f)
		}
		sum, err := fileSHA256(filepath.Join(realMNISTDir, f.Name))
		if err != nil {
			continue // only the t10k pair is present in the course
		}
		if sum != f.SHA256 {
			t.Errorf("%s: course copy has SHA-256 %s, pinned %s", f.Name, sum, f.SHA256)
		}
	}
}
