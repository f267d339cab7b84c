package main

import (
	"flag"
	"os"
	"runtime"
	"syscall"
	"time"
)

var clock = flag.String("clock", "auto", "wall: elapsed time; cpu: the process's CPU time, which "+
	"leaves out the time other processes hold the core; auto: cpu for one thread, wall for more")

// clockFor resolves -clock for a run on t threads. A process's CPU time
// measures a one-thread run as if it had the core to itself, which on a
// shared machine is the fair figure; with more threads only elapsed time
// shows the speed-up.
func clockFor(t int) string {
	if *clock != "auto" {
		return *clock
	}
	if t == 1 {
		return "cpu"
	}
	return "wall"
}

// cpuSeconds is this process's CPU time so far, all threads together.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		fail(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

func wallSeconds() float64 { return float64(time.Now().UnixNano()) / 1e9 }

// rate is a measured speed and the number of cores the process ran on
// meanwhile (CPU time over elapsed time): below the thread count, other work
// held the cores.
type rate struct{ perSec, cores float64 }

// measure returns the best rate, in units per second, of trials runs of fn,
// each repeating fn until minTime has passed, after one warm-up call, on the
// clock clockFor picks for the current GOMAXPROCS. On a shared machine the
// best trial is the one least disturbed by other work.
func measure(fn func(), work float64, trials int, minTime time.Duration) rate {
	fn()
	useCPU := clockFor(runtime.GOMAXPROCS(0)) == "cpu"
	var best rate
	for range trials {
		cpu0, wall0 := cpuSeconds(), wallSeconds()
		runs := 0
		for {
			fn()
			runs++
			elapsed := wallSeconds() - wall0
			if useCPU {
				elapsed = cpuSeconds() - cpu0
			}
			if elapsed >= minTime.Seconds() {
				break
			}
		}
		cpu, wall := cpuSeconds()-cpu0, wallSeconds()-wall0
		r := rate{work * float64(runs) / wall, cpu / wall}
		if useCPU {
			r.perSec = work * float64(runs) / cpu
		}
		if r.perSec > best.perSec {
			best = r
		}
	}
	return best
}

// alternate runs -trials rounds of one trial of ours and one of theirs,
// ours first in even rounds and last in odd ones, so that both sides'
// trials spread over the same stretch of time and a load that drifts
// during the run favours neither.
func alternate(ours, theirs func()) {
	for i := range *trials {
		if i%2 == 1 {
			theirs()
		}
		ours()
		if i%2 == 0 {
			theirs()
		}
	}
}

// warned holds the warnings printed so far: a variant that fails fails in
// every round, and is reported once.
var warned = map[string]bool{}

// warnOnce prints msg on standard error the first time it comes.
func warnOnce(msg string) {
	if !warned[msg] {
		warned[msg] = true
		os.Stderr.WriteString(msg)
	}
}
