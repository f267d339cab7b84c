// Package exercises checks the answers to the notebooks' exercises: each
// lesson's file has one function per exercise that takes the student's
// code, compares it with the library on fixed inputs, and prints "✓ …"
// when it agrees or "✗ not yet: …" with a hint when it does not. The
// checks never panic and never write to stderr: a panicking answer is
// reported as not yet right.
package exercises
