package vizhelpers

import (
	"fmt"
	"html"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Table is a small table of text cells, for memory tables and comparisons.
// HTML renders it for notebooks; Text renders it as aligned plain text.
type Table struct {
	Caption string
	Header  []string
	Rows    [][]string
	// Align gives each column's alignment: 'l', 'r' or 'c'. A column without
	// one is right-aligned when all its cells are numbers (optionally with a
	// unit, as in "207,920 B"), left-aligned otherwise; a placeholder for no
	// value ("–", "-", "—", "n/a") does not count either way.
	Align string
	Note  string // a footnote in small print under the table
}

// Inline styles: colours are inherited or translucent grey, so the table
// reads well on JupyterLab's light and dark themes and in exported HTML;
// every row sets its own background to override JupyterLab's zebra striping.
const (
	tableStyle   = "border-collapse:collapse;margin:0.6em 0;font-size:0.95em;font-variant-numeric:tabular-nums;color:inherit"
	captionStyle = "caption-side:top;text-align:left;font-weight:600;padding:0 0 0.4em 0;color:inherit"
	thStyle      = "padding:4px 12px;border-bottom:2px solid currentColor;font-weight:600;background:transparent"
	tdStyle      = "padding:3px 12px;border-bottom:1px solid rgba(128,128,128,0.35)"
	noteStyle    = "font-size:0.85em;opacity:0.75;margin:-0.3em 0 0.6em 0"
	stripe       = "rgba(128,128,128,0.10)"
)

// align returns column c's alignment letter.
func (t Table) align(c int) byte {
	if c < len(t.Align) {
		return t.Align[c]
	}
	any := false
	for _, row := range t.Rows {
		if c < len(row) && !isPlaceholder(row[c]) {
			if !isNumeric(row[c]) {
				return 'l'
			}
			any = true
		}
	}
	if any {
		return 'r'
	}
	return 'l'
}

// isNumeric reports whether s starts with a number: an optional sign, then a
// digit (or a decimal point followed by one).
func isNumeric(s string) bool {
	s = strings.TrimLeft(strings.TrimSpace(s), "+-−≈~")
	s = strings.TrimPrefix(s, ".")
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}

// isPlaceholder reports whether s stands for no value.
func isPlaceholder(s string) bool {
	switch strings.TrimSpace(s) {
	case "", "–", "-", "—", "n/a":
		return true
	}
	return false
}

// cssAlign maps an alignment letter to a CSS value.
func cssAlign(a byte) string {
	switch a {
	case 'r':
		return "right"
	case 'c':
		return "center"
	}
	return "left"
}

// HTML returns the table as an HTML fragment with inline CSS; all text is escaped.
func (t Table) HTML() string {
	var b strings.Builder
	b.WriteString(`<table style="` + tableStyle + `">`)
	if t.Caption != "" {
		fmt.Fprintf(&b, `<caption style="%s">%s</caption>`, captionStyle, html.EscapeString(t.Caption))
	}
	if len(t.Header) > 0 {
		b.WriteString(`<thead><tr style="background:transparent">`)
		for c, h := range t.Header {
			fmt.Fprintf(&b, `<th style="%s;text-align:%s">%s</th>`, thStyle, cssAlign(t.align(c)), html.EscapeString(h))
		}
		b.WriteString("</tr></thead>")
	}
	b.WriteString("<tbody>")
	for r, row := range t.Rows {
		bg := "transparent"
		if r%2 == 1 {
			bg = stripe
		}
		fmt.Fprintf(&b, `<tr style="background:%s">`, bg)
		for c, cell := range row {
			fmt.Fprintf(&b, `<td style="%s;text-align:%s">%s</td>`, tdStyle, cssAlign(t.align(c)), html.EscapeString(cell))
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</tbody></table>")
	if t.Note != "" {
		fmt.Fprintf(&b, `<div style="%s">%s</div>`, noteStyle, html.EscapeString(t.Note))
	}
	return b.String()
}

// Text returns the table as plain text with aligned columns, for terminals,
// logs and examples.
func (t Table) Text() string {
	rows := append([][]string{t.Header}, t.Rows...)
	var widths []int
	for _, row := range rows {
		for c, cell := range row {
			if c >= len(widths) {
				widths = append(widths, 0)
			}
			widths[c] = max(widths[c], utf8.RuneCountInString(cell))
		}
	}
	var b strings.Builder
	if t.Caption != "" {
		b.WriteString(t.Caption + "\n")
	}
	for r, row := range rows {
		if r == 0 && len(row) == 0 {
			continue
		}
		var cells []string
		for c, cell := range row {
			pad := strings.Repeat(" ", widths[c]-utf8.RuneCountInString(cell))
			if t.align(c) == 'r' {
				cells = append(cells, pad+cell)
			} else {
				cells = append(cells, cell+pad)
			}
		}
		b.WriteString(strings.TrimRight(strings.Join(cells, "  "), " ") + "\n")
	}
	if t.Note != "" {
		b.WriteString(t.Note + "\n")
	}
	return b.String()
}

// HumanBytes formats a byte count with binary prefixes: 207920 → "203.05 KiB".
func HumanBytes(n float64) string {
	units := []string{"B", "KiB", "MiB", "GiB", "TiB"}
	i := 0
	for math.Abs(n) >= 1024 && i < len(units)-1 {
		n /= 1024
		i++
	}
	if i == 0 {
		return fmt.Sprintf("%.0f B", n)
	}
	return fmt.Sprintf("%.2f %s", n, units[i])
}
