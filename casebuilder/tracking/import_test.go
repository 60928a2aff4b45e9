package tracking

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	cb "github.com/casebuilder/casebuilder/casebuilder"
	"golang.org/x/text/language"
)

var (
	today = ImportOptions{Today: d(2027, 5, 10)}
	// todayInGerman reads and writes numbers as German does: 30,5 %.
	todayInGerman = ImportOptions{Today: d(2027, 5, 10), Lang: language.German}
)

func TestImportSpend(t *testing.T) {
	c := approved(t)
	file := "date,line,amount,note\n" +
		"2027-01-20,Design,7000,First half\n" +
		"2027-01-05,licence,\"2,400\",\n" + // any case, grouped digits
		"2027-02-28,  Coach ,€ 1000,\n" +
		"2027-02-28,Coach,1000,\n" + // the same row twice: two invoices alike
		"\n" + // a blank line is skipped
		"2027-04-10,reserve,1500.50,Agency coach\n" +
		"2027-04-11,Contingency reserve,-200,Credit note\n"
	importFirst(t, c, file, ImportResult{Kind: SpendFile, Rows: 6, Added: 6})
	want := []cb.Spend{
		{Date: d(2027, 1, 20), Line: "Design", Amount: 7000, Note: "First half"},
		{Date: d(2027, 1, 5), Line: "Licence", Amount: 2400},
		{Date: d(2027, 2, 28), Line: "Coach", Amount: 1000},
		{Date: d(2027, 2, 28), Line: "Coach", Amount: 1000},
		{Date: d(2027, 4, 10), Reserve: true, Amount: 1500.5, Note: "Agency coach"},
		{Date: d(2027, 4, 11), Reserve: true, Amount: -200, Note: "Credit note"},
	}
	if !reflect.DeepEqual(c.Tracking.Spend, want) {
		t.Errorf("spend\n%+v, want\n%+v", c.Tracking.Spend, want)
	}
	// The same file again adds nothing.
	importAgain(t, c, SpendFile, file, 6)
	// A file of the month after, repeating the last rows: only the new ones.
	res, err := ImportSpend(c, strings.NewReader("date,line,amount\n2027-02-28,Coach,1000\n2027-02-28,Coach,1000\n2027-02-28,Coach,1000\n2027-03-31,Coach,1000\n"), today)
	if err != nil || res.Added != 2 || res.Unchanged != 2 || len(c.Tracking.Spend) != 8 {
		t.Errorf("the next month: %+v, %v, %d entries", res, err, len(c.Tracking.Spend))
	}
}

func TestImportSpendTheEuropeanWay(t *testing.T) {
	// Excel in Germany: a byte order mark, semicolons, decimal commas,
	// headers in other case.
	c := approved(t)
	file := "\ufeffDate;Line;Amount;Note\r\n2027-01-20;Design;1.200,50;Rechnung 17\r\n2027-01-21;Design;7.000;\r\n"
	res, err := ImportSpend(c, strings.NewReader(file), ImportOptions{Lang: language.German})
	if err != nil || res.Added != 2 {
		t.Fatalf("%+v, %v", res, err)
	}
	if got := c.Tracking.Spend; got[0].Amount != 1200.5 || got[0].Note != "Rechnung 17" || got[1].Amount != 7000 {
		t.Errorf("spend %+v", got)
	}
}

func TestImportRefusesBadFiles(t *testing.T) {
	tests := []struct {
		name   string
		kind   FileKind
		file   string
		opts   ImportOptions
		errors []string // every problem, in order
	}{
		{"unknown line", SpendFile, "date,line,amount\n2027-01-20,Catering,100\n", today,
			[]string{`row 2, line: the approved alternative has no cost line called "Catering"; its lines are "Design", "Coach" and "Licence", and "reserve" is the contingency reserve`}},
		{"date before the start", SpendFile, "date,line,amount\n2026-12-31,Design,100\n", today,
			[]string{"row 2, date: 2026-12-31 is before the programme starts, in January 2027"}},
		{"date after the horizon", SpendFile, "date,line,amount\n2028-01-01,Design,100\n", ImportOptions{},
			[]string{"row 2, date: 2028-01-01 is after the programme's horizon, which ends in December 2027"}},
		{"date in the future", SpendFile, "date,line,amount\n2027-05-11,Design,100\n", today,
			[]string{"row 2, date: 2027-05-11 is in the future (today is 2027-05-10): record what has happened"}},
		{"date unreadable", SpendFile, "date,line,amount\n31/01/2027,Design,100\n", today,
			[]string{`row 2, date: must be a date written YYYY-MM-DD (got "31/01/2027")`}},
		{"amount not a number", SpendFile, "date,line,amount\n2027-01-20,Design,12x\n2027-01-21,Design,\n", today,
			[]string{`row 2, amount: is not an amount: “12x”: `, "row 3, amount: is empty: give the amount spent"}},
		{"amount ambiguous", SpendFile, "date,line,amount\n2027-01-20,Design,7.000\n", today,
			[]string{`row 2, amount: is not an amount: “7.000”: an amount has at most two decimals`}},
		{"duplicate header", SpendFile, "date,line,amount,Amount\n2027-01-20,Design,1,2\n", today,
			[]string{"row 1, amount: is in the header twice, as columns 3 and 4"}},
		{"unknown column", SpendFile, "date,line,amount,vendor\n2027-01-20,Design,1,ACME\n", today,
			[]string{"row 1, vendor: is not a column of a spend file: the columns are date, line, amount and note (optional)"}},
		{"missing column", SpendFile, "date,amount\n2027-01-20,1\n", today,
			[]string{"row 1, line: is missing from the header: a spend file has the columns date, line, amount and note (optional)"}},
		{"empty", SpendFile, "", today, []string{"is empty: a spend file starts with a header row (date, line, amount and note (optional))"}},
		{"header only", SpendFile, "date,line,amount\n", today, []string{"has no rows under its header"}},
		{"too many values", SpendFile, "date,line,amount\n2027-01-20,Design,1,oops\n", today,
			[]string{"row 2: has 4 values, but the header has 3 columns"}},
		{"quote not closed", SpendFile, "date,line,amount\n2027-01-20,\"Design,1\n", today,
			[]string{"line 2, column 22: extraneous or missing \" in quoted-field: it is not a CSV file, or a quote is not closed"}},
		{"every bad row named", SpendFile, "date,line,amount\n2027-01-20,Design,1\n2027-13-01,Design,1\n2027-01-20,Nope,1\n", today,
			[]string{`row 3, date: must be a date written YYYY-MM-DD (got "2027-13-01")`, `row 4, line: the approved alternative has no cost line called "Nope"`}},

		{"unknown KPI", KPIFile, "date,measure,value\n2027-01-31,Mood,3\n", today,
			[]string{`row 2, measure: the approved plan has no KPI with the ID or name "Mood"; its KPIs are "attrition" and "sessions"`}},
		{"value not a number", KPIFile, "date,measure,value\n2027-01-31,attrition,lots\n", today,
			[]string{`row 2, value: “lots”: is not a number`}},
		{"a percentage without its sign", KPIFile, "date,measure,value\n2027-01-31,attrition,30.5\n", today,
			[]string{`row 2, value: "30.5" without a percent sign is the fraction 3,050.0%, far from the KPI's baseline of 30.0% and target of 27.0%: write 30.5 % with the sign, or the fraction 0.305`}},
		{"a percentage without its sign, in German", KPIFile, "date,measure,value\n2027-01-31,attrition,\"30,5\"\n", todayInGerman,
			[]string{"row 2, value: \"30,5\" without a percent sign is the fraction 3.050,0\u00a0%, far from the KPI's baseline of 30,0\u00a0% and target of 27,0\u00a0%: write 30,5 % with the sign, or the fraction 0,305"}},
		{"a percentage without its sign, its fraction whole", KPIFile, "date,measure,value\n2027-01-31,attrition,\"57,7\"\n", todayInGerman,
			[]string{"row 2, value: \"57,7\" without a percent sign is the fraction 5.770,0\u00a0%, far from the KPI's baseline of 30,0\u00a0% and target of 27,0\u00a0%: write 57,7 % with the sign, or the fraction 0,577"}},
		{"two values a day in the file, in German", KPIFile, "date,measure,value\n2027-01-31,attrition,\"30 %\"\n2027-01-31,Attrition,\"29,5 %\"\n", todayInGerman,
			[]string{"row 3, value: Attrition reads 30,0\u00a0% on 2027-01-31 in row 2; a KPI has one reading a day"}},
		{"a percent sign on a count", KPIFile, "date,measure,value\n2027-01-31,sessions,50 %\n", today,
			[]string{`row 2, value: “50 %”: a percentage does not belong here; type a plain number`}},
		{"two values a day in the file", KPIFile, "date,measure,value\n2027-01-31,attrition,30 %\n2027-01-31,Attrition,29 %\n", today,
			[]string{"row 3, value: Attrition reads 30.0% on 2027-01-31 in row 2; a KPI has one reading a day"}},
		{"a KPI reading before the start", KPIFile, "date,measure,value\n2026-12-31,attrition,30 %\n", today,
			[]string{"row 2, date: 2026-12-31 is before the programme starts, in January 2027"}},

		{"unknown milestone", MilestonesFile, "milestone,actualStart\nParty,2027-01-04\n", today,
			[]string{`row 2, milestone: the approved plan has no milestone with the ID or name "Party"; its milestones are "design", "rollout" and "review"`}},
		{"ended before it started", MilestonesFile, "milestone,actualStart,actualEnd\ndesign,2027-02-04,2027-01-30\n", today,
			[]string{"row 2, actualEnd: must not be before the actual start (2027-01-30 is before 2027-02-04)"}},
		{"done without an end", MilestonesFile, "milestone,actualStart,status\ndesign,2027-01-04,Done\n", today,
			[]string{"row 2, actualEnd: must be set: a milestone done has ended"}},
		{"percent above 100", MilestonesFile, "milestone,percentComplete\ndesign,120\n", today,
			[]string{"row 2, percentComplete: must be from 0% to 100% (got 120)"}},
		{"unknown status", MilestonesFile, "milestone,status\ndesign,Late\n", today,
			[]string{`row 2, status: must be "not started", "in progress", "done" or "on hold" (got "Late")`}},
		{"a milestone twice", MilestonesFile, "milestone,percentComplete\ndesign,10\nDesign,20\n", today,
			[]string{`row 3, milestone: milestone "design" is in row 2 already; give each milestone one row`}},
		{"a start before the programme", MilestonesFile, "milestone,actualStart\ndesign,2026-12-20\n", today,
			[]string{"row 2, actualStart: 2026-12-20 is before the programme starts, in January 2027"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := approved(t)
			c.Tracking.Readings = []cb.Reading{{Measure: "sessions", Date: d(2027, 1, 31), Value: 1}}
			before := c.Tracking.Clone()
			_, err := importFile(c, tt.kind, tt.file, tt.opts)
			var ie *ImportError
			if !errors.As(err, &ie) {
				t.Fatalf("err = %v, want an ImportError", err)
			}
			if len(ie.Problems) != len(tt.errors) {
				t.Errorf("%d problems, want %d: %v", len(ie.Problems), len(tt.errors), ie.Problems)
			}
			for i, want := range tt.errors {
				if i < len(ie.Problems) && !strings.HasPrefix(ie.Problems[i].Error(), want) {
					t.Errorf("problem %d:\n%s\nwant\n%s", i, ie.Problems[i], want)
				}
			}
			if !strings.HasPrefix(err.Error(), tt.errors[0]) {
				t.Errorf("error %q", err)
			}
			if !reflect.DeepEqual(c.Tracking, before) {
				t.Error("the refused file changed the record")
			}
		})
	}
}

func importFile(c *cb.Case, kind FileKind, file string, opts ImportOptions) (ImportResult, error) {
	switch kind {
	case KPIFile:
		return ImportReadings(c, strings.NewReader(file), opts)
	case MilestonesFile:
		return ImportMilestones(c, strings.NewReader(file), opts)
	}
	return ImportSpend(c, strings.NewReader(file), opts)
}

// importFirst imports file into c, which must give want (its Kind says
// which kind of file it is).
func importFirst(t *testing.T, c *cb.Case, file string, want ImportResult) {
	t.Helper()
	res, err := importFile(c, want.Kind, file, today)
	if err != nil {
		t.Fatal(err)
	}
	if res != want {
		t.Errorf("result %+v", res)
	}
}

// importAgain imports a file of rows rows into c again: it must find
// them all in the record and change nothing.
func importAgain(t *testing.T, c *cb.Case, kind FileKind, file string, rows int) {
	t.Helper()
	before := c.Tracking.Clone()
	res, err := importFile(c, kind, file, today)
	if err != nil || res != (ImportResult{Kind: kind, Rows: rows, Unchanged: rows}) {
		t.Errorf("again: %+v, %v", res, err)
	}
	if !reflect.DeepEqual(c.Tracking, before) {
		t.Error("importing the same file again changed the record")
	}
}

func TestImportReadings(t *testing.T) {
	c := approved(t)
	file := "date,measure,value,note\n" +
		"2027-01-31,attrition,30.5 %,Rolling twelve months\n" + // as typed on screen
		"2027-02-28,Attrition,0.3,\n" + // a fraction, as systems export rates
		"2027-03-31,attrition,29.5%,\n" +
		"2027-03-31,attrition,0.295,\n" + // the same reading twice: once
		"2027-02-15,Coaching sessions,\"1,250\",\n" // by its name; a count
	importFirst(t, c, file, ImportResult{Kind: KPIFile, Rows: 5, Added: 4, Unchanged: 1})
	want := []cb.Reading{
		{Measure: "attrition", Date: d(2027, 1, 31), Value: 0.305, Note: "Rolling twelve months"},
		{Measure: "attrition", Date: d(2027, 2, 28), Value: 0.3},
		{Measure: "attrition", Date: d(2027, 3, 31), Value: 0.295},
		{Measure: "sessions", Date: d(2027, 2, 15), Value: 1250},
	}
	if !reflect.DeepEqual(c.Tracking.Readings, want) {
		t.Errorf("readings\n%+v, want\n%+v", c.Tracking.Readings, want)
	}
	importAgain(t, c, KPIFile, file, 5)
	// Another value for a day the case has read is refused.
	_, err := ImportReadings(c, strings.NewReader("date,measure,value\n2027-02-28,attrition,29 %\n"), today)
	if err == nil || !strings.Contains(err.Error(), "row 2, value: Attrition reads 30.0% on 2027-02-28 in the case already") {
		t.Errorf("err = %v", err)
	}
	// German numbers.
	if _, err := ImportReadings(c, strings.NewReader("date;measure;value\n2027-04-30;attrition;29,1 %\n"), ImportOptions{Lang: language.German}); err != nil {
		t.Fatal(err)
	}
	if got := c.Tracking.Readings[len(c.Tracking.Readings)-1]; got.Value != 0.291 {
		t.Errorf("German reading %v", got.Value)
	}
}

func TestImportMilestones(t *testing.T) {
	c := approved(t)
	file := "milestone,actualStart,actualEnd,percentComplete,status,note\n" +
		"design,2027-01-04,2027-03-05,100 %,Done,A week late: the partner was slow\n" +
		"Roll-out,2027-03-08,,50,In progress,\n" // by its name; 50 is 50 %
	importFirst(t, c, file, ImportResult{Kind: MilestonesFile, Rows: 2, Added: 2})
	want := []cb.MilestoneProgress{
		{Milestone: "design", ActualStart: d(2027, 1, 4), ActualEnd: d(2027, 3, 5), PercentComplete: 1, Status: cb.Done, Note: "A week late: the partner was slow"},
		{Milestone: "rollout", ActualStart: d(2027, 3, 8), PercentComplete: 0.5, Status: cb.InProgress},
	}
	if !reflect.DeepEqual(c.Tracking.Milestones, want) {
		t.Errorf("milestones\n%+v, want\n%+v", c.Tracking.Milestones, want)
	}
	importAgain(t, c, MilestonesFile, file, 2)
	// A later file: empty cells leave what the record holds; an end with
	// no percent or status makes it done.
	if _, err := ImportMilestones(c, strings.NewReader("milestone,actualEnd,note\nrollout,2027-05-07,Caught up in May\n"), today); err != nil {
		t.Fatal(err)
	}
	want[1] = cb.MilestoneProgress{Milestone: "rollout", ActualStart: d(2027, 3, 8), ActualEnd: d(2027, 5, 7), PercentComplete: 1, Status: cb.Done, Note: "Caught up in May"}
	if !reflect.DeepEqual(c.Tracking.Milestones, want) {
		t.Errorf("milestones\n%+v, want\n%+v", c.Tracking.Milestones, want)
	}
}

func TestImportMilestoneEndWithAStatusInProgress(t *testing.T) {
	// A row that gives an end and says the milestone is still in progress
	// is refused, naming the cell that disagrees.
	c := approved(t)
	_, err := ImportMilestones(c, strings.NewReader("milestone,actualStart,actualEnd,status\nrollout,2027-03-08,2027-05-07,in progress\n"), today)
	if err == nil || err.Error() != `row 2, status: the milestone ended on 2027-05-07: it is done (got "inProgress")` {
		t.Errorf("err = %v", err)
	}
	if c.Tracking.Milestones != nil {
		t.Error("the refused file changed the record")
	}
}

func TestImportNeedsApproval(t *testing.T) {
	for _, kind := range []FileKind{SpendFile, KPIFile, MilestonesFile} {
		if _, err := importFile(handCase(), kind, "date,line,amount\n2027-01-20,Design,1\n", today); !errors.Is(err, ErrNotApproved) {
			t.Errorf("%s: %v", kind, err)
		}
	}
}

// FuzzImportSpend feeds any bytes to the import: it never panics, and
// either refuses the file with the record as it was, or leaves a valid
// case.
func FuzzImportSpend(f *testing.F) {
	for _, s := range []string{"date,line,amount\n2027-01-20,Design,7000\n", "date;line;amount\n2027-01-20;reserve;1.200,5\n",
		"\ufeffdate,line,amount,note\n\"2027-01-20\",\"Co\"\"ach\",\"1,000\",\"a\nb\"\n", "date,line\n", "\"", ",,,\n,,,\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c := approved(t)
		before := c.Tracking.Clone()
		for _, kind := range []FileKind{SpendFile, KPIFile, MilestonesFile} {
			_, err := importFile(c, kind, string(data), ImportOptions{})
			if err != nil && !reflect.DeepEqual(c.Tracking, before) {
				t.Fatalf("%s: refused (%v), and the record changed", kind, err)
			}
			if ps := cb.Validate(c); len(ps) > 0 {
				t.Fatalf("%s: the case is invalid after the import: %v", kind, ps)
			}
			before = c.Tracking.Clone()
		}
	})
}
