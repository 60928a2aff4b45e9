package ui

import (
	"regexp"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"github.com/casebuilder/casebuilder/ui/form"
)

// prefGuidanceFolded is the preference that keeps the guidance at the top
// of each step folded away, once the user has read it.
const prefGuidanceFolded = "guidanceFolded"

// guidanceBar is the step's title with, under it, the guidance, which the
// user can fold away (the choice kept between runs), and a button that
// opens the step's help.
type guidanceBar struct {
	u     *UI
	fold  *widget.Button
	help  *widget.Button
	text  fyne.CanvasObject // the guidance with its accent
	title fyne.CanvasObject // the title's line, with the buttons
	box   *fyne.Container
}

// newGuidanceBar lays out the title and the guidance of u.
func newGuidanceBar(u *UI) *guidanceBar {
	g := &guidanceBar{u: u}
	accent := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	accent.SetMinSize(fyne.NewSize(3, 1))
	g.text = container.NewBorder(nil, nil, accent, nil, u.guidance)
	g.fold = widget.NewButton("", g.toggle)
	g.fold.Importance = widget.LowImportance
	g.help = widget.NewButtonWithIcon("Help on this step", theme.HelpIcon(), u.showStepHelp)
	g.help.Importance = widget.LowImportance
	g.title = container.NewBorder(nil, nil, nil, container.NewHBox(g.fold, g.help), u.title)
	g.box = container.New(form.TightVBox{})
	g.show()
	return g
}

// folded reports whether the user folded the guidance away.
func (g *guidanceBar) folded() bool { return g.u.app.Preferences().Bool(prefGuidanceFolded) }

// toggle folds the guidance away, or shows it again, and keeps the choice.
func (g *guidanceBar) toggle() {
	g.u.app.Preferences().SetBool(prefGuidanceFolded, !g.folded())
	g.show()
	if c := g.u.win.Content(); c != nil {
		c.Refresh() // the header's height changed
	}
}

// show shows the guidance, or hides it, as the user chose.
func (g *guidanceBar) show() {
	if g.folded() {
		g.box.Objects = []fyne.CanvasObject{g.title}
		g.text.Hide()
		g.fold.SetText("Show guidance")
		g.fold.SetIcon(theme.MenuDropDownIcon())
	} else {
		g.box.Objects = []fyne.CanvasObject{g.title, g.text}
		g.text.Show()
		g.fold.SetText("Hide guidance")
		g.fold.SetIcon(theme.MenuDropUpIcon())
	}
	g.box.Refresh()
}

// stepHelpShown is the help of a step, as shown (for the tests).
type stepHelpShown struct {
	*dialog.CustomDialog
	step casebuilder.MethodStep
	text string
}

// showStepHelp shows the help of the step shown: what to enter, where the
// figures come from, and an example from the samples.
func (u *UI) showStepHelp() {
	st := specOf(u.current)
	text := writeHelpMoney(stepHelp[st.id], figure.NewFormat("EUR", u.lang()))
	d := closable(u.win, "Help: "+st.name, "Close", methodText(text))
	u.tell(stepHelpShown{d, st.id, text})
	d.Show()
}

// helpMoney is an amount in euros in the help's examples, as English
// writes it: €120,000.
var helpMoney = regexp.MustCompile(`€[0-9]{1,3}(,[0-9]{3})*`)

// writeHelpMoney writes the amounts of the help's examples, the turnover
// sample's euros, as f does: 120.000 € in German, where €120,000 would
// read as a hundred and twenty euros.
func writeHelpMoney(text string, f *figure.Format) string {
	return helpMoney.ReplaceAllStringFunc(text, func(m string) string {
		x, err := strconv.Atoi(strings.ReplaceAll(strings.TrimPrefix(m, "€"), ",", ""))
		if err != nil {
			return m
		}
		return f.Money(float64(x))
	})
}

// stepHelp is each step's help, in Markdown: what to enter, where the
// figures come from, and an example from the sample cases.
var stepHelp = map[casebuilder.MethodStep]string{
	casebuilder.StepContext: `**What to enter.** The title of the case, who prepares it and for whom. Then the company's objectives, in the words of the strategy (one line each), where the company stands today, where it wants to be, and what is already committed (launches, offices, hiring). Finally, name the one objective your initiative serves.

**Where it comes from.** The strategy deck, the annual plan, the CEO's last all-hands. Use their words: the CEO should recognise them.

**An example (the turnover sample).** The objective served is "Grow annual recurring revenue by 25 % a year to 2029". Today: "120 account executives in six regional teams. 58 % of them reached quota in 2026." Where it wants to be: "A stable, fully productive sales force of 150 account executives by 2028".`,

	casebuilder.StepPain: `**What to enter.** Pick the kind of pain (turnover, slow ramp-up, quota attainment, friction, or a yearly figure you already have), then fill in each input: the likely value and, where you are unsure, a low and a high. Add the evidence beside it: what you found and where.

**Where the figures come from.** Your own data first: the HRIS leavers report for attrition, Talent Acquisition for the days to fill a post, the CRM for bookings and time to quota, Finance for loaded salaries. Where you have no data, a rule of thumb is fine, labelled as such. The working on the right shows every step of the arithmetic, as the brief and the workbook will.

**An example (the turnover sample).** 40 of 121 account executives left in the twelve months to October 2026, an attrition of 33 % (HRIS leavers report); vacant territories took 55 days to fill (Talent Acquisition dashboard); new hires reach full quota after six months (CRM bookings by hiring cohort).`,

	casebuilder.StepAlternatives: `**What to enter.** Every way out you weighed, doing nothing included. For each: a name and a description; its costs (one-time, monthly, yearly, or per head) and when each starts; its benefits, each tied to an input of the pain it improves, with how much and how fast; and its impact on the company, its people and its mission.

**Where the figures come from.** Quotes from suppliers and partners, the loaded cost of the people from Finance, and for the benefits what similar programmes achieved (a pilot, a cohort, published studies). Give a low and a high where you are not sure.

**An example (the turnover sample).** "Structured onboarding and coaching": programme design by an external partner, €120,000 to €170,000 (likely €140,000), once; two full-time sales coaches at €8,500 a month each (loaded cost); sales content on the learning platform, €36,000 a year.`,

	casebuilder.StepCompare: `**What to enter.** Little: this step compares what you entered. Score each alternative on the criteria that matter (1 to 5, with the reason), choose the one you recommend and say why, and write the ask: exactly what you want approved, how much, and by when.

**Where the figures come from.** The money (net present value, payback, return) is worked out from the costs and benefits of each alternative against doing nothing, over the case's horizon and at its discount rate. The range comes from a simulation of the low, likely and high values and of the risks.

**An example (the turnover sample).** Onboarding and coaching is compared with doing nothing and with a retention bonus; the recommendation says why it wins on more than money: it also addresses why people leave (no coaching, no clear path to quota).`,

	casebuilder.StepRisks: `**What to enter.** Each risk that matters: what could happen, how likely it is (a percentage), what it would cost with no plan, who watches for it, the early warning that it is happening, the workaround, and the contingency plan with its cost. Say which alternatives it affects.

**Where the figures come from.** Past projects, the owners of each area, and your suppliers. The likelihood times the cost is the risk's expected cost: it becomes a reserve in the plan, so the budget asked for already allows for it.

**An example (the turnover sample).** "The sales coaches are hired late, or leave within the first year": likelihood 30 %, cost €150,000, watched by the Talent Acquisition Lead; the warning is a coach position open for more than eight weeks; the contingency is an external coaching firm on a day rate, €90,000.`,

	casebuilder.StepPlan: `**What to enter.** The milestones, each with its dates, one owner and the resources it needs (and whether they are secured); the stage gates where the programme is reviewed and could be stopped; the people affected and how they will hear about it; and how progress will be reported.

**Where it comes from.** The owners themselves: agree each date with the person named. The costs of the alternatives can start at a milestone, so moving a milestone moves the money.

**An example (the turnover sample).** The first milestone, "Approve the budget and appoint the programme owner", runs from 4 to 15 January 2027, owned by the HR Business Partner to Sales, with the executive committee's decision as its resource.`,

	casebuilder.StepMeasures: `**What to enter.** A few measures of success, each tied back to the pain: today's baseline, the target and its date, how it is measured, and who reports it. Then the contributors: who helped build the case, and with what.

**Where the figures come from.** The baseline is today's value of the input it is tied to on the Pain step; the target follows from the benefit you expect. The method should name the report the figure comes from, so that anyone can check it.

**An example (the turnover sample).** "Sales attrition, rolling twelve months": baseline 33 %, target 29 % by 30 June 2028, leavers divided by average account-executive headcount, from the HRIS, reported by the HR Business Partner to Sales.`,

	casebuilder.StepReview: `**What to enter.** Nothing new: this step reads the case as the CEO will. Each point is a question you would rather answer now; its link takes you to the field to fix, with the problem shown beside it. Fix what blocks the case, weigh the warnings, then export the brief (PDF) for the executive review and the workbook (Excel) for Finance.

**Where the points come from.** Checks of the whole case: missing figures, evidence without a source, milestones with no owner, figures that are hard to believe, risks with no contingency.

**An example (the stress sample).** The stress sample is built to show many findings at once: start a case from it with File › New to see what each kind of point looks like.`,

	casebuilder.StepTracking: `**What to enter.** Once the case is approved, each month: the money spent, where each milestone stands, the readings of the measures, the risks that fired and what was done, and the outcome of each stage gate. Import what HR and Finance already export rather than typing it.

**Where the figures come from.** Finance's cost report for the money, the owners for the milestones, the HRIS and the CRM for the readings. The progress report compares each with the plan.

**An example (the tracked sample).** The tracked sample holds a programme some months in, with its readings and a risk that fired: start a case from it with File › New, then export it to see the monthly progress report.`,
}

// The first window's size: roomy where the screen has room (preferred),
// never larger than the screen, and the laptop size every step is laid out
// for (smallest) when the screen's size is not known.
var (
	preferredWindow = fyne.NewSize(1240, 800)
	smallestWindow  = fyne.NewSize(1024, 640)
)

// windowSize is the size of the first window on a screen with room
// screen (zero when not known): the preferred size where it fits, else
// the screen's room, and the smallest size every step works in when the
// screen is not known.
func windowSize(screen fyne.Size) fyne.Size {
	if screen.Width <= 0 || screen.Height <= 0 {
		return smallestWindow
	}
	return preferredWindow.Min(screen)
}
