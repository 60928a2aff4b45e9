package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/ui/chart"
	"github.com/casebuilder/casebuilder/ui/form"
)

// navigation is the list of the method's steps on the left, each with how
// complete it is and how many blocking problems it has.
type navigation struct {
	u     *UI
	list  *widget.List
	state map[casebuilder.MethodStep]progress
	box   *fyne.Container
	// selecting is set while the list is moved to the current step, so that
	// the move is not taken for a click.
	selecting bool
}

// progress is how complete a step is: done of total things a CEO expects
// there, and the blocking findings to fix in it.
type progress struct {
	done, total int
	blocking    int
	warnings    int
}

func (p progress) fraction() float64 {
	if p.total == 0 {
		return 0
	}
	return float64(p.done) / float64(p.total)
}

func newNavigation(u *UI) *navigation {
	n := &navigation{u: u, state: map[casebuilder.MethodStep]progress{}}
	n.list = widget.NewList(
		func() int { return len(n.steps()) },
		func() fyne.CanvasObject { return newStepItem() },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			st := n.steps()[id]
			o.(*stepItem).show(id+1, st.name, n.state[st.id])
		})
	n.list.OnSelected = func(id widget.ListItemID) {
		if n.selecting {
			return
		}
		if steps := n.steps(); id < len(steps) {
			u.goTo(steps[id].id)
		}
	}
	heading := widget.NewLabelWithStyle("THE METHOD", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameCaptionText
	heading.Importance = widget.LowImportance
	n.box = container.NewBorder(heading, nil, nil, nil,
		container.NewGridWrap(fyne.NewSize(196, float32(len(screenSpecs))*(newStepItem().MinSize().Height+theme.Padding())+theme.Padding()), n.list))
	return n
}

// show works out the progress of every step of c, with the findings of a.
func (n *navigation) show(c *casebuilder.Case, a analysis) {
	n.state = stepProgress(c, a.findings)
	n.list.Refresh()
}

// steps are the steps shown: the method's, and Track once the case is
// approved.
func (n *navigation) steps() []screenSpec {
	if n.u.doc != nil && n.u.doc.c.IsApproved() {
		return screenSpecs
	}
	var out []screenSpec
	for _, st := range screenSpecs {
		if st.id != casebuilder.StepTracking {
			out = append(out, st)
		}
	}
	return out
}

func (n *navigation) selectStep(id casebuilder.MethodStep) {
	for i, st := range n.steps() {
		if st.id == id {
			n.selecting = true
			n.list.Select(i)
			n.selecting = false
		}
	}
}

// stepItem is one step in the navigation: its number and name, its
// problems, and a thin bar of its completeness.
type stepItem struct {
	widget.BaseWidget
	name  *widget.Label
	badge *widget.Label
	bar   *canvas.Rectangle
	track *canvas.Rectangle
	frac  float64
}

func newStepItem() *stepItem {
	s := &stepItem{name: widget.NewLabel("0. Alternatives"), badge: widget.NewLabel(""),
		bar: canvas.NewRectangle(theme.Color(theme.ColorNamePrimary)), track: canvas.NewRectangle(theme.Color(theme.ColorNameInputBorder))}
	s.badge.SizeName = theme.SizeNameCaptionText
	s.bar.CornerRadius, s.track.CornerRadius = 1.5, 1.5
	s.ExtendBaseWidget(s)
	return s
}

func (s *stepItem) show(number int, name string, p progress) {
	form.SetText(s.name, fmt.Sprintf("%d. %s", number, name))
	var badge []string
	switch {
	case p.blocking > 0:
		badge = append(badge, fmt.Sprintf("%d to fix", p.blocking))
		s.badge.Importance = widget.DangerImportance
	case p.total > 0 && p.done == p.total:
		badge = append(badge, "✓")
		s.badge.Importance = widget.SuccessImportance
	case p.total > 0:
		badge = append(badge, fmt.Sprintf("%d/%d", p.done, p.total))
		s.badge.Importance = widget.LowImportance
	}
	form.SetText(s.badge, strings.Join(badge, " "))
	s.frac = p.fraction()
	if p.blocking > 0 {
		s.bar.FillColor = theme.Color(theme.ColorNameError)
	} else {
		s.bar.FillColor = theme.Color(theme.ColorNamePrimary)
	}
	s.track.FillColor = chart.WithAlpha(theme.Color(theme.ColorNameInputBorder), 0x80)
	s.Refresh()
}

func (s *stepItem) CreateRenderer() fyne.WidgetRenderer {
	return &stepItemRenderer{s: s}
}

type stepItemRenderer struct{ s *stepItem }

func (r *stepItemRenderer) Layout(size fyne.Size) {
	s := r.s
	bw := s.badge.MinSize().Width
	s.name.Move(fyne.NewPos(0, 0))
	s.name.Resize(fyne.NewSize(size.Width-bw, s.name.MinSize().Height))
	s.badge.Move(fyne.NewPos(size.Width-bw, 0))
	s.badge.Resize(fyne.NewSize(bw, s.name.MinSize().Height))
	pad := theme.InnerPadding()
	y := s.name.MinSize().Height - 2
	width := size.Width - 2*pad
	s.track.Move(fyne.NewPos(pad, y))
	s.track.Resize(fyne.NewSize(width, 3))
	s.bar.Move(fyne.NewPos(pad, y))
	s.bar.Resize(fyne.NewSize(max(float32(s.frac)*width, 0), 3))
}

func (r *stepItemRenderer) MinSize() fyne.Size {
	m := r.s.name.MinSize()
	return fyne.NewSize(m.Width+r.s.badge.MinSize().Width, m.Height+4)
}

func (r *stepItemRenderer) Refresh() {
	r.Layout(r.s.Size())
	r.s.name.Refresh()
	r.s.badge.Refresh()
	r.s.bar.Refresh()
	r.s.track.Refresh()
}

func (r *stepItemRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.s.name, r.s.badge, r.s.track, r.s.bar}
}

func (r *stepItemRenderer) Destroy() {}

// stepProgress says, for each step, how much of what a CEO expects to find
// there the case has, and how many findings of the review are to be fixed
// there.
func stepProgress(c *casebuilder.Case, findings []casebuilder.Finding) map[casebuilder.MethodStep]progress {
	out := map[casebuilder.MethodStep]progress{}
	count := func(id casebuilder.MethodStep, checks ...bool) {
		p := progress{total: len(checks)}
		for _, ok := range checks {
			if ok {
				p.done++
			}
		}
		out[id] = p
	}
	filled := func(s string) bool { return strings.TrimSpace(s) != "" }
	cx := &c.Context
	count(casebuilder.StepContext, len(cx.Objectives) > 0, filled(cx.CurrentState), filled(cx.DesiredState),
		len(cx.Milestones) > 0, len(cx.CommittedResources) > 0, len(cx.Gaps) > 0, cx.ServesObjective != "")

	pain := casebuilder.CostOfPain(&c.Pain)
	count(casebuilder.StepPain, c.Pain.Category != "", filled(c.Pain.Summary), len(c.Pain.Evidence) > 0,
		c.Pain.Category != "" && pain.Complete())

	real, costed, judged := 0, 0, 0
	for _, a := range c.Alternatives {
		if a.DoNothing {
			continue
		}
		real++
		if len(a.Costs) > 0 && len(a.Benefits) > 0 {
			costed++
		}
		if a.Impact.Company.Score > 0 && a.Impact.People.Score > 0 && a.Impact.Mission.Score > 0 {
			judged++
		}
	}
	count(casebuilder.StepAlternatives, c.Baseline() >= 0, real > 0, real > 0 && costed == real, real > 0 && judged == real)

	count(casebuilder.StepCompare, c.Recommendation.Alternative != "", filled(c.Recommendation.Reason),
		filled(c.Ask.Decision), !c.Ask.DecideBy.IsZero())

	owned, planned, warned := 0, 0, 0
	for _, r := range c.Risks {
		if filled(r.Owner) {
			owned++
		}
		if filled(r.Contingency) {
			planned++
		}
		if filled(r.Trigger) {
			warned++
		}
	}
	n := len(c.Risks)
	count(casebuilder.StepRisks, n > 0, n > 0 && owned == n, n > 0 && planned == n, n > 0 && warned == n)

	dated := 0
	for _, m := range c.Plan.Milestones {
		if filled(m.Owner) && !m.Start.IsZero() && !m.End.IsZero() {
			dated++
		}
	}
	ms := len(c.Plan.Milestones)
	count(casebuilder.StepPlan, ms > 0, ms > 0 && dated == ms, len(c.Plan.Stakeholders) > 0, filled(c.Plan.ReportingCadence))

	complete, tied := 0, false
	for _, m := range c.Measures {
		if filled(m.Owner) && !m.Date.IsZero() && filled(m.Method) {
			complete++
		}
		if m.PainInput != "" {
			tied = true
		}
	}
	k := len(c.Measures)
	count(casebuilder.StepMeasures, k > 0, k > 0 && complete == k, tied, len(c.Contributors) > 0)

	blocking := 0
	for _, f := range findings {
		p := out[f.Where.Step]
		switch f.Severity {
		case casebuilder.Blocking:
			p.blocking++
			blocking++
		case casebuilder.Warning:
			p.warnings++
		}
		out[f.Where.Step] = p
	}
	rv := out[casebuilder.StepReview]
	rv.total, rv.done = 1, 0
	if blocking == 0 {
		rv.done = 1
	}
	rv.blocking = 0 // the review shows every step's findings; its own badge is its state
	out[casebuilder.StepReview] = rv
	return out
}
