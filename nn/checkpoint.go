package nn

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/nncourse/optimizers/internal/binenc"
	"github.com/nncourse/optimizers/internal/debris"
)

// A checkpoint or model file is a header, a payload and a checksum, little
// endian:
//
//	magic    8 bytes  "NNCKPT\r\n" (checkpoint) or "NNMODL\r\n" (model alone)
//	version  4 bytes  2
//	length   8 bytes  payload length
//	payload           the Trainer's state (see encodeState) or the model (encodeModel)
//	crc      4 bytes  CRC-32C of everything before it
//
// A reader checks them in this order and names the first that fails, so a
// truncated, foreign or corrupted file is an error before anything is
// decoded. The header and the file's size are checked before the payload
// is read, and the checksum in a streaming pass before the payload is
// allocated, so a wrong file (a huge one, a device, a FIFO) costs no
// memory.
// The checksum guards against accidents, not forgery (CRC-32C is public):
// the decoder bounds every count by the bytes that remain, so a forged file
// costs at most its own size in memory.
const (
	checkpointMagic   = "NNCKPT\r\n"
	modelMagic        = "NNMODL\r\n"
	checkpointVersion = 2
	headerBytes       = len(checkpointMagic) + 4 + 8
	crcBytes          = 4
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// frame wraps a payload into a file's bytes under magic.
func frame(magic string, payload []byte) []byte {
	b := make([]byte, 0, headerBytes+len(payload)+crcBytes)
	b = append(b, magic...)
	b = binary.LittleEndian.AppendUint32(b, checkpointVersion)
	b = binary.LittleEndian.AppendUint64(b, uint64(len(payload)))
	b = append(b, payload...)
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

// checkHeader checks a file's header against magic and the file's size.
func checkHeader(head []byte, magic string, size int64) error {
	if string(head[:len(magic)]) != magic {
		return fmt.Errorf("not a %s file: bad magic %q", fileKind(magic), head[:len(magic)])
	}
	if v := binary.LittleEndian.Uint32(head[len(magic):]); v != checkpointVersion {
		return fmt.Errorf("unsupported version %d (this build reads version %d)", v, checkpointVersion)
	}
	n := binary.LittleEndian.Uint64(head[len(magic)+4:])
	have := uint64(size) - uint64(headerBytes)
	switch {
	case have < crcBytes || n > have-crcBytes:
		return fmt.Errorf("truncated: the header announces %d payload bytes, the file holds %d bytes after it", n, have)
	case n < have-crcBytes:
		return fmt.Errorf("%d bytes past the end of the payload", have-crcBytes-n)
	}
	return nil
}

// fileKind names what a magic introduces.
func fileKind(magic string) string {
	if magic == modelMagic {
		return "model"
	}
	return "checkpoint"
}

// readFramed reads the file at path, checks its header, size and checksum
// and returns its payload. Every error wraps ErrCorruptCheckpoint, except
// the file system's own (a missing file is fs.ErrNotExist).
func readFramed(path, magic string) ([]byte, error) {
	// Stat before opening: opening a FIFO blocks until it has a writer.
	if info, err := os.Stat(path); err != nil {
		return nil, err
	} else if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%w: not a regular file (%v)", ErrCorruptCheckpoint, info.Mode().Type())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%w: not a regular file (%v)", ErrCorruptCheckpoint, info.Mode().Type())
	}
	size := info.Size()
	if size < int64(headerBytes) {
		return nil, fmt.Errorf("%w: truncated: %d bytes, shorter than the %d-byte header", ErrCorruptCheckpoint, size, headerBytes)
	}
	var head [headerBytes]byte
	if _, err := io.ReadFull(f, head[:]); err != nil {
		return nil, err
	}
	if err := checkHeader(head[:], magic, size); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorruptCheckpoint, err)
	}
	// The file's size has proved the header right. Check the checksum in
	// a streaming pass, so a corrupted file costs no memory, then read
	// the payload.
	h := crc32.New(castagnoli)
	h.Write(head[:])
	if _, err := io.CopyN(h, f, size-int64(headerBytes+crcBytes)); err != nil {
		return nil, fmt.Errorf("%w: truncated while reading: %w", ErrCorruptCheckpoint, err)
	}
	var stored [crcBytes]byte
	if _, err := io.ReadFull(f, stored[:]); err != nil {
		return nil, fmt.Errorf("%w: truncated while reading: %w", ErrCorruptCheckpoint, err)
	}
	if got, want := h.Sum32(), binary.LittleEndian.Uint32(stored[:]); got != want {
		return nil, fmt.Errorf("%w: checksum mismatch (CRC-32C %08x, stored %08x): the file is corrupted", ErrCorruptCheckpoint, got, want)
	}
	payload := make([]byte, size-int64(headerBytes+crcBytes))
	if _, err := f.ReadAt(payload, int64(headerBytes)); err != nil {
		return nil, fmt.Errorf("%w: changed while reading: %w", ErrCorruptCheckpoint, err)
	}
	return payload, nil
}

// SaveCheckpoint writes the Trainer's whole state to path: model,
// optimizer state, schedule, the shuffle generator's position, the step
// and epoch counters and the history. The write is atomic: a temporary
// file in the same directory is written, synced and renamed over path, and
// the directory is synced, so path holds either the old or the new
// checkpoint, never a mix. Temporary files a killed save left behind are
// removed (see writeAtomic).
func (t *Trainer[T]) SaveCheckpoint(path string) error {
	payload, err := t.encodeState()
	if err == nil {
		err = writeAtomic(path, frame(checkpointMagic, payload))
	}
	if err != nil {
		return fmt.Errorf("nn: checkpoint %s: %w", path, err)
	}
	return nil
}

// LoadCheckpoint restores the state SaveCheckpoint wrote. The Trainer must
// have the same layer sizes, element type, optimizer, batch size and
// (if the checkpoint has one) a schedule of the same kind, and the
// optimizer's state must be sized for the model. Nothing is changed
// unless everything loads: on any error the Trainer is as before.
//
// A file that is not an intact checkpoint gives an error wrapping
// ErrCorruptCheckpoint; an intact one that does not fit the Trainer, one
// wrapping ErrCheckpointMismatch.
func (t *Trainer[T]) LoadCheckpoint(path string) error {
	payload, err := readFramed(path, checkpointMagic)
	if err == nil {
		err = t.decodeState(payload)
	}
	if err != nil {
		return fmt.Errorf("nn: checkpoint %s: %w", path, err)
	}
	return nil
}

// staleTemp is the age past which a temporary file of our naming is
// debris of a killed save: a live save rewrites its file within
// milliseconds (a minute is 6 GB at 100 MB/s).
const staleTemp = time.Minute

// writeAtomic writes data to path through a synced temporary file and a
// rename, then syncs the directory so the rename itself is durable. First
// it removes the temporary files ".<name>.tmp-*" of path older than
// staleTemp, which a save killed before its rename leaves behind.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	pattern := "." + filepath.Base(path) + ".tmp-*"
	debris.Remove(filepath.Join(dir, pattern), staleTemp)
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	err = binenc.FirstError(err, f.Sync(), f.Close())
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
	return binenc.FirstError(d.Sync(), d.Close())
}
