package cudasim

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// opcode is what an instruction does beyond register arithmetic.
type opcode uint8

const (
	opALU      opcode = iota // d = alu(a, b, c): arithmetic, comparisons, moves, conversions
	opLdParam                // d = a parameter
	opLdGlobal               // d = device memory at [a + off]
	opStGlobal               // device memory at [a + off] = b
	opBra                    // jump to target
	opRet                    // the thread ends
)

// operand kinds
const (
	kindReg     = iota // a register slot
	kindImm            // an immediate, as bits of the instruction's type
	kindSpecial        // %tid.x … %nctaid.z
)

type operand struct {
	kind  uint8
	index int    // register slot or special register
	imm   uint64 // immediate bits
}

// instr is one decoded instruction.
type instr struct {
	op       opcode
	alu      func(a, b, c uint64) uint64
	d        int        // destination register slot
	src      [3]operand // sources (for st: address, value)
	size     uintptr    // bytes loaded or stored
	off      uint64     // address offset of ld/st
	param    int        // parameter index of ld.param
	guarded  bool       // @%p or @!%p
	guard    int        // predicate slot
	guardNeg bool       // @!%p
	label    string     // branch label, resolved into target
	target   int
	line     int
}

// specials are the special registers a kernel may read, in the order of
// the thread context: tid, ntid, ctaid, nctaid, each x, y, z.
var specials = map[string]int{
	"%tid.x": 0, "%tid.y": 1, "%tid.z": 2,
	"%ntid.x": 3, "%ntid.y": 4, "%ntid.z": 5,
	"%ctaid.x": 6, "%ctaid.y": 7, "%ctaid.z": 8,
	"%nctaid.x": 9, "%nctaid.y": 10, "%nctaid.z": 11,
}

var typeNames = []string{"f32", "f64", "u32", "s32", "b32", "u64", "s64", "b64", "pred"}

// instruction decodes "[@[!]%p] opcode operands".
func (p *bodyParser) instruction(stmt string) (instr, error) {
	var in instr
	if strings.HasPrefix(stmt, "@") {
		f := strings.Fields(stmt)
		g := strings.TrimPrefix(f[0], "@")
		in.guarded = true
		if strings.HasPrefix(g, "!") {
			in.guardNeg, g = true, g[1:]
		}
		slot, typ, err := p.register(g)
		if err != nil {
			return in, err
		}
		if typ != "pred" {
			return in, fmt.Errorf("guard %s is not a predicate", g)
		}
		in.guard = slot
		stmt = strings.TrimSpace(stmt[len(f[0]):])
	}
	name, rest, _ := strings.Cut(stmt, " ")
	rest = strings.TrimSpace(strings.ReplaceAll(rest, "\t", " "))
	var ops []string
	if rest != "" {
		for _, o := range strings.Split(rest, ",") {
			ops = append(ops, strings.TrimSpace(o))
		}
	}
	parts := strings.Split(name, ".")
	base, mods := parts[0], parts[1:]
	var types []string
	for _, m := range mods {
		if slices.Contains(typeNames, m) {
			types = append(types, m)
		}
	}
	typ := ""
	if len(types) > 0 {
		typ = types[len(types)-1]
	}
	switch base {
	case "ret", "exit":
		in.op = opRet
		return in, wantOperands(ops, 0)
	case "bra":
		in.op = opBra
		if err := wantOperands(ops, 1); err != nil {
			return in, err
		}
		in.label = ops[0]
		return in, nil
	case "ld", "st":
		return p.memory(in, base, mods, typ, ops)
	}
	alu, nsrc, srcType, err := aluFor(base, mods, types)
	if err != nil {
		return in, err
	}
	if err := wantOperands(ops, 1+nsrc); err != nil {
		return in, err
	}
	in.op, in.alu = opALU, alu
	if in.d, _, err = p.register(ops[0]); err != nil {
		return in, err
	}
	for i := range nsrc {
		t := srcType
		if base == "selp" && i == 2 {
			t = "pred"
		}
		if in.src[i], err = p.operand(ops[1+i], t); err != nil {
			return in, err
		}
	}
	return in, nil
}

// memory decodes ld.param, ld.global and st.global.
func (p *bodyParser) memory(in instr, base string, mods []string, typ string, ops []string) (instr, error) {
	in.size = uintptr(typeSize(typ))
	if in.size == 0 || len(mods) != 2 {
		return in, fmt.Errorf("unsupported %s form", base)
	}
	if err := wantOperands(ops, 2); err != nil {
		return in, err
	}
	space := mods[0]
	addr, value := ops[1], ops[0]
	if base == "st" {
		addr, value = ops[0], ops[1]
	}
	if !strings.HasPrefix(addr, "[") || !strings.HasSuffix(addr, "]") {
		return in, fmt.Errorf("address %s is not [ … ]", addr)
	}
	inner := strings.TrimSpace(addr[1 : len(addr)-1])
	var err error
	switch {
	case base == "ld" && space == "param":
		in.op = opLdParam
		in.param = slices.IndexFunc(p.kernel.Params, func(q Param) bool { return q.Name == inner })
		if in.param < 0 {
			return in, fmt.Errorf("no parameter %s", inner)
		}
		if p.kernel.Params[in.param].Size != int(in.size) {
			return in, fmt.Errorf("parameter %s has %d bytes, loaded as %d", inner, p.kernel.Params[in.param].Size, in.size)
		}
	case space == "global":
		in.op = opLdGlobal
		if base == "st" {
			in.op = opStGlobal
		}
		reg, off := inner, "0"
		if i := strings.IndexAny(inner, "+-"); i > 0 {
			reg, off = strings.TrimSpace(inner[:i]), strings.TrimSpace(strings.TrimPrefix(inner[i:], "+"))
		}
		n, err := strconv.ParseInt(off, 0, 64)
		if err != nil {
			return in, fmt.Errorf("bad address offset %s", off)
		}
		in.off = uint64(n)
		if in.src[0], err = p.operand(reg, "u64"); err != nil {
			return in, err
		}
	default:
		return in, fmt.Errorf("unsupported state space .%s", space)
	}
	if base == "ld" {
		in.d, _, err = p.register(value)
	} else {
		in.src[1], err = p.operand(value, typ)
	}
	return in, err
}

// operand decodes a register, special register or immediate of type typ.
func (p *bodyParser) operand(tok, typ string) (operand, error) {
	if s, ok := specials[tok]; ok {
		return operand{kind: kindSpecial, index: s}, nil
	}
	if strings.HasPrefix(tok, "%") {
		slot, _, err := p.register(tok)
		return operand{kind: kindReg, index: slot}, err
	}
	bits, err := immediate(tok, typ)
	return operand{kind: kindImm, imm: bits}, err
}

// immediate reads a PTX constant as the bits of typ: 0fXXXXXXXX (f32
// bits), 0dXXXXXXXXXXXXXXXX (f64 bits), integers, decimal floats.
func immediate(tok, typ string) (uint64, error) {
	switch {
	case len(tok) == 10 && (strings.HasPrefix(tok, "0f") || strings.HasPrefix(tok, "0F")):
		b, err := strconv.ParseUint(tok[2:], 16, 32)
		if err != nil || typ != "f32" {
			return 0, fmt.Errorf("bad f32 constant %s", tok)
		}
		return b, nil
	case len(tok) == 18 && (strings.HasPrefix(tok, "0d") || strings.HasPrefix(tok, "0D")):
		b, err := strconv.ParseUint(tok[2:], 16, 64)
		if err != nil || typ != "f64" {
			return 0, fmt.Errorf("bad f64 constant %s", tok)
		}
		return b, nil
	}
	if typ == "f32" || typ == "f64" {
		f, err := strconv.ParseFloat(tok, 64)
		if err != nil {
			return 0, fmt.Errorf("bad constant %s", tok)
		}
		if typ == "f32" {
			return uint64(math.Float32bits(float32(f))), nil
		}
		return math.Float64bits(f), nil
	}
	n, err := strconv.ParseInt(tok, 0, 64)
	if err != nil {
		return 0, fmt.Errorf("bad operand %s", tok)
	}
	if typeSize(typ) == 4 {
		return uint64(uint32(n)), nil
	}
	return uint64(n), nil
}

func wantOperands(ops []string, n int) error {
	if len(ops) != n {
		return fmt.Errorf("want %d operands, got %d", n, len(ops))
	}
	return nil
}
