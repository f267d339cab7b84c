package datasets

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestDownloadStall serves headers and a few bytes, then nothing: the
// download must give up after IdleTimeout (not the client's 10 minutes),
// name the mirror, and go on to the next mirror.
func TestDownloadStall(t *testing.T) {
	contents, pins := fixtureFiles(t)
	release := make(chan struct{})
	defer close(release)
	stalled, _ := mirror(t, func(w http.ResponseWriter, name string) {
		w.Header().Set("Content-Length", strconv.Itoa(len(contents[name])))
		w.Write([]byte("xx"))
		w.(http.Flusher).Flush()
		<-release
	})
	silent, _ := mirror(t, func(w http.ResponseWriter, name string) { <-release })
	good, _ := mirror(t, func(w http.ResponseWriter, name string) { w.Write(contents[name]) })
	for i, c := range []struct {
		mirrors []string
		ok      bool
	}{
		{[]string{stalled.URL + "/mnist/"}, false},
		{[]string{silent.URL + "/mnist/"}, false},
		{[]string{stalled.URL + "/mnist/", good.URL + "/mnist/"}, true},
	} {
		d := &Downloader{Dir: t.TempDir(), Mirrors: c.mirrors, Files: pins[1:], IdleTimeout: 200 * time.Millisecond}
		start := time.Now()
		err := d.Download(context.Background())
		took := time.Since(start)
		t.Logf("%d: %v in %v", i, err, took)
		if (err == nil) != c.ok || took > 5*time.Second {
			t.Errorf("%d: error %v after %v; want ok=%v within seconds", i, err, took, c.ok)
		}
		if err != nil && (!strings.Contains(err.Error(), "mirror "+c.mirrors[0]) || !strings.Contains(err.Error(), "no data for 200ms")) {
			t.Errorf("%d: error %q does not name the mirror and the stall", i, err)
		}
	}
}

// TestDownloadRedirectLoopNamesMirror checks that an error from the HTTP
// client itself (here a redirect loop) names the mirror.
func TestDownloadRedirectLoopNamesMirror(t *testing.T) {
	_, pins := fixtureFiles(t)
	loop, _ := mirror(t, func(w http.ResponseWriter, name string) {
		w.Header().Set("Location", "/mnist/"+name)
		w.WriteHeader(http.StatusFound)
	})
	d := &Downloader{Dir: t.TempDir(), Mirrors: []string{loop.URL + "/mnist/"}, Files: pins[1:]}
	err := d.Download(context.Background())
	if err == nil || !strings.Contains(err.Error(), "mirror "+loop.URL+"/mnist/:") {
		t.Errorf("redirect loop: %v, want an error naming the mirror", err)
	}
}

// TestDownloadRemovesStalePartials leaves what killed downloads leave, an
// hour old, and a fresh one (a download in progress): the next download
// of that file removes the old ones only, even when it fails.
func TestDownloadRemovesStalePartials(t *testing.T) {
	_, pins := fixtureFiles(t)
	dir := t.TempDir()
	name := pins[1].Name
	old := time.Now().Add(-time.Hour)
	for _, p := range []string{name + ".123.partial", name + ".456.partial", name + ".fresh.partial"} {
		path := filepath.Join(dir, p)
		os.WriteFile(path, []byte("half"), 0o600)
		if !strings.Contains(p, "fresh") {
			os.Chtimes(path, old, old)
		}
	}
	failing, _ := mirror(t, func(w http.ResponseWriter, _ string) { http.Error(w, "down", http.StatusServiceUnavailable) })
	d := &Downloader{Dir: dir, Mirrors: []string{failing.URL + "/mnist/"}, Files: pins[1:]}
	if err := d.Download(context.Background()); err == nil {
		t.Fatal("a failing mirror gave no error")
	}
	left, _ := filepath.Glob(filepath.Join(dir, "*.partial"))
	if len(left) != 1 || !strings.HasSuffix(left[0], ".fresh.partial") {
		t.Errorf("left after the download: %v, want only the fresh .partial", left)
	}
}
