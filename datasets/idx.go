package datasets

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
)

// IDX is the content of an IDX file of unsigned bytes, the format of the
// MNIST files: a 4-byte magic number 0x00 0x00 0x08 d (0x08 = unsigned
// byte, d = number of dimensions), d big-endian uint32 sizes, then the
// product of the sizes in bytes, last dimension varying fastest.
type IDX struct {
	Dims []int  // sizes, outermost first: [10000 28 28] for MNIST test images
	Data []byte // the payload, row-major, len = product of Dims
}

const (
	// MaxIDXPayload bounds the payload ReadIDX accepts (256 MiB; MNIST's
	// largest file holds 47,040,016 bytes), so a forged header cannot make
	// it allocate gigabytes.
	MaxIDXPayload = 1 << 28
	// maxIDXDims bounds the number of dimensions; MNIST uses 1 and 3.
	maxIDXDims = 4
	// deflateMaxRatio is the best compression deflate can reach (each
	// 258-byte match costs at least 2 bits, about 1032:1); a gzip file of
	// s bytes therefore never holds more than about 1032·s bytes.
	deflateMaxRatio     = 1032
	idxTypeUnsignedByte = 0x08
)

// FormatError reports a malformed or untrusted data file.
type FormatError struct {
	File    string // the file's name or path
	Problem string // what is wrong, in words
}

func (e *FormatError) Error() string { return "datasets: " + e.File + ": " + e.Problem }

func formatErr(file, format string, args ...any) error {
	return &FormatError{File: file, Problem: fmt.Sprintf(format, args...)}
}

// ReadIDXFile reads an IDX file, gzip-compressed or raw (told apart by
// their magic numbers), checking every header field against the file size
// before allocating anything.
func ReadIDXFile(path string) (*IDX, error) { return readIDXFile(path, MaxIDXPayload) }

// readIDXFile is ReadIDXFile with a payload limit below MaxIDXPayload.
func readIDXFile(path string, limit int64) (*IDX, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("datasets: %w", err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("datasets: %w", err)
	}
	return readIDX(f, info.Size(), path, limit)
}

// ReadIDX reads an IDX file of unsigned bytes from r, gzip-compressed or
// raw. size is the number of bytes r holds, or -1 when unknown; name is the
// file named in errors.
//
// The header is validated before the payload is allocated: the magic
// number, the element type (only 0x08, unsigned byte), the number of
// dimensions (1 to 4), each size (at least 1), and the payload length,
// which must fit MaxIDXPayload and, when size is known, match the file
// exactly (raw) or be reachable by deflate (gzip). Truncated payloads,
// trailing bytes and corrupt gzip streams are errors. Every error is a
// *FormatError naming the file and the problem, or an I/O error.
//
// The payload is allocated once, at the size the header announces, when
// the file's size bounds it (raw: exactly; gzip: by deflate's ratio), so
// reading costs the payload's size and no more. Only a stream of unknown
// size grows its buffer with the data actually read (at most about twice
// the bytes really present).
func ReadIDX(r io.Reader, size int64, name string) (*IDX, error) {
	return readIDX(r, size, name, MaxIDXPayload)
}

// readIDX is ReadIDX with a payload limit below MaxIDXPayload.
func readIDX(r io.Reader, size int64, name string, limit int64) (*IDX, error) {
	br := bufio.NewReader(r)
	head, err := br.Peek(2)
	if err != nil {
		return nil, formatErr(name, "too short for an IDX header (%d bytes)", len(head))
	}
	payloadLimit, limitReason := min(limit, MaxIDXPayload), "MaxIDXPayload"
	if limit < MaxIDXPayload {
		limitReason = "the memory a load may use, MaxMNISTLoad"
	}
	compressed := head[0] == 0x1f && head[1] == 0x8b
	var in io.Reader = br
	if compressed {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, formatErr(name, "corrupt gzip header: %v", err)
		}
		defer zr.Close()
		in = zr
		if size >= 0 && deflateMaxRatio*size < payloadLimit {
			payloadLimit = deflateMaxRatio * size
			limitReason = fmt.Sprintf("the most deflate can pack into %d bytes", size)
		}
	}
	dims, headerLen, err := readIDXHeader(in, name)
	if err != nil {
		return nil, err
	}
	n, ok := idxPayloadLen(dims, payloadLimit)
	if !ok {
		return nil, formatErr(name, "absurd dimensions %v: more than %d bytes of data (%s)", dims, payloadLimit, limitReason)
	}
	if !compressed && size >= 0 && headerLen+n != size {
		return nil, formatErr(name, "header %v promises %d bytes of data but the file holds %d after its %d-byte header", dims, n, size-headerLen, headerLen)
	}
	data, err := readIDXPayload(in, n, size >= 0)
	if err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, formatErr(name, "truncated: header %v promises %d bytes of data, got %d", dims, n, len(data))
		}
		return nil, formatErr(name, "reading data: %v", err)
	}
	// Reading past the end checks the gzip CRC and finds trailing bytes.
	var extra [1]byte
	if got, err := io.ReadFull(in, extra[:]); got > 0 {
		return nil, formatErr(name, "trailing bytes after the %d bytes of data promised by header %v", n, dims)
	} else if !errors.Is(err, io.EOF) {
		return nil, formatErr(name, "after the data: %v", err)
	}
	return &IDX{Dims: dims, Data: data}, nil
}

// readIDXHeader reads and checks the magic number and the sizes; it
// returns the sizes and the header length in bytes.
func readIDXHeader(r io.Reader, name string) ([]int, int64, error) {
	var magic [4]byte
	if got, err := io.ReadFull(r, magic[:]); err != nil {
		return nil, 0, formatErr(name, "truncated header: %d of 4 magic bytes", got)
	}
	if magic[0] != 0 || magic[1] != 0 {
		return nil, 0, formatErr(name, "wrong magic %#x: an IDX file starts with two zero bytes", magic[:])
	}
	if magic[2] != idxTypeUnsignedByte {
		return nil, 0, formatErr(name, "unsupported element type %#02x in magic %#x, want 0x08 (unsigned byte)", magic[2], magic[:])
	}
	nd := int(magic[3])
	if nd < 1 || nd > maxIDXDims {
		return nil, 0, formatErr(name, "absurd number of dimensions %d, want 1 to %d", nd, maxIDXDims)
	}
	raw := make([]byte, 4*nd)
	if got, err := io.ReadFull(r, raw); err != nil {
		return nil, 0, formatErr(name, "truncated header: %d of %d dimension bytes", got, len(raw))
	}
	dims := make([]int, nd)
	for i := range dims {
		v := binary.BigEndian.Uint32(raw[4*i:])
		if v == 0 || v > MaxIDXPayload {
			return nil, 0, formatErr(name, "absurd size %d for dimension %d", v, i)
		}
		dims[i] = int(v)
	}
	return dims, int64(4 + 4*nd), nil
}

// idxPayloadLen multiplies the sizes; ok is false if the product exceeds
// limit (checked at every step, so the product never overflows).
func idxPayloadLen(dims []int, limit int64) (n int64, ok bool) {
	n = 1
	for _, d := range dims {
		if n > limit/int64(d) {
			return 0, false
		}
		n *= int64(d)
	}
	return n, true
}

// readIDXPayload reads n bytes. It allocates them up front when the file
// size bounds n (sized: a raw file's size proved the header right, a gzip
// file's size bounds n by deflate's ratio); otherwise the buffer grows
// with the data actually read, so a forged header in a stream costs at
// most about twice the bytes really present. On error it returns what it
// read.
func readIDXPayload(r io.Reader, n int64, sized bool) ([]byte, error) {
	if sized {
		data := make([]byte, n)
		got, err := io.ReadFull(r, data)
		return data[:got], err
	}
	var buf bytes.Buffer
	buf.Grow(int(min(n, 1<<20)))
	_, err := io.CopyN(&buf, r, n)
	return buf.Bytes(), err
}
