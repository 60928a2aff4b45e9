package brief

import (
	"html"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/internal/casetest"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdftest"
)

// worldNames are names in every script the brief must print as written,
// each with a role and a contribution in the same script.
var worldNames = []casebuilder.Contributor{
	{Name: "王芳", Role: "销售副总裁", Contribution: "提供了华东区的离职数据和访谈记录，并审核了每一步成本计算（包括空缺成本）。"},
	{Name: "陳志明", Role: "台灣區業務經理", Contribution: "提供了台灣區的招聘數據與培訓紀錄。"},
	{Name: "佐藤 健", Role: "営業本部長", Contribution: "東京チームの採用データと「オンボーディング」の評価を提供した。"},
	{Name: "김민준", Role: "영업 이사", Contribution: "서울 지사의 이직률 자료를 제공했습니다."},
	{Name: "สมชาย ใจดี", Role: "ผู้จัดการฝ่ายขาย", Contribution: "ให้ข้อมูลการลาออกของพนักงานขาย"},
	{Name: "नेहा शर्मा", Role: "मानव संसाधन प्रमुख", Contribution: "प्रशिक्षण कार्यक्रम की लागत का अनुमान लगाया।"},
	{Name: "محمد العلي", Role: "مدير المبيعات", Contribution: "قدم بيانات الدوران لعام 2026 في الرياض."},
	{Name: "דוד כהן", Role: "סמנכ״ל מכירות", Contribution: "סיפק את נתוני העזיבה של 2025."},
}

// worldCase is the turnover sample credited to people named in every
// script, with a right-to-left name inside left-to-right lines.
func worldCase(t testing.TB) *casebuilder.Case {
	c := casetest.Sample(t, "turnover")
	c.Contributors = append(append([]casebuilder.Contributor(nil), worldNames...), casebuilder.Contributor{
		Name: "José Müller-Øberg", Role: "VP Sales DACH",
		Contribution: "Sponsored the analysis; thanks to محمد العلي (VP Sales, 2027) and 王芳 for the data.",
	})
	c.Risks[0].Owner = "محمد العلي (VP Sales, 2027)"
	c.Plan.Milestones[0].Owner = "नेहा शर्मा, HR"
	return c
}

// withoutBidiMarks drops the directional marks pdftotext puts around
// right-to-left text (U+202B ... U+202C) and any other bidi control.
func withoutBidiMarks(s string) string {
	return strings.Map(func(r rune) rune {
		if r == 0x200E || r == 0x200F || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) {
			return -1
		}
		return r
	}, s)
}

// TestEveryScript writes a brief crediting names in Chinese (simplified
// and traditional), Japanese, Korean, Thai, Devanagari, Arabic and Hebrew,
// and reads it back with pdftotext: every name, role and contribution
// comes back as it was typed (pdftotext puts right-to-left text back into
// its logical order itself), and every font is embedded.
func TestEveryScript(t *testing.T) {
	c := worldCase(t)
	pdf, err := Write(c, Options{Now: fixed, Paper: "a4"})
	if err != nil {
		t.Fatal(err)
	}
	txt := withoutBidiMarks(pdftest.Poppler(t, pdf, "pdftotext", "-enc", "UTF-8"))
	lines := map[string]bool{}
	for _, l := range strings.Split(txt, "\n") {
		lines[strings.TrimSpace(l)] = true
	}
	squeezed := strings.Join(strings.Fields(txt), "")
	for _, p := range worldNames {
		// The acknowledgements are a compact list: a name and its role
		// come back whole, within their line.
		for _, s := range []string{p.Name, p.Role} {
			if !containsWhole(lines, s) {
				t.Errorf("%q does not come back from the brief whole", s)
			}
		}
		// A contribution may wrap; pdftotext gives back right-to-left text
		// with numbers in an order of its own (its reading of a line is
		// left to right), so those are checked by place, below.
		if !strings.ContainsAny(p.Contribution, "0123456789") && !strings.Contains(squeezed, strings.Join(strings.Fields(p.Contribution), "")) {
			t.Errorf("%q does not come back from the brief", p.Contribution)
		}
	}

	rows := pdftest.Fonts(t, pdf)
	want := map[string]bool{"utf8dejavu": false, "utf8dejavuB": false, "utf8pdftext-cjk": false,
		"utf8pdftext-arab": false, "utf8pdftext-hebr": false, "utf8pdftext-deva": false, "utf8pdftext-thai": false}
	for _, l := range rows {
		name := strings.Fields(l)[0]
		if _, ok := want[name]; ok {
			want[name] = true
		}
	}
	for name, seen := range want {
		if !seen {
			t.Errorf("pdffonts does not list %s:\n%s", name, strings.Join(rows, "\n"))
		}
	}

	// Where each word falls on the page, left to right: pdftotext -bbox
	// gives the words of right-to-left text as drawn, their letters in
	// visual order.
	words := bboxWords(t, pdf)
	// An Arabic name in an English line stays in its place, its first
	// word on the right, and what follows it keeps its order.
	assertOrder(t, words, "thanks", "to", rev("العلي"), rev("محمد"), "(VP", "Sales,", "2027)", "and", "王")
	// A right-to-left paragraph reads from the right, the number in it
	// in its place and its digits in order, the full stop at its left end.
	assertOrder(t, words, ".", rev("الرياض"), rev("في"), "2026", rev("لعام"), rev("الدوران"), rev("بيانات"), rev("قدم"))
	assertOrder(t, words, rev("של"), rev("העזיבה"), rev("נתוני"), rev("את"), rev("סיפק"))
}

// rev reverses a word's letters: its visual order, right to left.
func rev(s string) string {
	rs := []rune(s)
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	return string(rs)
}

// placedWord is a word on a page, as pdftotext -bbox gives it.
type placedWord struct {
	s    string
	page int
	x, y float64
}

var bboxWord = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="[0-9.]+" yMax="[0-9.]+">([^<]*)</word>`)

func bboxWords(t *testing.T, pdf []byte) []placedWord {
	var out []placedWord
	for i, page := range strings.Split(pdftest.Poppler(t, pdf, "pdftotext", "-bbox"), "<page ")[1:] {
		for _, m := range bboxWord.FindAllStringSubmatch(page, -1) {
			x, _ := strconv.ParseFloat(m[1], 64)
			y, _ := strconv.ParseFloat(m[2], 64)
			out = append(out, placedWord{html.UnescapeString(m[3]), i + 1, x, y})
		}
	}
	return out
}

// assertOrder checks that a line of the brief has the given words side by
// side from left to right: each word's text holds the one wanted (a word
// may carry punctuation), on the line of the first.
func assertOrder(t *testing.T, words []placedWord, want ...string) {
	t.Helper()
	for i, w := range words {
		if !strings.Contains(w.s, want[0]) {
			continue
		}
		var line []placedWord
		for _, o := range words[max(0, i-40):min(len(words), i+40)] {
			// A run marked with its text is one "word" to pdftotext,
			// spaces and all, and its box is as tall as its font's.
			if o.page == w.page && o.y > w.y-4 && o.y < w.y+4 && o.x >= w.x {
				line = append(line, o)
			}
		}
		sort.Slice(line, func(a, b int) bool { return line[a].x < line[b].x })
		var b strings.Builder
		for _, o := range line {
			b.WriteString(o.s + " ")
		}
		rest, ok := b.String(), true
		for _, want := range want {
			k := strings.Index(rest, want)
			if k < 0 {
				ok = false
				break
			}
			rest = rest[k+len(want):]
		}
		if ok {
			return
		}
	}
	t.Errorf("no line of the brief reads, left to right, %q", want)
}

// TestScriptsCostOnlyWhereUsed checks that a brief in Latin script alone
// embeds DejaVu Sans Condensed only, and that a brief that uses one more
// script embeds that script's font and no other.
func TestScriptsCostOnlyWhereUsed(t *testing.T) {
	fontsOf := func(c *casebuilder.Case) []string {
		pdf, err := Write(c, Options{Now: fixed, Paper: "a4", Analysis: analysed(c)})
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, l := range strings.Split(strings.TrimSpace(pdftest.Poppler(t, pdf, "pdffonts")), "\n")[2:] {
			names = append(names, strings.Fields(l)[0])
		}
		return names
	}
	if got := strings.Join(fontsOf(shared(t, "turnover")), " "); strings.Contains(got, "pdftext") {
		t.Errorf("a brief in Latin script embeds %s", got)
	}
	c := casetest.Sample(t, "turnover")
	c.Contributors[0].Name = "דוד כהן"
	got := strings.Join(fontsOf(c), " ")
	if !strings.Contains(got, "pdftext-hebr") || strings.Contains(got, "pdftext-cjk") || strings.Contains(got, "pdftext-arab") {
		t.Errorf("a brief with one Hebrew name embeds %s", got)
	}
}

// BenchmarkWriteEveryScript measures the brief of worldCase, given its
// analysis: the cost of shaping and of the script fonts.
func BenchmarkWriteEveryScript(b *testing.B) {
	c := worldCase(b)
	an := casebuilder.Analyse(c, casebuilder.AnalysisOptions{})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Write(c, Options{Now: fixed, Paper: "a4", Analysis: an}); err != nil {
			b.Fatal(err)
		}
	}
}

// containsWhole reports whether one of the lines holds s as typed.
func containsWhole(lines map[string]bool, s string) bool {
	for l := range lines {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}
