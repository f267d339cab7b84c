package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
)

// OpenBLAS picks its kernels when the library loads, from the CPU it
// detects or from OPENBLAS_CORETYPE. A release older than the CPU may detect
// it as something much slower (0.3.21 takes an Emerald Rapids Xeon for a
// Prescott, 4× below its SkylakeX kernels there), so a fair baseline times
// OpenBLAS, and PyTorch on it, with each plausible kernel set, each in its own
// child process, and keeps the fastest.
var coretypesFlag = flag.String("coretypes", "auto,SkylakeX,Cooperlake,Haswell,Zen",
	"OpenBLAS kernel sets (OPENBLAS_CORETYPE values; auto: unset) to time the baselines with, the fastest kept")

// kernelSet is one value of OPENBLAS_CORETYPE ("" for auto) and the kernels
// OpenBLAS reports it loaded for it.
type kernelSet struct{ coretype, core string }

func (k kernelSet) String() string {
	if k.coretype == "" {
		return "auto: " + k.core
	}
	return k.core
}

// kernelSets are the sets -coretypes lists that this CPU runs, probed once.
var kernelSets []kernelSet

// probeKernelSets runs a small float32 and float64 product in a child
// process for each coretype in -coretypes and keeps those that survive:
// kernels the CPU lacks the instructions for (AVX-512 on a Zen 3) kill the
// child with SIGILL, which is reported and skipped. A coretype that loads the
// same kernels as one already kept (OpenBLAS falls back, e.g. Cooperlake to
// Haswell without AVX-512 BF16) is timed once. It returns a line saying what
// was kept and what skipped.
func probeKernelSets() string {
	var notes []string
	seen := map[string]string{}
	for _, ct := range strings.Split(*coretypesFlag, ",") {
		ct = strings.TrimSpace(ct)
		label := ct
		if ct == "auto" {
			ct = ""
		}
		out, err := openblasChild("probe", 1, kernelEnv(ct))
		switch {
		case err != nil:
			notes = append(notes, fmt.Sprintf("%s: %v, skipped", label, err))
		case seen[out] != "":
			notes = append(notes, fmt.Sprintf("%s → %s (as %s)", label, out, seen[out]))
		default:
			seen[out] = label
			kernelSets = append(kernelSets, kernelSet{ct, out})
			notes = append(notes, fmt.Sprintf("%s → %s", label, out))
		}
	}
	return strings.Join(notes, "; ")
}

// kernelEnv sets OPENBLAS_CORETYPE to coretype; "" leaves it unset.
func kernelEnv(coretype string) []string {
	if coretype == "" {
		return nil
	}
	return []string{"OPENBLAS_CORETYPE=" + coretype}
}

// variant is one environment a baseline is timed in.
type variant struct {
	label string   // names the kernel set and, with 2 threads, the spin policy
	env   []string // added to openblasEnv
}

// variants are the environments OpenBLAS and PyTorch are timed in with t
// threads, the best result kept: each kernel set that runs here (all of
// -coretypes' first when OpenBLAS is not linked and cannot be probed), and
// with more than one thread each also with spinning cut short — their idle
// threads spin, which on a shared machine can cost them more than it saves.
func variants(t int) []variant {
	sets := kernelSets
	if len(sets) == 0 {
		sets = []kernelSet{{core: "auto"}}
	}
	var vs []variant
	for _, k := range sets {
		vs = append(vs, variant{k.String(), kernelEnv(k.coretype)})
		if t > 1 {
			vs = append(vs, variant{k.String() + ", passive", append(kernelEnv(k.coretype), "OPENBLAS_THREAD_TIMEOUT=4", "OMP_WAIT_POLICY=PASSIVE")})
		}
	}
	return vs
}

// openblasEnv is this environment without OPENBLAS_CORETYPE (a variant sets
// it) and with t threads.
func openblasEnv(t int) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "OPENBLAS_CORETYPE=") && !strings.HasPrefix(kv, "OPENBLAS_NUM_THREADS=") &&
			!strings.HasPrefix(kv, "OMP_NUM_THREADS=") {
			env = append(env, kv)
		}
	}
	return append(env, fmt.Sprintf("OPENBLAS_NUM_THREADS=%d", t), fmt.Sprintf("OMP_NUM_THREADS=%d", t))
}

// openblasChild runs this binary as an OpenBLAS child for the case arg with t
// threads, in openblasEnv plus extra, and returns what it printed: one
// trial, for the caller interleaves its trials with ours (alternate). A child
// that crashes — SIGILL in kernels this CPU cannot run, which Go's runtime
// reports as "SIGILL: illegal instruction" and exit status 2 — is an error
// carrying the first line of its report, not the end of the bench.
func openblasChild(arg string, t int, extra []string) (string, error) {
	exe, err := os.Executable()
	if err != nil {
		fail(err)
	}
	cmd := exec.Command(exe, "-child", "openblas", "-case", arg,
		"-trials", "1", "-mintime", minTime.String(), "-clock", clockFor(t))
	cmd.Env = append(openblasEnv(t), extra...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		first, _, _ := strings.Cut(stderr.String(), "\n")
		return "", fmt.Errorf("%w: %s", exitError(err), first)
	}
	os.Stderr.WriteString(stderr.String())
	return strings.TrimSpace(string(out)), nil
}

// exitError names the signal that killed a child process.
func exitError(err error) error {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return fmt.Errorf("killed by %v", ws.Signal())
		}
	}
	return err
}

// loadAverage is the one-minute load average, "?" where unreadable.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "?"
}
