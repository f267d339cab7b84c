// Package demos holds the lesson-specific logic of the course's notebooks, one
// file per notebook (space.go for 01-space-and-memory, need.go for
// 02-need-of-optimizers, …), so that a notebook stays short and readable and
// every number it shows comes from tested code.
//
// The general machinery lives elsewhere: the optimizers in optim, the network
// in nn, the data and surfaces in datasets, the pictures in vizhelpers. What
// is here is the glue of one lesson: the lecture's worked examples, the
// experiments a notebook runs, and the tables and charts it shows.
package demos
