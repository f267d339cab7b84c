package cudasim

// maxSteps bounds the instructions one thread may run, so that a kernel
// that loops forever fails like a timed-out launch instead of hanging.
const maxSteps = 1 << 24

// run executes the kernel for one thread, with params the parameter
// values, regs its register file and special its %tid … %nctaid.
func (k *Kernel) run(d *Device, params, regs []uint64, special *[12]uint64) int32 {
	code := k.code
	val := func(o *operand) uint64 {
		switch o.kind {
		case kindReg:
			return regs[o.index]
		case kindImm:
			return o.imm
		}
		return special[o.index]
	}
	for pc, steps := 0, 0; pc < len(code); steps++ {
		if steps == maxSteps {
			return errLaunchTimeout
		}
		in := &code[pc]
		pc++
		if in.guarded && (regs[in.guard] != 0) == in.guardNeg {
			continue
		}
		switch in.op {
		case opALU:
			regs[in.d] = in.alu(val(&in.src[0]), val(&in.src[1]), val(&in.src[2]))
		case opLdParam:
			regs[in.d] = params[in.param]
		case opLdGlobal:
			v, st := d.load(uintptr(val(&in.src[0])+in.off), in.size)
			if st != success {
				return st
			}
			regs[in.d] = v
		case opStGlobal:
			if st := d.store(uintptr(val(&in.src[0])+in.off), in.size, val(&in.src[1])); st != success {
				return st
			}
		case opBra:
			pc = in.target
		case opRet:
			return success
		}
	}
	return success
}
