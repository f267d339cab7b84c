package zeiler

// The paper's test errors in percent after 6 epochs (Zeiler 2012,
// arXiv:1212.5701v1, Tables 1 and 2), by optimizer and rate, and by ρ and
// ε. Issue 9 quotes four of them (SGD 2.26 at η = 1, Momentum 2.03 at
// η = 0.1, Adagrad 1.79 at η = 0.01, Adadelta 1.83 at ρ = 0.95, ε = 1e-6);
// the others were written down from recollection of the paper's tables,
// since no copy of it could be reached when this reproduction was written:
// they are unverified until someone checks them against the paper.
var (
	PaperTable1 = map[string]map[float64]float64{
		"SGD":      {1: 2.26, 1e-1: 2.51, 1e-2: 7.02, 1e-3: 17.01, 1e-4: 58.10},
		"Momentum": {1: 89.68, 1e-1: 2.03, 1e-2: 2.68, 1e-3: 6.98, 1e-4: 16.98},
		"Adagrad":  {1: 43.76, 1e-1: 2.82, 1e-2: 1.79, 1e-3: 5.21, 1e-4: 12.59},
	}
	PaperTable2 = map[float64]map[float64]float64{ // ρ → ε → error
		0.9:  {1e-2: 2.59, 1e-4: 2.05, 1e-6: 1.90, 1e-8: 2.29},
		0.95: {1e-2: 2.58, 1e-4: 1.99, 1e-6: 1.83, 1e-8: 2.13},
		0.99: {1e-2: 2.32, 1e-4: 2.28, 1e-6: 2.05, 1e-8: 2.00},
	}
)

// PaperVerified reports whether issue 9 quotes the paper's cell itself.
func PaperVerified(optimizer string, rate, rho, eps float64) bool {
	switch {
	case optimizer == "SGD":
		return rate == 1
	case optimizer == "Momentum":
		return rate == 1e-1
	case optimizer == "Adagrad":
		return rate == 1e-2
	case optimizer == "Adadelta":
		return rho == 0.95 && eps == 1e-6
	}
	return false
}

// PaperNote says which of the paper's cells are checked.
const PaperNote = "Paper cells marked * are the four that issue 9 quotes. The others were written down from recollection of Zeiler's Tables 1–2 (arXiv:1212.5701v1), because no copy of the paper could be reached here: treat them, and the comparisons drawn from them, as unverified until checked against the paper."
