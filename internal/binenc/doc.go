// Package binenc is the one little-endian binary codec of the course's
// checkpoints: nn's checkpoint payload and optim's optimizer and schedule
// state are both written with Append* and read back with a Decoder.
//
// A Decoder keeps the first problem it meets and returns zeros afterwards,
// so a decode reads as a straight list of fields followed by one check of
// Err. Every length or count read from the bytes is checked against the
// bytes that remain before anything is allocated for it, so a forged or
// truncated record costs at most its own size in memory.
package binenc
