package explorables

import (
	"fmt"
	"math"
	"strconv"
)

// Knob is one slider of an explorable. Positions run from Min to Max in
// steps of Step; Default is the lesson's position.
type Knob struct {
	// Key names the knob in Settings, e.g. "eta".
	Key string `json:"key"`
	// Label is the symbol the lesson uses, e.g. "η".
	Label string `json:"label"`
	// Min, Max and Step are the slider's range and step, in positions.
	Min  float64 `json:"min"`
	Max  float64 `json:"max"`
	Step float64 `json:"step"`
	// Default is the lesson's position.
	Default float64 `json:"default"`
	// Log10 makes the position an integer power of ten: the value is
	// 10^position (for ε, which spans many decades).
	Log10 bool `json:"log10"`
}

// Value returns the hyperparameter at slider position pos: pos itself, or
// 10^pos for a Log10 knob, parsed from its decimal form "1e<pos>" so that
// 10⁻⁸ is the literal 1e-8.
func (k Knob) Value(pos float64) float64 {
	if !k.Log10 {
		return pos
	}
	v, err := strconv.ParseFloat("1e"+strconv.Itoa(int(math.Round(pos))), 64)
	if err != nil {
		panic(fmt.Sprintf("explorables: knob %s: %v", k.Key, err))
	}
	return v
}

// check returns an error unless pos is a position of the slider.
func (k Knob) check(pos float64) error {
	if !(pos >= k.Min && pos <= k.Max) {
		return fmt.Errorf("explorables: knob %s: position %v outside [%v, %v]", k.Key, pos, k.Min, k.Max)
	}
	if k.Log10 && pos != math.Round(pos) {
		return fmt.Errorf("explorables: knob %s: position %v is not an integer exponent", k.Key, pos)
	}
	return nil
}

// Text returns the value at pos as the slider shows it, e.g. "0.04" or
// "1e-8".
func (k Knob) Text(pos float64) string {
	if k.Log10 {
		return "1e" + strconv.Itoa(int(math.Round(pos)))
	}
	return strconv.FormatFloat(pos, 'g', -1, 64)
}
