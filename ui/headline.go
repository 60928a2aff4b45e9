package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"github.com/casebuilder/casebuilder/ui/form"
)

// headline is the row of the recommendation's headline figures above every
// step: what is recommended, its NPV, ROI, benefit-cost ratio and the month
// it is paid back in,
// and the yearly cost of the pain it answers.
type headline struct {
	u           *UI
	recommended *widget.Label
	// recommendedCaption says "Recommended", or once the case is approved
	// when it was.
	recommendedCaption *widget.Label
	npv, roi           *widget.Label
	bcr                *widget.Label
	payback            *widget.Label
	pain               *widget.Label
	box                *fyne.Container
	// figures are the tiles of the figures, each at least as wide as the
	// widest figure its format writes (see fit); fitted is the format
	// they were last fitted to.
	figures []*figureTile
	fitted  *figure.Format
}

// figureTile is a tile of the headline whose width its figure sets: at
// least width, and wider for a figure wider still, so that a figure is
// never cut short. A tile of a fixed share had cut "696,0k €" to
// "696,0…" in German in a window 1024 wide: the NPV, the one figure
// the headline is for.
type figureTile struct {
	form.TightVBox // the caption over the figure
	// value is the figure's label, and widest the widest figures of its
	// kind in the format given: the tile is as wide as the widest.
	value  *widget.Label
	widest func(f *figure.Format) []string
	width  float32
}

func (t *figureTile) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s := t.TightVBox.MinSize(objs)
	s.Width = max(s.Width, t.width)
	return s
}

// fit makes each figure's tile as wide as the widest figure f writes, and
// reports whether a width changed.
func (h *headline) fit(f *figure.Format) bool {
	if f == h.fitted {
		return false
	}
	h.fitted = f
	for _, t := range h.figures {
		t.width = 0
		for _, text := range t.widest(f) {
			probe := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, t.value.TextStyle)
			probe.SizeName = t.value.SizeName
			t.width = max(t.width, probe.MinSize().Width)
		}
	}
	return true
}

func newHeadline(u *UI) *headline {
	h := &headline{u: u}
	label := func(text string, size fyne.ThemeSizeName, bold bool) *widget.Label {
		l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: bold})
		l.SizeName = size
		return l
	}
	caption := func(text string) *widget.Label {
		c := label(text, theme.SizeNameCaptionText, false)
		c.Importance = widget.LowImportance
		return c
	}
	// The recommendation's name takes the width the figures leave, and is
	// cut short when it needs more.
	h.recommendedCaption = caption("Recommended")
	h.recommendedCaption.Truncation = fyne.TextTruncateEllipsis
	h.recommended = label("—", theme.SizeNameSubHeadingText, false)
	h.recommended.Truncation = fyne.TextTruncateEllipsis
	tiles := []fyne.CanvasObject{container.New(form.TightVBox{}, h.recommendedCaption, h.recommended)}
	// The figures are never cut: their captions are whole, and their
	// tiles as wide as the widest figure of their kind.
	tile := func(name string, value **widget.Label, widest func(f *figure.Format) []string) {
		*value = label("—", theme.SizeNameSubHeadingText, true)
		t := &figureTile{value: *value, widest: widest}
		h.figures = append(h.figures, t)
		tiles = append(tiles, container.New(t, caption(name), *value))
	}
	// Eights are as wide as any digit; each scale of money has its own
	// suffix.
	money := func(f *figure.Format) []string {
		return []string{f.MoneyShort(-8_888), f.MoneyShort(-888_888), f.MoneyShort(-888_888_888), f.MoneyShort(-888e9)}
	}
	tile("NPV", &h.npv, money)
	tile("ROI", &h.roi, func(f *figure.Format) []string { return []string{f.Percent(-8.888), f.Percent(88.888)} })
	tile("Benefit–cost ratio", &h.bcr, func(f *figure.Format) []string { return []string{f.Ratio(88.88)} })
	tile("Paid back in", &h.payback, func(*figure.Format) []string { return paybackMonths })
	tile("Cost of the pain, a year", &h.pain, money)
	h.box = form.NewColumns(1, 0, 0, 0, 0, 0).Row(tiles...)
	return h
}

// paybackMonths are the months the headline may say the case is paid
// back in, as casebuilder.PaidBackIn writes them short.
var paybackMonths = func() []string {
	var months []string
	for m := time.January; m <= time.December; m++ {
		months = append(months, time.Date(2088, m, 1, 0, 0, 0, 0, time.UTC).Format("Jan 2006"))
	}
	return months
}()

// show shows the headline figures of an analysis.
func (h *headline) show(a analysis) {
	if a.res == nil {
		return
	}
	f := h.u.formatOf(a.c)
	if h.fit(f) {
		h.box.Refresh()
	}
	if a.res.Pain.Complete() && a.c.Pain.Category != "" {
		form.SetText(h.pain, f.MoneyShort(a.res.Pain.Annual))
	} else {
		form.SetText(h.pain, "—")
	}
	alt := a.res.RecommendedAlternative()
	if alt == nil || !hasAlternative(a.res) {
		// Doing nothing alone is no recommendation, whatever its NPV.
		form.SetText(h.recommended, "No alternative yet")
		h.npv.Importance = widget.MediumImportance
		for _, l := range []*widget.Label{h.npv, h.roi, h.bcr, h.payback} {
			form.SetText(l, "—")
		}
		return
	}
	name := alt.Name
	if !a.res.RecommendedByCase {
		name += " (highest NPV)"
	}
	// Once approved, the figures beside it are today's estimates (with the
	// milestones as planned), not the figures approved: the caption says
	// so, and the Track step shows the re-forecast against the approved
	// figures. An alternative recommended since is not the one approved.
	caption := "Recommended"
	if t := a.c.Tracking; t != nil {
		caption = "Recommended, not the one approved"
		if t.Baseline.Alternative == alt.ID {
			caption = "Approved " + shortDate(t.Baseline.Approval.Date) + "; today's estimates"
		}
	}
	form.SetText(h.recommendedCaption, caption)
	form.SetText(h.recommended, name)
	// Figures that rest on a line with no value yet are no findings: they
	// say what they wait for until it has one.
	if waits := figuresWait(a.c, a.res); waits != "" {
		if !a.res.RecommendedByCase {
			// The highest NPV is no pick while an alternative is unpriced.
			form.SetText(h.recommended, "None yet")
		}
		form.SetText(h.recommendedCaption, "Recommended: "+waits)
		h.npv.Importance = widget.MediumImportance
		for _, l := range []*widget.Label{h.npv, h.roi, h.bcr, h.payback} {
			form.SetText(l, "—")
		}
		h.npv.Refresh()
		return
	}
	form.SetText(h.npv, f.MoneyShort(alt.NPV))
	form.SetText(h.roi, f.Maybe(alt.ROI, f.Percent))
	form.SetText(h.bcr, f.Maybe(alt.BCR, f.Ratio))
	// The month by whose end the cumulative net flow stays positive, as
	// the brief and the workbook say it (casebuilder.PaybackConvention).
	form.SetText(h.payback, casebuilder.PaidBackIn(a.c, alt.CashFlows, true))
	if alt.NPV < 0 {
		h.npv.Importance = widget.DangerImportance
	} else {
		h.npv.Importance = widget.MediumImportance
	}
	h.npv.Refresh()
}

// figuresWait says what the headline's figures wait for: the lines of the
// recommended alternative that have no value yet, or when the case names
// none (the highest NPV stands in), those of any alternative, since the
// ranking rests on them; "" when nothing is waited for.
func figuresWait(c *casebuilder.Case, res *casebuilder.Result) string {
	if ai := res.Recommended; res.RecommendedByCase && ai >= 0 && ai < len(c.Alternatives) {
		if w := c.WaitsFor(ai); w != "" {
			return fmt.Sprintf("%q %s", c.Alternatives[ai].Name, w)
		}
		return ""
	}
	for i := range c.Alternatives {
		if w := c.WaitsFor(i); w != "" {
			return fmt.Sprintf("%q %s", c.Alternatives[i].Name, w)
		}
	}
	return ""
}

// hasAlternative reports whether there is an alternative to doing nothing.
func hasAlternative(res *casebuilder.Result) bool {
	for _, a := range res.Alternatives {
		if !a.DoNothing {
			return true
		}
	}
	return false
}
