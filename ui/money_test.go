package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/ui/form"
)

// rowTexts are the texts of the labels of each row of a table of figures.
func rowTexts(box *fyne.Container) [][]string {
	var out [][]string
	for _, o := range box.Objects {
		row, ok := o.(*fyne.Container)
		if !ok {
			continue
		}
		var cells []string
		for _, c := range row.Objects {
			if l, ok := c.(*widget.Label); ok {
				cells = append(cells, l.Text)
			}
		}
		out = append(out, cells)
	}
	return out
}

// TestCashAndFiscalYearsOnCompare checks the money of the pilot by kind
// and by fiscal year (April to March): 2026/27 has January to March 2027,
// three months, and 2027/28 the nine others. New cash is the coach, 1,000
// a month; people's time the managers, 250; cash saved the agency fees,
// 2,000; margin 500. The whole programme asks for all the new cash; its
// first stage, up to the review in April, for the first three months'.
func TestCashAndFiscalYearsOnCompare(t *testing.T) {
	h := openPilot(t)
	u := h.u
	f := u.format()
	cmp := shownScreen[*compareScreen](h, casebuilder.StepCompare)
	m := f.MoneyShort
	rows := rowTexts(cmp.table)
	if len(rows) != 3 || !strings.HasSuffix(rows[2][0], "Coaching pilot") || rows[2][1] != m(15000) || rows[2][2] != m(30000) ||
		rows[2][3] != m(15000) || rows[2][4] != m(12000) || rows[0][4] != "Cash NPV" {
		t.Errorf("the figures read %q", rows)
	}
	for _, want := range []string{"of which " + m(12000) + " is cash", "Dana Ortiz, VP Sales commits to", "(" + m(3000) + ")"} {
		if !strings.Contains(cmp.cash.Text, want) {
			t.Errorf("the cash reads %q, without %q", cmp.cash.Text, want)
		}
	}
	year := func(label string, v ...float64) []string {
		out := []string{label}
		for _, x := range v {
			out = append(out, m(x))
		}
		return out
	}
	want := [][]string{
		{"Fiscal year", "New cash", "People's time", "Cash saved", "Margin", "Cost avoided", "Time freed", "Budget asked"},
		year("2026/27", 3000, 750, 6000, 1500, 0, 0, 3000),
		year("2027/28", 9000, 2250, 18000, 4500, 0, 0, 9000),
		year("Total", 12000, 3000, 24000, 6000, 0, 0, 12000),
	}
	if got := rowTexts(cmp.fiscal); !equalRows(got, want) {
		t.Errorf("cash by fiscal year:\n%q\nwant\n%q", got, want)
	}
	if got := cmp.budget.Text; got != "The ask covers the whole programme: "+f.Money(12000)+" of new cash over the horizon." {
		t.Errorf("the budget reads %q", got)
	}

	// The ask for the first stage only.
	upTo := h.field(casebuilder.StepCompare, "ask.upToGate").(*form.Select)
	upTo.SetSelected("Its first stage, up to “Pilot review”")
	if got := u.doc.c.Ask.UpToGate; got != "review" {
		t.Fatalf("the ask is up to %q", got)
	}
	h.settle()
	want[1][7], want[2][7], want[3][7] = m(3000), m(0), m(3000)
	if got := rowTexts(cmp.fiscal); !equalRows(got, want) {
		t.Errorf("cash by fiscal year, the ask up to the gate:\n%q\nwant\n%q", got, want)
	}
	if got, want := cmp.budget.Text, "The ask covers the first stage, up to “Pilot review” in April 2027: "+f.Money(3000)+" of new cash, of the "+f.Money(12000)+" the whole programme spends."; got != want {
		t.Errorf("the budget reads %q, want %q", got, want)
	}
}

func equalRows(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(a[i], "|") != strings.Join(b[i], "|") {
			return false
		}
	}
	return true
}

// TestFiscalYearStartInSettings chooses the month the fiscal year starts
// in: the pilot's years, from April, become calendar years, and a case
// that never said keeps saying nothing while January is chosen.
func TestFiscalYearStartInSettings(t *testing.T) {
	h := openPilot(t)
	u := h.u
	choose := func(month string) {
		t.Helper()
		u.onSettings()
		defer h.shown.settings.dlg.Hide()
		for _, b := range h.shown.settings.form.Fields() {
			if ch, ok := b.(*form.ChoiceField); ok && b.Path() == "fiscalYearStart" {
				ch.Select().SetSelected(month)
				return
			}
		}
		t.Fatal("the settings do not ask when the fiscal year starts")
	}
	choose("January")
	if got := u.doc.c.FiscalYearStart; got != 1 {
		t.Errorf("from January, the fiscal year starts in month %d", got)
	}
	h.settle()
	cmp := shownScreen[*compareScreen](h, casebuilder.StepCompare)
	if rows := rowTexts(cmp.fiscal); len(rows) != 3 || rows[1][0] != "2027" || rows[1][1] != u.format().MoneyShort(12000) {
		t.Errorf("in calendar years, the cash reads %q", rows)
	}

	c := pilotCase()
	c.FiscalYearStart = 0
	h.replace(c)
	choose("January")
	if u.doc.c.FiscalYearStart != 0 || strings.HasPrefix(h.title(), "*") {
		t.Error("choosing January, as the case has it unsaid, changed the case")
	}
}
