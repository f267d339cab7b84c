package nn

import "errors"

// ErrCorruptCheckpoint is wrapped by every error LoadCheckpoint and
// LoadMLP return for a file that is not an intact checkpoint or model file
// of this format: not a regular file, truncated, foreign, corrupted, or
// forged (a checksum-correct file whose fields make no sense, or whose
// optimizer or schedule state the optimizer refuses). Test with errors.Is.
var ErrCorruptCheckpoint = errors.New("corrupt checkpoint")

// ErrCheckpointMismatch is wrapped by LoadCheckpoint's error for an intact
// checkpoint that does not fit the Trainer: another model, element type,
// batch size, optimizer, schedule, or optimizer state sized for another
// number of parameters.
var ErrCheckpointMismatch = errors.New("checkpoint does not fit the Trainer")
