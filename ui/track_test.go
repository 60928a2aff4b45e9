package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/tracking"
	"github.com/casebuilder/casebuilder/ui/form"
)

// trackHarness is the app opened on a sample saved to a file, on a day
// after the tracked sample's latest actual (30 September 2027), with the
// approval dialog kept for the test.
type trackHarness struct {
	*harness
	approve *approveDialog
}

// startTracked opens sample name in the app, today being 20 October 2027.
func startTracked(t *testing.T, name string, opts Options) *trackHarness {
	t.Helper()
	path := filepath.Join(t.TempDir(), name+".hrcase")
	if err := casebuilder.Save(path, loadSample(t, name)); err != nil {
		t.Fatal(err)
	}
	opts.Path = path
	th := &trackHarness{harness: start(t, opts)}
	th.u.deps.now = func() time.Time { return time.Date(2027, 10, 20, 9, 0, 0, 0, time.UTC) }
	record := th.u.deps.shown
	th.u.deps.shown = func(shown any) {
		if d, ok := shown.(*approveDialog); ok {
			th.approve = d
			return
		}
		record(shown)
	}
	th.settle()
	return th
}

// track goes to the Track step and returns it, with the figures of the
// case as it is.
func (th *trackHarness) track() *trackScreen {
	th.t.Helper()
	th.settle()
	s := shownScreen[*trackScreen](th.harness, casebuilder.StepTracking)
	s.showAnalysis(th.u.analysis)
	return s
}

func stepNames(u *UI) []string {
	var out []string
	for _, st := range u.nav.steps() {
		out = append(out, st.name)
	}
	return out
}

// The Approve dialog from Review approves the case: the title bar and the
// headline say so, the Track step appears, and undo takes it all back.
func TestApproveFromReview(t *testing.T) {
	th := startTracked(t, "turnover", Options{})
	if th.u.doc.c.IsApproved() {
		t.Fatal("the turnover sample is approved already")
	}
	if slices.Contains(stepNames(th.u), "Track") {
		t.Errorf("Track is shown before approval: %v", stepNames(th.u))
	}
	review := shownScreen[*reviewScreen](th.harness, casebuilder.StepReview)
	test.Tap(button(t, review.content(), "Record the approval…"))
	d := th.approve
	if d == nil {
		t.Fatal("no approval dialog")
	}
	before := th.u.doc.c

	// Escape closes it as Cancel would.
	th.w.Canvas().Focus(d.by)
	test.Type(d.by, "Executive")
	d.by.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if th.u.doc.c != before || th.u.doc.c.IsApproved() || th.u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape did not cancel the dialog")
	}
	// And with no entry focused.
	test.Tap(button(t, review.content(), "Record the approval…"))
	th.w.Canvas().Unfocus()
	th.w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if th.approve == d {
		t.Fatal("no second dialog")
	}
	if th.u.win.Canvas().Overlays().Top() != nil {
		t.Error("Escape with nothing focused left the dialog open")
	}
	if th.w.Canvas().OnTypedKey() != nil {
		t.Error("the dialog's Escape outlived it")
	}

	// Nobody named: refused, saying which field, the case unchanged.
	test.Tap(button(t, review.content(), "Record the approval…"))
	d = th.approve
	d.date.SetText("2027-07-08")
	test.Tap(d.ok)
	if got := visibleText(d.problem); !strings.HasPrefix(got, "Decided by:") {
		t.Errorf("with nobody named, the dialog says %q", got)
	}
	if th.u.doc.c != before {
		t.Fatal("a refused approval changed the case")
	}
	// A date that is no date, typed the user's way, is named.
	d.date.SetText("31/31/2027")
	th.w.Canvas().Focus(d.by)
	test.Type(d.by, "Executive committee")
	test.Tap(d.ok)
	if got := visibleText(d.problem); !strings.HasPrefix(got, "Approved on:") {
		t.Errorf("with a wrong date, the dialog says %q", got)
	}
	d.date.SetText("2027-07-08")
	d.conditions.SetText("A report\tevery month")
	test.Tap(d.ok)

	c := th.u.doc.c
	if !c.IsApproved() {
		t.Fatalf("not approved; the dialog says %q", visibleText(d.problem))
	}
	a := c.Tracking.Baseline.Approval
	if a.By != "Executive committee" || a.Date != (casebuilder.Date{Year: 2027, Month: 7, Day: 8}) || a.Conditions != "A report every month" || a.UpToGate != "" {
		t.Errorf("approval recorded as %+v", a)
	}
	if th.u.current != casebuilder.StepTracking {
		t.Errorf("after approval the app shows %s, not Track", th.u.current)
	}
	if !strings.Contains(th.title(), "(approved 8 Jul 2027)") {
		t.Errorf("title %q does not say the case is approved", th.title())
	}
	th.settle()
	// Its figures are today's estimates, which move away from those
	// approved as the programme goes: the caption says which they are.
	if got := th.u.headline.recommendedCaption.Text; got != "Approved 8 Jul 2027; today's estimates" {
		t.Errorf("the headline says %q", got)
	}
	// Another alternative recommended since is not the one approved.
	if err := th.u.edit(casebuilder.Where{Step: casebuilder.StepCompare, Path: "recommendation.alternative"}, "", func(c *casebuilder.Case) error {
		c.Recommendation.Alternative = "hiring"
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	th.settle()
	if got := th.u.headline.recommendedCaption.Text; got != "Recommended, not the one approved" {
		t.Errorf("recommending another alternative, the headline says %q", got)
	}
	th.u.onUndo()
	th.settle()
	if !slices.Contains(stepNames(th.u), "Track") {
		t.Errorf("Track is not among the steps after approval: %v", stepNames(th.u))
	}
	if s := th.track(); !strings.Contains(s.asOf.Text, "(no actual recorded yet)") {
		t.Errorf("the Track step of a case just approved says %q", s.asOf.Text)
	}

	th.u.onUndo()
	if th.u.doc.c.IsApproved() || th.u.doc.c != before {
		t.Error("undo did not take the approval back")
	}
	if slices.Contains(stepNames(th.u), "Track") || strings.Contains(th.title(), "approved") {
		t.Errorf("after undo: steps %v, title %q", stepNames(th.u), th.title())
	}
	th.u.onRedo()
	if !th.u.doc.c.IsApproved() {
		t.Error("redo did not approve again")
	}
}

// A reading typed and recorded is in the case, listed under its KPI and
// shown as its latest; a value that is not one is refused and changes
// nothing; undo takes the reading back.
func TestTrackRecordReading(t *testing.T) {
	th := startTracked(t, "tracked", Options{})
	s := th.track()
	var k *kpiView
	for _, v := range s.kpiViews {
		if v.m.Key() == "attrition" {
			k = v
		}
	}
	if k == nil {
		t.Fatal("no view of the attrition KPI")
	}
	n := len(th.u.doc.c.Tracking.Readings)

	th.w.Canvas().Focus(k.date)
	test.Type(k.date, "2027-10-05")
	th.w.Canvas().Focus(k.value)
	test.Type(k.value, "lots")
	test.Tap(k.record)
	if got := visibleText(k.problem); !strings.HasPrefix(got, "Reading: “lots”: ") {
		t.Errorf("a reading of %q: the view says %q", "lots", got)
	}
	if len(th.u.doc.c.Tracking.Readings) != n {
		t.Fatal("a refused reading was recorded")
	}

	k.value.SetText("")
	test.Type(k.value, "29.5 %")
	test.Tap(k.record)
	rs := th.u.doc.c.Tracking.Readings
	if len(rs) != n+1 {
		t.Fatalf("readings: %d, want %d; the view says %q", len(rs), n+1, visibleText(k.problem))
	}
	want := casebuilder.Reading{Measure: "attrition", Date: casebuilder.Date{Year: 2027, Month: 10, Day: 5}, Value: 0.295}
	if got := rs[n]; got.Measure != want.Measure || got.Date != want.Date || got.Value < 0.29499 || got.Value > 0.29501 {
		t.Errorf("recorded %+v, want %+v", got, want)
	}
	if len(k.list.Objects) == 0 || !strings.HasPrefix(k.list.Objects[0].(*fyne.Container).Objects[0].(*widget.Label).Text, "5 Oct 2027: 29.5") {
		t.Errorf("the newest reading listed first is not 5 Oct 2027's")
	}
	s = th.track()
	if !strings.Contains(k.summary.Text, "Latest 29.5") || !strings.Contains(k.summary.Text, "5 Oct 2027") {
		t.Errorf("the KPI's summary says %q", k.summary.Text)
	}
	if !strings.HasPrefix(s.asOf.Text, "As of October 2027") {
		t.Errorf("the as-of line says %q", s.asOf.Text)
	}
	// The same day again is refused, in words without the record's paths.
	test.Type(k.value, "30 %")
	test.Tap(k.record)
	if got := visibleText(k.problem); got == "" || strings.Contains(got, "tracking.") {
		t.Errorf("a second reading on a day: the view says %q", got)
	}

	th.u.onUndo()
	if len(th.u.doc.c.Tracking.Readings) != n {
		t.Error("undo did not take the reading back")
	}
	if th.u.current != casebuilder.StepTracking {
		t.Errorf("undo shows %s", th.u.current)
	}
}

// Typing an actual start for a milestone due makes it late once its
// planned end is past: the 11 October start of the results review
// (planned 4 to 15 October) reads, as of 31 October, 16 days late.
func TestTrackMarkMilestoneLate(t *testing.T) {
	th := startTracked(t, "tracked", Options{})
	th.track()
	original := slices.Clone(th.u.doc.c.Tracking.Milestones)
	e := th.dateAt(casebuilder.StepTracking, milestonePath("review", "actualStart"))
	th.retype(e, "2027-10-11")
	e.FocusLost()
	got := th.u.doc.c.Tracking
	var mp *casebuilder.MilestoneProgress
	for i := range got.Milestones {
		if got.Milestones[i].Milestone == "review" {
			mp = &got.Milestones[i]
		}
	}
	if mp == nil || mp.ActualStart != (casebuilder.Date{Year: 2027, Month: 10, Day: 11}) {
		t.Fatalf("the review's progress is %+v", mp)
	}
	s := th.track()
	var m *tracking.Milestone
	for i := range s.progress.Milestones {
		if s.progress.Milestones[i].Key == "review" {
			m = &s.progress.Milestones[i]
		}
	}
	if m == nil || !m.Late || m.DaysLate != 16 {
		t.Fatalf("the review milestone: %+v", m)
	}
	var line string
	for _, sl := range s.stateLabels {
		if sl.key == "review" {
			line = sl.label.Text
		}
	}
	if !strings.Contains(line, "LATE") || !strings.Contains(line, "16 days late") {
		t.Errorf("under the review milestone: %q", line)
	}
	// A note on how it will recover goes into the same entry.
	note := th.entryAt(casebuilder.StepTracking, milestonePath("review", "note"))
	th.retype(note, "Moved to the CEO's first free day")
	if mp.Note == "Moved to the CEO's first free day" {
		t.Fatal("the case was changed in place")
	}
	for _, p := range th.u.doc.c.Tracking.Milestones {
		if p.Milestone == "review" && p.Note != "Moved to the CEO's first free day" {
			t.Errorf("note recorded as %q", p.Note)
		}
	}
	// Undo goes back one edit at a time: the note, then the start.
	th.u.onUndo()
	th.u.onUndo()
	if !slices.Equal(th.u.doc.c.Tracking.Milestones, original) {
		t.Errorf("after undo the milestones' progress is %+v", th.u.doc.c.Tracking.Milestones)
	}
}

// An import file with a bad row is refused whole, naming the row, and
// leaves the case as it was; a good one is previewed, then imported in
// one undo step.
func TestTrackImport(t *testing.T) {
	th := startTracked(t, "tracked", Options{})
	s := th.track()
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	good := filepath.Join(dir, "good.csv")
	write := func(path, text string) {
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(bad, "date,measure,value\n2027-10-04,attrition,29.8 %\n2027-10-04,no such KPI,3\n2027-10-04,ramp,five\n")
	write(good, "date,measure,value,note\n2027-10-04,attrition,29.8 %,HRIS\n2027-10-04,coaching,1.9,\n")
	imp := s.imp
	imp.kind.SetSelectedIndex(1)
	before := th.u.doc.c

	imp.path.SetText(bad)
	test.Tap(imp.preview)
	if !strings.Contains(imp.summary.Text, "refused") || !strings.Contains(imp.summary.Text, "2 problems") {
		t.Errorf("the preview of the bad file says %q", imp.summary.Text)
	}
	var rows []string
	for _, o := range imp.rows.Objects {
		if l, ok := o.(*widget.Label); ok {
			rows = append(rows, l.Text)
		}
	}
	if len(rows) != 2 || !strings.HasPrefix(rows[0], "Row 3") || !strings.HasPrefix(rows[1], "Row 4") {
		t.Errorf("the bad rows named: %q", rows)
	}
	if !imp.apply.Disabled() {
		t.Error("Import is enabled for a refused file")
	}
	test.Tap(imp.apply)
	if th.u.doc.c != before {
		t.Fatal("a refused file changed the case")
	}

	imp.path.SetText(good)
	test.Tap(imp.preview)
	if !strings.Contains(imp.summary.Text, "adds 2 rows") || imp.apply.Disabled() {
		t.Errorf("the preview of the good file says %q (import disabled: %v)", imp.summary.Text, imp.apply.Disabled())
	}
	if th.u.doc.c != before {
		t.Fatal("the preview changed the case")
	}
	n := len(before.Tracking.Readings)
	test.Tap(imp.apply)
	rs := th.u.doc.c.Tracking.Readings
	if len(rs) != n+2 || rs[n].Measure != "attrition" || rs[n].Note != "HRIS" || rs[n+1].Measure != "coaching" || rs[n+1].Value != 1.9 {
		t.Fatalf("after the import: %d readings (want %d), the last %+v", len(rs), n+2, rs[len(rs)-min(2, len(rs)):])
	}
	if !strings.Contains(th.u.status.message.Text, "2 rows added") {
		t.Errorf("the status bar says %q", th.u.status.message.Text)
	}
	th.u.onUndo()
	if th.u.doc.c != before {
		t.Error("undo did not take the import back in one step")
	}
}

// A risk that fired and a gate's outcome are recorded in their sections.
func TestTrackRiskAndGate(t *testing.T) {
	th := startTracked(t, "tracked", Options{})
	s := th.track()
	n := len(th.u.doc.c.Tracking.RiskEvents)
	test.Tap(button(t, s.risks, "Add risk that fired"))
	evs := th.u.doc.c.Tracking.RiskEvents
	if len(evs) != n+1 || evs[n].Risk != riskKey(&th.u.doc.c.Risks[0]) || evs[n].Fired != (casebuilder.Date{Year: 2027, Month: 10, Day: 20}) {
		t.Fatalf("risk events after Add: %+v", evs)
	}
	th.u.focus(th.field(casebuilder.StepTracking, "tracking.riskEvents["+strconv.Itoa(n)+"].contingency"))
	var check *form.Check
	walk(s.risks, func(o fyne.CanvasObject) bool {
		if c, ok := o.(*form.Check); ok && c.Text == "Contingency plan used" {
			check = c
		}
		return true
	})
	if check == nil {
		t.Fatal("no contingency check")
	}
	test.Tap(check)
	if !th.u.doc.c.Tracking.RiskEvents[len(th.u.doc.c.Tracking.RiskEvents)-1].Contingency {
		t.Error("the contingency plan's use was not recorded")
	}

	// The pilot review's decision; its conditions are shown against the
	// latest readings.
	th.field(casebuilder.StepTracking, gatePath("pilot-review", "decision"))
	var sel *form.Select
	walk(s.gates, func(o fyne.CanvasObject) bool {
		if x, ok := o.(*form.Select); ok && slices.Contains(x.Options, "Go on") {
			sel = x
		}
		return true
	})
	if sel == nil {
		t.Fatal("no decision to choose")
	}
	sel.SetSelected("Stop")
	var out *casebuilder.GateOutcome
	for i, g := range th.u.doc.c.Tracking.Gates {
		if g.Gate == "pilot-review" {
			out = &th.u.doc.c.Tracking.Gates[i]
		}
	}
	if out == nil || out.Decision != casebuilder.Stop {
		t.Errorf("gate outcome %+v", out)
	}
	s = th.track()
	if th := s.gateViews[0].thresholds.Text; !strings.Contains(th, "Months to full productivity, new hires at most 5.50: latest 6.00 on 30 Jun 2027 — not met") {
		t.Errorf("the gate's conditions read %q", th)
	}
}

// The review lists the tracking findings, and their links open the field
// to fix on the Track step.
func TestTrackFindingsInReview(t *testing.T) {
	th := startTracked(t, "tracked", Options{})
	// A risk that fired and was met with neither its work-around nor its
	// contingency plan is a finding that blocks.
	if err := th.u.edit(casebuilder.Where{Step: casebuilder.StepTracking, Path: "tracking.riskEvents"}, "", func(c *casebuilder.Case) error {
		c.Tracking.RiskEvents = append(c.Tracking.RiskEvents, casebuilder.RiskEvent{Risk: riskKey(&c.Risks[0]), Fired: casebuilder.Date{Year: 2027, Month: 9, Day: 14}})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	th.settle()
	review := shownScreen[*reviewScreen](th.harness, casebuilder.StepReview)
	review.showAnalysis(th.u.analysis)
	found, sawRisk := false, false
	for i, f := range th.u.analysis.findings {
		if f.Where.Step != casebuilder.StepTracking || i >= len(review.links) {
			continue
		}
		found = true
		th.w.Canvas().Unfocus()
		review.links[i].OnTapped()
		if th.u.current != casebuilder.StepTracking {
			t.Errorf("the link of %q opens %s", f.Message, th.u.current)
		}
		if th.w.Canvas().Focused() == nil {
			t.Errorf("the link of %q (%s) focuses nothing", f.Message, f.Where.Path)
		}
		if f.Where.Path == "tracking.riskEvents["+strconv.Itoa(len(th.u.doc.c.Tracking.RiskEvents)-1)+"].workaround" {
			sawRisk = true
			want := "Fix it: Track › risk “" + shorten(firstLine(th.u.doc.c.Risks[0].Description, ""), 40) + "” › workaround"
			if review.links[i].Text != want {
				t.Errorf("the link reads %q, want %q", review.links[i].Text, want)
			}
			if _, ok := th.w.Canvas().Focused().(*form.Check); !ok {
				t.Errorf("the link focuses a %T, not the work-around's check", th.w.Canvas().Focused())
			}
		}
		if !strings.HasPrefix(review.links[i].Text, "Fix it: Track") {
			t.Errorf("the link reads %q", review.links[i].Text)
		}
		th.u.goTo(casebuilder.StepReview)
	}
	if !found || !sawRisk {
		t.Fatalf("the review lists no tracking finding (%v) or not the risk's (%v)", found, sawRisk)
	}
}

// Export offers the progress report as of the latest actual, and writes
// what the report's writer makes of tracking.NewReport's model.
func TestTrackExportProgressReport(t *testing.T) {
	var asOf tracking.Month
	th := startTracked(t, "tracked", Options{Exporters: Exporters{
		Progress: func(c *casebuilder.Case, month tracking.Month, _ time.Time, _ ExportChoices) ([]byte, error) {
			r, err := tracking.NewReport(c, month)
			if err != nil {
				return nil, err
			}
			asOf = r.AsOf
			return []byte("%PDF report of " + r.AsOf.String()), nil
		}}})
	th.u.onExport()
	e := th.shown.export
	if e == nil || e.progress == nil {
		t.Fatal("Export offers no progress report")
	}
	if e.progress.asOf.Text != "2027-09" || !e.progress.check.Checked {
		t.Errorf("as of %q, checked %v", e.progress.asOf.Text, e.progress.check.Checked)
	}
	e.progress.asOf.SetText("2031-01")
	e.onConfirm()
	if got := visibleText(e.problem); !strings.HasPrefix(got, "as of 2031-01") {
		t.Errorf("a month after the horizon: the dialog says %q", got)
	}
	e.progress.asOf.SetText("2027-08")
	e.onConfirm()
	th.waitFor("the export never finished", 30*time.Second, func() bool { return !th.u.exporting })
	th.bridge.drain()
	data, err := os.ReadFile(filepath.Join(e.folder, e.progress.name.Text))
	if err != nil || string(data) != "%PDF report of 2027-08" || asOf.String() != "2027-08" {
		t.Errorf("the report written: %q, %v (as of %s)", data, err, asOf)
	}
}

// The Track step of the tracked sample lays out within 1024 × 640.
func TestTrackFitsALaptop(t *testing.T) {
	th := startTracked(t, "tracked", Options{})
	th.track()
	th.w.Resize(fyne.NewSize(1024, 640))
	if m := th.w.Content().MinSize(); m.Width > 1024 || m.Height > 640 {
		t.Errorf("the window needs %v", m)
	}
	// Tab moves from a milestone's actual start to its actual end.
	e := th.dateAt(casebuilder.StepTracking, milestonePath("review", "actualStart"))
	th.w.Canvas().FocusNext()
	if next, ok := th.w.Canvas().Focused().(*form.DateEntry); !ok || next == e {
		t.Errorf("Tab from the actual start moved to %T", th.w.Canvas().Focused())
	}
}

// A tracking edit not yet saved is autosaved, and recovered after a
// crash.
func TestTrackEditRecoveredAfterACrash(t *testing.T) {
	storage := t.TempDir()
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "tracked.hrcase")
	if err := casebuilder.Save(path, loadSample(t, "tracked")); err != nil {
		t.Fatal(err)
	}
	h := startIn(t, a, storage, Options{Path: path})
	h.u.deps.now = func() time.Time { return time.Date(2027, 10, 20, 9, 0, 0, 0, time.UTC) }
	h.settle()
	s := shownScreen[*trackScreen](h, casebuilder.StepTracking)
	k := s.kpiViews[0]
	k.date.SetText("2027-10-06")
	k.value.SetText("29.9 %")
	test.Tap(k.record)
	n := len(h.u.doc.c.Tracking.Readings)
	h.u.autosave.pid = deadProcess(t)
	h.u.autosave.save()
	for h.bridge.drain(); h.u.autosave.writing; h.bridge.drain() {
		time.Sleep(time.Millisecond)
	}
	if h.u.autosave.last != h.u.doc.c {
		t.Fatalf("nothing autosaved: %s", h.u.status.message.Text)
	}

	h2 := startIn(t, a, storage, Options{Path: path})
	if h2.shown.recovery == nil {
		t.Fatal("no offer to recover the autosaved reading")
	}
	h2.shown.recovery.Confirm()
	rs := h2.u.doc.c.Tracking.Readings
	if len(rs) != n || rs[n-1].Date != (casebuilder.Date{Year: 2027, Month: 10, Day: 6}) || rs[n-1].Measure != k.m.Key() {
		t.Errorf("recovered %d readings, the last %+v", len(rs), rs[len(rs)-1])
	}
}

// Approving an approved case again, for its first stage only, keeps the
// old baseline in the history and the actuals recorded.
func TestApproveAgainForAStage(t *testing.T) {
	th := startTracked(t, "tracked", Options{})
	old := th.u.doc.c.Tracking
	review := shownScreen[*reviewScreen](th.harness, casebuilder.StepReview)
	test.Tap(button(t, review.content(), "Record the approval…"))
	d := th.approve
	if d == nil || !d.again || d.ok.Text != "Approve again" || d.by.Text != old.Baseline.Approval.By {
		t.Fatalf("the dialog for an approved case: %+v", d)
	}
	if len(d.scope.Options) != 2 || !strings.Contains(d.scope.Options[1], "Pilot review") {
		t.Fatalf("what can be approved: %q", d.scope.Options)
	}
	d.scope.SetSelectedIndex(1)
	d.date.SetText("2027-10-18")
	test.Tap(d.ok)
	tr := th.u.doc.c.Tracking
	if got := visibleText(d.problem); got != "" {
		t.Fatalf("refused: %s", got)
	}
	if len(tr.History) != len(old.History)+1 || tr.History[len(tr.History)-1].Approval != old.Baseline.Approval {
		t.Errorf("the history holds %d baselines, the last approved %+v", len(tr.History), tr.History[len(tr.History)-1].Approval)
	}
	if tr.Baseline.Approval.UpToGate != "pilot-review" || tr.Baseline.Approval.Date != (casebuilder.Date{Year: 2027, Month: 10, Day: 18}) {
		t.Errorf("approved again as %+v", tr.Baseline.Approval)
	}
	if len(tr.Readings) != len(old.Readings) || len(tr.Spend) != len(old.Spend) {
		t.Error("approving again lost actuals")
	}
}

// A decision asked of the report's readers is added and typed in its
// section.
func TestTrackDecision(t *testing.T) {
	th := startTracked(t, "tracked", Options{})
	s := th.track()
	n := len(th.u.doc.c.Tracking.Decisions)
	test.Tap(button(t, s.decisions, "Add decision to ask for"))
	e := th.entryAt(casebuilder.StepTracking, "tracking.decisions["+strconv.Itoa(n)+"].question")
	th.retype(e, "Extend the coaching to the second year?")
	ds := th.u.doc.c.Tracking.Decisions
	if len(ds) != n+1 || ds[n].Question != "Extend the coaching to the second year?" || ds[n].Raised != (casebuilder.Date{Year: 2027, Month: 10, Day: 20}) {
		t.Errorf("decisions: %+v", ds)
	}
}

// TestTrackedPlacesSayWhere checks how a link names a place in the record
// of the tracked sample: each list by the name of what it records, cut to
// 40 characters (39 and an ellipsis), a list as a whole by its name, and
// an item that is not there as the words of its path.
func TestTrackedPlacesSayWhere(t *testing.T) {
	c := loadSample(t, "tracked")
	for _, tc := range []struct{ path, want string }{
		{"tracking.milestones[1].status", "Track › milestone “Select the design partner” › status"},
		{"tracking.gates[0].note", "Track › gate “Pilot review: go on to the roll-out or …” › note"},
		{"tracking.readings[0].value", "Track › reading of “Sales attrition, rolling twelve months” › value"},
		{"tracking.kpis[0].action", "Track › KPI “Sales attrition, rolling twelve months” › action"},
		{"tracking.decisions[0].answer", "Track › decision “Go on with the roll-out with one coach,…” › answer"},
		{"tracking.spend[0].amount", "Track › spend “Programme design by an external partner…” › amount"},
		{"tracking.riskEvents", "Track › risks that fired"},
		{"tracking.gates[5].note", "Track › tracking gates 5 note"},
	} {
		if got := describe(c, casebuilder.Where{Step: casebuilder.StepTracking, Path: tc.path}); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.path, got, tc.want)
		}
	}
}

// TestPastDay checks the reading of a day typed in a dialog or a row, in
// British English on 20 October 2027: none, one after today, one that is
// no day, and today itself, with spaces around.
func TestPastDay(t *testing.T) {
	h := inLocale(t, "en-GB")
	h.u.deps.now = func() time.Time { return time.Date(2027, 10, 20, 9, 0, 0, 0, time.UTC) }
	const what, future = "type the day of the reading", "a reading is of what has happened"
	for _, tc := range []struct{ typed, problem string }{
		{" ", "Day: type the day of the reading, e.g. 31/12/2027"},
		{"21/10/2027", "Day: 21 Oct 2027 is in the future; a reading is of what has happened"},
	} {
		if _, err := h.u.pastDay(tc.typed, "Day", what, future); err == nil || err.Error() != tc.problem {
			t.Errorf("%q: %v, want %q", tc.typed, err, tc.problem)
		}
	}
	if _, err := h.u.pastDay("31/02/2027", "Day", what, future); err == nil || !strings.HasPrefix(err.Error(), "Day: ") {
		t.Errorf("31 February: %v", err)
	}
	if d, err := h.u.pastDay(" 20/10/2027 ", "Day", what, future); err != nil || d != (casebuilder.Date{Year: 2027, Month: 10, Day: 20}) {
		t.Errorf("today: %v, %v", d, err)
	}
}

// TestTrackStatusQuotesFiguresAsTheBoxesDo checks that the reasons of the
// status by area write their figures as the boxes write them: in German,
// the point groups thousands and the euro follows. The report, in English,
// reads "The forecast at completion, €1,919,905, is within the approved
// budget of €1,993,200".
func TestTrackStatusQuotesFiguresAsTheBoxesDo(t *testing.T) {
	th := startTracked(t, "tracked", Options{})
	th.u.onSettings()
	th.u.prefs.p.SetString(prefNumberLocale, "de-DE")
	th.shown.settings.relayout = true
	th.shown.settings.dlg.Hide()
	s := th.track()
	var money string
	walkShown(s.areas, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, tracking.AreaMoney+": ") {
			money = l.Text
		}
	})
	if want := "Money: The forecast at completion, 1.919.905\u00a0€, is within the approved budget of 1.993.200\u00a0€"; !strings.HasPrefix(money, want) {
		t.Errorf("in German the money's status reads %q, want it to begin %q", money, want)
	}
}

// TestTrackSaysWhichTotalCostIsWhich checks that the re-forecast's total
// cost, from today's estimates for every month (€1,936,905 on the tracked
// sample), is not shown as a second forecast beside the forecast at
// completion, from the spend to date (€1,919,905): the one names the other.
func TestTrackSaysWhichTotalCostIsWhich(t *testing.T) {
	th := startTracked(t, "tracked", Options{})
	s := th.track()
	want := "Re-forecast from today's estimates, months past included: NPV €666,060 against €696,016 approved, of which the milestones' slippage costs €0; total cost €1,936,905 against €1,993,200 approved (the forecast at completion, €1,919,905, counts the spend to date instead)"
	if got := s.forecast.Text; !strings.HasPrefix(got, want) {
		t.Errorf("the re-forecast reads %q, want it to begin %q", got, want)
	}
}

// TestTheWheelOverTrackEntriesScrollsTheStep turns the wheel one notch
// over every entry of the Track step, in a window of 1024 × 640, each
// scrolled to the middle of the step: the step moves by the form's step,
// as over a field of any other step. The KPIs' reading rows and the
// import's file are no fields of a form (they edit the case on Record and
// Import), and used to keep the wheel to themselves.
func TestTheWheelOverTrackEntriesScrollsTheStep(t *testing.T) {
	th := startTracked(t, "tracked", Options{})
	th.w.Resize(fyne.NewSize(laptopWidth, laptopHeight))
	s := th.track()
	th.settle()
	d := fyne.CurrentApp().Driver()
	sc := s.scroll
	want := float32(notch * form.WheelLines)
	n := 0
	for _, o := range test.LaidOutObjects(sc.Content) {
		e, ok := o.(*form.Entry)
		if !ok || !e.Visible() || e.Size().Height == 0 {
			continue
		}
		th.w.Canvas().Unfocus()
		// The entry in the middle of the step, with room to scroll down.
		y := d.AbsolutePositionForObject(e).Y - d.AbsolutePositionForObject(sc.Content).Y
		sc.Offset = fyne.NewPos(0, max(0, y-sc.Size().Height/2))
		sc.Refresh()
		before := sc.Offset.Y
		if room := sc.Content.MinSize().Height - sc.Size().Height - before; room < want {
			continue
		}
		p := d.AbsolutePositionForObject(e).Add(fyne.NewPos(e.Size().Width/2, e.Size().Height/2))
		test.Scroll(th.w.Canvas(), p, 0, -notch)
		if got := sc.Offset.Y - before; got != want {
			t.Errorf("one notch over the entry %q (%q) moved the step %.0f pixels, not %.0f", e.Text, e.PlaceHolder, got, want)
		}
		n++
	}
	// The tracked sample's five KPIs each have three, and the import one.
	if n < 16 {
		t.Errorf("the wheel was turned over %d entries of the Track step, want at least 16", n)
	}
}

// TestReforecastFindingLeadsToTheBenefit: on the tracked sample with its
// ramp-up benefit back at the estimate approved, the review says the
// re-forecast still counts it in full, and its link leads to the
// benefit's new value on the Alternatives step, where it is re-forecast.
func TestReforecastFindingLeadsToTheBenefit(t *testing.T) {
	th := startTracked(t, "tracked", Options{})
	c := loadSample(t, "tracked")
	alt := &c.Alternatives[c.AlternativeByID(c.Tracking.Baseline.Alternative)]
	for i := range alt.Benefits {
		if alt.Benefits[i].Input == "rampMonths" {
			alt.Benefits[i].RampMonths = 6 // as approved
		}
	}
	th.replace(c)
	var found []casebuilder.Finding
	for _, f := range th.u.analysis.findings {
		if f.Rule == "benefit-not-reforecast" {
			found = append(found, f)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d findings of benefit-not-reforecast, want 1: %v", len(found), found)
	}
	if f := found[0]; f.Where.Step != casebuilder.StepAlternatives || f.Where.Path != "alternatives[1].benefits[1].to" {
		t.Errorf("the finding points to %s", f.Where)
	}
	if msg := followLink(th.harness, found[0]); msg != "" {
		t.Errorf("its link: %s", msg)
	}
}

// TestKPIChartHoldsEveryReading: a reading from before the programme
// started (of the baseline, a month before) is drawn inside the chart,
// which starts on its day, and the target's line says what the target is.
func TestKPIChartHoldsEveryReading(t *testing.T) {
	th := startTracked(t, "tracked", Options{})
	if err := th.u.edit(casebuilder.Where{Step: casebuilder.StepTracking, Path: "tracking.readings"}, "", func(c *casebuilder.Case) error {
		c.Tracking.Readings = append(c.Tracking.Readings, casebuilder.Reading{Measure: "attrition", Date: casebuilder.Date{Year: 2026, Month: 11, Day: 30}, Value: 0.335})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	s := th.track()
	var k *kpiView
	for _, v := range s.kpiViews {
		if v.m.Key() == "attrition" {
			k = v
		}
	}
	size := fyne.NewSize(400, 150)
	var texts []string
	for _, o := range k.draw(size) {
		p := o.Position()
		if l, ok := o.(*canvas.Line); ok {
			p = fyne.NewPos(min(l.Position1.X, l.Position2.X), min(l.Position1.Y, l.Position2.Y))
		}
		if p.X < 0 || p.X > size.Width {
			t.Errorf("%T at x %.0f, outside the chart's %.0f", o, p.X, size.Width)
		}
		// The readings' dots, 6 wide, stand on or right of the axis, 64
		// from the left.
		if r, ok := o.(*canvas.Rectangle); ok && r.Size().Width == 6 && p.X+3 < 64 {
			t.Errorf("a reading's dot is centred at x %.0f, left of the axis at 64", p.X+3)
		}
		if tx, ok := o.(*canvas.Text); ok {
			texts = append(texts, tx.Text)
		}
	}
	if !slices.Contains(texts, "30 Nov 2026") || !slices.Contains(texts, "target 29.0%") {
		t.Errorf("the chart's texts are %q, want it to start on 30 Nov 2026 and name the target, 29.0%%", texts)
	}
}

// TestReviewOfAProgrammeUnderWay: with nothing to object to, the Review
// step of an approved programme asks for the monthly report, not for the
// brief to be sent as a request for a decision.
func TestReviewOfAProgrammeUnderWay(t *testing.T) {
	th := startTracked(t, "tracked", Options{})
	rv := shownScreen[*reviewScreen](th.harness, casebuilder.StepReview)
	rv.showAnalysis(th.u.analysis)
	if got := rv.summary.Text; !strings.Contains(got, "Send the progress report from Export each month") || strings.Contains(got, "then send it") {
		t.Errorf("the Review step of the tracked sample says %q", got)
	}
}
