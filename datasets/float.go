package datasets

// Float is the element type of the data this package hands to models:
// float32 for speed and memory, float64 for exact checks.
type Float interface{ ~float32 | ~float64 }

// Convert returns a copy of src with every element converted to T, e.g.
// MNIST's float32 pixels as float64 for a float64 model.
func Convert[T, S Float](src []S) []T {
	dst := make([]T, len(src))
	for i, v := range src {
		dst[i] = T(v)
	}
	return dst
}
