package zeiler

import (
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/nncourse/optimizers/nn"
	"github.com/nncourse/optimizers/vizhelpers"
)

// Figure files, written beside the results file.
const (
	FairFigure     = "fair-curves.png"
	DefaultsFigure = "defaults-curves.png"
)

// WriteReport renders the report of st as Markdown to path and its figures
// into figDir (linked relative to the report).
func WriteReport(path, figDir string, c Config, st *Store) error {
	rel, err := filepath.Rel(filepath.Dir(path), figDir)
	if err != nil {
		return err
	}
	var b strings.Builder
	if err := Report(&b, rel, c, st); err != nil {
		return err
	}
	for name, curves := range map[string][]Curve{FairFigure: FairCurves(c, st), DefaultsFigure: DefaultCurves(c, st)} {
		if len(curves) == 0 {
			continue
		}
		title := map[string]string{FairFigure: "ReLU, each optimizer at its tuned rate", DefaultsFigure: "ReLU, the library's defaults"}[name]
		if err := CurveChart(title, curves).Save(filepath.Join(figDir, name)); err != nil {
			return err
		}
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// Report writes the Markdown report; figures are linked under figDir.
func Report(w io.Writer, figDir string, c Config, st *Store) error {
	p := &printer{w: w}
	p.f("# Zeiler (2012) reproduced: ADADELTA's MNIST experiment, and the nine optimizers compared fairly\n\n")
	p.f("Written by `make zeiler` (`go run ./cmd/zeiler`) from the runs stored in `%s`; do not edit by hand. ", filepath.ToSlash(filepath.Join(figDir, "results.json")))
	p.f("Paper: M. D. Zeiler, *ADADELTA: An Adaptive Learning Rate Method*, arXiv:1212.5701 (2012), §4.1, Tables 1–2 and Figure 1.\n\n")
	provenance(p, st)
	completeness(p, c, st)
	p.f("## The experiment\n\n")
	p.f("%s network (%s parameters), softmax and cross-entropy, minibatches of %d, %d epochs on %s, error on %s; float32, the library's fast paths. ",
		arch(c.Sizes), commas(nn.ParamCount(c.Sizes)), c.Batch, c.Epochs, rows(c.TrainRows, "the 60,000 MNIST training images"), rows(c.TestRows, "the 10,000 test images"))
	p.f("Each seed draws its own initial weights and minibatch order; every cell is the mean ± sample standard deviation over seeds %v. ", c.Seeds)
	p.f("Zeiler does not say how he initialised the weights: tanh layers here start from Xavier's uniform draw, ReLU layers from He's. ")
	p.f("Momentum keeps μ = 0.9 (the library's default), Adagrad has ε = 1e-10 (Zeiler's formula has none), Adadelta is Zeiler's (no learning rate, i.e. η = 1).\n\n")
	table1(p, c, st)
	table2(p, c, st)
	conclusions(p, c, st)
	differences(p)
	fair(p, figDir, c, st)
	afterLecture(p, c, st)
	return p.err
}

// printer writes formatted text and keeps the first error.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) f(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

// table writes t as a Markdown table: the caption in italics above it.
func (p *printer) table(t vizhelpers.Table) {
	if t.Caption != "" {
		p.f("*%s*\n\n", t.Caption)
	}
	p.f("| %s |\n|", strings.Join(t.Header, " | "))
	for i := range t.Header {
		if rightAligned(t, i) {
			p.f("---:|")
		} else {
			p.f("---|")
		}
	}
	p.f("\n")
	for _, row := range t.Rows {
		p.f("| %s |\n", strings.Join(row, " | "))
	}
	p.f("\n")
	if t.Note != "" {
		p.f("%s\n\n", t.Note)
	}
}

func provenance(p *printer, st *Store) {
	p.f("## Provenance\n\n")
	if len(st.Sessions) == 0 {
		p.f("No run has been trained yet.\n\n")
		return
	}
	p.f("| started (UTC) | command | commit | machine | threads | runs trained | wall time |\n|---|---|---|---|---:|---:|---:|\n")
	runs := 0
	for _, s := range st.Sessions {
		p.f("| %s | `%s` | `%s` | %s | %d | %d | %s |\n", s.Started.Format("2006-01-02 15:04"), s.Command, s.Commit, s.Machine, s.Threads, s.Runs,
			duration(s.WallSeconds))
		runs += s.Runs
	}
	p.f("\n%d runs in %s of wall time in all (sessions running side by side, as shards, counted once).", runs, duration(WallSeconds(st.Sessions)))
	if unrecorded := len(st.Runs) - runs; unrecorded > 0 {
		p.f(" The results file holds %d more, trained by no recorded session.", unrecorded)
	}
	p.f("\n\n")
	for _, n := range st.Notes {
		p.f("%s\n\n", n)
	}
}

// completeness says how much of the plan the Store holds, part by part.
func completeness(p *printer, c Config, st *Store) {
	chosen, err := Chosen(c, st)
	if err != nil {
		p.f("**Incomplete:** the tuning has not finished.\n\n")
		return
	}
	parts := []struct {
		name string
		plan []Setting
	}{{"Table 1", nil}, {"Table 2", nil}, {"fair comparison", nil}, {"library defaults", nil}}
	for _, seed := range c.Seeds {
		sp := c.SeedPlan(seed, chosen)
		for i, runs := range [][]Setting{sp.Table1, sp.Table2, sp.Fair, sp.Defaults} {
			parts[i].plan = append(parts[i].plan, runs...)
		}
	}
	var missing []string
	for _, part := range parts {
		done := 0
		for _, s := range part.plan {
			if _, ok := st.Get(s); ok {
				done++
			}
		}
		if done < len(part.plan) {
			missing = append(missing, fmt.Sprintf("%s %d of %d runs", part.name, done, len(part.plan)))
		}
	}
	if len(missing) == 0 {
		p.f("Every planned run finished.\n\n")
		return
	}
	p.f("**Not finished** when this report was written: %s. A cell with fewer seeds than planned says so (n = k); a cell without any says \"not run\".\n\n", strings.Join(missing, "; "))
}

// WallSeconds is the time during which at least one session ran: the
// length of the union of their intervals.
func WallSeconds(sessions []Session) float64 {
	ss := append([]Session(nil), sessions...)
	sort.Slice(ss, func(i, j int) bool { return ss[i].Started.Before(ss[j].Started) })
	total := 0.0
	var end time.Time
	for _, s := range ss {
		stop := s.Started.Add(time.Duration(s.WallSeconds * float64(time.Second)))
		switch {
		case !stop.After(end): // inside the covered span
		case s.Started.After(end):
			total += s.WallSeconds
			end = stop
		default:
			total += stop.Sub(end).Seconds()
			end = stop
		}
	}
	return total
}

func table1(p *printer, c Config, st *Store) {
	p.f("## Table 1: SGD, Momentum and Adagrad over the learning rate (tanh)\n\n")
	p.table(Table1(c, st))
}

// Table1 is Zeiler's Table 1 beside ours: by learning rate, each method's
// test error in the paper and ours (mean ± sd over seeds).
func Table1(c Config, st *Store) vizhelpers.Table {
	return paperTable(fmt.Sprintf("Table 1, tanh: test error (%%) after %d epochs, paper | ours (mean ± sd over %d seeds)", c.Epochs, len(c.Seeds)),
		"η", c.Rates, Table1Optimizers, func(rate float64, o int) (paper, ours string) {
			name := Table1Optimizers[o]
			return paperCell(PaperTable1[name], rate, PaperVerified(name, rate, 0, 0)),
				Summarise(st.Seeds(c.Table1(name, rate, 0), c.Seeds)).Format(len(c.Seeds))
		})
}

// paperTable lays out a table of the paper's cells beside ours: one row
// per key, and for each column a pair "column paper", "column ours" that
// cell fills.
func paperTable(caption, keyName string, keys []float64, columns []string, cell func(key float64, column int) (paper, ours string)) vizhelpers.Table {
	t := vizhelpers.Table{Caption: caption, Header: []string{keyName}, Note: PaperNote}
	for _, col := range columns {
		t.Header = append(t.Header, col+" paper", col+" ours")
	}
	for _, key := range keys {
		row := []string{fmt.Sprintf("%g", key)}
		for i := range columns {
			paper, ours := cell(key, i)
			row = append(row, paper, ours)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func table2(p *printer, c Config, st *Store) {
	p.f("## Table 2: Adadelta over ρ and ε (tanh)\n\n")
	p.table(Table2(c, st))
}

// Table2 is Zeiler's Table 2 beside ours: by ε, for each ρ, Adadelta's
// test error in the paper and ours.
func Table2(c Config, st *Store) vizhelpers.Table {
	var columns []string
	for _, rho := range c.Rhos {
		columns = append(columns, fmt.Sprintf("ρ = %g", rho))
	}
	return paperTable(fmt.Sprintf("Table 2, Adadelta, tanh: test error (%%) after %d epochs, paper | ours (mean ± sd over %d seeds)", c.Epochs, len(c.Seeds)),
		"ε", c.Epss, columns, func(eps float64, r int) (paper, ours string) {
			rho := c.Rhos[r]
			return paperCell(PaperTable2[rho], eps, PaperVerified("Adadelta", 0, rho, eps)),
				Summarise(st.Seeds(c.Table2(rho, eps, 0), c.Seeds)).Format(len(c.Seeds))
		})
}

// rightAligned reports whether column i of t is right-aligned: as its
// Align letter says, else when every cell is a number (or "–", "not run").
func rightAligned(t vizhelpers.Table, i int) bool {
	if i < len(t.Align) {
		return t.Align[i] == 'r'
	}
	for _, row := range t.Rows {
		cell := row[i]
		if cell != "–" && !strings.HasPrefix(cell, "not run") && (cell == "" || cell[0] < '0' || cell[0] > '9') {
			return false
		}
	}
	return true
}

// paperCell formats the paper's value of key in m, "–" when it has none.
func paperCell(m map[float64]float64, key float64, verified bool) string {
	v, ok := m[key]
	if !ok {
		return "–"
	}
	if verified {
		return fmt.Sprintf("%.2f*", v)
	}
	return fmt.Sprintf("%.2f", v)
}

// best is a method's best cell: its label and errors, paper's and ours.
type best struct {
	name, paperAt, oursAt string
	paper                 float64
	ours                  Cell
	paperSpread           float64 // max − min of the paper's cells
	oursSpread            float64 // max − min of our cell means (NaN if a cell is missing or diverged)
}

// bests returns the best cell of each Table 1 method and of Adadelta.
func bests(c Config, st *Store) []best {
	var out []best
	for _, o := range Table1Optimizers {
		b := best{name: o, paper: math.Inf(1), ours: Cell{Mean: math.Inf(1)}}
		var paper, ours []float64
		for _, rate := range c.Rates {
			if v, ok := PaperTable1[o][rate]; ok {
				paper = append(paper, v)
				if v < b.paper {
					b.paper, b.paperAt = v, fmt.Sprintf("η = %g", rate)
				}
			}
			cell := Summarise(st.Seeds(c.Table1(o, rate, 0), c.Seeds))
			ours = append(ours, cellValue(cell))
			if cell.Mean < b.ours.Mean {
				b.ours, b.oursAt = cell, fmt.Sprintf("η = %g", rate)
			}
		}
		b.paperSpread, b.oursSpread = spread(paper), spread(ours)
		out = append(out, b)
	}
	b := best{name: "Adadelta", paper: math.Inf(1), ours: Cell{Mean: math.Inf(1)}}
	var paper, ours []float64
	for _, rho := range c.Rhos {
		for _, eps := range c.Epss {
			if v, ok := PaperTable2[rho][eps]; ok {
				paper = append(paper, v)
				if v < b.paper {
					b.paper, b.paperAt = v, fmt.Sprintf("ρ = %g, ε = %g", rho, eps)
				}
			}
			cell := Summarise(st.Seeds(c.Table2(rho, eps, 0), c.Seeds))
			ours = append(ours, cellValue(cell))
			if cell.Mean < b.ours.Mean {
				b.ours, b.oursAt = cell, fmt.Sprintf("ρ = %g, ε = %g", rho, eps)
			}
		}
	}
	b.paperSpread, b.oursSpread = spread(paper), spread(ours)
	return append(out, b)
}

// cellValue is a cell's mean for a spread: 90 % (chance) when every run
// diverged, NaN when none ran.
func cellValue(c Cell) float64 {
	if c.Runs == 0 {
		return math.NaN()
	}
	if math.IsNaN(c.Mean) {
		return 90
	}
	return c.Mean
}

// spread is max − min, NaN if any value is NaN or there are none.
func spread(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, x := range xs {
		if math.IsNaN(x) {
			return math.NaN()
		}
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	return hi - lo
}

func conclusions(p *printer, c Config, st *Store) {
	p.f("## What reproduces, computed from the tables above\n\n")
	p.table(Agreement(c, st))
	for _, line := range Findings(c, st) {
		p.f("- %s\n", line)
	}
	p.f("\n")
}

// differences lists what the paper leaves open or does differently, the
// places to look when a cell disagrees.
func differences(p *printer) {
	p.f("## Why cells can differ from the paper\n\n")
	p.f("What §4.1 leaves open had to be chosen, and each choice moves cells:\n\n")
	p.f("- **Initialisation.** The paper does not say how the weights start; here Xavier's uniform draw (tanh). A different scale of initial weights changes how fast the small rates learn and whether the large ones saturate the tanh units.\n")
	p.f("- **Loss of a minibatch.** Averaged over its 100 examples here. A summed loss multiplies every gradient, hence every learning rate of SGD, Momentum and (for the first steps) Adagrad, by 100, which would shift Table 1 along η; Adadelta is invariant to that scale but for ε.\n")
	p.f("- **Momentum's μ, Adagrad's ε.** μ = 0.9 and ε = 1e-10, the library's defaults; the paper's Adagrad has no ε.\n")
	p.f("- **Inputs.** Pixels scaled to [0, 1], not standardised; the paper does not say.\n")
	p.f("- **One run against several.** The paper prints one number per cell; the standard deviations here show how far a single run can move with its seed alone.\n")
	p.f("- **Precision.** float32 here.\n\n")
}

// Agreement compares each method's best cell and its spread over its grid
// (worst − best cell, the paper's measure of sensitivity), paper and ours.
func Agreement(c Config, st *Store) vizhelpers.Table {
	t := vizhelpers.Table{Caption: "Best cell and spread (worst − best, in points) of each method, paper and ours",
		Header: []string{"method", "paper's best", "at", "our best", "at", "same setting?", "paper's spread", "our spread"}}
	for _, b := range bests(c, st) {
		same := "no"
		if b.paperAt == b.oursAt {
			same = "yes"
		}
		t.Rows = append(t.Rows, []string{b.name, fmt.Sprintf("%.2f", b.paper), b.paperAt, b.ours.Format(len(c.Seeds)), b.oursAt, same,
			fmt.Sprintf("%.2f", b.paperSpread), points(b.oursSpread)})
	}
	return t
}

// Findings states, from the numbers, the ranking of the methods' best
// cells and which method is the least sensitive to its settings, in the
// paper and in ours.
func Findings(c Config, st *Store) []string {
	bs := bests(c, st)
	paperOrder := append([]best(nil), bs...)
	sort.SliceStable(paperOrder, func(i, j int) bool { return paperOrder[i].paper < paperOrder[j].paper })
	oursOrder := append([]best(nil), bs...)
	sort.SliceStable(oursOrder, func(i, j int) bool { return oursOrder[i].ours.Mean < oursOrder[j].ours.Mean })
	var same []string
	for _, b := range bs {
		if b.paperAt == b.oursAt {
			same = append(same, b.name)
		}
	}
	return []string{
		fmt.Sprintf("Ranking by best cell: paper %s; ours %s.", ranking(paperOrder, func(b best) float64 { return b.paper }),
			ranking(oursOrder, func(b best) float64 { return b.ours.Mean })),
		fmt.Sprintf("The paper's best setting is also ours for %d of the %d methods%s.", len(same), len(bs), listed(same)),
		fmt.Sprintf("Sensitivity to the settings (spread over the grid): paper %s; ours %s.",
			smallestSpread(bs, func(b best) float64 { return b.paperSpread }), smallestSpread(bs, func(b best) float64 { return b.oursSpread })),
		cellDifferences(c, st),
	}
}

// listed formats names as " (A, B)", or "" for none.
func listed(names []string) string {
	if len(names) == 0 {
		return ""
	}
	return " (" + strings.Join(names, ", ") + ")"
}

// cellDifferences states how far the cells that ran lie from the paper's:
// the median and the largest |ours − paper|, and how many differ by more
// than twice their standard deviation over seeds.
func cellDifferences(c Config, st *Store) string {
	type diff struct {
		name    string
		abs, sd float64
	}
	var diffs []diff
	add := func(name string, paper float64, cell Cell) {
		if cell.Runs > 0 && !math.IsNaN(cell.Mean) {
			diffs = append(diffs, diff{name, math.Abs(cell.Mean - paper), cell.SD})
		}
	}
	for _, o := range Table1Optimizers {
		for _, rate := range c.Rates {
			if v, ok := PaperTable1[o][rate]; ok {
				add(fmt.Sprintf("%s at η = %g", o, rate), v, Summarise(st.Seeds(c.Table1(o, rate, 0), c.Seeds)))
			}
		}
	}
	for _, rho := range c.Rhos {
		for _, eps := range c.Epss {
			if v, ok := PaperTable2[rho][eps]; ok {
				add(fmt.Sprintf("Adadelta at ρ = %g, ε = %g", rho, eps), v, Summarise(st.Seeds(c.Table2(rho, eps, 0), c.Seeds)))
			}
		}
	}
	if len(diffs) == 0 {
		return "No cell has finished yet."
	}
	sort.Slice(diffs, func(i, j int) bool { return diffs[i].abs < diffs[j].abs })
	beyond := 0
	for _, d := range diffs {
		if !(d.abs <= 2*d.sd) { // a NaN sd (one seed) counts as beyond
			beyond++
		}
	}
	worst := diffs[len(diffs)-1]
	return fmt.Sprintf("Over the %d cells that ran, |ours − paper| has a median of %.2f points and a maximum of %.2f (%s); %d cells differ by more than twice their standard deviation over seeds.",
		len(diffs), diffs[len(diffs)/2].abs, worst.abs, worst.name, beyond)
}

// ranking lists the methods in order with their values.
func ranking(bs []best, v func(best) float64) string {
	var parts []string
	for _, b := range bs {
		if math.IsInf(v(b), 1) {
			parts = append(parts, b.name+" (not run)")
			continue
		}
		parts = append(parts, fmt.Sprintf("%s %.2f", b.name, v(b)))
	}
	return strings.Join(parts, " < ")
}

// smallestSpread names the method with the smallest spread and the
// runner-up.
func smallestSpread(bs []best, v func(best) float64) string {
	sorted := append([]best(nil), bs...)
	sort.SliceStable(sorted, func(i, j int) bool { return v(sorted[i]) < v(sorted[j]) })
	if len(sorted) < 2 || math.IsNaN(v(sorted[0])) || math.IsNaN(v(sorted[1])) {
		return "not all cells have run"
	}
	return fmt.Sprintf("smallest for %s (%.2f points; next %s, %.2f)", sorted[0].name, v(sorted[0]), sorted[1].name, v(sorted[1]))
}

// points formats a spread, "incomplete" when NaN.
func points(x float64) string {
	if math.IsNaN(x) {
		return "incomplete"
	}
	return fmt.Sprintf("%.2f", x)
}

// FairCurves returns the fair comparison's test-error curves.
func FairCurves(c Config, st *Store) []Curve {
	chosen, err := Chosen(c, st)
	if err != nil {
		return nil
	}
	var runs [][]Run
	for _, o := range Optimizers {
		runs = append(runs, st.Seeds(c.Fair(o, chosen[o], 0), c.Seeds))
	}
	return Curves(Optimizers, runs)
}

// DefaultCurves returns the test-error curves at the library's defaults.
func DefaultCurves(c Config, st *Store) []Curve {
	var runs [][]Run
	for _, o := range Optimizers {
		runs = append(runs, st.Seeds(c.Default(o, 0), c.Seeds))
	}
	return Curves(Optimizers, runs)
}

func fair(p *printer, figDir string, c Config, st *Store) {
	p.f("## The lecture's variant: ReLU, all nine optimizers, compared fairly\n\n")
	p.f("Each optimizer's rate (Rprop: its initial step U₀; every other knob at the library's default) is tuned on the grid default × 10^(k/2), k = %d … %d, grown by half a decade past an end that holds the best rate (up to %d times), ", c.TuneLo, c.TuneHi, c.TuneExtend)
	p.f("by the validation error after %d epoch(s) of training on %s training images, the other %s held out (seed %d); the test set plays no part. ",
		c.TuneEpochs, commas(trainRows(c)-c.Validation), commas(c.Validation), c.TuneSeed)
	p.f("Then %d seeds train for %d epochs on all the training images at the chosen rate and are scored on the test set.\n\n", len(c.Seeds), c.FairEpochs)
	p.table(Tuning(c, st))
	if _, err := Chosen(c, st); err != nil {
		p.f("Tuning has not finished, so the fair comparison has not started.\n\n")
		return
	}
	p.table(Fair(c, st))
	if len(FairCurves(c, st)) > 0 {
		p.f("![Test error against epoch at the tuned rates](%s)\n\n", filepath.ToSlash(filepath.Join(figDir, FairFigure)))
	}
	p.table(Defaults(c, st))
	if len(DefaultCurves(c, st)) > 0 {
		p.f("![Test error against epoch at the library's defaults](%s)\n\n", filepath.ToSlash(filepath.Join(figDir, DefaultsFigure)))
	}
	p.f("Zeiler's Figure 1 runs 50 epochs; on this shared 2-core machine, after the tables' 6, the curves stop at %d.\n\n", c.FairEpochs)
}

// afterLecture reports the fair comparison of AfterLecture beside the
// nine, and the guide it supports (lesson 10).
func afterLecture(p *printer, c Config, st *Store) {
	p.f("## After the lecture: AdamW, AMSGrad, Lion, Muon, warm-up and cosine (lesson 10)\n\n")
	p.f("The same protocol for what practitioners use today, each at the library's defaults but for its rate: AdamW (λ = 0.01, ε inside the root as the course's Adam), Adam with AMSGrad, Lion, Muon (Newton–Schulz on the weight matrices, AdamW on the biases, whose rate the tuned η scales), and Adam whose rate follows a linear warm-up from η/10 over the first tenth of the run and then a cosine to 0 (`WarmupCosineSchedule`; a tuning run's schedule spans its %d epoch(s), a fair run's its %d). ", c.TuneEpochs, c.FairEpochs)
	p.f("Same network, data, grid, seeds and epochs as the nine above; the table repeats the nine for comparison.\n\n")
	p.table(TuningOf(c, st, AfterLecture))
	if _, err := Chosen(c, st); err != nil {
		p.f("Tuning has not finished, so the fair comparison has not started.\n\n")
		return
	}
	p.table(FairOf(c, st, Compared()))
	p.table(Guide(c, st))
}

// Tuning lists each of the nine's validation error at each rate of its
// grid and the rate chosen.
func Tuning(c Config, st *Store) vizhelpers.Table { return TuningOf(c, st, Optimizers) }

// TuningOf lists the named optimizers' validation error at each rate of
// their grids and the rate chosen.
func TuningOf(c Config, st *Store, names []string) vizhelpers.Table {
	t := vizhelpers.Table{Caption: fmt.Sprintf("Tuning, ReLU: validation error (%%) after %d epoch(s), by rate", c.TuneEpochs),
		Header: []string{"optimizer", "knob", "rate: validation error", "chosen"}, Align: "llll"}
	chosen, err := Chosen(c, st)
	for _, o := range names {
		var cells []string
		rates := c.TuneRates(o, st)
		for _, rate := range rates {
			cell := fmt.Sprintf("%g: not run", rate)
			if r, ok := st.Get(c.Tune(o, rate)); ok {
				cell = fmt.Sprintf("%g: %.2f", rate, r.Final())
				if r.Diverged != "" {
					cell = fmt.Sprintf("%g: diverged", rate)
				}
			}
			cells = append(cells, cell)
		}
		pick := "–"
		if err == nil {
			pick = fmt.Sprintf("%g", chosen[o])
			if chosen[o] == rates[0] || chosen[o] == rates[len(rates)-1] {
				pick += " (grid's edge)"
			}
		}
		t.Rows = append(t.Rows, []string{o, RateName(o), strings.Join(cells, " · "), pick})
	}
	return t
}

// Fair is the fair comparison of the nine: each optimizer at its tuned
// rate, test error over seeds, time per epoch and memory. It is empty
// while tuning goes on.
func Fair(c Config, st *Store) vizhelpers.Table { return FairOf(c, st, Optimizers) }

// FairOf is the fair comparison of the named optimizers (see Fair).
func FairOf(c Config, st *Store, names []string) vizhelpers.Table {
	t := vizhelpers.Table{Caption: fmt.Sprintf("Fair comparison, ReLU: test error (%%) after %d epochs at the tuned rate, mean ± sd over %d seeds", c.FairEpochs, len(c.Seeds)),
		Header: []string{"optimizer", "tuned", "test error", "time / epoch", "optimizer state", "training memory"},
		Note: "Time per epoch: wall time of the training steps alone, mean over seeds, on the machine and at the commit of the provenance table, other work running beside it; it measures this library's implementation of each update (whether it has a vectorised float32 kernel), not the algorithm. " +
			"Optimizer state: Optimizer.StateBytes; training memory: nn.TrainingMemory (weights, gradients, state, activations, minibatch); both computed from the library's optimizers as they are now, not stored with the runs."}
	chosen, err := Chosen(c, st)
	if err != nil {
		return t
	}
	for _, o := range names {
		s := c.Fair(o, chosen[o], 0)
		runs := st.Seeds(s, c.Seeds)
		state, mem := Memory(s.NewOptimizer(c.Sizes), c.Sizes, c.Batch)
		epoch := "–"
		if len(runs) > 0 {
			epoch = fmt.Sprintf("%.1f s", meanEpochSeconds(runs))
		}
		t.Rows = append(t.Rows, []string{o, fmt.Sprintf("%s = %g", RateName(o), chosen[o]), Summarise(runs).Format(len(c.Seeds)), epoch,
			vizhelpers.HumanBytes(float64(state)), vizhelpers.HumanBytes(float64(mem))})
	}
	return t
}

// meanEpochSeconds is the mean over runs of their training time per epoch.
func meanEpochSeconds(runs []Run) float64 {
	var secs []float64
	for _, r := range runs {
		secs = append(secs, r.EpochSeconds())
	}
	m, _ := meanSD(secs)
	return m
}

// Defaults is each optimizer's test error at the library's defaults.
func Defaults(c Config, st *Store) vizhelpers.Table {
	t := vizhelpers.Table{Caption: fmt.Sprintf("The library's defaults, ReLU: test error (%%) after %d epochs, mean ± sd over %d seeds", c.FigureEpochs, len(c.Seeds)),
		Header: []string{"optimizer", "default", "test error"}}
	for _, o := range Optimizers {
		t.Rows = append(t.Rows, []string{o, fmt.Sprintf("%s = %g", RateName(o), DefaultRate(o)), Summarise(st.Seeds(c.Default(o, 0), c.Seeds)).Format(len(c.Seeds))})
	}
	return t
}

// trainRows is the number of training rows the configuration uses.
func trainRows(c Config) int {
	if c.TrainRows > 0 {
		return c.TrainRows
	}
	return 60000
}

// rows describes a row limit.
func rows(n int, all string) string {
	if n == 0 {
		return all
	}
	return fmt.Sprintf("the first %s of %s", commas(n), strings.TrimPrefix(all, "the "))
}

// arch writes layer sizes as 784-500-300-10.
func arch(sizes []int) string {
	parts := make([]string, len(sizes))
	for i, s := range sizes {
		parts[i] = fmt.Sprint(s)
	}
	return strings.Join(parts, "-")
}

// commas writes n with thousands separators.
func commas(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// duration formats seconds as 1h02m03s.
func duration(s float64) string {
	return (time.Duration(s) * time.Second).Round(time.Second).String()
}
