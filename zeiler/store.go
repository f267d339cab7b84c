package zeiler

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"
)

// Store holds every finished Run of one experiment, by Setting.Key, in a
// JSON file that Save rewrites atomically (a temporary file renamed into
// place), so that an interruption never loses a finished run nor leaves a
// torn file.
type Store struct {
	// Experiment describes what every run shares (network, minibatch,
	// rows of data); a Store refuses runs of another experiment.
	Experiment string
	Runs       map[string]Run
	// Sessions records each invocation that added runs: when, at which
	// commit, on which machine, for how long.
	Sessions []Session
	// Notes are remarks on the runs or sessions that the report prints
	// under its provenance table.
	Notes []string `json:",omitempty"`

	path string
}

// Session is one invocation of the Runner.
type Session struct {
	Command, Commit, Machine string
	Threads                  int
	Started                  time.Time
	WallSeconds              float64
	Runs                     int // runs trained (not found in the Store)
}

// OpenStore reads the Store at path, or returns an empty one when the file
// does not exist yet. It returns an error if the file holds another
// experiment.
func OpenStore(path, experiment string) (*Store, error) {
	s := &Store{Experiment: experiment, Runs: map[string]Run{}, path: path}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, s); err != nil {
		return nil, fmt.Errorf("zeiler: %s: %w", path, err)
	}
	if s.Experiment != experiment {
		return nil, fmt.Errorf("zeiler: %s holds the experiment %q, not %q: use another results file", path, s.Experiment, experiment)
	}
	if s.Runs == nil {
		s.Runs = map[string]Run{}
	}
	return s, nil
}

// ReadStore reads the Store at path, whatever its experiment.
func ReadStore(path string) (*Store, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s := &Store{path: path}
	if err := json.Unmarshal(b, s); err != nil {
		return nil, fmt.Errorf("zeiler: %s: %w", path, err)
	}
	return s, nil
}

// Get returns the stored run of s, if any.
func (st *Store) Get(s Setting) (Run, bool) {
	r, ok := st.Runs[s.Key()]
	return r, ok
}

// Put adds a run and saves the Store.
func (st *Store) Put(r Run) error {
	st.Runs[r.Setting.Key()] = r
	return st.Save()
}

// Save writes the Store to its file atomically. Several processes may
// share the file (cmd/zeiler -shard): under an exclusive lock on
// path + ".lock", Save first merges in the runs and sessions that the file
// holds and this Store lacks, so that no process overwrites another's.
func (st *Store) Save() error {
	if err := os.MkdirAll(filepath.Dir(st.path), 0o755); err != nil {
		return err
	}
	unlock, err := lockFile(st.path + ".lock")
	if err != nil {
		return err
	}
	defer unlock()
	if disk, err := ReadStore(st.path); err == nil && disk.Experiment == st.Experiment {
		st.merge(disk)
	}
	b, err := json.MarshalIndent(st, "", " ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(st.path), ".results-*.json")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Chmod(0o644); err != nil { // CreateTemp's 0600 would hide it from other users
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), st.path)
}

// Refresh merges in what other processes have saved to the Store's file.
func (st *Store) Refresh() error {
	unlock, err := lockFile(st.path + ".lock")
	if err != nil {
		return err
	}
	defer unlock()
	disk, err := ReadStore(st.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if disk.Experiment == st.Experiment {
		st.merge(disk)
	}
	return nil
}

// recordSession adds s to the Sessions, or updates the one that started at
// the same instant (its own earlier record).
func (st *Store) recordSession(s Session) {
	for i := range st.Sessions {
		if st.Sessions[i].Started.Equal(s.Started) {
			st.Sessions[i] = s
			return
		}
	}
	st.Sessions = append(st.Sessions, s)
}

// merge adds the runs and sessions of other that st lacks; st's runs win,
// and of two records of one session (known by its start time) the one
// with the longer wall time, the later.
func (st *Store) merge(other *Store) {
	for k, r := range other.Runs {
		if _, ok := st.Runs[k]; !ok {
			st.Runs[k] = r
		}
	}
	index := map[int64]int{}
	for i, s := range st.Sessions {
		index[s.Started.UnixNano()] = i
	}
	for _, s := range other.Sessions {
		i, ok := index[s.Started.UnixNano()]
		switch {
		case !ok:
			st.Sessions = append(st.Sessions, s)
		case s.WallSeconds > st.Sessions[i].WallSeconds: // the other's record of it is newer
			st.Sessions[i] = s
		}
	}
	sort.SliceStable(st.Sessions, func(i, j int) bool { return st.Sessions[i].Started.Before(st.Sessions[j].Started) })
	if len(st.Notes) == 0 {
		st.Notes = other.Notes
	}
}

// Seeds returns the stored runs of the settings that differ from s only
// by their seed, in the order of seeds.
func (st *Store) Seeds(s Setting, seeds []uint64) []Run {
	var runs []Run
	for _, seed := range seeds {
		s.Seed = seed
		if r, ok := st.Get(s); ok {
			runs = append(runs, r)
		}
	}
	return runs
}

// Path is the Store's file.
func (st *Store) Path() string { return st.path }
