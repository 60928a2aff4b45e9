package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
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
}

func newHeadline(u *UI) *headline {
	h := &headline{u: u}
	var last *widget.Label
	tile := func(caption string, value **widget.Label, bold bool) fyne.CanvasObject {
		c := widget.NewLabel(caption)
		last = c
		c.SizeName = theme.SizeNameCaptionText
		c.Importance = widget.LowImportance
		c.Truncation = fyne.TextTruncateEllipsis // a caption fits its tile in a window 1024 wide
		*value = widget.NewLabelWithStyle("—", fyne.TextAlignLeading, fyne.TextStyle{Bold: bold})
		(*value).SizeName = theme.SizeNameSubHeadingText
		(*value).Truncation = fyne.TextTruncateEllipsis
		return container.New(form.TightVBox{}, c, *value)
	}
	cols := form.NewColumns(2.6, 0.9, 0.9, 1.1, 1.1, 1.4)
	recommended := tile("Recommended", &h.recommended, false)
	h.recommendedCaption = last
	h.box = cols.Row(
		recommended,
		tile("NPV", &h.npv, true),
		tile("ROI", &h.roi, true),
		tile("Benefit–cost ratio", &h.bcr, true),
		tile("Paid back in", &h.payback, true),
		tile("Cost of the pain, a year", &h.pain, true),
	)
	return h
}

// show shows the headline figures of an analysis.
func (h *headline) show(a analysis) {
	if a.res == nil {
		return
	}
	f := h.u.formatOf(a.c)
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
	// Once approved, the figures beside it are the re-forecast; the
	// Track step shows them against the approved ones.
	form.SetText(h.recommendedCaption, "Recommended"+approvedMark(a.c))
	form.SetText(h.recommended, name)
	form.SetText(h.npv, f.MoneyShort(alt.NPV))
	form.SetText(h.roi, f.Maybe(alt.ROI, f.Percent))
	form.SetText(h.bcr, f.Maybe(alt.BCR, f.Ratio))
	// The month by whose end the cumulative cash flow stays positive, as
	// the brief and the workbook say it (casebuilder.PaybackConvention).
	form.SetText(h.payback, casebuilder.PaidBackIn(a.c, alt.CashFlows, true))
	if alt.NPV < 0 {
		h.npv.Importance = widget.DangerImportance
	} else {
		h.npv.Importance = widget.MediumImportance
	}
	h.npv.Refresh()
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
