// Package vizhelpers draws the course's pictures: loss curves, loss surfaces
// with the paths optimizers take on them, memory bar charts and tables, and
// animations of optimizers racing, and shows them in GoNB notebooks.
//
// # Why pictures
//
// An optimizer is a rule θ ← θ − (something). Whether that something
// zig-zags across a narrow valley, overshoots, stalls on a plateau or slides
// off a saddle is hard to see in a column of numbers and obvious on a
// contour map. Every chapter of the course therefore runs its optimizer on a
// small 2-D surface f(x, y), records the iterates θ₀, θ₁, …, and draws them.
//
// # Surfaces and trajectories
//
// A Surface is anything with Value(x, y) and Bounds(); the course's
// datasets.Surface is one. Contour samples it on a grid (SampleGrid) and
// draws level sets; because surfaces such as Beale's span five orders of
// magnitude, the levels are spaced evenly in log(f − f_min + δ) when the
// values are skewed (ScaleAuto), which keeps lines near the minimum where
// the interesting motion is. A Trajectory is a named list of iterates; it is
// drawn with ○ at the start, ● at the end, and the surface's minima as ✕.
// The axes stay on the surface's bounds, so a diverging run (η too large)
// visibly leaves the frame instead of shrinking the picture to a dot.
//
// Arrows draws labelled vectors on any chart, for the anatomy of a single
// step: Nesterov's projection θ + μ·v, the look-ahead gradient −η∇f(θ + μ·v)
// and the resulting step.
//
// SurfaceView shows a surface in 3-D for shapes a contour map hides, the
// saddle x² − y² above all. The projection is the one of any 3-D plot, done
// by hand: turn by the azimuth a, tilt by the elevation e,
//
//	x_r = x·cos a − y·sin a,  y_r = x·sin a + y·cos a
//	screen = (x_r, y_r·sin e + z·cos e)
//
// and paint the grid cells from the farthest to the nearest (the painter's
// algorithm), so nearer cells hide farther ones.
//
// # Curves, bars and tables
//
// LineChart plots loss or accuracy per step or epoch for several optimizers,
// optionally on a log axis (a loss falling from 2 to 0.002 is a straight line
// there when it falls exponentially). BarChart draws grouped or stacked bars,
// e.g. parameters + gradients + optimizer state per optimizer. Table renders
// memory tables as HTML that reads well in JupyterLab's light and dark themes
// and in exported HTML, or as plain text; HumanBytes formats byte counts.
// HeatMap colours a quantity over two hyperparameters (say the convergence
// rate over η and μ) in bands of a viridis-like map, dark to light, with
// curves such as an analytic stability limit drawn on top.
//
// Legends are drawn in a strip to the right of the axes, never over data.
//
// # Animations
//
// Race makes an animated GIF in the style of Alec Radford's well-known
// animations: several optimizers start together and advance one frame at a
// time, each a dot with a fading trail. Frames after the first store only the
// changed pixels, so a race of 80 frames weighs a few hundred kilobytes at
// most; Animation.HTML wraps it in an <img> with a data URI, which plays in
// JupyterLab and in a notebook exported to HTML alike.
//
// # In a notebook: one shape for results and errors
//
// Every builder returns one value, never an error: LineChart, BarChart,
// Contour and SurfaceView a *Chart, Race an *Animation, the tables a Table.
// A value that could not be built (a zero on a log axis, a bar group of the
// wrong length, a race in which every path diverged at once) keeps the
// error: Err returns it and the rendering methods (PNG, SVG, Save, Bytes,
// HTML) return it. Show displays any of them and returns nothing; when the
// value holds an error, Show prints it in red under the cell (on standard
// error, which also fails a headless run) instead of a figure. So a cell is
// one line per figure, with no error plumbing:
//
//	vizhelpers.Show(vizhelpers.LineChart(vizhelpers.LineOptions{Title: "loss", LogY: true}, series...))
//	vizhelpers.Show(demos.MemoryTable("one training step", rows))
//
// Everything works and is tested without Jupyter; display.go is the one
// file that talks to the notebook through GoNB's gonbui: Show (a chart as a
// PNG, identical live and exported; an animation as a playing GIF; a table
// as HTML), ShowHTML for a fragment, SideBySide for small multiples;
// LiveProgress, a progress bar with ETA and a loss plot updated in place at
// most four times a second (the plot once a second), so that a training
// cell never looks hung, with Progress.Run starting a labelled curve per
// run; and Explore, which puts sliders (say η and μ) in front of a figure in
// a live kernel.
//
// # Colours, markers and ticks
//
// Series take the colours of the Okabe–Ito palette (Color(i)), which stay
// apart for the common colour blindnesses, and differ by more than colour:
// line i of a chart with several carries the i-th marker shape, trajectory
// i the i-th dash pattern. Ticks fall on round values and are labelled with
// the digits they need (25, not 25.00); LineOptions.XTickEvery puts them at
// the multiples of a period instead (each epoch's first step).
//
// Sliders need a browser: GoNB's widgets wait for the frontend's first
// message, which never comes when a notebook is executed headless
// (nbconvert, nbclient). Explore therefore asks the frontend to answer first
// and, without an answer within 5 s — or at once when the environment
// variable VIZHELPERS_STATIC is set — shows the figure for the initial values
// with a note, and returns. With VIZHELPERS_STATIC set LiveProgress shows
// only its final report, one labelled loss curve per run, so that an
// exported lesson holds no frozen half-way progress bar.
package vizhelpers
