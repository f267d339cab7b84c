//go:build !cublas

package cublas

// loadLibrary reports that this build has no cuBLAS support: the package
// was compiled without the cublas tag, so it never touches a GPU.
func loadLibrary() (*library, error) { return nil, ErrNotBuilt }
