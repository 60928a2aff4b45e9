package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"github.com/casebuilder/casebuilder/casebuilder/tracking"
	"github.com/casebuilder/casebuilder/ui/chart"
	"github.com/casebuilder/casebuilder/ui/form"
)

const trackGuidance = "Bring the programme up to date each month, in a few minutes: the money spent, where the milestones are, the KPIs' readings, the risks that fired and the gates' outcomes. Import what HR and Finance already export, then send the progress report from Export."

// trackScreen is the step after Review once the case is approved: where
// the programme stands against its approved baseline, and the record of
// what happened since, section by section.
type trackScreen struct {
	u      *UI
	scroll *container.Scroll
	// waiting says the case is not approved yet, in place of the sections.
	waiting  *widget.Label
	sections *fyne.Container

	// Where we stand.
	asOf      *widget.Label
	areas     *fyne.Container
	money     *widget.Label
	spend     *chart.Chart
	benefits  *widget.Label
	forecast  *widget.Label
	progress  *tracking.Progress
	lastError *widget.Label

	// The record's sections: their forms are made anew when the baseline
	// changes (see shape), and refreshed with the case otherwise.
	shape    string
	forms    []*form.Form
	timeline *chart.Chart
	// stateLabels say under each milestone's name where it stands.
	stateLabels []milestoneLine
	milestones  *fyne.Container
	kpis        *fyne.Container
	kpiViews    []*kpiView
	risks       *fyne.Container
	gates       *fyne.Container
	gateViews   []*gateView
	// decisions are the decisions asked of the report's readers, and
	// credits who made the progress happen.
	decisions *fyne.Container
	credits   *fyne.Container
	imp       *trackImport
}

func newTrackScreen(u *UI) screen {
	s := &trackScreen{u: u}
	s.waiting = widget.NewLabel("The case is not approved yet. Once the CEO has approved it, record the decision in Review (Record the approval…): its figures and plan become the baseline, and this step tracks the programme against it.")
	s.waiting.Wrapping = fyne.TextWrapWord
	s.asOf = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.asOf.Wrapping = fyne.TextWrapWord
	s.areas = container.NewVBox()
	s.money = wrapped()
	s.benefits = wrapped()
	s.forecast = wrapped()
	s.lastError = wrapped()
	s.lastError.Importance = widget.DangerImportance
	s.spend = chart.Lines(s.spendSeries, func(v float64) string { return u.format().MoneyShort(v) }, "No money planned yet.")
	s.spend.Min = fyne.NewSize(300, 200)
	s.timeline = chart.New(fyne.NewSize(300, 60), s.drawTimeline)
	s.milestones = container.NewVBox()
	s.kpis = container.NewVBox()
	s.risks = container.NewVBox()
	s.gates = container.NewVBox()
	s.decisions = container.NewVBox()
	s.credits = container.NewVBox()
	s.imp = newTrackImport(u)
	s.sections = container.NewVBox(
		section("Where we stand", "The status by area follows stated rules; the money is the approved baseline's, the spend recorded, and the forecast from today's estimates.",
			s.asOf, s.lastError, s.areas, statusRules(), s.money, s.spend, s.forecast, s.benefits),
		section("Milestones", "Enter when each milestone actually started and ended, how far it is, and for one running late how it will recover. Each bar of the plan as approved (thin) is beside its actual or forecast bar; late ones are marked.",
			s.timeline, s.milestones),
		section("KPIs", "Add each reading on its day. The chart shows the readings against the trajectory: at the baseline until the benefit that counts on the KPI starts, then on to the target.", s.kpis),
		section("Risks", "When a risk's early warning fires, record it, what was done (its work-around, its contingency plan) and what it cost. Money drawn on the reserve is recorded as spend too.", s.risks),
		section("Gates", "At each stage gate, record the decision. Its conditions are shown against the KPIs' latest readings.", s.gates),
		section("Decisions and credits", "The decisions the progress report asks of its readers, and the people it credits with the progress made.",
			s.decisions, s.credits),
		section("Import", "Import the CSV files HR and Finance export: the spend by cost line, the KPIs' readings, the milestones' progress. Every row is checked first; a file with a bad row changes nothing.", s.imp.box),
	)
	s.scroll = page(container.NewStack(s.waiting, s.sections))
	s.refresh(true)
	return s
}

func wrapped() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	return l
}

func (s *trackScreen) content() fyne.CanvasObject { return s.scroll }

func (s *trackScreen) scrolls() []*container.Scroll { return []*container.Scroll{s.scroll} }

// refresh shows the record of the case, making the sections anew when the
// baseline changed.
func (s *trackScreen) refresh(force bool) {
	c := s.u.doc.c
	approved := c.IsApproved()
	form.SetVisible(s.waiting, !approved)
	form.SetVisible(s.sections, approved)
	if !approved {
		s.shape = ""
		return
	}
	if sh := shapeOf(c); sh != s.shape {
		s.shape = sh
		s.build(c)
		force = true
	}
	for _, f := range s.forms {
		f.Refresh(c, force)
	}
	for _, k := range s.kpiViews {
		k.refresh(c)
	}
	s.imp.refresh()
}

// shapeOf says what the sections are made of: the baseline's milestones,
// gates and KPIs, and the risks that can fire.
func shapeOf(c *casebuilder.Case) string {
	b := &c.Tracking.Baseline
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s|%s|%d|", b.Approval.Date, b.Approval.By, len(c.Tracking.History))
	for _, m := range b.Milestones {
		sb.WriteString("m:" + m.Key() + "|")
	}
	for _, g := range b.Gates {
		sb.WriteString("g:" + g.ID + "|")
	}
	for _, m := range b.Measures {
		sb.WriteString("k:" + m.Key() + "|")
	}
	for _, r := range c.Risks {
		sb.WriteString("r:" + riskKey(&r) + "|")
	}
	return sb.String()
}

// build makes the sections' forms for the baseline of c.
func (s *trackScreen) build(c *casebuilder.Case) {
	s.forms = nil
	s.stateLabels = nil
	s.milestones.Objects = s.milestoneRows(c)
	s.milestones.Refresh()
	s.kpiViews = nil
	var kpis []fyne.CanvasObject
	for _, m := range c.Tracking.Baseline.Measures {
		k := newKPIView(s.u, m)
		s.kpiViews = append(s.kpiViews, k)
		kpis = append(kpis, k.box)
	}
	if len(kpis) == 0 {
		kpis = append(kpis, muted("The approved plan has no KPIs."))
	}
	s.kpis.Objects = kpis
	s.kpis.Refresh()
	s.risks.Objects = []fyne.CanvasObject{s.riskTable()}
	s.risks.Refresh()
	s.gates.Objects = s.gateRows(c)
	s.gates.Refresh()
	s.decisions.Objects = []fyne.CanvasObject{s.decisionTable()}
	s.decisions.Refresh()
	s.credits.Objects = []fyne.CanvasObject{s.creditTable()}
	s.credits.Refresh()
}

// newForm is a form of the Track step, refreshed with the screen.
func (s *trackScreen) newForm() *form.Form {
	f := s.u.newForm(casebuilder.StepTracking)
	s.forms = append(s.forms, f)
	return f
}

func muted(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.LowImportance
	return l
}

// showAnalysis shows where the programme stands.
func (s *trackScreen) showAnalysis(a analysis) {
	s.progress = a.progress
	if a.c != nil && a.c.IsApproved() && a.progressErr != nil {
		s.lastError.SetText("The progress cannot be worked out: " + a.progressErr.Error())
		s.lastError.Show()
	} else {
		s.lastError.Hide()
	}
	p := a.progress
	if p == nil {
		s.spend.Refresh()
		s.timeline.Refresh()
		return
	}
	f := s.u.formatOf(a.c)
	note := "the month of the latest actual"
	switch {
	case !hasActuals(a.c.Tracking):
		note = "no actual recorded yet"
	case !p.Current:
		note = "an earlier month than the latest actual"
	}
	s.asOf.SetText(fmt.Sprintf("As of %s (%s): %s overall. %s approved on %s by %s.",
		p.AsOf.Words(), note, p.Status.Overall.Words(), p.Alternative, shortDate(p.Approval.Date), p.Approval.By))
	var rows []fyne.CanvasObject
	for _, ar := range p.Status.Areas {
		rows = append(rows, statusRow(ar))
	}
	s.areas.Objects = rows
	s.areas.Refresh()

	m := &p.Money
	budget := "the approved budget"
	if !m.WholePlan {
		budget = "the approved first stage's budget"
	}
	over := "under"
	if m.VarianceAtCompletion > 0 {
		over = "over"
	}
	used := ""
	if m.ReserveApproved > 0 {
		used = fmt.Sprintf(" (%s)", f.Percent(m.ReserveUsed/m.ReserveApproved))
	}
	s.money.SetText(fmt.Sprintf("Spent %s to date against %s planned. Forecast at completion %s against %s of %s: %s %s. Contingency reserve used: %s of %s%s, %s left.",
		f.Money(m.SpentToDate), f.Money(m.PlannedToDate), f.Money(m.ForecastAtCompletion), budget, f.Money(m.ApprovedBudget),
		f.Money(abs(m.VarianceAtCompletion)), over, f.Money(m.ReserveUsed), f.Money(m.ReserveApproved), used, f.Money(m.ReserveLeft)))
	fc := &p.Forecast
	// The re-forecast rests on today's estimates for every month, the
	// past ones too; the forecast at completion above on the spend to
	// date. Side by side, two total costs need saying which is which.
	s.forecast.SetText(fmt.Sprintf("Re-forecast from today's estimates, months past included: NPV %s against %s approved, of which the milestones' slippage costs %s; total cost %s against %s approved (the forecast at completion, %s, counts the spend to date instead); total benefit %s against %s.",
		f.Money(fc.NPV), f.Money(fc.ApprovedNPV), f.Money(fc.SlipCost), f.Money(fc.TotalCost), f.Money(fc.ApprovedTotalCost),
		f.Money(m.ForecastAtCompletion), f.Money(fc.TotalBenefit), f.Money(fc.ApprovedTotalBenefit)))
	b := &p.Benefits
	s.benefits.SetText(fmt.Sprintf("Benefits realised to date %s against %s planned (%s of it measured by a KPI, %s that no reading can confirm); the KPIs' improvement is worth %s before isolating the programme's share.",
		f.Money(b.RealisedToDate), f.Money(b.PlannedToDate), f.Money(b.MeasuredPlannedToDate), f.Money(b.UnmeasuredPlannedToDate), f.Money(b.ImprovementToDate)))
	s.spend.Refresh()
	s.timeline.Min = fyne.NewSize(300, timelineHeight(len(p.Milestones)))
	s.timeline.Refresh()
	s.showStates(p)
	for _, k := range s.kpiViews {
		k.show(p)
	}
	for _, g := range s.gateViews {
		g.show(p)
	}
}

// hasActuals reports whether the record holds anything that happened.
func hasActuals(t *casebuilder.Tracking) bool {
	return t != nil && len(t.Spend)+len(t.Milestones)+len(t.Readings)+len(t.RiskEvents)+len(t.Gates) > 0
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// statusRow is one area's status: a coloured mark, the area and why.
func statusRow(ar tracking.AreaStatus) fyne.CanvasObject {
	mark := widget.NewLabelWithStyle("● "+strings.ToUpper(ar.Status.Words()), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	switch ar.Status {
	case tracking.Red:
		mark.Importance = widget.DangerImportance
	case tracking.Amber:
		mark.Importance = widget.WarningImportance
	default:
		mark.Importance = widget.SuccessImportance
	}
	why := widget.NewLabel(ar.Area + ": " + ar.Reason)
	why.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(110, mark.MinSize().Height), mark), nil, why)
}

// statusRules is the fold that says how each area's status is decided.
func statusRules() fyne.CanvasObject {
	var rules []fyne.CanvasObject
	for _, area := range []string{tracking.AreaMoney, tracking.AreaSchedule, tracking.AreaKPIs, tracking.AreaRisks} {
		l := muted(area + ": " + tracking.StatusRules[area])
		l.SizeName = theme.SizeNameCaptionText
		rules = append(rules, l)
	}
	return widget.NewAccordion(widget.NewAccordionItem("How each status is decided", container.NewVBox(rules...)))
}

// spendSeries are the money's curves, cumulated: planned, actual to the
// as-of month, and forecast.
func (s *trackScreen) spendSeries() []chart.Series {
	p := s.progress
	if p == nil || len(p.Money.ByMonth) == 0 {
		return nil
	}
	var planned, actual, forecast []float64
	for _, mm := range p.Money.ByMonth {
		planned = append(planned, mm.CumPlanned)
		forecast = append(forecast, mm.CumForecast)
		if mm.Month <= p.Month {
			actual = append(actual, mm.CumActual)
		}
	}
	return []chart.Series{
		{Name: "Planned (approved)", Values: planned, Color: chart.SeriesColor(0)},
		{Name: "Forecast", Values: forecast, Color: chart.SeriesColor(2)},
		{Name: "Actual", Values: actual, Color: chart.SeriesColor(1), Bold: true},
	}
}

// focus shows and focuses the field at path: a field of the record, or
// the section of a list.
func (s *trackScreen) focus(path string) bool {
	c := s.u.doc.c
	if !c.IsApproved() {
		return false
	}
	path = keyedPath(c, path)
	for _, f := range s.forms {
		if f.Focus(path) {
			return true
		}
	}
	for _, k := range s.kpiViews {
		if k.focus(path) {
			return true
		}
	}
	switch {
	case strings.HasPrefix(path, "tracking.readings"):
		if len(s.kpiViews) > 0 {
			s.u.focus(s.kpiViews[0].date)
			return true
		}
	case strings.HasPrefix(path, "tracking.spend"):
		s.u.focus(s.imp.kind)
		return true
	}
	return false
}

// keyedPath turns the path of an entry of the record's milestones or
// gates (tracking.milestones[3].note), which the screen shows by the
// baseline's milestone or gate, into the path of its field there.
func keyedPath(c *casebuilder.Case, path string) string {
	t := c.Tracking
	if i, rest, ok := form.IndexIn(path, "tracking.milestones"); ok && i >= 0 && i < len(t.Milestones) {
		return milestonePath(t.Milestones[i].Milestone, strings.TrimPrefix(rest, "."))
	}
	if i, rest, ok := form.IndexIn(path, "tracking.gates"); ok && i >= 0 && i < len(t.Gates) {
		return gatePath(t.Gates[i].Gate, strings.TrimPrefix(rest, "."))
	}
	if i, _, ok := form.IndexIn(path, "tracking.readings"); ok && i >= 0 && i < len(t.Readings) {
		return "tracking.readings." + t.Readings[i].Measure
	}
	return path
}

// keyed is a field of a number, text or date of the record, read and
// written through an entry the record may not have yet: get returns the
// entry in the case it is given, creating it when create is set.
func keyed[T any, V comparable](get func(c *casebuilder.Case, create bool) *T, field func(it *T) *V) form.Value[V] {
	return form.Value[V]{
		Read: func(c *casebuilder.Case) (V, bool) {
			var zero V
			if c.Tracking == nil {
				return zero, false
			}
			if it := get(c, false); it != nil {
				return *field(it), true
			}
			return zero, true
		},
		Write: func(c *casebuilder.Case, v V) error {
			if c.Tracking == nil {
				return form.ErrGone
			}
			it := get(c, false)
			if it == nil {
				var zero V
				if v == zero {
					return form.ErrUnchanged
				}
				it = get(c, true)
			}
			p := field(it)
			if *p == v {
				return form.ErrUnchanged
			}
			*p = v
			return nil
		},
	}
}

// unitWords names a KPI's unit for a caption.
func unitWords(u figure.Unit) string {
	for _, m := range measureUnits {
		if m.unit == unitOr(u) {
			return strings.ToLower(m.label)
		}
	}
	return string(u)
}
