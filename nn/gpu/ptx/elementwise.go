package ptx

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"math"
	"strconv"
	"strings"
)

// SliceNames are the float32 arrays an element-wise kernel reads and
// writes, one element each per thread; Slices builds them.
type SliceNames []string

// ScalarNames are the float32 values every thread reads alike; Scalars
// builds them.
type ScalarNames []string

// Slices names the arrays of an element-wise kernel, in parameter order.
func Slices(names ...string) SliceNames { return names }

// Scalars names the scalar parameters, in parameter order after the slices.
func Scalars(names ...string) ScalarNames { return names }

// Header starts every module this package writes: PTX ISA 7.0 (CUDA 11.0
// and later drivers), compiled by the driver for the GPU at hand from the
// sm_52 baseline, 64-bit addresses.
const Header = ".version 7.0\n.target sm_52\n.address_size 64\n"

// Elementwise returns a PTX module with one kernel, name, that runs the
// Go statements of src for every element i < n, one thread per element:
// each name of slices stands for its element i, read before the
// statements when they need it and written back after them when they
// assign it; each name of scalars is a read-only float32.
//
// The kernel's parameters are, in order: one .u64 device pointer per
// slice, one .f32 per scalar, then n as .u32. Launch it with at least n
// threads in all (blocks × threads per block); threads past n do nothing.
//
// src may use float32 arithmetic + − * /, unary −, literals, the
// functions of the package doc, comparisons (<, <=, >, >=, ==, !=) joined
// by &&, || and !, assignments (=, +=, −=, *=, /=) to slices and locals,
// local definitions x := …, and if / else if / else. Anything else is an
// error naming the line of src.
func Elementwise(name, src string, slices SliceNames, scalars ScalarNames) (string, error) {
	g, err := newGenerator(name, src, slices, scalars)
	if err != nil {
		return "", err
	}
	body, fset, err := parseBody(name, src)
	if err != nil {
		return "", err
	}
	g.fset = fset
	g.srcLines = strings.Split(src, "\n")
	if err := g.block(body.List); err != nil {
		return "", err
	}
	return g.module(), nil
}

// wrapLines is how many lines parseBody puts before src.
const wrapLines = 2

// parseBody parses src as the body of a Go function.
func parseBody(name, src string) (*ast.BlockStmt, *token.FileSet, error) {
	file := "package p\nfunc _() {\n" + src + "\n}\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, file, 0)
	if err != nil {
		var list scanner.ErrorList
		if errors.As(err, &list) && len(list) > 0 {
			line := min(list[0].Pos.Line-wrapLines, strings.Count(src, "\n")+1) // the closing } is src's last line
			return nil, nil, fmt.Errorf("ptx: %s: line %d: %s", name, line, list[0].Msg)
		}
		return nil, nil, fmt.Errorf("ptx: %s: %v", name, err)
	}
	return f.Decls[0].(*ast.FuncDecl).Body, fset, nil
}

// kind is what a name stands for.
type kind uint8

const (
	sliceVar  kind = iota // element i of a device array
	scalarVar             // a read-only parameter
	localVar              // a float32 or bool defined in src
)

// variable is a name in scope and the register that holds it.
type variable struct {
	kind   kind
	reg    string
	isBool bool
}

// generator writes one kernel's body, keeping the registers it used.
type generator struct {
	name     string
	slices   SliceNames
	scalars  ScalarNames
	srcLines []string
	fset     *token.FileSet

	scopes   []map[string]*variable // innermost last; scopes[0] holds the parameters
	counts   map[string]int         // registers used per class: "f", "p", "r", "rd"
	labels   int                    // if-statements so far
	lastLine int                    // the line of src last copied as a comment
	depth    int                    // nesting of if-statements
	code     strings.Builder
	written  map[string]bool // slices assigned somewhere
	certain  map[string]bool // slices assigned at depth 0 so far
	load     map[string]bool // slices whose element must be read first
}

func newGenerator(name, src string, sl SliceNames, sc ScalarNames) (*generator, error) {
	if !token.IsIdentifier(name) {
		return nil, fmt.Errorf("ptx: kernel name %q is not an identifier", name)
	}
	if len(sl) == 0 {
		return nil, fmt.Errorf("ptx: %s: no slices", name)
	}
	g := &generator{
		name: name, slices: sl, scalars: sc,
		scopes: []map[string]*variable{{}}, counts: make(map[string]int),
		written: make(map[string]bool), certain: make(map[string]bool), load: make(map[string]bool),
	}
	for i, n := range append(append([]string(nil), sl...), sc...) {
		if !token.IsIdentifier(n) || builtins[n] != nil {
			return nil, fmt.Errorf("ptx: %s: parameter name %q is not an identifier or is a builtin", name, n)
		}
		if _, dup := g.scopes[0][n]; dup {
			return nil, fmt.Errorf("ptx: %s: parameter %s named twice", name, n)
		}
		v := &variable{kind: sliceVar, reg: g.newReg("f")}
		if i >= len(sl) {
			v.kind = scalarVar
		}
		g.scopes[0][n] = v
	}
	return g, nil
}

// newReg returns a fresh register of class "f" (f32), "p" (pred), "r"
// (b32) or "rd" (b64).
func (g *generator) newReg(class string) string {
	r := "%" + class + strconv.Itoa(g.counts[class])
	g.counts[class]++
	return r
}

func (g *generator) emit(format string, args ...any) {
	fmt.Fprintf(&g.code, "\t"+format+"\n", args...)
}

// ascii replaces the non-ASCII runes of s by '?': PTX source is ASCII,
// and a comment is no place to find out whether the driver minds.
func ascii(s string) string {
	return strings.Map(func(r rune) rune {
		if r > 126 {
			return '?'
		}
		return r
	}, s)
}

// errorf returns an error naming node's line of src.
func (g *generator) errorf(node ast.Node, format string, args ...any) error {
	return fmt.Errorf("ptx: %s: line %d: %s", g.name, g.line(node), fmt.Sprintf(format, args...))
}

func (g *generator) line(node ast.Node) int {
	if g.fset == nil {
		return 0
	}
	return g.fset.Position(node.Pos()).Line - wrapLines
}

func (g *generator) lookup(name string) *variable {
	for i := len(g.scopes) - 1; i >= 0; i-- {
		if v, ok := g.scopes[i][name]; ok {
			return v
		}
	}
	return nil
}

// f32 is the PTX immediate of x rounded to float32.
func f32(x float64) string { return fmt.Sprintf("0f%08X", math.Float32bits(float32(x))) }

// module assembles the header, parameters, prologue, body and epilogue.
func (g *generator) module() string {
	for n := range g.written {
		if !g.certain[n] {
			g.load[n] = true // assigned on some paths only: the others keep the old value
		}
	}
	idx, nreg := g.newReg("r"), g.newReg("r")
	done := g.newReg("p")
	offset := g.newReg("rd")
	var b strings.Builder
	b.WriteString("// Generated by nn/gpu/ptx.Elementwise.\n")
	b.WriteString(Header)
	fmt.Fprintf(&b, "\n.visible .entry %s(\n", g.name)
	for _, n := range g.slices {
		fmt.Fprintf(&b, "\t.param .u64 p_%s,\n", n)
	}
	for _, n := range g.scalars {
		fmt.Fprintf(&b, "\t.param .f32 p_%s,\n", n)
	}
	b.WriteString("\t.param .u32 n\n)\n{\n")

	var pro strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&pro, "\t"+format+"\n", args...) }
	ctaid, ntid, tid := g.newReg("r"), g.newReg("r"), g.newReg("r")
	line("mov.u32 %s, %%ctaid.x;", ctaid)
	line("mov.u32 %s, %%ntid.x;", ntid)
	line("mov.u32 %s, %%tid.x;", tid)
	line("mad.lo.u32 %s, %s, %s, %s;  // i = blockIdx*blockDim + threadIdx", idx, ctaid, ntid, tid)
	line("ld.param.u32 %s, [n];", nreg)
	line("setp.ge.u32 %s, %s, %s;", done, idx, nreg)
	line("@%s bra L_done;", done)
	line("mul.wide.u32 %s, %s, 4;  // byte offset of element i", offset, idx)
	addr := make(map[string]string)
	for _, n := range g.slices {
		if !g.load[n] && !g.written[n] {
			continue
		}
		a := g.newReg("rd")
		addr[n] = a
		line("ld.param.u64 %s, [p_%s];", a, n)
		line("cvta.to.global.u64 %s, %s;", a, a)
		line("add.s64 %s, %s, %s;", a, a, offset)
		if g.load[n] {
			line("ld.global.f32 %s, [%s];  // %s", g.scopes[0][n].reg, a, n)
		}
	}
	for _, n := range g.scalars {
		line("ld.param.f32 %s, [p_%s];", g.scopes[0][n].reg, n)
	}
	for _, class := range []struct{ name, typ string }{{"p", "pred"}, {"f", "f32"}, {"r", "b32"}, {"rd", "b64"}} {
		if c := g.counts[class.name]; c > 0 {
			fmt.Fprintf(&b, "\t.reg .%s %%%s<%d>;\n", class.typ, class.name, c)
		}
	}
	b.WriteString(pro.String())
	b.WriteString(g.code.String())
	for _, n := range g.slices {
		if g.written[n] {
			fmt.Fprintf(&b, "\tst.global.f32 [%s], %s;  // %s\n", addr[n], g.scopes[0][n].reg, n)
		}
	}
	b.WriteString("L_done:\n\tret;\n}\n")
	return b.String()
}

// block generates statements in a new scope.
func (g *generator) block(list []ast.Stmt) error {
	g.scopes = append(g.scopes, map[string]*variable{})
	defer func() { g.scopes = g.scopes[:len(g.scopes)-1] }()
	for _, s := range list {
		if err := g.statement(s); err != nil {
			return err
		}
	}
	return nil
}

func (g *generator) statement(s ast.Stmt) error {
	if l := g.line(s); l >= 1 && l <= len(g.srcLines) && l != g.lastLine {
		g.lastLine = l
		g.emit("// %d: %s", l, ascii(strings.TrimSpace(g.srcLines[l-1])))
	}
	switch s := s.(type) {
	case *ast.AssignStmt:
		return g.assign(s)
	case *ast.IfStmt:
		return g.ifStmt(s)
	case *ast.BlockStmt:
		return g.block(s.List)
	case *ast.EmptyStmt:
		return nil
	}
	return g.errorf(s, "unsupported statement %T", s)
}

// assignOps maps x op= e to the operator of x = x op e.
var assignOps = map[token.Token]token.Token{
	token.ADD_ASSIGN: token.ADD, token.SUB_ASSIGN: token.SUB,
	token.MUL_ASSIGN: token.MUL, token.QUO_ASSIGN: token.QUO,
}

func (g *generator) assign(s *ast.AssignStmt) error {
	if len(s.Lhs) != 1 || len(s.Rhs) != 1 {
		return g.errorf(s, "assign one value at a time")
	}
	id, ok := s.Lhs[0].(*ast.Ident)
	if !ok {
		return g.errorf(s, "can only assign to a name")
	}
	rhs := s.Rhs[0]
	if op, ok := assignOps[s.Tok]; ok {
		rhs = &ast.BinaryExpr{X: id, Op: op, Y: rhs, OpPos: s.TokPos}
	} else if s.Tok != token.ASSIGN && s.Tok != token.DEFINE {
		return g.errorf(s, "unsupported assignment %s", s.Tok)
	}
	val, isBool, err := g.expr(rhs)
	if err != nil {
		return err
	}
	if s.Tok == token.DEFINE {
		scope := g.scopes[len(g.scopes)-1]
		if _, dup := scope[id.Name]; dup {
			return g.errorf(s, "%s already defined in this block", id.Name)
		}
		if v := g.lookup(id.Name); (v != nil && v.kind != localVar) || builtins[id.Name] != nil {
			return g.errorf(s, "%s := … would hide a parameter or builtin", id.Name)
		}
		v := &variable{kind: localVar, isBool: isBool}
		if isBool {
			v.reg = g.newReg("p")
			g.emit("mov.pred %s, %s;", v.reg, val)
		} else {
			v.reg = g.newReg("f")
			g.emit("mov.f32 %s, %s;", v.reg, val)
		}
		scope[id.Name] = v
		return nil
	}
	v := g.lookup(id.Name)
	switch {
	case v == nil:
		return g.errorf(s, "undefined: %s", id.Name)
	case v.kind == scalarVar:
		return g.errorf(s, "cannot assign to scalar %s", id.Name)
	case v.isBool != isBool:
		return g.errorf(s, "type mismatch in assignment to %s", id.Name)
	}
	if v.kind == sliceVar {
		g.written[id.Name] = true
		if g.depth == 0 {
			g.certain[id.Name] = true
		}
	}
	if isBool {
		g.emit("mov.pred %s, %s;", v.reg, val)
	} else {
		g.emit("mov.f32 %s, %s;", v.reg, val)
	}
	return nil
}

func (g *generator) ifStmt(s *ast.IfStmt) error {
	if s.Init != nil {
		return g.errorf(s, "if with an init statement is not supported")
	}
	cond, isBool, err := g.expr(s.Cond)
	if err != nil {
		return err
	}
	if !isBool {
		return g.errorf(s, "if condition is not a comparison")
	}
	g.labels++
	elseLabel, end := fmt.Sprintf("L_else%d", g.labels), fmt.Sprintf("L_end%d", g.labels)
	g.emit("@!%s bra %s;", cond, elseLabel)
	g.depth++
	defer func() { g.depth-- }()
	if err := g.block(s.Body.List); err != nil {
		return err
	}
	g.emit("bra.uni %s;", end)
	fmt.Fprintf(&g.code, "%s:\n", elseLabel)
	switch e := s.Else.(type) {
	case *ast.IfStmt:
		if err := g.ifStmt(e); err != nil {
			return err
		}
	case *ast.BlockStmt:
		if err := g.block(e.List); err != nil {
			return err
		}
	}
	fmt.Fprintf(&g.code, "%s:\n", end)
	return nil
}

// binaryFloat are the float32 operators, IEEE round-to-nearest. The .rn
// keeps the driver's compiler from fusing a multiply and an add into one
// fma, which would round once instead of twice.
var binaryFloat = map[token.Token]string{
	token.ADD: "add.rn.f32", token.SUB: "sub.rn.f32", token.MUL: "mul.rn.f32", token.QUO: "div.rn.f32",
}

// comparisons are Go's float comparisons: all false on NaN but !=, which
// is true (PTX's unordered neu).
var comparisons = map[token.Token]string{
	token.LSS: "lt", token.LEQ: "le", token.GTR: "gt", token.GEQ: "ge", token.EQL: "eq", token.NEQ: "neu",
}

// expr generates e and returns the operand holding its value (a register
// or an immediate) and whether it is a bool.
func (g *generator) expr(e ast.Expr) (string, bool, error) {
	switch e := e.(type) {
	case *ast.ParenExpr:
		return g.expr(e.X)
	case *ast.BasicLit:
		if e.Kind != token.INT && e.Kind != token.FLOAT {
			return "", false, g.errorf(e, "unsupported literal %s", e.Value)
		}
		x, err := strconv.ParseFloat(strings.ReplaceAll(e.Value, "_", ""), 64)
		if err != nil {
			return "", false, g.errorf(e, "bad number %s", e.Value)
		}
		return f32(x), false, nil
	case *ast.Ident:
		v := g.lookup(e.Name)
		if v == nil {
			return "", false, g.errorf(e, "undefined: %s", e.Name)
		}
		if v.kind == sliceVar && !g.certain[e.Name] {
			g.load[e.Name] = true
		}
		return v.reg, v.isBool, nil
	case *ast.UnaryExpr:
		return g.unary(e)
	case *ast.BinaryExpr:
		return g.binary(e)
	case *ast.CallExpr:
		return g.call(e)
	}
	return "", false, g.errorf(e, "unsupported expression %T", e)
}

func (g *generator) unary(e *ast.UnaryExpr) (string, bool, error) {
	if lit, ok := e.X.(*ast.BasicLit); ok && e.Op == token.SUB {
		x, _, err := g.expr(lit)
		if err != nil {
			return "", false, err
		}
		bits, _ := strconv.ParseUint(x[2:], 16, 32)
		return fmt.Sprintf("0f%08X", bits^0x80000000), false, nil
	}
	x, isBool, err := g.expr(e.X)
	if err != nil {
		return "", false, err
	}
	switch {
	case e.Op == token.ADD && !isBool:
		return x, false, nil
	case e.Op == token.SUB && !isBool:
		r := g.newReg("f")
		g.emit("neg.f32 %s, %s;", r, x)
		return r, false, nil
	case e.Op == token.NOT && isBool:
		r := g.newReg("p")
		g.emit("not.pred %s, %s;", r, x)
		return r, true, nil
	}
	return "", false, g.errorf(e, "unsupported unary %s", e.Op)
}

func (g *generator) binary(e *ast.BinaryExpr) (string, bool, error) {
	x, xBool, err := g.expr(e.X)
	if err != nil {
		return "", false, err
	}
	y, yBool, err := g.expr(e.Y)
	if err != nil {
		return "", false, err
	}
	if op, ok := binaryFloat[e.Op]; ok && !xBool && !yBool {
		r := g.newReg("f")
		g.emit("%s %s, %s, %s;", op, r, x, y)
		return r, false, nil
	}
	if cmp, ok := comparisons[e.Op]; ok && !xBool && !yBool {
		r := g.newReg("p")
		g.emit("setp.%s.f32 %s, %s, %s;", cmp, r, x, y)
		return r, true, nil
	}
	if (e.Op == token.LAND || e.Op == token.LOR) && xBool && yBool {
		r := g.newReg("p")
		op := map[token.Token]string{token.LAND: "and", token.LOR: "or"}[e.Op]
		g.emit("%s.pred %s, %s, %s;", op, r, x, y)
		return r, true, nil
	}
	return "", false, g.errorf(e, "unsupported operator %s on these operands", e.Op)
}

// builtin writes one function of float32 arguments into a new register.
type builtin func(g *generator, r string, args []string)

// builtins are the functions src may call.
var builtins = map[string]builtin{
	"sqrt": func(g *generator, r string, a []string) { g.emit("sqrt.rn.f32 %s, %s;", r, a[0]) },
	"abs":  func(g *generator, r string, a []string) { g.emit("abs.f32 %s, %s;", r, a[0]) },
	"fma":  func(g *generator, r string, a []string) { g.emit("fma.rn.f32 %s, %s, %s, %s;", r, a[0], a[1], a[2]) },
	"min":  func(g *generator, r string, a []string) { g.fold("min.f32", r, a) },
	"max":  func(g *generator, r string, a []string) { g.fold("max.f32", r, a) },
	"sign": func(g *generator, r string, a []string) {
		pos, neg := g.newReg("p"), g.newReg("p")
		g.emit("setp.gt.f32 %s, %s, 0f00000000;", pos, a[0])
		g.emit("setp.lt.f32 %s, %s, 0f00000000;", neg, a[0])
		g.emit("selp.f32 %s, 0f3F800000, 0f00000000, %s;", r, pos) // +1 or 0
		g.emit("@%s mov.f32 %s, 0fBF800000;", neg, r)              // −1
	},
	"exp": func(g *generator, r string, a []string) {
		// eˣ = 2ᵗ·2ᵉ with t + e = x·log₂e, t the rounded product and e
		// its rounding error (and log₂e's), 2ᵉ ≈ 1 + e·ln 2: without e,
		// the error of t alone would grow with |x| (3 ulp at x = −7).
		t, e := g.newReg("f"), g.newReg("f")
		hi := float32(math.Log2E)
		g.emit("mul.rn.f32 %s, %s, %s;  // t = x*log2(e)", t, a[0], f32(float64(hi)))
		g.emit("neg.f32 %s, %s;", e, t)
		g.emit("fma.rn.f32 %s, %s, %s, %s;  // e = x*log2(e) - t, exactly", e, a[0], f32(float64(hi)), e)
		g.emit("fma.rn.f32 %s, %s, %s, %s;  // + x*(log2(e) - float32(log2(e)))", e, a[0], f32(math.Log2E-float64(hi)), e)
		small, size := g.newReg("p"), g.newReg("f")
		g.emit("abs.f32 %s, %s;", size, e)
		g.emit("setp.lt.f32 %s, %s, 0f3F800000;", small, size)
		g.emit("selp.f32 %s, %s, 0f00000000, %s;  // 0 where t overflowed (e is not finite then)", e, e, small)
		g.emit("ex2.approx.f32 %s, %s;", r, t)
		g.emit("fma.rn.f32 %s, %s, %s, 0f3F800000;  // 1 + e*ln 2", e, e, f32(math.Ln2))
		g.emit("mul.rn.f32 %s, %s, %s;  // 2^t * (1 + e*ln 2)", r, r, e)
	},
	"log": func(g *generator, r string, a []string) {
		g.emit("lg2.approx.f32 %s, %s;", r, a[0])
		g.emit("mul.rn.f32 %s, %s, %s;  // log2(x)*ln(2)", r, r, f32(math.Ln2))
	},
}

// arity is each builtin's number of arguments; −2 means two or more.
var arity = map[string]int{"sqrt": 1, "abs": 1, "sign": 1, "exp": 1, "log": 1, "fma": 3, "min": -2, "max": -2}

// fold applies a binary instruction across two or more arguments.
func (g *generator) fold(op, r string, a []string) {
	g.emit("%s %s, %s, %s;", op, r, a[0], a[1])
	for _, x := range a[2:] {
		g.emit("%s %s, %s, %s;", op, r, r, x)
	}
}

func (g *generator) call(e *ast.CallExpr) (string, bool, error) {
	id, ok := e.Fun.(*ast.Ident)
	if !ok || builtins[id.Name] == nil {
		return "", false, g.errorf(e, "unsupported call %s", exprName(e.Fun))
	}
	if n := arity[id.Name]; (n > 0 && len(e.Args) != n) || (n < 0 && len(e.Args) < -n) {
		return "", false, g.errorf(e, "%s takes %d arguments, got %d", id.Name, max(n, -n), len(e.Args))
	}
	args := make([]string, len(e.Args))
	for i, a := range e.Args {
		x, isBool, err := g.expr(a)
		if err != nil {
			return "", false, err
		}
		if isBool {
			return "", false, g.errorf(a, "%s takes numbers, not comparisons", id.Name)
		}
		args[i] = x
	}
	r := g.newReg("f")
	builtins[id.Name](g, r, args)
	return r, false, nil
}

// exprName prints a called expression for an error message.
func exprName(e ast.Expr) string {
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return fmt.Sprintf("%T", e)
}
