package cudasim

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// alu is one register operation: d = f(a, b, c), on the bits of the
// instruction's type (32-bit values in the low half, predicates 0 or 1).
type alu = func(a, b, c uint64) uint64

func f32(v uint64) float32 { return math.Float32frombits(uint32(v)) }
func b32(f float32) uint64 { return uint64(math.Float32bits(f)) }
func f64(v uint64) float64 { return math.Float64frombits(v) }
func b64(f float64) uint64 { return math.Float64bits(f) }

func boolBit(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// aluFor returns the operation of an arithmetic, logic, comparison, move
// or conversion instruction, its number of sources and their type.
func aluFor(base string, mods, types []string) (alu, int, string, error) {
	if len(types) == 0 {
		return nil, 0, "", fmt.Errorf("unsupported instruction %s", strings.Join(append([]string{base}, mods...), "."))
	}
	typ := types[len(types)-1]
	for _, m := range mods {
		switch m {
		case "rz", "rm", "rp", "sat":
			return nil, 0, "", fmt.Errorf("%s: only round-to-nearest is supported, not .%s", base, m)
		}
	}
	has := func(m string) bool { return slices.Contains(mods, m) }
	if err := checkModifiers(base, mods, types); err != nil {
		return nil, 0, "", err
	}
	var f alu
	nsrc := 2
	switch base {
	case "mov", "cvta":
		f, nsrc = func(a, _, _ uint64) uint64 { return a }, 1
	case "cvt":
		if len(types) != 2 {
			return nil, 0, "", fmt.Errorf("cvt needs two types")
		}
		f, nsrc = convert(types[0], types[1], has("rzi")), 1
		typ = types[1]
	case "setp":
		if len(mods) != 2 {
			return nil, 0, "", fmt.Errorf("setp: unsupported form")
		}
		f = compare(mods[0], typ)
	case "selp":
		f, nsrc = func(a, b, c uint64) uint64 {
			if c != 0 {
				return a
			}
			return b
		}, 3
	case "and", "or", "xor", "not":
		f, nsrc = logic(base, typ)
	case "mul":
		if has("wide") {
			f = wideMul(typ)
			break
		}
		f = arith(base, typ, has("lo") || isFloat(typ))
	case "mad", "fma":
		f, nsrc = fused(typ, has("lo") || isFloat(typ)), 3
	case "neg", "abs", "sqrt", "rcp", "ex2", "lg2":
		f, nsrc = unary(base, typ), 1
	default:
		f = arith(base, typ, true)
	}
	if f == nil {
		return nil, 0, "", fmt.Errorf("unsupported instruction %s.%s", base, typ)
	}
	return f, nsrc, typ, nil
}

func isFloat(typ string) bool { return typ == "f32" || typ == "f64" }

// checkModifiers refuses what the driver's PTX compiler refuses for want
// of a modifier (PTX ISA 9.1, §9.7.3 and §6.5.2; required since PTX ISA
// 1.4): float div, sqrt and rcp need a rounding modifier or .approx (div
// also .full), fma a rounding modifier, ex2 and lg2 .approx, and cvt a
// float rounding (.rn) from an integer or to a narrower float and an
// integer rounding (.rzi) to an integer.
func checkModifiers(base string, mods, types []string) error {
	has := func(ms ...string) bool {
		return slices.ContainsFunc(mods, func(m string) bool { return slices.Contains(ms, m) })
	}
	rounding := []string{"rn", "rz", "rm", "rp"}
	typ := types[len(types)-1]
	var want string
	switch {
	case !isFloat(typ) && base != "cvt":
	case base == "div" && !has(append(rounding, "approx", "full")...):
		want = ".rn, .approx or .full"
	case (base == "sqrt" || base == "rcp") && !has(append(rounding, "approx")...):
		want = ".rn or .approx"
	case base == "fma" && !has(rounding...):
		want = ".rn"
	case (base == "ex2" || base == "lg2") && !has("approx"):
		want = ".approx"
	case base == "cvt" && len(types) == 2:
		dst, src := types[0], types[1]
		switch {
		case isFloat(dst) && (!isFloat(src) || typeSize(dst) < typeSize(src)) && !has(rounding...):
			want = ".rn"
		case !isFloat(dst) && isFloat(src) && !has("rni", "rzi", "rmi", "rpi"):
			want = ".rzi"
		}
	}
	if want != "" {
		return fmt.Errorf("%s needs a rounding modifier (%s), as the driver requires", strings.Join(append([]string{base}, mods...), "."), want)
	}
	return nil
}

// arith is add, sub, mul, div, rem, min, max, shl, shr in one type; ok
// is false for an integer mul without .lo.
func arith(base, typ string, ok bool) alu {
	if !ok {
		return nil
	}
	switch typ {
	case "f32":
		switch base {
		case "add":
			return func(a, b, _ uint64) uint64 { return b32(f32(a) + f32(b)) }
		case "sub":
			return func(a, b, _ uint64) uint64 { return b32(f32(a) - f32(b)) }
		case "mul":
			return func(a, b, _ uint64) uint64 { return b32(f32(a) * f32(b)) }
		case "div":
			return func(a, b, _ uint64) uint64 { return b32(f32(a) / f32(b)) }
		case "min":
			return func(a, b, _ uint64) uint64 { return b32(ptxMin(f32(a), f32(b))) }
		case "max":
			return func(a, b, _ uint64) uint64 { return b32(-ptxMin(-f32(a), -f32(b))) }
		}
	case "f64":
		switch base {
		case "add":
			return func(a, b, _ uint64) uint64 { return b64(f64(a) + f64(b)) }
		case "sub":
			return func(a, b, _ uint64) uint64 { return b64(f64(a) - f64(b)) }
		case "mul":
			return func(a, b, _ uint64) uint64 { return b64(f64(a) * f64(b)) }
		case "div":
			return func(a, b, _ uint64) uint64 { return b64(f64(a) / f64(b)) }
		}
	case "u32", "s32", "b32":
		signed := typ == "s32"
		switch base {
		case "add":
			return func(a, b, _ uint64) uint64 { return uint64(uint32(a) + uint32(b)) }
		case "sub":
			return func(a, b, _ uint64) uint64 { return uint64(uint32(a) - uint32(b)) }
		case "mul":
			return func(a, b, _ uint64) uint64 { return uint64(uint32(a) * uint32(b)) }
		case "div", "rem":
			if signed {
				return nil
			}
			rem := base == "rem"
			return func(a, b, _ uint64) uint64 {
				if uint32(b) == 0 {
					return 0xffffffff // undefined in PTX
				}
				if rem {
					return uint64(uint32(a) % uint32(b))
				}
				return uint64(uint32(a) / uint32(b))
			}
		case "min", "max":
			isMax := base == "max"
			return func(a, b, _ uint64) uint64 {
				less := uint32(a) < uint32(b)
				if signed {
					less = int32(a) < int32(b)
				}
				if less != isMax {
					return a
				}
				return b
			}
		case "shl":
			return func(a, b, _ uint64) uint64 { return uint64(uint32(a) << min(uint32(b), 32)) }
		case "shr":
			if signed {
				return func(a, b, _ uint64) uint64 { return uint64(uint32(int32(a) >> min(uint32(b), 31))) }
			}
			return func(a, b, _ uint64) uint64 { return uint64(uint32(a) >> min(uint32(b), 32)) }
		}
	case "u64", "s64", "b64":
		switch base {
		case "add":
			return func(a, b, _ uint64) uint64 { return a + b }
		case "sub":
			return func(a, b, _ uint64) uint64 { return a - b }
		case "mul":
			return func(a, b, _ uint64) uint64 { return a * b }
		case "shl":
			return func(a, b, _ uint64) uint64 { return a << min(uint32(b), 64) }
		}
	}
	return nil
}

// ptxMin is min.f32: a NaN operand gives the other operand; two NaNs a
// NaN; −0 is less than +0.
func ptxMin(a, b float32) float32 {
	switch {
	case a != a:
		return b
	case b != b:
		return a
	case a == b:
		if math.Signbit(float64(a)) {
			return a
		}
		return b
	case a < b:
		return a
	}
	return b
}

// wideMul is mul.wide: the full 64-bit product of 32-bit operands.
func wideMul(typ string) alu {
	switch typ {
	case "u32":
		return func(a, b, _ uint64) uint64 { return uint64(uint32(a)) * uint64(uint32(b)) }
	case "s32":
		return func(a, b, _ uint64) uint64 { return uint64(int64(int32(a)) * int64(int32(b))) }
	}
	return nil
}

// fused is fma.rn (one rounding) for floats and mad.lo for integers.
// fma.rn.f32 is computed as a float64 fused multiply-add rounded to
// float32: the product of two float32 is exact in float64, and the sum is
// then rounded twice, which can differ from one rounding by an ulp in
// rare halfway cases.
func fused(typ string, ok bool) alu {
	if !ok {
		return nil
	}
	switch typ {
	case "f32":
		return func(a, b, c uint64) uint64 {
			return b32(float32(math.FMA(float64(f32(a)), float64(f32(b)), float64(f32(c)))))
		}
	case "f64":
		return func(a, b, c uint64) uint64 { return b64(math.FMA(f64(a), f64(b), f64(c))) }
	case "u32", "s32":
		return func(a, b, c uint64) uint64 { return uint64(uint32(a)*uint32(b) + uint32(c)) }
	case "u64", "s64":
		return func(a, b, c uint64) uint64 { return a*b + c }
	}
	return nil
}

// unary is neg, abs, sqrt, rcp, ex2 and lg2. sqrt and rcp are correctly
// rounded whatever the modifier (.rn or .approx); ex2.approx and
// lg2.approx are computed in float64 and rounded, so the simulator is
// more accurate than the hardware (about 2 ulp, PTX ISA).
func unary(base, typ string) alu {
	switch typ {
	case "f32":
		switch base {
		case "neg":
			return func(a, _, _ uint64) uint64 { return a ^ 0x80000000 }
		case "abs":
			return func(a, _, _ uint64) uint64 { return a &^ 0x80000000 }
		case "sqrt":
			return func(a, _, _ uint64) uint64 { return b32(float32(math.Sqrt(float64(f32(a))))) }
		case "rcp":
			return func(a, _, _ uint64) uint64 { return b32(1 / f32(a)) }
		case "ex2":
			return func(a, _, _ uint64) uint64 { return b32(float32(math.Exp2(float64(f32(a))))) }
		case "lg2":
			return func(a, _, _ uint64) uint64 { return b32(float32(math.Log2(float64(f32(a))))) }
		}
	case "f64":
		switch base {
		case "neg":
			return func(a, _, _ uint64) uint64 { return a ^ (1 << 63) }
		case "abs":
			return func(a, _, _ uint64) uint64 { return a &^ (1 << 63) }
		case "sqrt":
			return func(a, _, _ uint64) uint64 { return b64(math.Sqrt(f64(a))) }
		}
	case "s32":
		switch base {
		case "neg":
			return func(a, _, _ uint64) uint64 { return uint64(uint32(-int32(a))) }
		case "abs":
			return func(a, _, _ uint64) uint64 { return uint64(uint32(max(int32(a), -int32(a)))) }
		}
	}
	return nil
}

// logic is and, or, xor and not on predicates and bit types.
func logic(base, typ string) (alu, int) {
	mask := uint64(math.MaxUint64)
	switch typ {
	case "pred":
		mask = 1
	case "b32", "u32", "s32":
		mask = math.MaxUint32
	case "b64", "u64", "s64":
	default:
		return nil, 0
	}
	switch base {
	case "and":
		return func(a, b, _ uint64) uint64 { return a & b }, 2
	case "or":
		return func(a, b, _ uint64) uint64 { return a | b }, 2
	case "xor":
		return func(a, b, _ uint64) uint64 { return a ^ b }, 2
	}
	return func(a, _, _ uint64) uint64 { return ^a & mask }, 1
}

// compare is setp.cmp: 1 if a relation b. For floats the plain comparisons are
// false when an operand is NaN, the ones ending in u (equ, neu, ltu …)
// true.
func compare(relation, typ string) alu {
	var rel func(c int) bool // c = −1, 0, +1 for a < b, a == b, a > b
	switch relation[:2] {
	case "eq":
		rel = func(c int) bool { return c == 0 }
	case "ne":
		rel = func(c int) bool { return c != 0 }
	case "lt", "lo":
		rel = func(c int) bool { return c < 0 }
	case "le", "ls":
		rel = func(c int) bool { return c <= 0 }
	case "gt", "hi":
		rel = func(c int) bool { return c > 0 }
	case "ge", "hs":
		rel = func(c int) bool { return c >= 0 }
	default:
		return nil
	}
	unordered := len(relation) == 3 && relation[2] == 'u'
	switch typ {
	case "f32":
		return func(a, b, _ uint64) uint64 {
			x, y := f32(a), f32(b)
			if x != x || y != y {
				return boolBit(unordered)
			}
			return boolBit(rel(cmp.Compare(x, y)))
		}
	case "f64":
		return func(a, b, _ uint64) uint64 {
			x, y := f64(a), f64(b)
			if x != x || y != y {
				return boolBit(unordered)
			}
			return boolBit(rel(cmp.Compare(x, y)))
		}
	case "u32", "b32":
		return func(a, b, _ uint64) uint64 { return boolBit(rel(cmp.Compare(uint32(a), uint32(b)))) }
	case "s32":
		return func(a, b, _ uint64) uint64 { return boolBit(rel(cmp.Compare(int32(a), int32(b)))) }
	case "u64", "b64":
		return func(a, b, _ uint64) uint64 { return boolBit(rel(cmp.Compare(a, b))) }
	case "s64":
		return func(a, b, _ uint64) uint64 { return boolBit(rel(cmp.Compare(int64(a), int64(b)))) }
	}
	return nil
}

// convert is cvt.dst.src: between integer widths, integers to floats
// (round to nearest), floats to integers (.rzi: toward zero) and between
// float widths.
func convert(dst, src string, truncate bool) alu {
	switch dst + "." + src {
	case "f32.u32":
		return func(a, _, _ uint64) uint64 { return b32(float32(uint32(a))) }
	case "f32.s32":
		return func(a, _, _ uint64) uint64 { return b32(float32(int32(a))) }
	case "f32.f64":
		return func(a, _, _ uint64) uint64 { return b32(float32(f64(a))) }
	case "f64.f32":
		return func(a, _, _ uint64) uint64 { return b64(float64(f32(a))) }
	case "u32.f32", "s32.f32":
		if !truncate {
			return nil
		}
		return func(a, _, _ uint64) uint64 { return uint64(uint32(int32(f32(a)))) }
	case "u64.u32", "u32.u64", "s32.u32", "u32.s32":
		return func(a, _, _ uint64) uint64 { return uint64(uint32(a)) }
	case "s64.s32":
		return func(a, _, _ uint64) uint64 { return uint64(int64(int32(a))) }
	}
	return nil
}
