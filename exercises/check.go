package exercises

import "fmt"

// verdict prints "✓ ok" when ok, else "✗ not yet: hint", and returns ok.
func verdict(ok bool, okMsg, hint string) bool {
	if ok {
		fmt.Println("✓ " + okMsg)
	} else {
		fmt.Println("✗ not yet: " + hint)
	}
	return ok
}

// safely calls f and reports a panic of the student's code as an error
// instead of letting it end the cell.
func safely(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("your code panicked: %v", r)
		}
	}()
	f()
	return nil
}
