package optim

// Rprop's float32 loops: one per kernel below, over the parameters from
// lo on (the assembly does [0, lo) first), with the previous signs SGN in
// the two bit-sets pos and neg, bit i%64 of word i/64. They follow the
// reference loop of rprop.go step for step, in float32: U·η^± and the
// clamp are rounded to float32, the moves ±U are exact and the weight is
// rounded once, as in the reference.

// rpropKernel names the combinations of Rprop's Form and Variant that have
// a float32 loop: the lecture's and torch.optim's rules, and Rprop+ in
// torch's order. The other three (Lecture form with RpropPlus or
// IRpropMinus, PyTorch form with RpropMinus) run the reference loop.
type rpropKernel int

const (
	rpropMoveThenAdapt rpropKernel = iota // Lecture form, RpropMinus: the lecture's three steps
	rpropIRpropMinus                      // PyTorch form, IRpropMinus: torch.optim.Rprop
	rpropBacktrack                        // PyTorch form, RpropPlus: Rprop+
	rpropKernels                          // how many
)

// rpropLoop is one kernel's loop; dw is Δw for rpropBacktrack and unused
// by the others.
type rpropLoop func(p, g, u, dw []float32, pos, neg []uint64, lo int, s rpropScalars)

// rpropScalars are Rprop's constants.
type rpropScalars struct {
	etaPlus, etaMinus float32 // η⁺, η⁻
	minStep, maxStep  float32 // U_min, U_max
}

// signsAt reads whether SGN > 0 and SGN < 0 for parameter i.
func signsAt(pos, neg []uint64, i int) (positive, negative bool) {
	word, bit := i/64, uint64(1)<<(i%64)
	return pos[word]&bit != 0, neg[word]&bit != 0
}

// setSignsAt stores SGN for parameter i: + if positive, − if negative, 0
// if neither.
func setSignsAt(pos, neg []uint64, i int, positive, negative bool) {
	word, bit := i/64, uint64(1)<<(i%64)
	pos[word] &^= bit
	neg[word] &^= bit
	if positive {
		pos[word] |= bit
	}
	if negative {
		neg[word] |= bit
	}
}

// adapt32 is U·η⁺ when the signs agree, U·η⁻ when they change, U
// otherwise, clamped to [U_min, U_max]; it also reports the change.
func adapt32(pos, neg []uint64, i int, g, u float32, s rpropScalars) (float32, bool) {
	wasPos, wasNeg := signsAt(pos, neg, i)
	agree := g > 0 && wasPos || g < 0 && wasNeg
	change := g > 0 && wasNeg || g < 0 && wasPos
	switch {
	case agree:
		u *= s.etaPlus
	case change:
		u *= s.etaMinus
	}
	return min(max(u, s.minStep), s.maxStep), change
}

// signedStep is U·sign(g).
func signedStep(g, u float32) float32 {
	switch {
	case g > 0:
		return u
	case g < 0:
		return -u
	}
	return 0
}

func rpropLectureGo(p, g, u, _ []float32, pos, neg []uint64, lo int, s rpropScalars) {
	g, u = g[:len(p)], u[:len(p)]
	for i := lo; i < len(p); i++ {
		// 1. w ← w − U·sign(g)
		p[i] -= signedStep(g[i], u[i])
		// 2. U ← U·η^±, clamped
		u[i], _ = adapt32(pos, neg, i, g[i], u[i], s)
		// 3. SGN ← sign(g)
		setSignsAt(pos, neg, i, g[i] > 0, g[i] < 0)
	}
}

func rpropIMinusGo(p, g, u, _ []float32, pos, neg []uint64, lo int, s rpropScalars) {
	g, u = g[:len(p)], u[:len(p)]
	for i := lo; i < len(p); i++ {
		// U ← U·η^±, clamped
		var change bool
		u[i], change = adapt32(pos, neg, i, g[i], u[i], s)
		if change {
			// no move, and SGN ← 0
			setSignsAt(pos, neg, i, false, false)
			continue
		}
		// w ← w − U·sign(g);  SGN ← sign(g)
		p[i] -= signedStep(g[i], u[i])
		setSignsAt(pos, neg, i, g[i] > 0, g[i] < 0)
	}
}

func rpropPlusGo(p, g, u, dw []float32, pos, neg []uint64, lo int, s rpropScalars) {
	g, u, dw = g[:len(p)], u[:len(p)], dw[:len(p)]
	for i := lo; i < len(p); i++ {
		// U ← U·η^±, clamped
		var change bool
		u[i], change = adapt32(pos, neg, i, g[i], u[i], s)
		if change {
			// w ← w − Δw, back to the previous position; Δw ← 0, SGN ← 0
			p[i] -= dw[i]
			dw[i] = 0
			setSignsAt(pos, neg, i, false, false)
			continue
		}
		// Δw ← −U·sign(g);  w ← w + Δw;  SGN ← sign(g)
		dw[i] = -signedStep(g[i], u[i])
		p[i] += dw[i]
		setSignsAt(pos, neg, i, g[i] > 0, g[i] < 0)
	}
}
