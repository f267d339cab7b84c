package optim

// AfterLecture returns a fresh instance of each optimizer the course adds
// after the lecture, what practitioners reach for today, each in the
// PyTorch form (their reference) with its defaults:
//
//	Adam{AMSGrad: true}  Reddi, Kale & Kumar 2018 (torch's Adam(amsgrad=True))
//	AdamW                Loshchilov & Hutter 2019 (torch's AdamW)
//	Lion                 Chen et al. 2023
//
// L2 weight decay is a field of SGD and Adam (WeightDecay), not a list
// entry. The tests range over All and AfterLecture alike (allocations,
// state, checkpoints, float32 against float64).
func AfterLecture[T Float]() []Optimizer[T] {
	return []Optimizer[T]{
		&Adam[T]{AMSGrad: true, Form: PyTorch},
		&AdamW[T]{Form: PyTorch},
		&Lion[T]{Form: PyTorch},
	}
}
