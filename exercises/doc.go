// Package exercises checks the answers students write in the course's
// notebooks: one file per lesson, lessonNN.go, with one exported Check
// function per exercise that asks for code or a number.
//
// # The convention
//
// Every lesson ends with four exercises under "## Exercises", each followed
// by a worked solution hidden in a Markdown cell,
//
//	<details><summary>Solution</summary> … </details>
//
// which opens on a click in Jupyter and in the exported lesson alike. Where
// an exercise asks the student to write code (an update rule, a stability
// limit, a byte count), the notebook has a code cell with a skeleton that
// compiles and runs as it stands, followed by a check cell of one line:
//
//	exercises.Lesson04MinibatchDrift(myAnswer)
//
// A check function
//
//   - takes the student's answer as a value or a function (never a package
//     variable), so a check cell can be rerun after every edit;
//   - compares it with a reference solution of its own file (the naive,
//     readable one), on inputs of its choice;
//   - prints one line on standard output: "✓ …" with what was verified, or
//     "✗ not yet: …" with what differs and a hint towards the fix;
//   - never panics and never writes to standard error, whatever the answer
//     (a student's function that panics is reported as "✗ not yet"), so a
//     wrong answer never fails a headless run of the notebook;
//   - returns whether the answer was right, for the tests.
//
// lessonNN_test.go proves, for each check, that the reference solution
// passes and that a typical wrong answer (the mistake the hint is written
// for) fails.
package exercises
