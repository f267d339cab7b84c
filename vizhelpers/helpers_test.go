package vizhelpers

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"

	"gonum.org/v1/plot/vg"
)

var regen = flag.Bool("regen", false, "rewrite the golden images in testdata/")

// decodePNG decodes PNG bytes or fails the test.
func decodePNG(t *testing.T, data []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("PNG does not decode: %v", err)
	}
	return img
}

// render renders c to PNG, decodes it, checks its size and returns it with a
// function mapping data coordinates to pixels.
func render(t *testing.T, c *Chart) (image.Image, func(x, y float64) (int, int)) {
	t.Helper()
	capture := &transformCapture{}
	c.Plot.Add(capture)
	data, err := c.PNG()
	if err != nil {
		t.Fatal(err)
	}
	img := decodePNG(t, data)
	wantW, wantH := int(math.Round(float64(c.Width/vg.Inch)*float64(c.DPI))), int(math.Round(float64(c.Height/vg.Inch)*float64(c.DPI)))
	if b := img.Bounds(); b.Dx() != wantW || b.Dy() != wantH {
		t.Fatalf("image is %v, want %d×%d", b.Size(), wantW, wantH)
	}
	scale := float64(c.DPI) / float64(vg.Inch)
	return img, func(x, y float64) (int, int) {
		return int(float64(capture.x(x)) * scale), wantH - int(float64(capture.y(y))*scale)
	}
}

// near reports whether some pixel within r of (x, y) is within tol (per
// channel, 0–255) of want.
func near(img image.Image, x, y, r int, want color.Color, tol int) bool {
	wr, wg, wb, _ := want.RGBA()
	for py := y - r; py <= y+r; py++ {
		for px := x - r; px <= x+r; px++ {
			cr, cg, cb, _ := img.At(px, py).RGBA()
			if absDiff(cr, wr) <= tol && absDiff(cg, wg) <= tol && absDiff(cb, wb) <= tol {
				return true
			}
		}
	}
	return false
}

func absDiff(a, b uint32) int { return int(math.Abs(float64(a>>8) - float64(b>>8))) }

// distinctColors counts the distinct colours of img, to tell a drawing from a blank image.
func distinctColors(img image.Image) int {
	seen := map[color.RGBA]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), uint8(a >> 8)}] = true
		}
	}
	return len(seen)
}

// checkGolden compares img with testdata/name: at most 0.5% of the pixels
// may differ by more than 48 in a channel (font rasterisation may vary
// slightly). With -regen it rewrites the file instead.
func checkGolden(t *testing.T, name string, img image.Image) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *regen {
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -regen to create it)", err)
	}
	want := decodePNG(t, data)
	if want.Bounds() != img.Bounds() {
		t.Fatalf("%s: size %v, golden %v", name, img.Bounds(), want.Bounds())
	}
	diff, b := 0, img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if !near(want, x, y, 0, img.At(x, y), 48) {
				diff++
			}
		}
	}
	if frac := float64(diff) / float64(b.Dx()*b.Dy()); frac > 0.005 {
		t.Errorf("%s: %.2f%% of pixels differ from the golden image (limit 0.5%%); inspect and run go test -regen if intended", name, 100*frac)
	}
}
