//go:build race

package optim

// raceEnabled: the race detector makes sync.Pool drop items at random, so
// the allocation count of a Step that runs nn/gemm (Muon) is not
// meaningful under it.
const raceEnabled = true
