package cudasim

import "unsafe"

// The CUDA driver API functions: one primary context, modules of PTX
// text and kernel launches.

// JIT options of cuModuleLoadDataEx (cuda.h, CUjit_option).
const (
	jitErrorLogBuffer          = 5
	jitErrorLogBufferSizeBytes = 6
)

// Init is cuInit.
func (d *Device) Init(flags uint32) int32 { return success }

// DeviceGet is cuDeviceGet: ordinal 0 is device 0.
func (d *Device) DeviceGet(dev *int32, ordinal int32) int32 {
	if ordinal != 0 {
		return 101 // CUDA_ERROR_INVALID_DEVICE
	}
	*dev = 0
	return success
}

// DevicePrimaryCtxRetain is cuDevicePrimaryCtxRetain: one context, handle 1.
func (d *Device) DevicePrimaryCtxRetain(ctx *uintptr, dev int32) int32 { *ctx = 1; return success }

// DevicePrimaryCtxRelease is cuDevicePrimaryCtxRelease_v2.
func (d *Device) DevicePrimaryCtxRelease(dev int32) int32 { return success }

// CtxSetCurrent is cuCtxSetCurrent.
func (d *Device) CtxSetCurrent(ctx uintptr) int32 { return success }

// ModuleLoadDataEx is cuModuleLoadDataEx: image is the NUL-terminated PTX
// text. A module that Parse refuses returns CUDA_ERROR_INVALID_PTX with
// Parse's message in the error log buffer, when the options give one.
func (d *Device) ModuleLoadDataEx(module *uintptr, image unsafe.Pointer, numOptions uint32, options, optionValues unsafe.Pointer) int32 {
	m, err := Parse(cString(image))
	if err != nil {
		writeLog(err.Error(), numOptions, options, optionValues)
		return errInvalidPTX
	}
	d.handles++
	d.modules[d.handles] = m
	*module = d.handles
	return success
}

// writeLog copies msg, NUL-terminated and cut to the buffer's size, into
// the error log buffer the JIT options name, and stores the size used.
func writeLog(msg string, numOptions uint32, options, optionValues unsafe.Pointer) {
	if numOptions == 0 {
		return
	}
	opts := unsafe.Slice((*int32)(options), numOptions)
	vals := unsafe.Slice((*uintptr)(optionValues), numOptions)        // sizes, by value
	ptrs := unsafe.Slice((*unsafe.Pointer)(optionValues), numOptions) // buffers
	var buf unsafe.Pointer
	size := -1
	for i, o := range opts {
		switch o {
		case jitErrorLogBuffer:
			buf = ptrs[i]
		case jitErrorLogBufferSizeBytes:
			size = i
		}
	}
	if buf == nil || size < 0 || vals[size] == 0 {
		return
	}
	n := min(uintptr(len(msg)), vals[size]-1)
	dst := unsafe.Slice((*byte)(buf), n+1)
	copy(dst, msg[:n])
	dst[n] = 0
	vals[size] = n + 1
}

// ModuleGetFunction is cuModuleGetFunction.
func (d *Device) ModuleGetFunction(fn *uintptr, module uintptr, name string) int32 {
	m, ok := d.modules[module]
	if !ok {
		return errInvalidHandle
	}
	k, ok := m.Kernels[name]
	if !ok {
		return errNotFound
	}
	d.handles++
	d.functions[d.handles] = k
	*fn = d.handles
	return success
}

// ModuleUnload is cuModuleUnload; the module's functions become invalid.
func (d *Device) ModuleUnload(module uintptr) int32 {
	m, ok := d.modules[module]
	if !ok {
		return errInvalidHandle
	}
	for h, k := range d.functions {
		if m.Kernels[k.Name] == k {
			delete(d.functions, h)
		}
	}
	delete(d.modules, module)
	return success
}

// LaunchKernel is cuLaunchKernel. kernelParams points to an array of
// pointers, one per kernel parameter, each to the parameter's value.
// Every thread of every block runs to completion, one after the other,
// before it returns: kernels that share memory between threads or
// synchronise them are not supported (Parse refuses their instructions).
func (d *Device) LaunchKernel(fn uintptr, gridX, gridY, gridZ, blockX, blockY, blockZ, sharedMem uint32, stream uintptr, kernelParams, extra unsafe.Pointer) int32 {
	k, ok := d.functions[fn]
	if !ok {
		return errInvalidHandle
	}
	threads := uint64(blockX) * uint64(blockY) * uint64(blockZ)
	if threads == 0 || threads > 1024 || blockZ > 64 || gridX == 0 || gridY == 0 || gridZ == 0 || sharedMem != 0 || extra != nil {
		return errInvalidValue
	}
	if len(k.Params) > 0 && kernelParams == nil {
		return errInvalidValue
	}
	if len(k.args) != len(k.Params) || len(k.regs) != k.nregs {
		k.args, k.regs = make([]uint64, len(k.Params)), make([]uint64, k.nregs)
	}
	params, regs := k.args, k.regs
	if len(k.Params) > 0 {
		ptrs := unsafe.Slice((*unsafe.Pointer)(kernelParams), len(k.Params))
		for i, p := range k.Params {
			if p.Size == 4 {
				params[i] = uint64(*(*uint32)(ptrs[i]))
			} else {
				params[i] = *(*uint64)(ptrs[i])
			}
		}
	}
	d.Launches++
	var sp [12]uint64
	sp[3], sp[4], sp[5] = uint64(blockX), uint64(blockY), uint64(blockZ)
	sp[9], sp[10], sp[11] = uint64(gridX), uint64(gridY), uint64(gridZ)
	for bz := range gridZ {
		for by := range gridY {
			for bx := range gridX {
				sp[6], sp[7], sp[8] = uint64(bx), uint64(by), uint64(bz)
				for tz := range blockZ {
					for ty := range blockY {
						for tx := range blockX {
							sp[0], sp[1], sp[2] = uint64(tx), uint64(ty), uint64(tz)
							if st := k.run(d, params, regs, &sp); st != success {
								return st
							}
						}
					}
				}
			}
		}
	}
	return success
}

// cString reads a NUL-terminated C string.
func cString(p unsafe.Pointer) string {
	n := 0
	for *(*byte)(unsafe.Add(p, n)) != 0 {
		n++
	}
	return string(unsafe.Slice((*byte)(p), n))
}
