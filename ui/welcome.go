package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/ui/form"
)

// welcomeText explains the method on one screen, for the first start.
const welcomeText = `Case Builder helps you turn a problem in the sales force into a plan the CEO approves. It asks the questions a sceptical CEO will ask, in the order a good salesperson sells: understand the client first, then the pain, then the cure.

**1. Context.** Where is the company going, and which of its objectives does your initiative serve?

**2. Pain.** What does the problem cost a year? Every input and every step of the arithmetic stays visible.

**3. Alternatives.** What could be done, doing nothing included, and at what cost and benefit, low, likely and high?

**4. Compare.** Which alternative is worth most, in money and on the criteria that matter, and why you recommend it.

**5. Risks.** What could go wrong, who watches for it, and what the plan B costs. The expected cost becomes a reserve in the plan.

**6. Plan.** Milestones with dates and owners, the people affected and how they hear about it.

**7. Measures.** How everyone will know it worked, and who helped build the case.

**8. Review.** The case as the CEO will read it: every weak point, each with a link to fix it. Then export the brief (PDF) and the workbook (Excel).

The headline figures at the top follow every change you make.`

// sampleNote ends the welcome on the first start, when the sample is open.
const sampleNote = ` A finished sample case is open, so that you can see what good looks like; start your own with File › New.`

// showWelcome explains the method and the steps, on one screen, on the
// first start, with the sample open: explore it, or start a blank case.
func (u *UI) showWelcome() {
	var d *dialog.CustomDialog
	explore := form.NewButton("Explore the sample", func() { d.Hide() })
	explore.Importance = widget.HighImportance
	blank := form.NewButton("Start a blank case", func() {
		d.Hide()
		u.whenSaved("start a new case", func() { u.replaceCase(u.blankCase(), "") })
	})
	d = dialog.NewCustomWithoutButtons("Welcome to Case Builder", methodText(welcomeText+sampleNote), u.win)
	d.SetButtons([]fyne.CanvasObject{blank, explore})
	u.tell(methodDialog{d})
	closeOnEscape(u.win, d, explore.OnTapped)
	d.Show()
}

// showMethod explains the method again, from the Help menu: whatever case
// is open, which need not be the sample.
func (u *UI) showMethod() {
	d := closable(u.win, "The method", "Close", methodText(welcomeText))
	u.tell(methodDialog{d})
	d.Show()
}

// methodText is the text of the method, scrolling in a box of the
// dialog's size.
func methodText(markdown string) fyne.CanvasObject {
	text := widget.NewRichTextFromMarkdown(markdown)
	text.Wrapping = fyne.TextWrapWord
	return container.NewGridWrap(fyne.NewSize(660, 430), container.NewVScroll(text))
}
