package cublas

import (
	"fmt"
	"math"
	"reflect"
	"runtime"
	"unsafe"

	"github.com/nncourse/optimizers/internal/cudasim"
)

// Module is PTX code compiled by the driver for the device (its JIT
// compiler runs at LoadModule). Its kernels are Functions; Unload or the
// Context's Close releases it.
type Module struct {
	ctx    *Context
	handle uintptr // CUmodule; 0 once unloaded
	params map[string][]cudasim.Param
}

// Function is one kernel (.entry) of a Module.
type Function struct {
	module *Module
	name   string
	handle uintptr // CUfunction
	params []cudasim.Param
	// values holds one 8-byte slot per argument (a 4-byte value in its
	// first half, little-endian) and pointers points at each slot: the
	// kernelParams of every Launch, reused.
	values   []uint64
	pointers []unsafe.Pointer
	pin      runtime.Pinner
}

// jitLogBytes is the size of the buffer the PTX compiler writes its
// errors into.
const jitLogBytes = 8192

// LoadModule compiles PTX text for the device (cuModuleLoadDataEx). When
// the driver refuses it, the *Error carries the compiler's log.
func (ctx *Context) LoadModule(ptx string) (*Module, error) {
	if ctx.lib == nil {
		return nil, ErrClosed
	}
	params, err := cudasim.EntryParams(ptx)
	if err != nil {
		return nil, fmt.Errorf("cublas: LoadModule: %w", err)
	}
	image := append([]byte(ptx), 0)
	logBuf := make([]byte, jitLogBytes)
	options := []int32{cuJitErrorLogBuffer, cuJitErrorLogBufferSizeBytes}
	values := []uintptr{uintptr(unsafe.Pointer(&logBuf[0])), jitLogBytes}
	var pin runtime.Pinner // the driver reads these Go buffers during the call
	pin.Pin(&image[0])
	pin.Pin(&logBuf[0])
	pin.Pin(&options[0])
	pin.Pin(&values[0])
	defer pin.Unpin()
	m := &Module{ctx: ctx, params: params}
	err = ctx.driverCall("cuModuleLoadDataEx", func() int32 {
		return ctx.lib.cuModuleLoadDataEx(&m.handle, unsafe.Pointer(&image[0]), uint32(len(options)),
			unsafe.Pointer(&options[0]), unsafe.Pointer(&values[0]))
	})
	if err != nil {
		if e, ok := err.(*Error); ok {
			e.Log = cStringIn(logBuf)
		}
		return nil, err
	}
	ctx.modules[m] = true
	return m, nil
}

// cStringIn is the NUL-terminated string at the start of b.
func cStringIn(b []byte) string {
	for i, c := range b {
		if c == 0 {
			return string(b[:i])
		}
	}
	return string(b)
}

// Function looks up a kernel of the module by its .entry name.
func (m *Module) Function(name string) (*Function, error) {
	if m.handle == 0 || m.ctx.lib == nil {
		return nil, ErrClosed
	}
	params := m.params[name]
	f := &Function{module: m, name: name, params: params,
		values: make([]uint64, max(1, len(params))), pointers: make([]unsafe.Pointer, max(1, len(params)))}
	err := m.ctx.driverCall("cuModuleGetFunction", func() int32 {
		return m.ctx.lib.cuModuleGetFunction(&f.handle, m.handle, name)
	})
	if err != nil {
		return nil, fmt.Errorf("%w (kernel %s)", err, name)
	}
	return f, nil
}

// Module is the module the kernel belongs to.
func (f *Function) Module() *Module { return f.module }

// Unload releases the module; its Functions can no longer be launched.
// Unloading twice is a no-op.
func (m *Module) Unload() error {
	if m.handle == 0 || m.ctx.lib == nil {
		return nil
	}
	h := m.handle
	m.handle = 0
	delete(m.ctx.modules, m)
	return m.ctx.driverCall("cuModuleUnload", func() int32 { return m.ctx.lib.cuModuleUnload(h) })
}

// Launch queues the kernel on grid blocks of block threads each (one
// dimension), on the stream the runtime and cuBLAS use, so it runs after
// the work queued before it and before the work queued after it.
//
// args are the kernel's parameters in order, each of the Go type that
// matches its PTX type: *Buffer[float32] or *Buffer[float64] for .u64
// pointers, float32 for .f32, float64 for .f64, int32 or uint32 for
// .u32, .s32 and .b32, int64 or uint64 for the other 64-bit integers.
// A *float32 passes the value it points to at the call, so that a caller
// can prepare its argument list once and launch it every step without
// boxing a float32 (an allocation) each time. A wrong count or type
// panics, naming the parameter; a freed buffer returns ErrClosed.
//
// Launch itself allocates nothing: the argument block is the Function's,
// reused, so a Function, like its Context, is not safe for concurrent use.
func (f *Function) Launch(grid, block int, args ...any) error {
	if grid < 1 || grid > math.MaxInt32 || block < 1 || block > 1024 {
		panic(fmt.Sprintf("cublas: Launch %s: grid %d and block %d must be in [1, 2³¹−1] and [1, 1024]", f.name, grid, block))
	}
	if len(args) != len(f.params) {
		panic(fmt.Sprintf("cublas: Launch %s: the kernel takes %d parameters, got %d arguments", f.name, len(f.params), len(args)))
	}
	m := f.module
	if m.handle == 0 || m.ctx.lib == nil {
		return ErrClosed
	}
	for i, a := range args {
		v, err := f.argument(i, a)
		if err != nil {
			return err
		}
		f.values[i] = v
		f.pointers[i] = unsafe.Pointer(&f.values[i])
	}
	f.pin.Pin(&f.values[0]) // the driver reads them during the call
	f.pin.Pin(&f.pointers[0])
	defer f.pin.Unpin()
	return m.ctx.driverCall("cuLaunchKernel", func() int32 {
		return m.ctx.lib.cuLaunchKernel(f.handle, uint32(grid), 1, 1, uint32(block), 1, 1, 0, 0, unsafe.Pointer(&f.pointers[0]), nil)
	})
}

// argument checks argument i against the kernel's parameter and returns
// its bits.
func (f *Function) argument(i int, a any) (uint64, error) {
	p := f.params[i]
	ok := false
	var v uint64
	switch x := a.(type) {
	case *Buffer[float32]:
		ok, v = p.Size == 8 && p.Type != "f64", uint64(x.ptr)
		if x.live() != nil || x.ctx != f.module.ctx {
			return 0, ErrClosed
		}
	case *Buffer[float64]:
		ok, v = p.Size == 8 && p.Type != "f64", uint64(x.ptr)
		if x.live() != nil || x.ctx != f.module.ctx {
			return 0, ErrClosed
		}
	case float32:
		ok, v = p.Type == "f32", uint64(math.Float32bits(x))
	case *float32:
		ok, v = p.Type == "f32", uint64(math.Float32bits(*x))
	case float64:
		ok, v = p.Type == "f64", math.Float64bits(x)
	case int32:
		ok, v = p.Size == 4 && p.Type != "f32", uint64(uint32(x))
	case uint32:
		ok, v = p.Size == 4 && p.Type != "f32", uint64(x)
	case int64:
		ok, v = p.Size == 8 && p.Type != "f64", uint64(x)
	case uint64:
		ok, v = p.Size == 8 && p.Type != "f64", x
	}
	if !ok {
		// reflect.TypeOf, unlike fmt's %T, does not make the argument escape to the
		// heap, so a launch's scalar arguments are boxed on the stack.
		panic(fmt.Sprintf("cublas: Launch %s: argument %d (%s) is %v, the kernel takes .%s", f.name, i, p.Name, reflect.TypeOf(a), p.Type))
	}
	return v, nil
}
