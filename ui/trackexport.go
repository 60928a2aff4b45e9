package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/tracking"
	"github.com/casebuilder/casebuilder/ui/form"
)

// ProgressExporter writes the monthly progress report of an approved case
// (a PDF): a pure function of the case, the month the export dialog asks
// (tracking.NewReport has already accepted it), the time written into it
// and the dialog's choices.
type ProgressExporter func(c *casebuilder.Case, asOf tracking.Month, now time.Time, choices ExportChoices) ([]byte, error)

// progressChoice is the export dialog's choice of the progress report:
// whether to write it, its file's name and its month.
type progressChoice struct {
	check *form.Check
	name  *form.Entry
	asOf  *form.Entry
}

// newProgressChoice is the progress report's choice in the export dialog
// of u, for file names starting with base; nil when the case is not
// approved. "As of" is the month of the latest actual.
func newProgressChoice(u *UI, base string, changed func()) *progressChoice {
	if !u.doc.c.IsApproved() {
		return nil
	}
	p := &progressChoice{check: form.NewCheck("Progress report (PDF)", func(bool) { changed() }), name: form.NewEntry(), asOf: form.NewEntry()}
	asOf := tracking.DefaultAsOf(u.doc.c)
	p.name.SetText(base + " progress " + asOf.String() + ".pdf")
	p.asOf.SetText(asOf.String())
	p.asOf.SetPlaceHolder("YYYY-MM, e.g. " + asOf.String())
	offer(p.check, p.name, u.opts.Exporters.Progress != nil)
	if u.opts.Exporters.Progress == nil {
		p.asOf.Disable()
	}
	return p
}

// items are the dialog's rows of the choice.
func (p *progressChoice) items() []*widget.FormItem {
	if p == nil {
		return nil
	}
	asOf := widget.NewFormItem("As of", p.asOf)
	asOf.HintText = "The report's month; the month of the latest actual by default"
	return []*widget.FormItem{widget.NewFormItem("", p.check), widget.NewFormItem("File name", p.name), asOf}
}

// exporter is the progress report as the export writes it, as of the
// month chosen, or why that month cannot be.
func (p *progressChoice) exporter(c *casebuilder.Case, write ProgressExporter) (Exporter, error) {
	text := strings.TrimSpace(p.asOf.Text)
	var asOf tracking.Month
	if text != "" {
		m, err := tracking.ParseMonth(text)
		if err != nil {
			return nil, fmt.Errorf("as of: type the report's month as YYYY-MM, e.g. %s", tracking.DefaultAsOf(c))
		}
		asOf = m
	}
	// The month is checked now, so that the dialog can say what is wrong.
	if _, err := tracking.NewReport(c, asOf); err != nil {
		return nil, fmt.Errorf("as of %s: %w", text, err)
	}
	return func(c *casebuilder.Case, _ *casebuilder.Analysis, now time.Time, choices ExportChoices) ([]byte, error) {
		return write(c, asOf, now, choices)
	}, nil
}
