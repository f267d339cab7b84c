package cudasim

import (
	"strings"
	"testing"
)

const header = ".version 7.0\n.target sm_52\n.address_size 64\n"

// TestParseErrors checks that what the simulator cannot run is refused
// with its line.
func TestParseErrors(t *testing.T) {
	entry := func(body string) string {
		return header + ".visible .entry k(.param .u64 x, .param .f32 a)\n{\n.reg .f32 %f<2>;\n.reg .b64 %rd<1>;\n.reg .pred %p<1>;\n" + body + "\n}\n"
	}
	for i, tc := range []struct{ src, want string }{
		{"", "missing .address_size 64"},
		{header, "no .entry"},
		{".version 7.0\n.address_size 32\n", "line 2: only .address_size 64"},
		{entry("bar.sync 0;"), "line 9: bar.sync 0: unsupported instruction"},
		{entry("mov.f32 %f2, 0f3F800000;"), "register %f2 beyond its declaration %f<2>"},
		{entry("mov.f32 %g0, 0f3F800000;"), "undeclared register %g0"},
		{entry("ld.param.f32 %f0, [y];"), "no parameter y"},
		{entry("ld.param.u64 %rd0, [a];"), "parameter a has 4 bytes, loaded as 8"},
		{entry("ld.shared.f32 %f0, [%rd0];"), "unsupported state space .shared"},
		{entry("@%f0 bra L;"), "guard %f0 is not a predicate"},
		{entry("bra NOWHERE;"), "undefined label NOWHERE"},
		{entry("add.rz.f32 %f0, %f0, %f1;"), "only round-to-nearest"},
		{entry("add.f32 %f0, %f1;"), "want 3 operands, got 2"},
		{entry("mul.u32 %f0, %f1, %f1;"), "unsupported instruction mul.u32"},
		{entry("L: ret;\nL: ret;"), "label L defined twice"},
		{entry("div.f32 %f0, %f0, %f1;"), "div.f32 needs a rounding modifier (.rn, .approx or .full)"},
		{entry("sqrt.f32 %f0, %f0;"), "sqrt.f32 needs a rounding modifier (.rn or .approx)"},
		{entry("fma.f32 %f0, %f0, %f1, %f1;"), "fma.f32 needs a rounding modifier (.rn)"},
		{entry("ex2.f32 %f0, %f0;"), "ex2.f32 needs a rounding modifier (.approx)"},
		{entry("lg2.ftz.f32 %f0, %f0;"), "lg2.ftz.f32 needs a rounding modifier (.approx)"},
		{entry(".reg .b32 %r<1>;\ncvt.f32.u32 %f0, %r0;"), "cvt.f32.u32 needs a rounding modifier (.rn)"},
		{entry(".reg .b32 %r<1>;\ncvt.u32.f32 %r0, %f0;"), "cvt.u32.f32 needs a rounding modifier (.rzi)"},
		{".target sm_52\n.version 7.0\n.address_size 64\n", "line 1: the module must begin with .version, not .target"},
		{".version 7.0\n.address_size 64\n.target sm_52\n", "line 2: .target must follow .version immediately, not .address_size"},
		{".version 7.0\n.target sm_52\n.version 7.0\n", "line 3: .version must come first, once"},
	} {
		_, err := Parse(tc.src)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%d: got %v, want an error containing %q", i, err, tc.want)
		}
	}
}

// TestEntryParams reads signatures only.
func TestEntryParams(t *testing.T) {
	src := header + "// a comment (\n.visible .entry one(\n\t.param .u64 x,\n\t.param .f32 a\n)\n{ whatever; }\n.visible .entry two() { ret; }\n"
	got, err := EntryParams(src)
	if err != nil {
		t.Fatal(err)
	}
	if p := got["one"]; len(p) != 2 || p[0] != (Param{"x", "u64", 8}) || p[1] != (Param{"a", "f32", 4}) {
		t.Errorf("one: %v", p)
	}
	if p, ok := got["two"]; !ok || len(p) != 0 {
		t.Errorf("two: %v, %v", p, ok)
	}
}
