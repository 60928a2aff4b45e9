package brief

import (
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"github.com/casebuilder/casebuilder/casebuilder/internal/casetest"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdftest"
)

// The tests of the brief as it goes into a board pack: rounded headline
// figures that trace back to the exact ones, a glossary with every term
// said in words where the body first uses it, nothing of the tool's own,
// a payback month the chart agrees with, reserves that equal their lines,
// and the case's own paper size.

// parseRounded reads a figure as the cover and the summary write it
// ("€7.0M", "-£9.0M", "€52k", "€5,667", "136%", "above 99%", "2.2") and
// returns its value and half the unit of its last digit: the most the
// exact figure may differ from it. bound is -1 for "below", +1 for "above".
func parseRounded(t *testing.T, s string) (v, half float64, bound int) {
	t.Helper()
	switch {
	case strings.HasPrefix(s, "above "):
		bound, s = 1, strings.TrimPrefix(s, "above ")
	case strings.HasPrefix(s, "below "):
		bound, s = -1, strings.TrimPrefix(s, "below ")
	}
	m := regexp.MustCompile(`^(-?)[€$£]?([0-9,]+(?:\.([0-9]+))?)(k|M|bn|%)?$`).FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("%q is not a rounded figure", s)
	}
	x, err := strconv.ParseFloat(strings.ReplaceAll(m[2], ",", ""), 64)
	if err != nil {
		t.Fatal(err)
	}
	half = 0.5 * math.Pow(10, -float64(len(m[3])))
	scale := map[string]float64{"": 1, "k": 1e3, "M": 1e6, "bn": 1e9, "%": 0.01}[m[4]]
	if m[1] == "-" {
		x = -x
	}
	return x * scale, half * scale, bound
}

// checkRounded checks that a rounded figure is the exact one, rounded.
func checkRounded(t *testing.T, what, rounded string, exact float64) {
	t.Helper()
	v, half, bound := parseRounded(t, rounded)
	switch {
	case bound > 0 && !(exact > v):
		t.Errorf("%s: %q, but the exact figure is %v", what, rounded, exact)
	case bound < 0 && !(exact < v):
		t.Errorf("%s: %q, but the exact figure is %v", what, rounded, exact)
	case bound == 0 && math.Abs(exact-v) > half*(1+1e-9):
		t.Errorf("%s: %q is not %v rounded (±%v)", what, rounded, exact, half)
	}
}

// TestRoundingRules checks the executive rounding against figures rounded
// by hand, at the edges of each scale, in English and in German.
func TestRoundingRules(t *testing.T) {
	c := &casebuilder.Case{Currency: "EUR"}
	d := &doc{c: c, f: casebuilder.FormatFor(c)}
	for _, tt := range []struct {
		x    float64
		want string
	}{
		{0, "€0"}, {950.4, "€950"}, {5666.67, "€5,667"}, {-9999.4, "-€9,999"},
		{10_000, "€10k"}, {52_000, "€52k"}, {176_934, "€177k"}, {999_499, "€999k"},
		{999_500, "€1.0M"}, {1_403_000, "€1.4M"}, {7_006_578, "€7.0M"}, {-1_730_592, "-€1.7M"},
		{99_949_999, "€99.9M"}, {99_950_000, "€100M"}, {999_499_999, "€999M"}, {999_500_000, "€1.0bn"},
	} {
		if got := d.roundMoney(tt.x); got != tt.want {
			t.Errorf("roundMoney(%v) = %q, want %q", tt.x, got, tt.want)
		}
	}
	de := &doc{c: c, f: figure.NewFormat("EUR", language.German)}
	if got := de.roundMoney(7_006_578); got != "7,0M\u00a0€" {
		t.Errorf("German: %q", got)
	}
	ratio := func(x float64) *float64 { return &x }
	for _, tt := range []struct{ got, want string }{
		{d.roundPercent(1.361), "136%"},
		{d.roundPercent(0.105), "11%"},
		{d.roundIRR(ratio(2.18)), "above 100%"},
		{d.roundIRR(ratio(1)), "100%"},
		{d.roundIRR(ratio(0.338)), "34%"},
		{d.roundIRR(nil), "n/a"},
		{d.roundProbability(0.9975), "above 99%"},
		{d.roundProbability(0.975), "98%"},
		{d.roundProbability(1), "100%"},
		{d.roundProbability(0.004), "below 1%"},
		{d.roundProbability(0), "0%"},
		{d.roundRatio(ratio(2.2241)), "2.2"},
		{d.roundRatio(ratio(1.95)), "2.0"},
		{de.roundPercent(1.361), "136\u00a0%"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

// TestRounding checks the turnover brief's cover and summary: its figures
// rounded the way executives read them, against figures worked by hand
// and LibreOffice's NPV and IRR; and every rounded figure of every
// sample's summary against the app's exact figure.
func TestRounding(t *testing.T) {
	c := shared(t, "turnover")
	pages := pdftest.Pages(t, write(t, c, "a4"))
	cover, summary := pages[0], pages[1]
	// By hand (see TestFigures and TestGateBox): the cost of pain
	// €6,301,531 in year 1 and €7,561,837 in year 3; the first stage
	// €548,200 to the pilot review, €324,000 of it new cash (the reserve
	// of €52,000 included) and €224,200 of people's time; the whole
	// programme €1,993,200. LibreOffice: NPV €696,016, IRR 67.3 %.
	pdftest.MustContain(t, "the cover", cover, "Budget €548k for the first stage, up to the stage gate on 1 July 2027 (it goes on only if thresholds are met): €324k of new cash, the €52k reserve included, and €224k of people's time already paid. €2.0M over 36 months in all.")
	pdftest.MustContain(t, "the summary", summary, "€6.3M a year", "€7.6M a year in year 3", "€548k for the first stage", "€2.0M over 36 months in all",
		"Headline figures against doing nothing €696k 49% 1.4 December 2028 Net present value Return on investment Benefit-cost ratio Paid back in",
		"at which the NPV would be zero: 67%.", "€120k", "€60k", "€45k", "€90k")
	for _, exact := range []string{"6,301,531", "1,993,200", "548,200", "52,000", "696,016", "67.3%", "48.9%", "1.39"} {
		if strings.Contains(summary, exact) || strings.Contains(cover, exact) {
			t.Errorf("the cover or the summary gives the exact %s: the tables are for that", exact)
		}
	}

	for _, name := range []string{"turnover", "ramp", "stress"} {
		c := shared(t, name)
		an := analysed(c)
		rec := an.Result.RecommendedAlternative()
		pages := pdftest.Pages(t, write(t, c, "a4"))
		tiles := regexp.MustCompile(`Headline figures against doing nothing (\S+) (\S+) (\S+) .*? Net present value Return on investment Benefit-cost ratio`).FindStringSubmatch(pages[1])
		if tiles == nil {
			t.Fatalf("%s: no headline figures:\n%s", name, pages[1])
		}
		checkRounded(t, name+" NPV", tiles[1], rec.NPV)
		checkRounded(t, name+" ROI", tiles[2], *rec.ROI)
		checkRounded(t, name+" BCR", tiles[3], *rec.BCR)
		if m := regexp.MustCompile(`(\S+) a year is what the problem costs`).FindStringSubmatch(pages[1]); m == nil {
			t.Errorf("%s: no cost of the problem", name)
		} else {
			checkRounded(t, name+" cost of the problem", m[1], an.Result.Pain.Annual)
		}
		cov := regexp.MustCompile(`Budget (?:(\S+) for the first stage, .*?: (\S+) of new cash, the (\S+) reserve included.*?\. (\S+) over \d+ months in all\.|(\S+) over .*?, including a contingency reserve of (\S+)\.)`).FindStringSubmatch(pages[0])
		if cov == nil {
			t.Fatalf("%s: no budget on the cover:\n%s", name, pages[0])
		}
		if cov[1] != "" {
			gr := an.Result.Gates[slices.IndexFunc(c.Plan.Gates, func(g casebuilder.Gate) bool { return g.ID == c.Ask.UpToGate })]
			cash := 0.0
			for m := range gr.Month {
				cash += rec.CostsOf[casebuilder.Cash][m]
			}
			checkRounded(t, name+" first stage", cov[1], gr.SpentBefore)
			checkRounded(t, name+" first stage's cash", cov[2], cash)
			checkRounded(t, name+" reserve", cov[3], rec.Reserve)
			checkRounded(t, name+" budget", cov[4], rec.TotalCost)
		} else {
			checkRounded(t, name+" budget", cov[5], rec.TotalCost)
			checkRounded(t, name+" reserve", cov[6], rec.Reserve)
		}
		irr := regexp.MustCompile(`at which the NPV would be zero: (above \S+|\S+)\.`).FindStringSubmatch(pages[1])
		if irr == nil {
			t.Fatalf("%s: no IRR on the summary", name)
		}
		checkRounded(t, name+" IRR", irr[1], *rec.IRR)
		if *rec.IRR > 1 && !strings.HasPrefix(irr[1], "above 100") {
			t.Errorf("%s: an IRR of %v reads %q", name, *rec.IRR, irr[1])
		}
	}
}

// TestGlossary checks the glossary's terms and that the body's first use
// of each, in the brief's own words (the case's texts are the author's),
// says it in words.
func TestGlossary(t *testing.T) {
	terms := []struct {
		term  string // as the body first writes it
		words string // what it says beside it
		entry string // the glossary's entry begins so
		means string // and says
	}{
		{"NPV", "costs and benefits as worth today", "NPV, net present value", "worth today"},
		{"IRR", "the yearly rate at which the NPV would be zero", "IRR, internal rate of return", "the NPV would be zero"},
		{"ROI", "net benefit over cost, undiscounted (Phillips)", "ROI (Phillips), return on investment", "Phillips ROI Methodology"},
		{"BCR", "benefits per unit of cost, at today's value", "BCR, benefit-cost ratio", "present value of the benefits"},
		// Not "cash": the cash alone may never pay back (the cash NPV).
		{"Payback", "when benefits to date overtake costs for good", "Payback", "each month's benefits less its costs (every kind of money)"},
		{"P10", "one in ten is lower, one in ten higher", "P10, P50, P90", "eight in ten lie between them"},
		{"PERT", "a smooth curve from low to high, peaking at the likely value", "PERT", "peaking at its likely value"},
		{"contingency reserve", "the expected cost of its risks' contingency plans", "Contingency reserve", "A risk that concerns several alternatives is in the reserve of each"},
		// The terms of issues 12 and 13.
		{"stage gate", "goes on only if", "Stage gate", "to go on only if thresholds on the measures of success are met"},
		{"cash NPV", "new cash spent against costs no longer paid", "Cash NPV", "The NPV of the cash alone"},
		{"Break-even", "where the NPV would be zero", "Break-even", "at which the NPV would be zero"},
		{"fiscal year", "its financial year", "Fiscal year", "The company's financial year, from January"},
	}
	for _, name := range []string{"turnover", "ramp"} {
		c := shared(t, name)
		pages := pdftest.Pages(t, write(t, c, "a4"))
		all := strings.Join(pages[1:], " ")
		app := strings.Index(all, "A Appendix: terms, assumptions and working")
		if app < 0 {
			t.Fatal("no appendix")
		}
		body := withoutCaseTexts(c, all[:app])
		glossary := section(t, pages, "A.1 Terms used, and the basis of the figures", "A.2 Strategic context")
		for _, tm := range terms {
			pdftest.MustContain(t, name+"'s glossary", glossary, tm.entry+" ", tm.means)
			i := strings.Index(body, tm.term)
			if i < 0 {
				t.Errorf("%s: the body never uses %q", name, tm.term)
				continue
			}
			near := body[max(0, i-40):min(len(body), i+len(tm.term)+160)]
			if !strings.Contains(near, tm.words) {
				t.Errorf("%s: the first use of %q does not say it in words (%q):\n…%s…", name, tm.term, tm.words, near)
			}
		}
	}
}

// withoutCaseTexts is text with every text of the case taken out, the
// longest first, so that what is left is the brief's own words.
func withoutCaseTexts(c *casebuilder.Case, text string) string {
	var texts []string
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			// Free text, not the short names and IDs the brief's own
			// words may share.
			if s := strings.Join(strings.Fields(v.String()), " "); len(s) > 24 {
				texts = append(texts, s)
			}
		case reflect.Struct:
			for i := range v.NumField() {
				walk(v.Field(i))
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			for _, k := range v.MapKeys() {
				walk(v.MapIndex(k))
			}
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		}
	}
	walk(reflect.ValueOf(c).Elem())
	slices.SortFunc(texts, func(a, b string) int { return len(b) - len(a) })
	for _, s := range texts {
		text = strings.ReplaceAll(text, s, " ")
	}
	return text
}

// TestNothingOfTheTool checks that no field path, rule name or file name
// appears anywhere in the brief, with or without the CEO review, for
// every sample and for drafts whose review finds invalid values.
func TestNothingOfTheTool(t *testing.T) {
	invalid := casetest.Sample(t, "turnover")
	invalid.Alternatives[1].Costs[0].Amount = casebuilder.Exactly(-500) // a finding with its path
	invalid.Risks[0].Likelihood = 1.5
	cases := map[string]*casebuilder.Case{
		"turnover": shared(t, "turnover"), "ramp": shared(t, "ramp"), "stress": shared(t, "stress"),
		"invalid": invalid, "draft": {SchemaVersion: casebuilder.SchemaVersion, Currency: "EUR"},
	}
	var rules []string
	for _, r := range casebuilder.Rules() {
		rules = append(rules, r.Name)
	}
	for name, c := range cases {
		for _, review := range []bool{false, true} {
			out, err := Write(c, Options{Now: fixed, Analysis: analysed(c), WithReview: review})
			if err != nil {
				t.Fatal(err)
			}
			txt := briefText(t, out)
			for _, s := range append([]string{"pain.", "alternatives[", "risks[", "plan.milestones", "measures[", "recommendation.", "criteria[", ".hrcase", ".xlsx", "casebuilder"}, rules...) {
				if i := strings.Index(txt, s); i >= 0 {
					t.Errorf("%s (review %v): the brief has %q: …%s…", name, review, s, txt[max(0, i-60):min(len(txt), i+60)])
				}
			}
			if review != strings.Contains(txt, "The CEO review") {
				t.Errorf("%s: the CEO review is there %v, asked for %v", name, !review, review)
			}
		}
	}
}

// TestPaidBackIn checks the payback month in the turnover brief against
// LibreOffice's payback (22.52 months, still in deficit at the end of
// month 22, November 2028), and that the cumulative chart shades that very
// month, its net line crossing zero inside it.
func TestPaidBackIn(t *testing.T) {
	c := shared(t, "turnover")
	lo := oracle(t)["turnover/onboarding"]["payback"]
	month := int(math.Ceil(lo)) // the month LibreOffice's interpolation falls in
	if month != 23 {
		t.Fatalf("LibreOffice's payback %v is in month %d, not 23", lo, month)
	}
	d := newDoc(c, paperOf(t, "a4"), fixed, analysed(c))
	d.write()
	pb := d.log.paidBack
	if !pb.drawn || pb.month != month || pb.crossing < float64(month) || pb.crossing > float64(month+1) {
		t.Errorf("the chart shades month %d and crosses zero at %.2f months; want month %d, crossing inside it", pb.month, pb.crossing, month)
	}
	txt := briefText(t, write(t, c, "a4"))
	pdftest.MustContain(t, "the brief", txt, "Paid back in December 2028", "1.4 December 2028 Net present value", "Dec 2028",
		"Each point is the cumulative figure at the end of a month. "+casebuilder.PaybackConvention)
	if strings.Contains(txt, "22.5 months") || strings.Contains(txt, "November 2028)") {
		t.Error("the brief still gives the payback as months that read as November 2028")
	}
}

// TestReserveLines checks that wherever a reserve is broken down, a risk
// that concerns several alternatives is a line of each, and each reserve
// equals its lines: worked by hand for the turnover sample, where R7
// (15 % × €60,000 = €9,000) concerns all three alternatives.
func TestReserveLines(t *testing.T) {
	c := shared(t, "turnover")
	pdf := write(t, c, "a4")
	lines := layoutLines(t, pdf)
	// The appendix's table: a line a risk, its share in the column of
	// each alternative it concerns, then each reserve.
	start := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "Their risks and contingency reserves") })
	if start < 0 {
		t.Fatal("no reserves in the appendix")
	}
	byHand := []struct {
		risk  string
		cells string // likelihood, plan cost, share of compensation's reserve, of hiring's
	}{
		{"R4 ", "50.0% €35,000 €17,500 –"},     // 50 % × €35,000
		{"R5 ", "50.0% €150,000 €75,000 –"},    // 50 % × €150,000
		{"R6 ", "30.0% €15,000 – €4,500"},      // 30 % × €15,000
		{"R7 ", "15.0% €60,000 €9,000 €9,000"}, // in both, and in the recommendation's
	}
	var table []string
	for _, l := range lines[start+1:] {
		if strings.HasPrefix(l, "A.5 ") {
			break
		}
		table = append(table, l)
	}
	all := strings.Join(table, "\n")
	for _, w := range byHand {
		if !slices.ContainsFunc(table, func(l string) bool { return strings.HasPrefix(l, w.risk) && strings.HasSuffix(l, w.cells) }) {
			t.Errorf("no line %q … %q in the reserves:\n%s", w.risk, w.cells, all)
		}
	}
	// 17,500 + 75,000 + 9,000 and 4,500 + 9,000.
	if !slices.ContainsFunc(table, func(l string) bool { return l == "Contingency reserve €101,500 €13,500" }) {
		t.Errorf("the reserves do not add up to €101,500 and €13,500:\n%s", all)
	}
	an := analysed(c)
	for id, want := range map[string]float64{"compensation": 101500, "hiring": 13500} {
		if got := an.Result.Alternatives[c.AlternativeByID(id)].Reserve; got != want {
			t.Errorf("%s: the analysis reserves %v, by hand %v", id, got, want)
		}
	}
	// Section 4 breaks down the recommendation's: R1 €27,000, R2 €8,000,
	// R3 €8,000, R7 €9,000, €52,000 in all.
	txt := strings.Join(lines, " ")
	from := strings.Index(txt, "Risks and contingency plans")
	risks := txt[from : from+strings.Index(txt[from:], "The other alternatives' risks")]
	pdftest.MustContain(t, "the risks", risks, "reserve €27,000", "reserve €8,000", "reserve €9,000", "Contingency reserve €52,000")
	pdftest.MustContain(t, "the reserves", strings.Join(strings.Fields(briefText(t, pdf)), " "),
		"Also in the recommendation's reserve (section 4).", "Owner: Søren Ødegård, Head of Reward.")
}

// TestCasePaper checks that the case's own paper size is the brief's, and
// that a paper size given to Write wins over it.
func TestCasePaper(t *testing.T) {
	c := casetest.Sample(t, "ramp")
	c.Paper = casebuilder.PaperLetter
	an := casebuilder.Analyse(c, casebuilder.AnalysisOptions{SkipSimulation: true})
	own, err := Write(c, Options{Now: fixed, Analysis: an})
	if err != nil {
		t.Fatal(err)
	}
	a4, err := Write(c, Options{Now: fixed, Analysis: an, Paper: "a4"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(own), "/MediaBox [0 0 612.00 792.00]") || strings.Contains(string(a4), "/MediaBox [0 0 612.00 792.00]") {
		t.Error("the case's Letter is not the brief's, or the paper asked for does not win over it")
	}
}
