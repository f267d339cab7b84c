package cudasim

import (
	"encoding/binary"
	"sort"
	"unsafe"
)

// Device is one simulated GPU: its memory, its loaded modules and a
// cuBLAS that multiplies column-major matrices. Its methods have the C
// signatures of the CUDA runtime, driver and cuBLAS functions they stand
// for and return their status codes, so a binding can call either. A
// Device is not safe for concurrent use; work runs synchronously, in the
// caller's goroutine.
type Device struct {
	// FailNextMalloc makes the next Malloc fail with
	// cudaErrorMemoryAllocation, for tests of error paths.
	FailNextMalloc bool
	// Launches counts the kernels launched so far.
	Launches int

	mem   map[uintptr][]byte // live allocations by base address
	bases []uintptr          // the keys of mem, sorted
	next  uintptr            // the next base address to hand out

	lastBase uintptr // the allocation span found last (a cache)
	last     []byte

	modules   map[uintptr]*Module
	functions map[uintptr]*Kernel
	handles   uintptr // the last module or function handle handed out
}

// New returns a device with empty memory.
func New() *Device {
	return &Device{
		mem:       make(map[uintptr][]byte),
		next:      0x10000,
		modules:   make(map[uintptr]*Module),
		functions: make(map[uintptr]*Kernel),
	}
}

// Status codes, from driver_types.h (runtime) and cuda.h (driver); the
// first three are the same in both.
const (
	success             = 0
	errInvalidValue     = 1  // cudaErrorInvalidValue, CUDA_ERROR_INVALID_VALUE
	errMemoryAllocation = 2  // cudaErrorMemoryAllocation, CUDA_ERROR_OUT_OF_MEMORY
	errInvalidPitch     = 12 // cudaErrorInvalidPitchValue
	errInvalidPTX       = 218
	errInvalidHandle    = 400
	errNotFound         = 500
	errIllegalAddress   = 700
	errLaunchTimeout    = 702
	errMisaligned       = 716

	cublasInvalidValue = 7 // CUBLAS_STATUS_INVALID_VALUE
)

// Allocations is the number of live allocations.
func (d *Device) Allocations() int { return len(d.mem) }

// GetDeviceCount is cudaGetDeviceCount: one device.
func (d *Device) GetDeviceCount(count *int32) int32 { *count = 1; return success }

// SetDevice is cudaSetDevice.
func (d *Device) SetDevice(dev int32) int32 {
	if dev != 0 {
		return 101 // cudaErrorInvalidDevice
	}
	return success
}

// DeviceGetAttribute is cudaDeviceGetAttribute; every attribute reads as
// its own number, which tests can recognise.
func (d *Device) DeviceGetAttribute(v *int32, attr, dev int32) int32 { *v = attr; return success }

// RuntimeGetVersion is cudaRuntimeGetVersion: 13000.
func (d *Device) RuntimeGetVersion(v *int32) int32 { *v = 13000; return success }

// Synchronize is cudaDeviceSynchronize: work is synchronous here.
func (d *Device) Synchronize() int32 { return success }

// Malloc is cudaMalloc. Allocations are 256-byte aligned, as CUDA's are,
// with unmapped gaps between them so that overruns are caught.
func (d *Device) Malloc(ptr *uintptr, size uintptr) int32 {
	if d.FailNextMalloc {
		d.FailNextMalloc = false
		return errMemoryAllocation
	}
	base := d.next
	d.mem[base] = make([]byte, size)
	d.bases = append(d.bases, base) // base grows: the slice stays sorted
	d.next += (size+255)&^255 + 0x1000
	*ptr = base
	return success
}

// Free is cudaFree.
func (d *Device) Free(ptr uintptr) int32 {
	if _, ok := d.mem[ptr]; !ok {
		return errInvalidValue
	}
	delete(d.mem, ptr)
	i := sort.Search(len(d.bases), func(i int) bool { return d.bases[i] >= ptr })
	d.bases = append(d.bases[:i], d.bases[i+1:]...)
	d.last = nil
	return success
}

// span returns the size bytes of device memory at addr, or nil unless
// they lie inside one live allocation.
func (d *Device) span(addr, size uintptr) []byte {
	if d.last != nil && addr >= d.lastBase && addr-d.lastBase+size <= uintptr(len(d.last)) {
		return d.last[addr-d.lastBase : addr-d.lastBase+size]
	}
	i := sort.Search(len(d.bases), func(i int) bool { return d.bases[i] > addr }) - 1
	if i < 0 {
		return nil
	}
	base := d.bases[i]
	mem := d.mem[base]
	if addr-base+size > uintptr(len(mem)) {
		return nil
	}
	d.lastBase, d.last = base, mem
	return mem[addr-base : addr-base+size]
}

// load reads a little-endian word of size 4 or 8 at addr.
func (d *Device) load(addr, size uintptr) (uint64, int32) {
	if addr%size != 0 {
		return 0, errMisaligned
	}
	b := d.span(addr, size)
	if b == nil {
		return 0, errIllegalAddress
	}
	if size == 4 {
		return uint64(binary.LittleEndian.Uint32(b)), success
	}
	return binary.LittleEndian.Uint64(b), success
}

// store writes a little-endian word of size 4 or 8 at addr.
func (d *Device) store(addr, size uintptr, v uint64) int32 {
	if addr%size != 0 {
		return errMisaligned
	}
	b := d.span(addr, size)
	if b == nil {
		return errIllegalAddress
	}
	if size == 4 {
		binary.LittleEndian.PutUint32(b, uint32(v))
	} else {
		binary.LittleEndian.PutUint64(b, v)
	}
	return success
}

// Memcpy2DToDevice is cudaMemcpy2D from host to device: height rows of
// width bytes, rows spitch bytes apart at src and dpitch apart at dst.
func (d *Device) Memcpy2DToDevice(dst, dpitch uintptr, src unsafe.Pointer, spitch, width, height uintptr, kind int32) int32 {
	if kind != 1 || height == 0 { // cudaMemcpyHostToDevice
		return errInvalidValue
	}
	host := unsafe.Slice((*byte)(src), spitch*(height-1)+width)
	return copy2D(d.span(dst, dpitch*(height-1)+width), dpitch, host, spitch, width, height)
}

// Memcpy2DToHost is cudaMemcpy2D from device to host.
func (d *Device) Memcpy2DToHost(dst unsafe.Pointer, dpitch, src, spitch, width, height uintptr, kind int32) int32 {
	if kind != 2 || height == 0 { // cudaMemcpyDeviceToHost
		return errInvalidValue
	}
	host := unsafe.Slice((*byte)(dst), dpitch*(height-1)+width)
	return copy2D(host, dpitch, d.span(src, spitch*(height-1)+width), spitch, width, height)
}

// copy2D copies height rows of width bytes, as cudaMemcpy2D does.
func copy2D(dst []byte, dpitch uintptr, src []byte, spitch, width, height uintptr) int32 {
	if dst == nil || src == nil {
		return errInvalidValue
	}
	if dpitch < width || spitch < width {
		return errInvalidPitch
	}
	for r := uintptr(0); r < height; r++ {
		copy(dst[r*dpitch:r*dpitch+width], src[r*spitch:r*spitch+width])
	}
	return success
}
