package brief

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/internal/casetest"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdftest"
)

// section returns the text of the brief from the first from after the
// contents on the cover to the next to (or the end when to is "").
func section(t *testing.T, pages []string, from, to string) string {
	t.Helper()
	all := strings.Join(pages[1:], " ")
	i := strings.Index(all, from)
	if i < 0 {
		t.Fatalf("no %q in the brief", from)
	}
	s := all[i:]
	if to != "" {
		if j := strings.Index(s[len(from):], to); j >= 0 {
			s = s[:len(from)+j]
		}
	}
	return s
}

// layoutLines is the brief's text laid out as on the page (pdftotext
// -layout), line by line, every run of white space made one space.
func layoutLines(t *testing.T, pdf []byte) []string {
	var out []string
	for _, l := range strings.Split(pdftest.Poppler(t, pdf, "pdftotext", "-layout", "-enc", "UTF-8"), "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// TestSummaryCitesSimulation checks that the executive summary cites the
// simulation of the recommendation, P10 to P90 and the probability that
// its NPV is positive, as Format writes the analysis's figures, with the
// trials and the seed; and that the options reach the simulation.
func TestSummaryCitesSimulation(t *testing.T) {
	for _, tc := range []struct {
		name string
		sim  casebuilder.SimulationOptions
	}{
		{"turnover", casebuilder.SimulationOptions{}},
		{"turnover", casebuilder.SimulationOptions{Trials: 2000, Seed: 7, Distribution: casebuilder.Triangular}},
		{"ramp", casebuilder.SimulationOptions{}},
		{"stress", casebuilder.SimulationOptions{}},
	} {
		t.Run(fmt.Sprintf("%s-%d-%d", tc.name, tc.sim.Trials, tc.sim.Seed), func(t *testing.T) {
			c := shared(t, tc.name)
			var an *casebuilder.Analysis
			if tc.sim == (casebuilder.SimulationOptions{}) {
				an = analysed(c)
			} else {
				an = casebuilder.Analyse(c, casebuilder.AnalysisOptions{Simulation: tc.sim})
			}
			// The brief runs its own simulation from the options (but for
			// the stress sample, whose simulation is slow); the figures it
			// prints must be the analysis's.
			opts := Options{Now: fixed, Simulation: tc.sim}
			if tc.name == "stress" {
				opts.Analysis = an
			}
			out, err := Write(c, opts)
			if err != nil {
				t.Fatal(err)
			}
			pages := pdftest.Pages(t, out)
			f := casebuilder.FormatFor(c)
			rec := an.Simulation.Alternatives[an.Result.Recommended]
			trials := f.Number(float64(an.Simulation.Trials), 0)
			// The summary rounds the simulation's figures: each is the
			// exact figure to within the rounding.
			// The simulation draws the risks too, and the summary says so.
			if !rec.IncludesRisks {
				t.Fatal("the simulation does not draw the risks")
			}
			m := regexp.MustCompile(`Simulated NPV, the risks included: (\S+) to (\S+) in eight outcomes of ten \(P10 to P90: one in ten is lower, one in ten higher\); (\S+(?: \S+%)?) probability that it is positive\.`).FindStringSubmatch(pages[1])
			if m == nil {
				t.Fatalf("the summary does not cite the simulation:\n%s", pages[1])
			}
			checkRounded(t, "P10", m[1], rec.NPVP10)
			checkRounded(t, "P90", m[2], rec.NPVP90)
			checkRounded(t, "probability", m[3], rec.ProbNPVPositive)
			pdftest.MustContain(t, "the summary", strings.Join(pages[1:], " "), trials+" times (seed "+fmt.Sprint(an.Simulation.Seed)+")",
				"The figures include the risks happening: in each trial every risk happens or not with its likelihood")
			if tc.sim.Trials == 2000 {
				pdftest.MustContain(t, "the brief", strings.Join(pages[1:], " "), "2,000 times (seed 7)", "from a triangular distribution")
			}
			// The table of section 2 has every alternative's percentiles.
			unc := section(t, pages, "Uncertainty: the range of outcomes", "3 Financials of the recommendation")
			for _, a := range an.Simulation.Alternatives {
				pdftest.MustContain(t, "the simulated outcomes", unc, a.Name, f.Money(a.NPVP10)+" "+f.Money(a.NPVP50)+" "+f.Money(a.NPVP90)+" "+f.Maybe(a.ROIP50, f.Percent)+" "+f.Percent(a.ProbNPVPositive))
			}
			pdftest.MustContain(t, "the histogram", unc, "Simulated NPV of "+rec.Name, "P10 "+f.MoneyShort(rec.NPVP10), "P50 "+f.MoneyShort(rec.NPVP50), "P90 "+f.MoneyShort(rec.NPVP90))
		})
	}
}

// TestScoring checks that the weighted scoring prints each alternative's
// scores, weighted score and rank as worked out by hand from the samples'
// files (weights × scores, ties sharing a rank), and that the analysis the
// brief shows has the same.
func TestScoring(t *testing.T) {
	type want struct {
		scores string // the scores in the criteria's order, "–" for none
		total  string
		rank   int
	}
	byHand := map[string]map[string]want{
		// Financial return (30 %), people (20 %), mission (15 %), risk
		// (15 %), time (10 %), ease (10 %):
		//   do nothing   1 1 2 2 1 5: .3+.2+.3+.3+.1+.5   = 1.70
		//   onboarding   5 5 4 3 3 3: 1.5+1+.6+.45+.3+.3 = 4.15
		//   compensation 2 3 3 2 3 2: .6+.6+.45+.3+.3+.2 = 2.45
		//   hiring       2 3 3 4 2 4: .6+.6+.45+.6+.2+.4 = 2.85
		"turnover": {
			"nothing":      {"1 1 2 2 1 5", "1.70", 4},
			"onboarding":   {"5 5 4 3 3 3", "4.15", 1},
			"compensation": {"2 3 3 2 3 2", "2.45", 3},
			"hiring":       {"2 3 3 4 2 4", "2.85", 2},
		},
		// The same weights; financial return is scored from the NPV,
		// round(1 + 4 × (NPV − lowest) / (highest − lowest)), with the
		// NPVs of LibreOffice (testdata/libreoffice.tsv): do nothing $0,
		// academy $2,876,314, mentors $2,100,519, experienced
		// -$1,975,266, so 1 + 4 × 1,975,266 / 4,851,580 = 2.63 gives 3
		// for doing nothing and 1 + 4 × 4,075,785 / 4,851,580 = 4.36
		// gives 4 for the mentors.
		//   do nothing   3 2 2 3 1 5: .9+.4+.3+.45+.1+.5   = 2.65
		//   academy      5 4 5 3 3 2: 1.5+.8+.75+.45+.3+.2 = 4.00
		//   mentors      4 4 4 2 4 4: 1.2+.8+.6+.3+.4+.4   = 3.70
		//   experienced  1 2 3 2 5 3: .3+.4+.45+.3+.5+.3   = 2.25
		"ramp": {
			"nothing":     {"3 2 2 3 1 5", "2.65", 3},
			"academy":     {"5 4 5 3 3 2", "4.00", 1},
			"mentors":     {"4 4 4 2 4 4", "3.70", 2},
			"experienced": {"1 2 3 2 5 3", "2.25", 4},
		},
		// Financial return (40 %), people (30 %), ease (30 %); doing
		// nothing is not scored, so it counts 0 and ranks last. Two tie
		// for second place, and the next rank is 4.
		"stress": {
			"nothing": {"– – –", "–", 13},
			"alt-01":  {"5 4 2", "3.80", 4},  // 2 + 1.2 + .6
			"alt-02":  {"5 3 2", "3.50", 6},  // 2 + .9 + .6
			"alt-03":  {"2 5 1", "2.60", 10}, // .8 + 1.5 + .3
			"alt-04":  {"5 4 5", "4.70", 2},  // 2 + 1.2 + 1.5
			"alt-05":  {"5 3 1", "3.20", 8},  // 2 + .9 + .3
			"alt-06":  {"5 5 5", "5.00", 1},
			"alt-07":  {"4 4 2", "3.40", 7},  // 1.6 + 1.2 + .6
			"alt-08":  {"4 2 2", "2.80", 9},  // 1.6 + .6 + .6
			"alt-09":  {"3 4 4", "3.60", 5},  // 1.2 + 1.2 + 1.2
			"alt-10":  {"3 1 2", "2.10", 11}, // 1.2 + .3 + .6
			"alt-11":  {"5 4 5", "4.70", 2},  // as alt-04
			"alt-12":  {"2 1 1", "1.40", 12}, // .8 + .3 + .3
		},
	}
	for _, name := range []string{"turnover", "ramp", "stress"} {
		t.Run(name, func(t *testing.T) {
			c := shared(t, name)
			an := analysed(c)
			f := casebuilder.FormatFor(c)
			pdf := write(t, c, "a4")
			pages := pdftest.Pages(t, pdf)
			txt := section(t, pages, "Weighted scoring", "Uncertainty")
			lines := layoutLines(t, pdf)
			if len(an.Scores.Alternatives) != len(byHand[name]) {
				t.Fatalf("%d alternatives scored, %d worked by hand", len(an.Scores.Alternatives), len(byHand[name]))
			}
			for _, as := range an.Scores.Alternatives {
				w, ok := byHand[name][as.ID]
				if !ok {
					t.Fatalf("no hand-worked scores for %s", as.ID)
				}
				// The analysis the brief shows ...
				total := f.Number(as.WeightedTotal, 2)
				if len(as.Unscored) == len(as.Criteria) {
					total = "–"
				}
				if total != w.total || as.Rank != w.rank {
					t.Errorf("%s: the analysis has %s, rank %d; by hand %s, rank %d", as.ID, total, as.Rank, w.total, w.rank)
				}
				// ... and the brief prints the hand-worked row: each row's
				// first line, as laid out, is the scores, the weighted score
				// and the rank (notes such as "tied" are on its next line).
				row := w.scores + " " + w.total + " " + fmt.Sprint(w.rank)
				found := false
				for _, l := range lines {
					// The line starts with the name, or its first line.
					head, ok := strings.CutSuffix(l, " "+row)
					found = found || ok && strings.HasPrefix(as.Name, head)
				}
				if !found {
					t.Errorf("no row %q for %q in the weighted scoring", row, as.Name)
				}
				pdftest.MustContain(t, "the weighted scoring", txt, as.Name)
			}
			if name == "ramp" {
				// The ramp sample scores its financial return from the NPV.
				pdftest.MustContain(t, "the weighted scoring", txt, "Financial return (30.0%)*", "* Scored automatically: Financial return from the NPV")
				pdftest.MustContain(t, "the reasons", section(t, pages, "Reasons for the impact and the scores", "Risks and reserves"), "Financial return, 5 (automatic): Scored from the NPV")
			}
		})
	}
}

// TestNotTopRanked checks that a recommendation the scoring does not rank
// first gives the case's reason, and that without one the summary says
// plainly that the case is not ready, in words of its own: no score, no
// field, no rule; the CEO review lists it when the author asks for it.
func TestNotTopRanked(t *testing.T) {
	c := casetest.Sample(t, "turnover")
	c.Recommendation.Alternative = "hiring" // ranked 2nd, behind onboarding
	c.Recommendation.WhyNotTopRanked = "The only alternative the budget allows this year; onboarding follows next year."
	pages := pdftest.Pages(t, write(t, c, "a4"))
	txt := section(t, pages, "Weighted scoring", "Uncertainty")
	pdftest.MustContain(t, "the weighted scoring", txt,
		"Sharper hiring profile and assessment ranks 2nd on the weighted criteria, with a weighted score of 2.85, behind “Structured onboarding and coaching”.",
		"Why it is chosen The only alternative the budget allows this year; onboarding follows next year.")
	if strings.Contains(pages[1], "Not ready") {
		t.Errorf("the summary calls a case without blocking findings not ready:\n%s", pages[1])
	}

	c = casetest.Sample(t, "turnover")
	c.Recommendation.Alternative = "hiring"
	an := analysed(c)
	if !casebuilder.HasBlocking(an.Review) {
		t.Fatal("the review does not block a recommendation below the top rank without a reason")
	}
	first := an.Review[0]
	pages = pdftest.Pages(t, write(t, c, "a4"))
	pdftest.MustContain(t, "the summary", pages[1], "Not ready for decision: 1 point would still sink the case. "+strings.Join(strings.Fields(first.Message), " "))
	pdftest.MustContain(t, "the weighted scoring", section(t, pages, "Weighted scoring", "Uncertainty"),
		"The case does not yet say why it is recommended all the same, and a decision should not be taken until it does.")
	all := strings.Join(pages, " ")
	for _, tool := range []string{"readiness", "CEO review", "whyNotTopRanked", first.Rule} {
		if strings.Contains(all, tool) {
			t.Errorf("the brief says %q", tool)
		}
	}

	out, err := Write(c, Options{Now: fixed, Analysis: an, WithReview: true})
	if err != nil {
		t.Fatal(err)
	}
	pages = pdftest.Pages(t, out)
	pdftest.MustContain(t, "the summary", pages[1], "All are listed in appendix A.6.")
	rev := section(t, pages, "A.6 The CEO review", "")
	pdftest.MustContain(t, "the review", rev, fmt.Sprintf("%d/100 is the readiness of this case", an.Readiness),
		"Blocking "+first.Message, "Compare Recommendation, why not top ranked")
	if strings.Contains(rev, "recommendation.whyNotTopRanked") {
		t.Errorf("the review names a field path:\n%s", rev)
	}
}

// TestAppendixAnalysis checks the tornado in the financials, the table of
// every estimate with its break-even under it and, when asked for, the
// CEO review.
func TestAppendixAnalysis(t *testing.T) {
	for _, name := range []string{"turnover", "stress"} {
		t.Run(name, func(t *testing.T) {
			c := shared(t, name)
			an := analysed(c)
			f := casebuilder.FormatFor(c)
			out, err := Write(c, Options{Now: fixed, Analysis: an, WithReview: true})
			if err != nil {
				t.Fatal(err)
			}
			pages := pdftest.Pages(t, out)
			tor := section(t, pages, "What moves the NPV most", "4 Risks and contingencies")
			top := an.Tornado.Drivers[0]
			pdftest.MustContain(t, "the tornado", tor,
				fmt.Sprintf("The NPV of %s is %s with every estimate at its likely value.", an.Tornado.Name, f.Money(an.Tornado.BaseNPV)),
				"Likely NPV "+f.Money(an.Tornado.BaseNPV),
				// The chart's first bar is the top driver, labelled.
				top.Input, f.Value(top.Low, top.Unit)+" to "+f.Value(top.High, top.Unit),
				f.MoneyShort(top.NPVLow), f.MoneyShort(top.NPVHigh))
			// Each estimate's row of the break-even table, as laid out:
			// the first word of its name, then its NPV at its low and at
			// its high value.
			lines := layoutLines(t, out)
			for _, dr := range an.Tornado.Drivers {
				head := strings.Fields(dr.Input)[0] + " "
				figures := " " + f.Money(dr.NPVLow) + " " + f.Money(dr.NPVHigh) + " "
				if !slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, head) && strings.Contains(l, figures) }) {
					t.Errorf("no row %q … %q in the table of estimates", head, figures)
				}
			}
			rev := section(t, pages, "The CEO review", "")
			pdftest.MustContain(t, "the review", rev, fmt.Sprintf("%d/100 is the readiness of this case", an.Readiness))
			for _, x := range an.Review[:min(3, len(an.Review))] {
				pdftest.MustContain(t, "the review", rev, x.Message)
			}
			blocking := strings.Contains(pages[1], "Not ready for decision")
			if blocking != casebuilder.HasBlocking(an.Review) {
				t.Errorf("the summary says not ready: %v; the review blocks: %v", blocking, casebuilder.HasBlocking(an.Review))
			}
			switch name {
			case "turnover":
				// The reworked sample passes the review with nothing to say.
				pdftest.MustContain(t, "the review", rev, "100/100", "no blocking findings, no warnings and no pieces of advice",
					"The review finds nothing a sceptical CEO would object to.")
				if top.Input != "Months to full productivity" {
					t.Errorf("top driver %q", top.Input)
				}
			case "stress":
				// 151 findings of one rule: five are listed and the rest
				// counted, the rule not named; and the count of every
				// finding left out, counted here rule by rule.
				byRule := map[string]int{}
				for _, x := range an.Review {
					if x.Severity != casebuilder.Blocking {
						byRule[string(x.Severity)+"/"+x.Rule]++
					}
				}
				left := 0
				for _, n := range byRule {
					left += max(0, n-5)
				}
				pdftest.MustContain(t, "the review", rev, "… and 146 more findings of the same kind.",
					fmt.Sprintf("%d findings of the kinds above are not listed; the Review step lists every one.", left))
			}
		})
	}
}

// TestAnalysisGiven checks that a brief that runs the analysis itself, one
// given the analysis, and one given an analysis without the simulation
// are the same bytes, whatever the number of cores; and that an analysis
// of another case or simulation options out of range are refused.
func TestAnalysisGiven(t *testing.T) {
	c := casetest.Sample(t, "turnover")
	own, err := Write(c, Options{Now: fixed})
	if err != nil {
		t.Fatal(err)
	}
	for name, opts := range map[string]Options{
		"given":          {Now: fixed, Analysis: casebuilder.Analyse(c, casebuilder.AnalysisOptions{})},
		"no simulation":  {Now: fixed, Analysis: casebuilder.Analyse(c, casebuilder.AnalysisOptions{SkipSimulation: true})},
		"one core":       {Now: fixed, Simulation: casebuilder.SimulationOptions{Workers: 1}},
		"explicit":       {Now: fixed, Simulation: casebuilder.SimulationOptions{Trials: casebuilder.DefaultTrials, Seed: 0, Distribution: casebuilder.PERT}},
		"analysed twice": {Now: fixed},
	} {
		got, err := Write(c, opts)
		if err != nil || !bytes.Equal(got, own) {
			t.Errorf("%s: differs from the brief that analyses the case itself (%v)", name, err)
		}
		if name == "no simulation" && opts.Analysis.Simulation != nil {
			t.Error("the brief changed the analysis it was given")
		}
	}
	other, err := Write(c, Options{Now: fixed, Simulation: casebuilder.SimulationOptions{Seed: 1}})
	if err != nil || bytes.Equal(other, own) {
		t.Errorf("another seed gives the same brief (%v)", err)
	}
	if _, err := Write(c, Options{Now: fixed, Analysis: casebuilder.Analyse(casetest.Sample(t, "turnover"), casebuilder.AnalysisOptions{SkipSimulation: true})}); err == nil || !strings.Contains(err.Error(), "analysis given is of another case") {
		t.Errorf("an analysis of another case: %v", err)
	}
	for _, sim := range []casebuilder.SimulationOptions{{Trials: casebuilder.MaxTrials + 1}, {Trials: -1}, {Distribution: "uniform"}} {
		if _, err := Write(c, Options{Now: fixed, Simulation: sim}); err == nil || !strings.HasPrefix(err.Error(), "simulation: ") {
			t.Errorf("%+v: %v", sim, err)
		}
	}
}

// BenchmarkWriteStressAnalysing measures the brief of the stress sample
// when the brief runs the analysis itself, 10,000 trials of the
// simulation included, as `casebuilder export --pdf` does. The desktop
// app passes the analysis it has already run (BenchmarkWriteStress).
func BenchmarkWriteStressAnalysing(b *testing.B) {
	c := casetest.Sample(b, "stress")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Write(c, Options{Now: fixed, Paper: "a4"}); err != nil {
			b.Fatal(err)
		}
	}
}
