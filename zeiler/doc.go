// Package zeiler reproduces the MNIST experiment of Zeiler's ADADELTA paper
// (M. D. Zeiler, "ADADELTA: An Adaptive Learning Rate Method",
// arXiv:1212.5701, 2012, §4.1) with the course's own library, and extends it
// to the lecture's nine optimizers.
//
// Zeiler trains a 784-500-300-10 network with tanh hidden units and a
// softmax output on the 60,000 MNIST training images, minibatches of 100,
// for 6 epochs, and reports the error on the 10,000 test images:
//
//	Table 1  SGD, Momentum and Adagrad over learning rates η = 1 … 1e-4
//	Table 2  Adadelta over ρ ∈ {0.9, 0.95, 0.99} × ε ∈ {1e-2, 1e-4, 1e-6, 1e-8}
//
// A Runner trains every cell of both tables with several seeds (each seed
// draws its own initial weights and minibatch order), then the lecture's
// variant, ReLU instead of tanh, with all nine optimizers of package optim:
// first each optimizer's learning rate (Rprop: its initial step) tuned on a
// log grid against a validation split held out of the training images, then
// several seeds at the chosen setting, scored on the test set. Finally the
// nine at the library's defaults, for the paper's figure of test error
// against epoch.
//
// Every finished run is stored in a Store, a JSON file written after each
// run, so an interrupted reproduction resumes where it stopped and a
// finished one is never recomputed; Report and the figures are rendered from
// the Store alone. cmd/zeiler (`make zeiler`) drives it and writes
// REPRODUCTION.md.
package zeiler
