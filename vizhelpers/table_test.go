package vizhelpers

import (
	"strings"
	"testing"
)

func TestTableHTMLEscapes(t *testing.T) {
	tb := Table{
		Caption: "a <b> & c",
		Header:  []string{"name<script>", "bytes"},
		Rows:    [][]string{{`"quoted" & <i>`, "1,024 B"}},
		Note:    "x < y",
	}
	h := tb.HTML()
	for _, bad := range []string{"<b>", "<script>", "<i>", `"quoted"`, "x < y"} {
		if strings.Contains(h, bad) {
			t.Errorf("HTML contains unescaped %q: %s", bad, h)
		}
	}
	for _, good := range []string{"a &lt;b&gt; &amp; c", "name&lt;script&gt;", "&#34;quoted&#34; &amp; &lt;i&gt;", "x &lt; y"} {
		if !strings.Contains(h, good) {
			t.Errorf("HTML lacks escaped %q: %s", good, h)
		}
	}
}

func TestTableAlignment(t *testing.T) {
	tb := Table{
		Header: []string{"optimizer", "bytes", "mixed", "forced", "measured"},
		Rows: [][]string{
			{"SGD", "207,920 B", "12", "7", "–"},
			{"Adam", "−3.5", "none", "8", "1,024"},
			{"Nadam", ".5 KiB", "", "9", "n/a"},
		},
	}
	for i, want := range []byte{'l', 'r', 'l', 'r', 'r'} {
		if got := tb.align(i); got != want {
			t.Errorf("column %d: align %c, want %c", i, got, want)
		}
	}
	tb.Align = "llrcl" // an explicit alignment wins

	if got := tb.align(3); got != 'c' {
		t.Errorf("explicit column 3: align %c, want c", got)
	}
	if !strings.Contains(tb.HTML(), "text-align:center\">7</td>") {
		t.Errorf("HTML does not centre column 3: %s", tb.HTML())
	}
}

func TestHumanBytes(t *testing.T) {
	for i, tc := range []struct {
		n    float64
		want string
	}{
		{0, "0 B"}, {1023, "1023 B"}, {1024, "1.00 KiB"}, {207920, "203.05 KiB"},
		{7e9 * 2, "13.04 GiB"}, {-2048, "-2.00 KiB"},
	} {
		if got := HumanBytes(tc.n); got != tc.want {
			t.Errorf("%d: HumanBytes(%g) = %q, want %q", i, tc.n, got, tc.want)
		}
	}
}
