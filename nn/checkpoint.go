package nn

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
)

// A checkpoint file is a header, a payload and a checksum, little endian:
//
//	magic    8 bytes  "NNCKPT\r\n"
//	version  4 bytes  1
//	length   8 bytes  payload length
//	payload           the Trainer's state (see encodeState)
//	crc      4 bytes  CRC-32C of everything before it
//
// A reader checks them in this order and names the first that fails, so a
// truncated, foreign or corrupted file is an error before anything is
// decoded.
const (
	checkpointMagic   = "NNCKPT\r\n"
	checkpointVersion = 1
	headerBytes       = len(checkpointMagic) + 4 + 8
	crcBytes          = 4
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// frame wraps a payload into a checkpoint file's bytes.
func frame(payload []byte) []byte {
	b := make([]byte, 0, headerBytes+len(payload)+crcBytes)
	b = append(b, checkpointMagic...)
	b = binary.LittleEndian.AppendUint32(b, checkpointVersion)
	b = binary.LittleEndian.AppendUint64(b, uint64(len(payload)))
	b = append(b, payload...)
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

// unframe checks a checkpoint file's bytes and returns its payload.
func unframe(b []byte) ([]byte, error) {
	if len(b) < headerBytes {
		return nil, fmt.Errorf("truncated: %d bytes, shorter than the %d-byte header", len(b), headerBytes)
	}
	if string(b[:len(checkpointMagic)]) != checkpointMagic {
		return nil, fmt.Errorf("not a checkpoint: bad magic %q", b[:len(checkpointMagic)])
	}
	if v := binary.LittleEndian.Uint32(b[len(checkpointMagic):]); v != checkpointVersion {
		return nil, fmt.Errorf("unsupported version %d (this build reads version %d)", v, checkpointVersion)
	}
	n := binary.LittleEndian.Uint64(b[len(checkpointMagic)+4:])
	have := uint64(len(b) - headerBytes)
	switch {
	case have < crcBytes || n > have-crcBytes:
		return nil, fmt.Errorf("truncated: the header announces %d payload bytes, the file holds %d bytes after it", n, have)
	case n < have-crcBytes:
		return nil, fmt.Errorf("%d bytes past the end of the payload", have-crcBytes-n)
	}
	body := b[:len(b)-crcBytes]
	if got, want := crc32.Checksum(body, castagnoli), binary.LittleEndian.Uint32(b[len(body):]); got != want {
		return nil, fmt.Errorf("checksum mismatch (CRC-32C %08x, stored %08x): the file is corrupted", got, want)
	}
	return body[headerBytes:], nil
}

// SaveCheckpoint writes the Trainer's whole state to path: model,
// optimizer state, schedule, the shuffle generator's position, the step
// and epoch counters and the history. The write is atomic: a temporary
// file in the same directory is written, synced and renamed over path, and
// the directory is synced, so path holds either the old or the new
// checkpoint, never a mix.
func (t *Trainer[T]) SaveCheckpoint(path string) error {
	payload, err := t.encodeState()
	if err != nil {
		return fmt.Errorf("nn: checkpoint %s: %w", path, err)
	}
	if err := writeAtomic(path, frame(payload)); err != nil {
		return fmt.Errorf("nn: checkpoint %s: %w", path, err)
	}
	return nil
}

// LoadCheckpoint restores the state SaveCheckpoint wrote. The Trainer must
// have the same layer sizes, element type, optimizer, batch size and
// (if the checkpoint has one) a schedule of the same kind. Nothing is
// changed unless everything loads: on any error the Trainer is as before.
func (t *Trainer[T]) LoadCheckpoint(path string) error {
	b, err := os.ReadFile(path)
	if err == nil {
		var payload []byte
		if payload, err = unframe(b); err == nil {
			err = t.decodeState(payload)
		}
	}
	if err != nil {
		return fmt.Errorf("nn: checkpoint %s: %w", path, err)
	}
	return nil
}

// writeAtomic writes data to path through a synced temporary file and a
// rename, then syncs the directory so the rename itself is durable.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	err = firstError(err, f.Sync(), f.Close())
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	return firstError(d.Sync(), d.Close())
}
