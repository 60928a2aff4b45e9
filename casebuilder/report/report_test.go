package report

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/internal/casetest"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdftest"
	"github.com/casebuilder/casebuilder/casebuilder/tracking"
)

var now = time.Date(2027, 10, 4, 9, 0, 0, 0, time.UTC)

// handCase is package tracking's hand-worked case (casebuilder/cli's
// testdata), approved on 20 December 2026, with its actuals to the end of
// April 2027 imported as CSV files would bring them.
func handCase(t *testing.T) *casebuilder.Case {
	t.Helper()
	data, err := os.ReadFile("../cli/testdata/hand.hrcase")
	if err != nil {
		t.Fatal(err)
	}
	c, err := casebuilder.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if err := tracking.Approve(c, casebuilder.Approval{Date: casebuilder.Date{Year: 2026, Month: 12, Day: 20}, By: "Executive committee"}); err != nil {
		t.Fatal(err)
	}
	opts := tracking.ImportOptions{Today: casebuilder.Date{Year: 2027, Month: 5, Day: 6}}
	if _, err := tracking.ImportSpend(c, strings.NewReader("date,line,amount,note\n"+
		"2027-01-20,Design,7000,First half\n2027-01-05,licence,\"2,400\",\n2027-02-28,Coach,1000,\n2027-03-15,Design,6000,\n"+
		"2027-03-31,Coach,1000,\n2027-04-30,Coach,1200,\n2027-04-10,reserve,1500,Agency coach\n"), opts); err != nil {
		t.Fatal(err)
	}
	if _, err := tracking.ImportReadings(c, strings.NewReader("date,measure,value\n"+
		"2027-01-31,Attrition,30 %\n2027-02-28,attrition,0.295\n2027-03-31,Attrition,29%\n2027-04-30,Attrition,28.5 %\n"+
		"2027-02-15,Coaching sessions,1.2\n2027-04-15,sessions,1.5\n"), opts); err != nil {
		t.Fatal(err)
	}
	if _, err := tracking.ImportMilestones(c, strings.NewReader("milestone,actualStart,actualEnd,percentComplete,status,note\n"+
		"design,2027-01-04,2027-03-05,100,done,\nRoll-out,2027-03-08,,50,in progress,A coach left: an agency coach covers\n"), opts); err != nil {
		t.Fatal(err)
	}
	tr := c.Tracking
	tr.KPIs = []casebuilder.KPIRecord{{Measure: "attrition", Isolation: &casebuilder.Isolation{Share: 0.6, Method: casebuilder.ManagerEstimate,
		Basis: "Sales managers, in the April review", Confidence: 0.8}}}
	tr.RiskEvents = []casebuilder.RiskEvent{{Risk: "r1", Fired: casebuilder.Date{Year: 2027, Month: 4, Day: 5}, Contingency: true, Cost: 1500}}
	tr.Credits = []casebuilder.Credit{{Date: casebuilder.Date{Year: 2027, Month: 4, Day: 12}, Name: "Dana Dorsey", Contribution: "Found the agency coach in four days"}}
	return c
}

// TestHandCaseReport checks the report of the hand-worked case against
// its figures worked by hand (package tracking's progress tests): spent
// 7,000 + 2,400 + 1,000 + 6,000 + 1,000 + 1,200 on the lines and 1,500
// from the reserve, 20,100, against the 19,400 planned by April (all of
// the budget: the design, the licence and the reserve in month 0, the coach
// in months 1 to 3); a forecast at completion of 21,600 (the design 13,000,
// the coach 4,200 with May's 1,000 still to come now that the roll-out is
// late, the licence 2,400, the reserve 2,000); and 9,075 of benefits
// realised (attrition's fall from 30 % valued at 75,625 a point a year, 60
// % of it the programme's with 80 % confidence).
func TestHandCaseReport(t *testing.T) {
	c := handCase(t)
	d, err := lay(c, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range d.problems {
		t.Error(p)
	}
	pdf, err := Write(c, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	ps := pdftest.Pages(t, pdf)
	if len(ps) < 2 {
		t.Fatalf("%d pages, want page one and the detail", len(ps))
	}
	one := ps[0]
	pdftest.MustContain(t, "page one", one,
		"Progress report, April 2027", "Overall:",
		"Money", "Schedule", "KPIs", "Risks",
		"Spend against budget",
		"€20,100 against €19,400 planned",
		"€21,600 against the approved budget of €19,400",
		"€1,500 used of €2,000; €500 left",
		"€9,075 against €0 planned to date",
		"Milestones done this period", "Next", "Late", "Roll-out: ",
		"KPIs against their trajectories", "Attrition", "28.5% on 30 Apr 2027",
		"Risks that fired, and what was done", "The coach leaves: fired on 5 Apr 2027; the contingency plan is used",
		"Decisions needed from you",
		"Who made progress happen this period", "Dana Dorsey: Found the agency coach in four days.",
	)
	if strings.Contains(one, "The detail") {
		t.Error("the detail starts on page one")
	}
	rest := strings.Join(ps[1:], " ")
	pdftest.MustContain(t, "the detail", rest,
		"The detail", "What changed since the previous report, March 2027",
		"Design €12,000 €12,000 €13,000 €0 €13,000",
		"Coach €3,000 €3,000 €3,200 €1,000 €4,200",
		"€19,400 €19,400 €20,100 €1,500 €21,600", // the total row
		"A coach left: an agency coach covers",
		"60.0% of it is attributed to the programme, by the managers' estimate (Sales managers, in the April review), with 80.0% confidence: €9,075 claimed.",
		"How each status is decided",
	)
	pdftest.Fonts(t, pdf)
}

// TestTrackedSample writes the tracked sample's report: its page one holds
// every part, names print as typed, nothing leaves its box, and every font
// is embedded.
func TestTrackedSample(t *testing.T) {
	c := casetest.Sample(t, "tracked")
	for _, paper := range []string{casebuilder.PaperA4, casebuilder.PaperLetter} {
		d, err := lay(c, Options{Now: now, Paper: paper, WithReview: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range d.problems {
			t.Errorf("%s: %s", paper, p)
		}
	}
	pdf, err := Write(c, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	ps := pdftest.Pages(t, pdf)
	pdftest.MustContain(t, "page one", ps[0], "Progress report, September 2027", "Overall: Amber",
		"Roll out to every new hire and region: 26 days late",
		"José Müller-Øberg", "Zofia Wąsowska", "Chloé Lefèvre",
		"Keep the external coaching firm until the new coach starts",
		// Attrition is due at its baseline until its benefit starts in
		// October; months to full productivity from 6 on 1 July 2027 to 5
		// on 30 June 2028: 6 − 91/365 ≈ 5.75 due on 30 September.
		"33.0% on 30 Sep 2027, against 33.0% due: on track.",
		"5.80 months on 30 Sep 2027, against 5.75 months due: off track.")
	pdftest.MustContain(t, "the detail", strings.Join(ps[1:], " "),
		"Pilot review: go on to the roll-out or stop, on 1 Jul 2027: conditions not met",
		"Months to full productivity, new hires at most 5.5 months: read 6.0 months on 30 Jun 2027, not met")
	pdftest.Fonts(t, pdf)
	again, err := Write(c, Options{Now: now})
	if err != nil || !bytes.Equal(pdf, again) {
		t.Error("the same case and options give different bytes")
	}
}

// TestScripts checks that a name in another script prints as typed, in an
// embedded font.
func TestScripts(t *testing.T) {
	c := handCase(t)
	c.Tracking.Credits = append(c.Tracking.Credits,
		casebuilder.Credit{Date: casebuilder.Date{Year: 2027, Month: 4, Day: 20}, Name: "王小明", Contribution: "Translated the path for the Shanghai office"},
		casebuilder.Credit{Date: casebuilder.Date{Year: 2027, Month: 4, Day: 21}, Name: "Ελένη Παππά", Contribution: "Ran the Athens cohort"})
	pdf, err := Write(c, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	pdftest.MustContain(t, "page one", pdftest.Pages(t, pdf)[0], "王小明", "Ελένη Παππά")
	if fonts := strings.Join(pdftest.Fonts(t, pdf), "\n"); !strings.Contains(fonts, "cjk") {
		t.Errorf("no Chinese font embedded:\n%s", fonts)
	}
}

func TestErrors(t *testing.T) {
	c := handCase(t)
	if _, err := Write(c, Options{Paper: "a3"}); err == nil || !strings.Contains(err.Error(), "paper: must be a4 or letter") {
		t.Errorf("a3: %v", err)
	}
	if _, err := Write(c, Options{AsOf: tracking.Month{Year: 2026, Month: 11}}); err == nil || !strings.Contains(err.Error(), "must be a month of the programme") {
		t.Errorf("before the start: %v", err)
	}
	c.Tracking = nil
	if _, err := Write(c, Options{}); !errors.Is(err, tracking.ErrNotApproved) {
		t.Errorf("not approved: %v", err)
	}
	if _, err := Write(nil, Options{}); err == nil {
		t.Error("no case: no error")
	}
}

// BenchmarkWriteTracked writes the tracked sample's report: the progress,
// the previous report's, and the PDF.
func BenchmarkWriteTracked(b *testing.B) {
	c := casetest.Sample(b, "tracked")
	for b.Loop() {
		if _, err := Write(c, Options{Now: now}); err != nil {
			b.Fatal(err)
		}
	}
}
