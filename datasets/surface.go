package datasets

// Surface is a 2-D loss surface f(x, y) with an analytic gradient: the
// playground on which the course watches optimizers move before it trusts
// them with a network.
type Surface interface {
	// Name is a short human-readable label, used in plot titles.
	Name() string
	// Value returns f(x, y).
	Value(x, y float64) float64
	// Grad returns the analytic gradient (∂f/∂x, ∂f/∂y) at (x, y).
	Grad(x, y float64) (gx, gy float64)
	// Minima returns the known global minima (a fresh slice each call);
	// it is empty for surfaces without a minimum, such as saddles.
	Minima() [][2]float64
	// Bounds returns a plotting window that shows the interesting part of
	// the surface.
	Bounds() (xmin, xmax, ymin, ymax float64)
}

// surface implements Surface with plain functions, so that each named
// surface is a single constructor holding only its formula.
type surface struct {
	name                   string
	value                  func(x, y float64) float64
	grad                   func(x, y float64) (gx, gy float64)
	minima                 [][2]float64
	xmin, xmax, ymin, ymax float64
}

var _ Surface = (*surface)(nil)

func (s *surface) Name() string                             { return s.name }
func (s *surface) Value(x, y float64) float64               { return s.value(x, y) }
func (s *surface) Grad(x, y float64) (gx, gy float64)       { return s.grad(x, y) }
func (s *surface) Bounds() (xmin, xmax, ymin, ymax float64) { return s.xmin, s.xmax, s.ymin, s.ymax }

func (s *surface) Minima() [][2]float64 {
	return append([][2]float64{}, s.minima...)
}
