//go:build !amd64 || purego

package nn

import "github.com/nncourse/optimizers/optim"

// Without amd64 assembly (another architecture, or the purego build tag
// that tests this path) the training step's element-wise loops are the
// portable Go ones: the fast paths do no element.

func reluFast[T optim.Float](v []T) int { return 0 }

func backReLUFast[T optim.Float](y, dy, db []T) int { return 0 }
