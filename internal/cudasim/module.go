package cudasim

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Module is a parsed PTX module: its kernels by name.
type Module struct {
	Kernels map[string]*Kernel
}

// Kernel is one .entry of a module: its parameters and its decoded
// instructions, ready to run.
type Kernel struct {
	Name   string
	Params []Param
	code   []instr
	nregs  int // register slots, predicates included
	// args and regs are LaunchKernel's parameter values and registers,
	// reused: a launch runs to completion before the next, so launches
	// allocate nothing.
	args, regs []uint64
}

// Param is one kernel parameter as declared: ".param .u64 w" is
// {Name: "w", Type: "u64", Size: 8}.
type Param struct {
	Name string
	Type string
	Size int
}

// Parse reads a PTX module in the subset this package runs: the
// .version, .target and .address_size 64 header, then .entry functions
// with scalar parameters, .reg declarations, labels, guards (@%p, @!%p)
// and the instructions listed in the package doc. Anything else is an
// error naming its line, as the driver's JIT compiler would report it.
func Parse(ptx string) (*Module, error) {
	src := stripComments(ptx)
	m := &Module{Kernels: make(map[string]*Kernel)}
	pos := 0
	sawAddressSize := false
	var header headerOrder
	for {
		rest := src[pos:]
		trimmed := strings.TrimLeft(rest, " \t\r\n")
		if trimmed == "" {
			break
		}
		pos += len(rest) - len(trimmed)
		line := lineOf(src, pos)
		switch {
		case hasWord(trimmed, ".version"), hasWord(trimmed, ".target"), hasWord(trimmed, ".address_size"):
			end := strings.IndexByte(trimmed, '\n')
			if end < 0 {
				end = len(trimmed)
			}
			directive := strings.Fields(trimmed[:end])
			if directive[0] == ".address_size" {
				if len(directive) != 2 || directive[1] != "64" {
					return nil, fmt.Errorf("line %d: only .address_size 64 is supported", line)
				}
				sawAddressSize = true
			}
			if err := header.next(directive[0]); err != nil {
				return nil, fmt.Errorf("line %d: %v", line, err)
			}
			pos += end
		case hasWord(trimmed, ".visible"), hasWord(trimmed, ".entry"):
			if err := header.next(".entry"); err != nil {
				return nil, fmt.Errorf("line %d: %v", line, err)
			}
			k, n, err := parseEntry(src, pos)
			if err != nil {
				return nil, err
			}
			if _, dup := m.Kernels[k.Name]; dup {
				return nil, fmt.Errorf("line %d: entry %s defined twice", line, k.Name)
			}
			m.Kernels[k.Name] = k
			pos = n
		default:
			return nil, fmt.Errorf("line %d: unexpected %q at the top level", line, firstWord(trimmed))
		}
	}
	if !sawAddressSize {
		return nil, fmt.Errorf("line 1: missing .address_size 64")
	}
	if len(m.Kernels) == 0 {
		return nil, fmt.Errorf("line 1: no .entry in the module")
	}
	return m, nil
}

// headerOrder checks the order of a module's directives: the PTX ISA
// (§11.1.1, §11.1.2) has every module begin with .version, immediately
// followed by .target, and allows one .version only.
type headerOrder struct{ sawVersion, sawTarget bool }

func (h *headerOrder) next(directive string) error {
	switch {
	case directive == ".version" && (h.sawVersion || h.sawTarget):
		return fmt.Errorf(".version must come first, once")
	case directive == ".version":
		h.sawVersion = true
	case !h.sawVersion:
		return fmt.Errorf("the module must begin with .version, not %s", directive)
	case directive == ".target":
		h.sawTarget = true
	case !h.sawTarget:
		return fmt.Errorf(".target must follow .version immediately, not %s", directive)
	}
	return nil
}

// EntryParams returns the parameters of every .entry of a PTX module by
// kernel name, reading only the signatures: it accepts any body.
func EntryParams(ptx string) (map[string][]Param, error) {
	src := stripComments(ptx)
	out := make(map[string][]Param)
	for _, loc := range entryRE.FindAllStringSubmatchIndex(src, -1) {
		name := src[loc[2]:loc[3]]
		params, _, err := parseParams(src, loc[1])
		if err != nil {
			return nil, err
		}
		out[name] = params
	}
	return out, nil
}

var (
	entryRE = regexp.MustCompile(`\.entry\s+([A-Za-z_$][\w$]*)\s*\(`)
	labelRE = regexp.MustCompile(`^([A-Za-z_$][\w$]*)\s*:`)
	regRE   = regexp.MustCompile(`^(%[A-Za-z_$][A-Za-z_$]*)<(\d+)>$`)
)

// parseEntry parses the .entry starting at pos and returns it and the
// offset after its closing brace.
func parseEntry(src string, pos int) (*Kernel, int, error) {
	loc := entryRE.FindStringSubmatchIndex(src[pos:])
	if loc == nil || strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(src[pos:pos+loc[0]]), ".visible")) != "" {
		return nil, 0, fmt.Errorf("line %d: malformed .entry", lineOf(src, pos))
	}
	k := &Kernel{Name: src[pos+loc[2] : pos+loc[3]]}
	params, after, err := parseParams(src, pos+loc[1])
	if err != nil {
		return nil, 0, err
	}
	k.Params = params
	open := strings.IndexByte(src[after:], '{')
	if open < 0 || strings.TrimSpace(src[after:after+open]) != "" {
		return nil, 0, fmt.Errorf("line %d: entry %s: expected { after the parameters", lineOf(src, after), k.Name)
	}
	bodyStart := after + open + 1
	closeAt := strings.IndexByte(src[bodyStart:], '}')
	if closeAt < 0 {
		return nil, 0, fmt.Errorf("line %d: entry %s: no closing }", lineOf(src, bodyStart), k.Name)
	}
	if err := k.parseBody(src, bodyStart, bodyStart+closeAt); err != nil {
		return nil, 0, err
	}
	return k, bodyStart + closeAt + 1, nil
}

// parseParams parses ".param .type name, …)" from pos, just after the
// opening parenthesis, and returns the offset after the closing one.
func parseParams(src string, pos int) ([]Param, int, error) {
	end := strings.IndexByte(src[pos:], ')')
	if end < 0 {
		return nil, 0, fmt.Errorf("line %d: parameter list without )", lineOf(src, pos))
	}
	var params []Param
	for _, decl := range strings.Split(src[pos:pos+end], ",") {
		f := strings.Fields(decl)
		if len(f) == 0 {
			continue
		}
		if len(f) != 3 || f[0] != ".param" {
			return nil, 0, fmt.Errorf("line %d: unsupported parameter %q", lineOf(src, pos), strings.TrimSpace(decl))
		}
		typ := strings.TrimPrefix(f[1], ".")
		size := typeSize(typ)
		if size == 0 {
			return nil, 0, fmt.Errorf("line %d: unsupported parameter type %s", lineOf(src, pos), f[1])
		}
		params = append(params, Param{Name: f[2], Type: typ, Size: size})
	}
	return params, pos + end + 1, nil
}

// parseBody decodes the statements of src[start:end] into k.code.
func (k *Kernel) parseBody(src string, start, end int) error {
	p := &bodyParser{kernel: k, regs: make(map[string]int), classes: make(map[string]regClass), labels: make(map[string]int)}
	pos := start
	for pos < end {
		semi := strings.IndexByte(src[pos:end], ';')
		if semi < 0 {
			semi = end - pos
		}
		stmt := src[pos : pos+semi]
		line := lineOf(src, pos+len(stmt)-len(strings.TrimLeft(stmt, " \t\r\n")))
		pos += semi + 1
		stmt = strings.TrimSpace(stmt)
		for {
			m := labelRE.FindStringSubmatch(stmt)
			if m == nil {
				break
			}
			if _, dup := p.labels[m[1]]; dup {
				return fmt.Errorf("line %d: label %s defined twice", line, m[1])
			}
			p.labels[m[1]] = len(k.code)
			stmt = strings.TrimSpace(stmt[len(m[0]):])
		}
		if stmt == "" {
			continue
		}
		if err := p.statement(stmt); err != nil {
			return fmt.Errorf("line %d: %s: %v", line, stmt, err)
		}
		if len(k.code) > 0 && k.code[len(k.code)-1].line == 0 {
			k.code[len(k.code)-1].line = line
		}
	}
	for i := range k.code {
		in := &k.code[i]
		if in.op == opBra {
			target, ok := p.labels[in.label]
			if !ok {
				return fmt.Errorf("line %d: branch to undefined label %s", in.line, in.label)
			}
			in.target = target
		}
	}
	k.nregs = len(p.regs)
	return nil
}

// regClass is a register family declared as ".reg .f32 %f<8>".
type regClass struct {
	typ   string
	count int
}

// bodyParser holds what the statements of one entry declare.
type bodyParser struct {
	kernel  *Kernel
	regs    map[string]int      // register name → slot
	classes map[string]regClass // "%f" → its declaration
	labels  map[string]int      // label → instruction index
}

// statement decodes one declaration or instruction.
func (p *bodyParser) statement(stmt string) error {
	if strings.HasPrefix(stmt, ".reg") {
		f := strings.Fields(strings.ReplaceAll(stmt, ",", " "))
		if len(f) < 3 {
			return fmt.Errorf("malformed .reg")
		}
		typ := strings.TrimPrefix(f[1], ".")
		if typ != "pred" && typeSize(typ) == 0 {
			return fmt.Errorf("unsupported register type %s", f[1])
		}
		for _, name := range f[2:] {
			if m := regRE.FindStringSubmatch(name); m != nil {
				n, _ := strconv.Atoi(m[2])
				p.classes[m[1]] = regClass{typ, n}
			} else if strings.HasPrefix(name, "%") {
				p.classes[name] = regClass{typ, -1}
			} else {
				return fmt.Errorf("bad register name %s", name)
			}
		}
		return nil
	}
	in, err := p.instruction(stmt)
	if err != nil {
		return err
	}
	p.kernel.code = append(p.kernel.code, in)
	return nil
}

// register returns the slot of a declared register, and its type.
func (p *bodyParser) register(name string) (int, string, error) {
	c, ok := p.classes[name]
	if !ok || c.count >= 0 {
		prefix := strings.TrimRight(name, "0123456789")
		c, ok = p.classes[prefix]
		if !ok || c.count < 0 {
			return 0, "", fmt.Errorf("undeclared register %s", name)
		}
		n, err := strconv.Atoi(name[len(prefix):])
		if err != nil || n >= c.count {
			return 0, "", fmt.Errorf("register %s beyond its declaration %s<%d>", name, prefix, c.count)
		}
	}
	slot, ok := p.regs[name]
	if !ok {
		slot = len(p.regs)
		p.regs[name] = slot
	}
	return slot, c.typ, nil
}

func stripComments(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		i := strings.Index(s, "/")
		if i < 0 || i+1 >= len(s) {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		switch s[i+1] {
		case '/':
			end := strings.IndexByte(s[i:], '\n')
			if end < 0 {
				return b.String()
			}
			s = s[i+end:] // keep the newline: line numbers stay right
		case '*':
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				return b.String()
			}
			b.WriteString(strings.Repeat("\n", strings.Count(s[i:i+2+end], "\n")))
			s = s[i+2+end+2:]
		default:
			b.WriteByte('/')
			s = s[i+1:]
		}
	}
	return b.String()
}

func lineOf(src string, pos int) int { return 1 + strings.Count(src[:pos], "\n") }

func hasWord(s, word string) bool {
	return strings.HasPrefix(s, word) && (len(s) == len(word) || strings.ContainsRune(" \t\r\n", rune(s[len(word)])))
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return s
}

// typeSize is the size in bytes of a PTX scalar type, 0 if unsupported.
func typeSize(typ string) int {
	switch typ {
	case "f32", "u32", "s32", "b32":
		return 4
	case "f64", "u64", "s64", "b64":
		return 8
	}
	return 0
}
