// Package optim is the course's chapter on optimizers, in code: each
// update rule of the lecture "Course 6: Optimizers", written so that it can
// be read in one sitting next to the slide it comes from, and checked
// against it.
//
// # The problem
//
// Training minimises a cost C(w) over millions of weights w with nothing
// but the gradient g = ∂C/∂w of a minibatch. Plain gradient descent,
//
//	w ← w − η·g
//
// (SGD) moves each weight in proportion to its gradient. On an elongated
// bowl the gradient points across the valley, not along it, so a rate η
// large enough to make progress along the valley makes the weights jump
// from wall to wall across it; around a saddle point the gradient vanishes
// and progress stalls. Every optimizer in this package answers one of these
// problems with a little memory per weight.
//
// # Velocity: Momentum and Nesterov
//
// Momentum keeps a velocity v ← μ·v + η·g and moves w ← w − v: steady small
// gradients add up, alternating ones cancel. Nesterov (NAG) takes the
// gradient where the velocity is about to carry the weights, θ = w − μ·v,
// and so corrects an overshoot one step earlier.
//
// # Signs: Rprop
//
// Rprop forgets the gradient's magnitude and keeps a step size U per
// weight: it grows by η⁺ = 1.2 while the sign of g stays the same and
// shrinks by η⁻ = 0.5 when it flips.
//
// # Per-weight rates: Adagrad, RMSprop, Adadelta
//
// Adagrad divides η by the root of the sum of all past g², so rare
// features keep large rates; the sum only grows, so learning can stall.
// RMSprop uses a moving average instead. Adadelta replaces η by the ratio
// of the root mean squared updates to the root mean squared gradients.
//
// # Both: Adam and Nadam
//
// Adam keeps moving averages of g (momentum) and g² (RMSprop), corrects
// their bias towards their zero start, and steps by η·M̂/√R̂. Nadam puts
// Nesterov's look-ahead into Adam's momentum.
//
// # Where the lecture's formulas are fixed
//
// The lecture is the specification, and each type's documentation gives
// its formulas as the slides write them. In five places the slide cannot
// be followed literally, or leaves a choice open; each type says what it
// does instead and why:
//
//   - Adagrad: η/√(Σg²) is 0/0 for a weight whose gradients have all been
//     0; ε is added to the root (Duchi et al.; PyTorch). Eps: Zero() runs
//     the slide's literal rule.
//   - Adadelta: √E[Δw²] starts at 0, so the slide's rule never moves;
//     ε goes inside both roots (Zeiler).
//   - Nadam: the slides put ε inside the root for Adam and outside in the
//     Nadam expansion; Nadam follows the expansion.
//   - Rprop: the slide writes the lower limit as "1e-06 = 0.0000001",
//     which is 1e-7; Rprop uses 1e-6 (Riedmiller & Braun; PyTorch).
//   - Rprop: the slide never says what the stored sign SGN is before the
//     first step; Rprop starts it at 0, so the first step keeps U₀
//     (Riedmiller & Braun; PyTorch), and FirstSignGradient starts it at
//     the first gradient's sign instead.
//
// # Forms: the lecture's and PyTorch's
//
// Every optimizer has exactly one field Form. Lecture, the zero value, is
// the lecture's formulas, fixed as above; PyTorch is torch.optim's form of
// the same optimizer, and each type's documentation says what it computes
// and which torch version it matches:
//
//	Momentum   η outside the velocity (torch.optim.SGD with momentum)
//	Nesterov   torch.optim.SGD(nesterov=True)
//	Rprop      U adapted before the move, iRprop− (torch.optim.Rprop)
//	RMSprop    ε outside the root (torch.optim.RMSprop)
//	Adam       ε outside the root (torch.optim.Adam)
//	Nadam      Dozat's momentum schedule ψ, as torch.optim.NAdam of torch ≥ 2.0
//	SGD, Adagrad, Adadelta   the same rule in both forms
//
// The other knobs are independent of the form and named alike wherever
// they recur: LR (η), Mu (μ), Beta1 and Beta2 (β₁, β₂), Eps (ε), Gamma
// and Rho (the decays γ, ρ), Nadam's MomentumDecay (ψ), Rprop's Variant
// (RpropMinus, RpropPlus with backtracking, IRpropMinus) and FirstSign.
// The tests check the lecture's forms against naive transcriptions of the
// formulas and the PyTorch forms against trajectories recorded from torch.
//
// # Using an optimizer
//
// A model's parameters are one flat slab and its gradients another, so a
// step over every layer is one call:
//
//	opt := optim.NewAdam[float32]()
//	for each minibatch {
//		grads := backprop(params)
//		opt.Step(params, grads)
//	}
//
// An optimizer is also written as a struct literal: a field left at 0
// means its documented default, as an omitted keyword argument does in
// torch.optim, so
//
//	opt := &optim.Adam[float32]{LR: 3e-4, Form: optim.PyTorch}
//
// steps exactly like NewAdam with those two fields set. The defaults are
// filled in once, by the constructor or at the literal's first use (Step,
// Settings, LearningRate, MarshalBinary); afterwards a field holds what is
// assigned to it, 0 included. To give a literal's field the value 0 where
// 0 is allowed (μ = 0, β₁ = 0, Adagrad's ε = 0), write Zero(). Settings
// describes what an optimizer uses in one line, e.g.
// "Adam(η=0.0003, β₁=0.9, β₂=0.999, ε=1e-08, form=PyTorch)". All lists the
// nine optimizers in the lecture's order, with their defaults.
//
// In float32, every optimizer hands the slab to fast loops (kernels32.go:
// AVX-512 or AVX2 assembly on amd64, chosen at run time; portable Go
// elsewhere and with the purego build tag) that compute in float32 with
// fused multiply-adds and stay within a few float32 ulps of each update of
// the reference loops, which compute in float64 and are what float64 runs.
// Rprop has fast loops for its lecture form and torch's (iRprop−, and
// Rprop+ adapting first); its other combinations of Form and Variant run
// the reference loop.
//
// Constructors return the lecture's values where it gives them and the
// paper's or PyTorch's where it does not (each doc comment names the source
// of each value); hyperparameters are exported fields that may be changed
// between steps. Invalid values panic with a message naming the
// optimizer, field, range and value, at construction and at the next Step.
// Step allocates its state on the first call and nothing afterwards,
// whether or not the compiler inlines.
//
// Nesterov evaluates the gradient at a projection, not at the weights; it
// implements LookAhead: the slab passed to Step holds θ, and Weights gives
// the weights w = θ + μ·v for validation and export (or, with
// ExactWeights, a kept copy of the lecture's w).
//
// # Memory
//
// The lecture counts memory in multiples of the model: weights and
// gradients make training "twice" the model, momentum's velocity "triples"
// it and Adam's two averages "quadruple" it. StateBytes reports the
// optimizer's share for n parameters. For the lecture's 784-32-20-10
// network (25,990 parameters, 207,920 bytes in float64): SGD 0, Momentum,
// Adagrad and RMSprop 207,920 (1×), Adam, Nadam and Adadelta 415,840 (2×),
// Rprop 214,432 (U plus two bits of sign per weight), Nesterov 207,920
// (v; 415,840 with ExactWeights, which keeps an exact copy of w as well).
//
// # Learning-rate schedules
//
// A Schedule gives the rate for each step; optimizers with a global rate
// implement RateSetter, and whoever applies a schedule (nn.Trainer) sets
// the optimizer's η from it before every step, replacing the optimizer's
// own. Constant, StepDecay, Exponential and InverseTime (1/t) depend on
// the time alone, counted in steps, or in epochs when StepsPerEpoch is set
// (as torch's schedulers stepped once per epoch); ValidationDriven is the
// lecture's rule, raising the rate while the validation error falls
// steadily and lowering it when it stalls, once per epoch (it implements
// Observer). After the lecture: LinearWarmup, Cosine and WarmupCosine,
// counted in steps, give torch's LinearLR, CosineAnnealingLR and
// SequentialLR of the two.
//
// # After the lecture
//
// What practitioners use today, each verified like the lecture's nine,
// the PyTorch form being the reference (torch 1.13 trajectories; Lion and
// Muon, which torch 1.13 lacks, against the authors' pseudo-code and code):
//
//	SGD.WeightDecay, Adam.WeightDecay   L2 added to the gradient (torch's weight_decay)
//	Adam.AMSGrad                        Reddi, Kale & Kumar 2018 (torch's amsgrad=True)
//	AdamW                               decoupled weight decay, Loshchilov & Hutter 2019
//	Lion                                Chen et al. 2023: the sign of interpolated momentum
//	Muon                                Jordan et al. 2024: orthogonalised momentum per weight matrix
//	ClipGradNorm                        torch's clip_grad_norm_ (nn.Trainer.ClipNorm)
//
// AfterLecture lists AMSGrad, AdamW and Lion in the PyTorch form; All
// stays the lecture's nine. Muon needs the model's layer sizes
// (NewMuon(model.Sizes)), so it is in neither list and is tested on its
// own (against a naive transcription of Jordan's code). Their float32 loops (AVX2 for AMSGrad and
// Lion; AdamW is SGD's loop for the decay plus Adam's) meet the lecture's
// optimizers' bar, as Adam with L2 does: Adam's loop adds λ·w to g in a
// register (BenchmarkVersusAdam prints each against Adam). For
// 25,990 parameters in float64: AMSGrad keeps 623,760 bytes (3×), AdamW
// 415,840 (2×), Lion 207,920 (1×).
//
// # Checkpoints
//
// Optimizers and schedules implement encoding.BinaryMarshaler and
// BinaryUnmarshaler: hyperparameters, step count and state, little endian,
// with a header naming the kind and element size. Resuming from a
// checkpoint continues bit for bit; truncated or foreign data is an error,
// never a panic, and leaves the receiver unchanged.
package optim
