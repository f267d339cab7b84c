//go:build !js

// Downloading needs net/http, which would add 2 MB to the WebAssembly build
// of the surfaces in the lessons' explorables (GOOS=js): it is left out there.

package datasets

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/nncourse/optimizers/internal/debris"
)

// RemoteFile is a file to download, pinned by size and SHA-256.
type RemoteFile struct {
	Name   string // file name, appended to a mirror's base URL
	Size   int64  // exact size in bytes
	SHA256 string // hex digest
}

// MNISTFiles returns the four official MNIST files (LeCun, Cortes,
// Burges). The digests are those published with torchvision's and Keras's
// loaders; the t10k ones were also checked against the course's copy.
func MNISTFiles() []RemoteFile {
	return []RemoteFile{
		{"train-images-idx3-ubyte.gz", 9912422, "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"},
		{"train-labels-idx1-ubyte.gz", 28881, "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"},
		{"t10k-images-idx3-ubyte.gz", 1648877, "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"},
		{"t10k-labels-idx1-ubyte.gz", 4542, "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"},
	}
}

// MNISTMirrors returns the public copies of MNIST, tried in order: the
// ones torchvision and TensorFlow use, then the original site.
func MNISTMirrors() []string {
	return []string{
		"https://ossci-datasets.s3.amazonaws.com/mnist/",
		"https://storage.googleapis.com/cvdf-datasets/mnist/",
		"http://yann.lecun.com/exdb/mnist/",
	}
}

// Downloader fetches pinned files from a list of mirrors.
//
// Each file is written to a temporary file in Dir, hashed as it arrives,
// and renamed to its final name only when its size and SHA-256 match, so
// an interrupted or forged download never leaves a file that looks good.
// A file already present with the right digest is not fetched again; one
// with a wrong digest is replaced.
//
// A server that stops sending is abandoned after IdleTimeout without a
// byte (the next mirror is then tried), and every error names the mirror
// it came from. Temporary ".partial" files that a killed download left
// behind are removed by the next download of the same file.
type Downloader struct {
	Dir     string       // destination; "" means $MNIST_DIR
	Mirrors []string     // base URLs ending in "/"; nil means MNISTMirrors()
	Files   []RemoteFile // nil means MNISTFiles()
	// Client makes the requests; nil means one with a ConnectTimeout to
	// connect (and for the TLS handshake) and a 10-minute limit per file.
	Client *http.Client
	// IdleTimeout abandons a mirror that sends nothing for this long,
	// headers or body, whatever the Client; 0 means DefaultIdleTimeout.
	IdleTimeout time.Duration
	Log         io.Writer // progress messages; nil means none
}

// Timeouts of a Downloader: connecting to a mirror, and waiting for its
// next byte.
const (
	ConnectTimeout     = 30 * time.Second
	DefaultIdleTimeout = 30 * time.Second
)

// errStalled is the cause of a download abandoned after IdleTimeout.
var errStalled = errors.New("no data")

// Download fetches the four official MNIST files into dir (or $MNIST_DIR
// when dir is ""), verifying each against its pinned SHA-256.
func Download(dir string) error {
	return (&Downloader{Dir: dir}).Download(context.Background())
}

// Download fetches every file not already present and verified. It returns
// an error naming each file that no mirror could supply, with each
// mirror's reason.
func (d *Downloader) Download(ctx context.Context) error {
	dir := d.Dir
	if dir == "" {
		dir = os.Getenv(EnvDir)
	}
	if dir == "" {
		return fmt.Errorf("datasets: Download: no directory given and %s is unset", EnvDir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("datasets: Download: %w", err)
	}
	files, mirrors, client := d.Files, d.Mirrors, d.Client
	if files == nil {
		files = MNISTFiles()
	}
	if mirrors == nil {
		mirrors = MNISTMirrors()
	}
	idle := d.IdleTimeout
	if idle <= 0 {
		idle = DefaultIdleTimeout
	}
	if client == nil {
		dialer := &net.Dialer{Timeout: ConnectTimeout}
		client = &http.Client{Timeout: 10 * time.Minute, Transport: &http.Transport{
			Proxy: http.ProxyFromEnvironment, DialContext: dialer.DialContext,
			TLSHandshakeTimeout: ConnectTimeout,
		}}
	}
	var errs []error
	for _, f := range files {
		path := filepath.Join(dir, f.Name)
		if sum, err := fileSHA256(path); err == nil && sum == f.SHA256 {
			d.logf("%s: present and verified\n", path)
			continue
		} else if err == nil {
			d.logf("%s: present but SHA-256 %s, want %s: downloading again\n", path, sum, f.SHA256)
		}
		// A live download writes at least every idle period: an older
		// .partial file is debris of a killed one.
		debris.Remove(filepath.Join(dir, f.Name+".*.partial"), 2*idle)
		if err := d.fetch(ctx, client, idle, mirrors, dir, f); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// fetch tries each mirror in turn until one supplies f verified.
func (d *Downloader) fetch(ctx context.Context, client *http.Client, idle time.Duration, mirrors []string, dir string, f RemoteFile) error {
	var errs []error
	for _, m := range mirrors {
		url := m + f.Name
		err := fetchVerified(ctx, client, idle, url, dir, f)
		if err == nil {
			d.logf("%s: downloaded from %s and verified\n", filepath.Join(dir, f.Name), url)
			return nil
		}
		err = fmt.Errorf("mirror %s: %w", m, err)
		d.logf("%v\n", err)
		errs = append(errs, err)
		if ctx.Err() != nil {
			break
		}
	}
	return fmt.Errorf("datasets: %s: no mirror supplied a verified copy: %w", f.Name, errors.Join(errs...))
}

// fetchVerified downloads url into a temporary file in dir and renames it
// to f.Name only if it has exactly f.Size bytes with digest f.SHA256. It
// gives up when idle passes without a byte of the body.
func fetchVerified(ctx context.Context, client *http.Client, idle time.Duration, url, dir string, f RemoteFile) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	watchdog := time.AfterFunc(idle, func() { cancel(fmt.Errorf("%w for %v", errStalled, idle)) })
	defer watchdog.Stop()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", url, err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return stallCause(ctx, err) // already names the URL
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: HTTP status %s", url, resp.Status)
	}
	if resp.ContentLength > f.Size {
		return fmt.Errorf("%s: announces %d bytes, want %d", url, resp.ContentLength, f.Size)
	}
	tmp, err := os.CreateTemp(dir, f.Name+".*.partial")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	defer tmp.Close()
	h := sha256.New()
	// Read one byte more than expected to notice an oversized body.
	body := &idleReader{r: io.LimitReader(resp.Body, f.Size+1), watchdog: watchdog, idle: idle}
	n, err := io.Copy(io.MultiWriter(tmp, h), body)
	if err != nil {
		return fmt.Errorf("%s: after %d bytes: %w", url, n, stallCause(ctx, err))
	}
	if n > f.Size {
		return fmt.Errorf("%s: body longer than the expected %d bytes", url, f.Size)
	}
	if n < f.Size {
		return fmt.Errorf("%s: truncated: got %d bytes, want %d", url, n, f.Size)
	}
	if sum := hex.EncodeToString(h.Sum(nil)); sum != f.SHA256 {
		return fmt.Errorf("%s: SHA-256 %s, want %s", url, sum, f.SHA256)
	}
	// A public data set: readable by all, like a file the user copied in
	// (CreateTemp makes it 0600).
	if err := tmp.Chmod(0o644); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), filepath.Join(dir, f.Name)); err != nil {
		return err
	}
	return syncDir(dir)
}

// idleReader restarts the watchdog at every read that returns data.
type idleReader struct {
	r        io.Reader
	watchdog *time.Timer
	idle     time.Duration
}

func (r *idleReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if n > 0 {
		r.watchdog.Reset(r.idle)
	}
	return n, err
}

// stallCause replaces a cancellation caused by the watchdog with its
// reason.
func stallCause(ctx context.Context, err error) error {
	if cause := context.Cause(ctx); errors.Is(cause, errStalled) {
		return cause
	}
	return err
}

// syncDir flushes dir's entries, so that a rename survives a crash.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// fileSHA256 returns the hex SHA-256 of the file at path.
func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func (d *Downloader) logf(format string, args ...any) {
	if d.Log != nil {
		fmt.Fprintf(d.Log, format, args...)
	}
}
