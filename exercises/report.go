package exercises

import "fmt"

// reportRight prints "✓ " and the message, and returns true.
func reportRight(format string, args ...any) bool {
	fmt.Println("✓ " + fmt.Sprintf(format, args...))
	return true
}

// reportWrong prints "✗ not yet: " and the message (with its hint), and returns
// false.
func reportWrong(format string, args ...any) bool {
	fmt.Println("✗ not yet: " + fmt.Sprintf(format, args...))
	return false
}

// panicText runs f and returns the value of its panic as text, or "" when it
// returned normally.
func panicText(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	f()
	return ""
}
