package ui

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"github.com/casebuilder/casebuilder/ui/chart"
	"github.com/casebuilder/casebuilder/ui/form"
)

const risksGuidance = "Raise the obstacles before the CEO does. For every material risk, say how likely it is and what it would cost, who watches for it, the early warning that it is happening, how you would work around it, and the contingency plan with its cost. Their expected cost becomes a reserve in the plan, so the budget you ask for already allows for them."

// risksScreen is the fifth step: the register of risks, a heat map of
// likelihood against impact, and the form of the risk selected.
type risksScreen struct {
	u       *UI
	md      *form.MasterDetail
	heat    *chart.Chart
	summary *widget.Label
	filter  *fyne.Container
	// cell is the heat-map cell the list is filtered to (likelihood and
	// impact scores), zero when it is not.
	cellL, cellI int
	expected     *widget.Label
	box          fyne.CanvasObject
}

// severityWords name the impact scores of risks.
var severityWords = [6]string{"Not rated", "minor", "moderate", "serious", "major", "severe"}

func newRisksScreen(u *UI) screen {
	s := &risksScreen{u: u}
	edits := form.List[casebuilder.Risk]{Path: "risks",
		Get: func(c *casebuilder.Case) *[]casebuilder.Risk { return &c.Risks },
		New: func(c *casebuilder.Case) casebuilder.Risk {
			return casebuilder.Risk{ID: newRiskID(c), Description: "New risk"}
		},
		Copied: func(c *casebuilder.Case, copied *casebuilder.Risk) {
			copied.ID = newRiskID(c)
			copied.Description += " (copy)"
		},
	}.Edits(u.host(), casebuilder.StepRisks)
	s.md = form.NewMasterDetail(u.host(), casebuilder.StepRisks, edits, "risk", func(c *casebuilder.Case, i int) (string, string) {
		r := &c.Risks[i]
		sub := fmt.Sprintf("%s likely · impact %s", u.format().Percent(r.Likelihood), scoreWord(severityWords, r.ImpactScore))
		if strings.TrimSpace(r.Contingency) == "" {
			sub += " · no contingency plan"
		}
		return firstLine(r.Description, "Untitled risk"), sub
	}, s.showRisk)
	s.heat = chart.New(fyne.NewSize(300, 210), s.drawHeat)
	s.heat.OnTap = s.onHeatTap
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord
	s.summary.SizeName = theme.SizeNameCaptionText
	s.filter = container.NewVBox()
	// The list shows several risks whatever the window's height; the map
	// above it scrolls when the window is too short for both.
	s.md.List.SetMinRows(riskRowsShown)
	left := overviewOverList(container.NewVBox(s.heat, s.summary, s.filter), s.md.List.Box())
	split := container.NewHSplit(left, s.md.Detail)
	split.Offset = 0.3
	s.box = split
	s.refresh(true)
	return s
}

// riskRowsShown is how many risks the list shows at least.
const riskRowsShown = 3

// newRiskID is the ID of a risk added to c: risk-N, the first free.
func newRiskID(c *casebuilder.Case) string { return uniqueID("risk", riskIDs(c)) }

func riskIDs(c *casebuilder.Case) []string {
	return idsOf(c.Risks, func(r casebuilder.Risk) string { return r.ID })
}

// firstLine is the first line of a text, or what to say when it is empty.
func firstLine(s, empty string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if s == "" {
		return empty
	}
	return s
}

func scoreWord(words [6]string, n int) string {
	if n < 1 || n > 5 {
		return strings.ToLower(words[0])
	}
	return words[n]
}

// showRisk lays out the form of risk i.
func (s *risksScreen) showRisk(i int, f *form.Form) fyne.CanvasObject {
	at := func(field string) string { return fmt.Sprintf("risks[%d].%s", i, field) }
	risk := func(c *casebuilder.Case) *casebuilder.Risk { return form.Item(c.Risks, i) }
	text := func(field string, get func(r *casebuilder.Risk) *string, placeholder string, rows int) *form.TextField {
		if rows == 0 {
			return f.Text(at(field), form.In(risk, get), placeholder)
		}
		return f.TextArea(at(field), form.In(risk, get), placeholder, rows)
	}
	amount := func(field string, unit figure.Unit, get func(r *casebuilder.Risk) *float64) *form.NumberField {
		return f.Number(at(field), unit, form.In(risk, get))
	}
	desc := text("description", func(r *casebuilder.Risk) *string { return &r.Description }, "What could go wrong", 2)
	likelihood := amount("likelihood", figure.Percent, func(r *casebuilder.Risk) *float64 { return &r.Likelihood })
	impact := f.Score(at("impactScore"), severityWords, form.In(risk, func(r *casebuilder.Risk) *int { return &r.ImpactScore }))
	impactCost := amount("impactCost", figure.Money, func(r *casebuilder.Risk) *float64 { return &r.ImpactCost })
	owner := text("owner", func(r *casebuilder.Risk) *string { return &r.Owner }, "Who watches for it", 0)
	trigger := text("trigger", func(r *casebuilder.Risk) *string { return &r.Trigger }, "The early warning that it is happening", 1)
	workaround := text("workaround", func(r *casebuilder.Risk) *string { return &r.Workaround }, "How to work around it while it lasts", 1)
	contingency := text("contingency", func(r *casebuilder.Risk) *string { return &r.Contingency }, "The plan if it happens", 2)
	contingencyCost := amount("contingencyCost", figure.Money, func(r *casebuilder.Risk) *float64 { return &r.ContingencyCost })
	residual := f.OptionalNumber(at("residualImpact"), figure.Money, form.In(risk, func(r *casebuilder.Risk) *float64 { return &r.ResidualImpact }), "none")
	s.expected = widget.NewLabel("")
	s.expected.Wrapping = fyne.TextWrapWord
	s.expected.Importance = widget.LowImportance
	f.Watch(func(c *casebuilder.Case) {
		if r := risk(c); r != nil && s.expected != nil {
			f := s.u.format()
			text := fmt.Sprintf("Expected cost of the contingency: %s × %s = %s, booked in the reserve of the alternatives it concerns.",
				f.Percent(r.Likelihood), f.Money(r.ContingencyCost), f.Money(r.Likelihood*r.ContingencyCost))
			text += " In the simulation it happens in " + f.Percent(r.Likelihood) + " of the trials, and then costs its plan"
			if r.ResidualImpact > 0 {
				text += " and the " + f.Money(r.ResidualImpact) + " it still costs"
			}
			form.SetText(s.expected, text+".")
		}
	})
	// One tick a line, each name cut short: a check box grows with its
	// text, and long names side by side made the window wider than the
	// screen.
	var ticks []fyne.CanvasObject
	for _, a := range s.u.doc.c.Alternatives {
		name := shorten(firstLine(a.Name, "Untitled alternative"), maxConcernName)
		ticks = append(ticks, f.Check(at("alternatives"), name, concerns(risk, a.ID)).Widget())
	}
	money := " (" + s.u.format().Symbol() + ")"
	two := form.NewColumns(1, 1)
	three := form.NewColumns(1, 1, 1)
	return detailPage(
		section("The risk", "How likely it is to happen within the horizon, how bad it would be, and what it would cost if it happened and nothing were done.",
			labelled("Description", desc.Box()),
			three.Row(labelled("Likelihood (%)", likelihood.Box()), labelled("Impact", impact.Box()), labelled("Cost if nothing is done"+money, impactCost.Box())),
			labelled("Owner", owner.Box()),
			labelled("Early warning", trigger.Box())),
		section("The response", "",
			labelled("Work-around", workaround.Box()),
			labelled("Contingency plan", contingency.Box()),
			two.Row(labelled("Cost of the contingency plan"+money, contingencyCost.Box()), labelled("What it still costs after the plan"+money, residual.Box())),
			s.expected),
		section("Alternatives it concerns", "Its expected cost is reserved in each of them.", ticks...),
	)
}

// maxConcernName is the most of an alternative's name its tick shows.
const maxConcernName = 60

// concerns is whether a risk concerns alternative id.
func concerns(risk func(c *casebuilder.Case) *casebuilder.Risk, id string) form.Value[bool] {
	return idTick(risk, func(r *casebuilder.Risk) *[]string { return &r.Alternatives }, id, func(c *casebuilder.Case, r *casebuilder.Risk) {
		// An alternative that no longer exists (in a file edited by hand)
		// has no tick to clear it: any tick does.
		r.Alternatives = slices.DeleteFunc(r.Alternatives, func(s string) bool { return c.AlternativeByID(s) < 0 })
	})
}

// heatColor is the colour of a heat-map cell by likelihood × impact.
func heatColor(l, i int) color.Color {
	switch score := l * i; {
	case score >= 15:
		return color.NRGBA{0xc6, 0x3d, 0x3d, 0xd0}
	case score >= 8:
		return color.NRGBA{0xe0, 0x8e, 0x2e, 0xc0}
	case score >= 4:
		return color.NRGBA{0xe6, 0xc2, 0x4a, 0xa8}
	}
	return color.NRGBA{0x6f, 0xae, 0x7a, 0x90}
}

// heatCounts counts the rated risks in each cell, by likelihood and impact
// score.
func heatCounts(c *casebuilder.Case) (counts [6][6]int, unrated int) {
	for _, r := range c.Risks {
		if r.ImpactScore < 1 || r.ImpactScore > 5 {
			unrated++
			continue
		}
		counts[casebuilder.LikelihoodScore(r.Likelihood)][r.ImpactScore]++
	}
	return counts, unrated
}

// heatGeometry is where the heat map's grid is in a chart of that size.
func heatGeometry(size fyne.Size) (left, top, cell float32) {
	left, top = 78, 4
	cell = min((size.Width-left-8)/5, (size.Height-top-40)/5)
	return left, top, cell
}

// drawHeat draws the heat map: likelihood up, impact across, the number of
// risks in each cell.
func (s *risksScreen) drawHeat(size fyne.Size) []fyne.CanvasObject {
	counts, _ := heatCounts(s.u.doc.c)
	left, top, cell := heatGeometry(size)
	if cell < 10 {
		return nil
	}
	var objs []fyne.CanvasObject
	likelihood := [6]string{"", "rare", "unlikely", "possible", "likely", "almost sure"}
	for l := 1; l <= 5; l++ {
		y := top + float32(5-l)*cell
		objs = append(objs, chart.Text(likelihood[l], left-6, y+cell/2-8, fyne.TextAlignTrailing, true))
		for i := 1; i <= 5; i++ {
			x := left + float32(i-1)*cell
			r := chart.Rect(heatColor(l, i), x+1, y+1, cell-2, cell-2)
			r.CornerRadius = 3
			if s.cellL == l && s.cellI == i {
				r.StrokeColor = theme.Color(theme.ColorNameForeground)
				r.StrokeWidth = 2
			}
			objs = append(objs, r)
			if n := counts[l][i]; n > 0 {
				t := chart.Text(itoa(n), x+cell/2, y+cell/2-9, fyne.TextAlignCenter, false)
				t.TextStyle.Bold = true
				t.TextSize = theme.TextSize()
				t.Move(fyne.NewPos(x+cell/2-t.MinSize().Width/2, y+cell/2-t.MinSize().Height/2))
				objs = append(objs, t)
			}
		}
	}
	for i := 1; i <= 5; i++ {
		objs = append(objs, chart.Text(itoa(i), left+float32(i-1)*cell+cell/2, top+5*cell+2, fyne.TextAlignCenter, true))
	}
	objs = append(objs, chart.Text("impact →", left+5*cell/2, top+5*cell+18, fyne.TextAlignCenter, true))
	return objs
}

// onHeatTap filters the list to the risks of the cell tapped, or shows
// them all again when it is tapped twice.
func (s *risksScreen) onHeatTap(at fyne.Position, size fyne.Size) {
	left, top, cell := heatGeometry(size)
	i := int((at.X-left)/cell) + 1
	l := 5 - int((at.Y-top)/cell)
	if at.X < left || at.Y < top || i < 1 || i > 5 || l < 1 || l > 5 {
		return
	}
	s.filterTo(l, i)
}

// filterTo shows only the risks of a heat-map cell; (0, 0) shows all.
func (s *risksScreen) filterTo(l, i int) {
	if s.cellL == l && s.cellI == i {
		l, i = 0, 0
	}
	s.cellL, s.cellI = l, i
	if l == 0 {
		s.md.List.SetFilter(nil)
	} else {
		s.md.List.SetFilter(func(c *casebuilder.Case, k int) bool {
			r := &c.Risks[k]
			return casebuilder.LikelihoodScore(r.Likelihood) == l && r.ImpactScore == i
		})
	}
	s.refresh(true)
	if shown := s.md.List.Shown(); len(shown) > 0 {
		s.md.Select(shown[0])
	}
}

func (s *risksScreen) content() fyne.CanvasObject { return s.box }

func (s *risksScreen) scrolls() []*container.Scroll { return []*container.Scroll{s.md.Detail} }

func (s *risksScreen) refresh(force bool) {
	c := s.u.doc.c
	s.md.Refresh(c, force)
	s.heat.Refresh()
	s.showSummary(c)
}

// showSummary says how many risks there are, how serious, and how many lack
// a plan.
func (s *risksScreen) showSummary(c *casebuilder.Case) {
	high, noPlan, noOwner := 0, 0, 0
	for _, r := range c.Risks {
		if casebuilder.LikelihoodScore(r.Likelihood)*r.ImpactScore >= 12 {
			high++
		}
		if strings.TrimSpace(r.Contingency) == "" {
			noPlan++
		}
		if strings.TrimSpace(r.Owner) == "" {
			noOwner++
		}
	}
	_, unrated := heatCounts(c)
	lines := []string{figure.Plural(len(c.Risks), "risk", "risks") + fmt.Sprintf(", %d serious (likelihood × impact 12 or more).", high)}
	if noPlan > 0 {
		lines = append(lines, fmt.Sprintf("%d without a contingency plan.", noPlan))
	}
	if noOwner > 0 {
		lines = append(lines, fmt.Sprintf("%d without an owner.", noOwner))
	}
	if unrated > 0 {
		lines = append(lines, fmt.Sprintf("%d not rated for impact, so not on the map.", unrated))
	}
	if s.cellL == 0 {
		lines = append(lines, "Tap a cell of the map to list its risks.")
	}
	form.SetText(s.summary, strings.Join(lines, " "))
	s.filter.Objects = nil
	if s.cellL > 0 {
		all := widget.NewButton("Show all risks", func() { s.filterTo(s.cellL, s.cellI) })
		all.Importance = widget.LowImportance
		shown := widget.NewLabel(fmt.Sprintf("Showing the risks %s with impact %d.", []string{"", "rare", "unlikely", "possible", "likely", "almost sure"}[s.cellL], s.cellI))
		shown.SizeName = theme.SizeNameCaptionText
		s.filter.Objects = []fyne.CanvasObject{container.NewBorder(nil, nil, nil, all, shown)}
	}
	s.filter.Refresh()
}

func (s *risksScreen) showAnalysis(analysis) { s.showSummary(s.u.doc.c) }

func (s *risksScreen) focus(path string) bool {
	if i, _, ok := form.IndexIn(path, "risks"); ok && i >= 0 && s.md.List.Filtered() {
		s.filterTo(s.cellL, s.cellI) // show all
	}
	return s.md.Focus(path)
}
