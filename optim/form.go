package optim

// Form selects which published version of an update rule an optimizer follows.
type Form uint8

const (
	Lecture Form = iota // the lecture's formulas (fixed where broken); the zero value
	PyTorch             // torch.optim's form (torch ≥ 2.0)
)
