package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/tracking"
	"github.com/casebuilder/casebuilder/ui/form"
)

// approveDialog records the decision on the case: when, by whom, what was
// approved (the whole plan or its first stage) and on what conditions.
type approveDialog struct {
	u          *UI
	date, by   *dialogEntry
	conditions *dialogEntry
	scope      *form.Select
	// gates are the gates a stage can be approved up to, in the order of
	// scope's options after the whole plan.
	gates   []string
	problem *form.ErrorLabel
	ok      *form.Button
	cancel  *form.Button
	dlg     *dialog.CustomDialog
	// again is set when the case is approved already: the new decision
	// replaces the baseline, which moves into the history.
	again bool
}

// wholePlan is the choice of approving the whole plan.
const wholePlan = "The whole plan"

// approvalSection is the Review step's section that approves the case, or
// says it is approved.
func approvalSection(u *UI) fyne.CanvasObject {
	// Through an interface: approving goes to the Track step, and a
	// screen's constructor that named a method going to a step would make
	// the steps' table (screenSpecs) refer to itself.
	var a interface{ onApprove() } = u
	b := widget.NewButtonWithIcon("Record the approval…", theme.ConfirmIcon(), a.onApprove)
	what := widget.NewLabel("Once the CEO has approved the case, record the decision: the approved figures and plan become the baseline the programme's progress is measured against, and the Track step opens.")
	what.Wrapping = fyne.TextWrapWord
	what.Importance = widget.LowImportance
	return section("Approval", "", what, container.NewHBox(b))
}

// approvedMark is what the title bar says of an approved case.
func approvedMark(c *casebuilder.Case) string {
	if !c.IsApproved() {
		return ""
	}
	return " (approved " + shortDate(c.Tracking.Baseline.Approval.Date) + ")"
}

// onApprove opens the dialog that records the approval.
func (u *UI) onApprove() {
	c := u.doc.c
	d := &approveDialog{u: u, problem: form.NewErrorLabel(), again: c.IsApproved()}
	escape := func() { d.dlg.Hide() }
	d.date = newDialogEntry(false, d.onConfirm, escape)
	d.date.SetText(casebuilder.DateOf(u.deps.now()).String())
	d.date.SetPlaceHolder("e.g. " + casebuilder.DateExample(u.lang()))
	d.by = newDialogEntry(false, d.onConfirm, escape)
	d.by.SetPlaceHolder("e.g. the executive committee (CEO, CFO and VP Sales)")
	d.conditions = newDialogEntry(true, d.onConfirm, escape)
	d.conditions.SetPlaceHolder("Any conditions of the approval, e.g. a progress report every month")
	d.conditions.SetMinRowsVisible(3)
	options := []string{wholePlan}
	for _, g := range c.Plan.Gates {
		d.gates = append(d.gates, g.ID)
		options = append(options, "The first stage, up to gate “"+shorten(orDash(g.Name, g.ID), 40)+"”")
	}
	d.scope = form.NewSelect(options, nil)
	d.scope.SetSelected(wholePlan)
	if d.again {
		// Approving again keeps the decision's wording to change.
		a := c.Tracking.Baseline.Approval
		d.by.SetText(a.By)
		d.conditions.SetText(a.Conditions)
		for i, id := range d.gates {
			if id == a.UpToGate {
				d.scope.SetSelectedIndex(i + 1)
			}
		}
	}
	fields := widget.NewForm(
		widget.NewFormItem("Approved on", d.date),
		widget.NewFormItem("Decided by", d.by),
		widget.NewFormItem("What was approved", d.scope),
		widget.NewFormItem("Conditions", d.conditions),
	)
	note := "The recommended alternative's figures and plan, as they are now, become the baseline: estimates changed later are a re-forecast, shown against the approved figures."
	title := "Record the approval"
	label := "Approve"
	if d.again {
		note = fmt.Sprintf("The case was approved on %s by %s. Approving it again takes a new baseline from the case as it is now; the old one is kept in the history, and the actuals recorded stay.",
			shortDate(c.Tracking.Baseline.Approval.Date), c.Tracking.Baseline.Approval.By)
		title = "Approve again"
		label = "Approve again"
	}
	n := widget.NewLabel(note)
	n.Wrapping = fyne.TextWrapWord
	n.Importance = widget.LowImportance
	content := container.NewVBox(n, fields, d.problem)
	d.ok = form.NewButton(label, d.onConfirm)
	d.ok.Importance = widget.HighImportance
	d.cancel = form.NewButton("Cancel", escape)
	d.dlg = dialog.NewCustomWithoutButtons(title, container.NewGridWrap(fyne.NewSize(min(560, u.win.Canvas().Size().Width-80), content.MinSize().Height+60), content), u.win)
	d.dlg.SetButtons([]fyne.CanvasObject{d.cancel, d.ok})
	// Escape cancels and Enter approves with the focus outside the
	// entries too, while the dialog is open.
	closeOnEscape(u.win, d.dlg, d.onConfirm)
	u.tell(d)
	d.dlg.Show()
	u.win.Canvas().Focus(d.by)
}

// approval reads the dialog's decision, or says which field is wrong.
func (d *approveDialog) approval() (casebuilder.Approval, error) {
	var a casebuilder.Approval
	day, err := d.u.pastDay(d.date.Text, "Approved on", "type the day the case was approved", "record the approval once it is given")
	if err != nil {
		return a, err
	}
	a.Date = day
	a.By = strings.TrimSpace(d.by.Text)
	if a.By == "" {
		return a, fieldProblem{"Decided by", "say who approved the case, a name or a body such as the executive committee"}
	}
	a.Conditions = strings.TrimSpace(strings.ReplaceAll(d.conditions.Text, "\t", " "))
	if i := d.scope.SelectedIndex(); i > 0 && i <= len(d.gates) {
		a.UpToGate = d.gates[i-1]
	}
	return a, nil
}

// onConfirm approves the case, or says why it cannot be.
func (d *approveDialog) onConfirm() {
	a, err := d.approval()
	if err != nil {
		d.problem.Explain(err, "")
		return
	}
	u := d.u
	err = u.edit(casebuilder.Where{Step: casebuilder.StepReview}, "", func(c *casebuilder.Case) error {
		if d.again {
			return tracking.Reapprove(c, a)
		}
		return tracking.Approve(c, a)
	})
	if err != nil {
		d.problem.Explain(approvalProblem(err), "")
		return
	}
	d.dlg.Hide()
	u.headline.show(u.analysis)
	u.goTo(casebuilder.StepTracking)
	u.status.say(fmt.Sprintf("Approved on %s by %s. Record the programme's progress here each month.", shortDate(a.Date), a.By))
}

// approvalFields name the dialog's fields by the paths of the problems
// approval finds in them.
var approvalFields = map[string]string{
	"tracking.baseline.approval.date":     "Approved on",
	"tracking.baseline.approval.by":       "Decided by",
	"tracking.baseline.approval.upToGate": "What was approved",
}

// approvalProblem says in words why approval was refused: the dialog's
// field, or what of the case to fix first.
func approvalProblem(err error) error {
	var ps casebuilder.Problems
	if !errors.As(err, &ps) || len(ps) == 0 {
		return err
	}
	p := ps[0]
	msg := form.Capital(p.Message)
	if name, ok := approvalFields[p.Path]; ok {
		msg = name + ": " + p.Message
	}
	if len(ps) > 1 {
		msg += fmt.Sprintf(" (and %s more; the Review step lists them)", plural(len(ps)-1, "problem"))
	}
	return errors.New(msg)
}

func orDash(s, alt string) string {
	if strings.TrimSpace(s) == "" {
		return alt
	}
	return s
}

// fieldProblem is what is wrong with what was typed in a field of a
// dialog or a row, said with the field's name first.
type fieldProblem struct{ field, problem string }

func (e fieldProblem) Error() string { return e.field + ": " + e.problem }

// pastDay reads the day typed in field, in the user's language: none says
// what to type (and an example), one after today what to do instead.
func (u *UI) pastDay(typed, field, what, future string) (casebuilder.Date, error) {
	text := strings.TrimSpace(typed)
	if text == "" {
		return casebuilder.Date{}, fieldProblem{field, what + ", e.g. " + casebuilder.DateExample(u.lang())}
	}
	day, err := casebuilder.ParseLocalDate(text, u.lang())
	if err != nil {
		return casebuilder.Date{}, fieldProblem{field, err.Error()}
	}
	if casebuilder.DateOf(u.deps.now()).Before(day) {
		return casebuilder.Date{}, fieldProblem{field, shortDate(day) + " is in the future; " + future}
	}
	return day, nil
}

// dialogEntry is an entry of a dialog: Escape cancels the dialog, Enter
// confirms it (in a one-line entry), and Tab moves on even in a
// multi-line one.
type dialogEntry struct {
	widget.Entry
	onEnter, onEscape func()
}

func newDialogEntry(multiLine bool, enter, escape func()) *dialogEntry {
	e := &dialogEntry{onEnter: enter, onEscape: escape}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab is false: Tab moves the focus, never types a tab.
func (e *dialogEntry) AcceptsTab() bool { return false }

func (e *dialogEntry) TypedKey(k *fyne.KeyEvent) {
	switch {
	case k.Name == fyne.KeyEscape && e.onEscape != nil:
		e.onEscape()
	case (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && !e.MultiLine && e.onEnter != nil:
		e.onEnter()
	default:
		e.Entry.TypedKey(k)
	}
}
