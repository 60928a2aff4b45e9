package ui

import (
	"fmt"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/ui/chart"
	"github.com/casebuilder/casebuilder/ui/form"
)

const reviewGuidance = "Read the case as the CEO will, before the CEO does. Each point below is a question you would rather answer now than in the meeting; the link takes you to the field to fix. Fix what blocks the case, weigh the warnings, then export the brief for the executive review and the workbook for finance."

// maxFindingsShown bounds the findings listed at once; the rest are
// counted.
const maxFindingsShown = 150

// reviewScreen is the last step: what a sceptical CEO would object to,
// each with a link to fix it, and the export.
type reviewScreen struct {
	u *UI
	// readiness is the score, meter its gauge and meaning what it means.
	readiness *widget.Label
	meter     *chart.Chart
	meaning   *widget.Label
	score     int
	summary   *widget.Label
	findings  *fyne.Container
	// links are the findings' links, in order, for tests.
	links  []*widget.Hyperlink
	scroll *container.Scroll
}

func newReviewScreen(u *UI) screen {
	s := &reviewScreen{u: u, findings: container.NewVBox()}
	s.readiness = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.readiness.SizeName = theme.SizeNameHeadingText
	s.meter = chart.New(fyne.NewSize(200, 14), s.drawMeter)
	s.meaning = widget.NewLabel("")
	s.meaning.Wrapping = fyne.TextWrapWord
	s.summary = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.summary.Wrapping = fyne.TextWrapWord
	export := widget.NewButtonWithIcon("Export the brief and the workbook…", theme.UploadIcon(), u.onExport)
	export.Importance = widget.HighImportance
	what := widget.NewLabel("The brief (PDF) is for the executive review: a one-page summary, then the comparison, the financials, the risks, the plan and the measures. The workbook (Excel) is for finance: every assumption in one place and every figure a live formula.")
	what.Wrapping = fyne.TextWrapWord
	what.Importance = widget.LowImportance
	how := "The score starts at 100 and loses 20 for each point that would sink the case, 5 for each question and 1 for each suggestion, counting at most three of any one kind. 50 and above means that nothing blocks the case; below 50, something does."
	score := container.NewBorder(nil, nil, s.readiness, nil, container.NewVBox(layout.NewSpacer(), s.meter, layout.NewSpacer()))
	s.scroll = page(
		section("Readiness", how, score, s.meaning),
		section("What the CEO will ask", "", s.summary, s.findings),
		section("Export", "", what, container.NewHBox(export)),
		approvalSection(u),
	)
	return s
}

func (s *reviewScreen) content() fyne.CanvasObject { return s.scroll }

func (s *reviewScreen) scrolls() []*container.Scroll { return []*container.Scroll{s.scroll} }

func (s *reviewScreen) refresh(bool) {}

// showAnalysis shows the readiness score and lists the findings of the
// review, most serious first.
func (s *reviewScreen) showAnalysis(a analysis) {
	blocking, warnings, advice := casebuilder.CountFindings(a.findings)
	s.score = a.readiness
	form.SetText(s.readiness, fmt.Sprintf("%d / 100", a.readiness))
	switch {
	case blocking > 0:
		s.meaning.SetText(fmt.Sprintf("Not ready: %s would sink the case. The score stays below 50 while anything does.",
			plural(blocking, "point")))
		s.meaning.Importance = widget.DangerImportance
	case a.readiness >= 90:
		s.meaning.SetText("Ready: nothing blocks the case, and little is left to answer.")
		s.meaning.Importance = widget.MediumImportance
	default:
		s.meaning.SetText("Nothing blocks the case; the questions below are what still costs it points.")
		s.meaning.Importance = widget.MediumImportance
	}
	s.meaning.Refresh()
	s.meter.Refresh()
	switch {
	case len(a.findings) == 0 && a.c.IsApproved():
		s.summary.SetText("Nothing for the CEO to object to that the review can find, in the case or in the programme's progress. Send the progress report from Export each month.")
	case len(a.findings) == 0:
		s.summary.SetText("Nothing for the CEO to object to that the review can find. Read the brief once more with fresh eyes, then send it.")
	case blocking > 0:
		s.summary.SetText(fmt.Sprintf("%s would sink the case; fix %s before the meeting. %s and %s.",
			form.Capital(plural(blocking, "point")), them(blocking),
			form.Capital(plural(warnings, "question")), plural(advice, "suggestion")))
	default:
		s.summary.SetText(fmt.Sprintf("Nothing blocks the case. %s the CEO is likely to ask, and %s to make it better.",
			form.Capital(plural(warnings, "question")), plural(advice, "suggestion")))
	}
	s.links = s.links[:0]
	var rows []fyne.CanvasObject
	for i, f := range a.findings {
		if i == maxFindingsShown {
			more := widget.NewLabel(fmt.Sprintf("… and %d more.", len(a.findings)-maxFindingsShown))
			rows = append(rows, more)
			break
		}
		rows = append(rows, s.findingRow(a.c, f))
	}
	s.findings.Objects = rows
	s.findings.Refresh()
}

// findingRow is one finding: how serious, what, why, and a link to the
// field to fix.
func (s *reviewScreen) findingRow(c *casebuilder.Case, f casebuilder.Finding) fyne.CanvasObject {
	var icon fyne.Resource
	switch f.Severity {
	case casebuilder.Blocking:
		icon = theme.NewErrorThemedResource(theme.ErrorIcon())
	case casebuilder.Warning:
		icon = theme.NewWarningThemedResource(theme.WarningIcon())
	default:
		icon = theme.InfoIcon()
	}
	msg := widget.NewLabelWithStyle(form.Capital(f.Message), fyne.TextAlignLeading, fyne.TextStyle{Bold: f.Severity == casebuilder.Blocking})
	msg.Wrapping = fyne.TextWrapWord
	why := widget.NewLabel(f.Why)
	why.Wrapping = fyne.TextWrapWord
	why.SizeName = theme.SizeNameCaptionText
	why.Importance = widget.LowImportance
	where := f.Where
	link := widget.NewHyperlink("Fix it: "+describe(c, where), nil)
	link.OnTapped = func() { s.u.revealFinding(f) }
	link.SizeName = theme.SizeNameCaptionText
	s.links = append(s.links, link)
	body := container.New(form.TightVBox{}, msg, why, link)
	return container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(icon)), nil, body)
}

// drawMeter draws the readiness score as a bar on a track, in the error
// colour below 50 and the primary colour from 50 on, with a tick at 50.
func (s *reviewScreen) drawMeter(size fyne.Size) []fyne.CanvasObject {
	h := float32(8)
	y := (size.Height - h) / 2
	fill := theme.Color(theme.ColorNamePrimary)
	if s.score < 50 {
		fill = theme.Color(theme.ColorNameError)
	}
	track := chart.Rect(chart.WithAlpha(theme.Color(theme.ColorNameInputBorder), 0x80), 0, y, size.Width, h)
	track.CornerRadius = h / 2
	bar := chart.Rect(fill, 0, y, size.Width*float32(min(max(s.score, 0), 100))/100, h)
	bar.CornerRadius = h / 2
	half := chart.Line(theme.Color(theme.ColorNameForeground), 1, size.Width/2, y-3, size.Width/2, y+h+3)
	return []fyne.CanvasObject{track, bar, half}
}

func plural(n int, noun string) string {
	switch n {
	case 0:
		return "no " + noun + "s"
	case 1:
		return "one " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func them(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

func (s *reviewScreen) focus(string) bool { return false }

// describe says in words where a field is: "Alternatives › Structured
// onboarding › cost “Programme design” › amount".
func describe(c *casebuilder.Case, w casebuilder.Where) string {
	parts := []string{specOf(w.Step).name}
	path := w.Path
	if path == "" {
		return parts[0]
	}
	rest := path
	switch {
	case fieldNames[path] != "":
		parts = append(parts, fieldNames[path])
		rest = ""
	case strings.HasPrefix(path, "alternatives["):
		i, tail, _ := form.IndexIn(path, "alternatives")
		if a := form.Item(c.Alternatives, i); a != nil {
			parts = append(parts, shorten(a.Name, 40))
			rest = tail
			if scored, ok := strings.CutPrefix(tail, "scores."); ok {
				// scores.<criterion>.<field>
				id, t, _ := strings.Cut(scored, ".")
				name := id
				for _, k := range c.Criteria {
					if k.ID == id && strings.TrimSpace(k.Name) != "" {
						name = k.Name
					}
				}
				parts = append(parts, "score on “"+shorten(name, 40)+"”")
				rest = t
			} else {
				parts, rest = nameItem(parts, tail, []namedList{
					{"costs", "cost", namesOf(a.Costs, func(l casebuilder.Cost) string { return l.Name })},
					{"benefits", "benefit", namesOf(a.Benefits, func(l casebuilder.Benefit) string { return l.Name })},
				})
			}
		}
	case strings.HasPrefix(path, "reserve"):
		parts = append(parts, "contingency reserve")
		rest = strings.TrimPrefix(strings.TrimPrefix(path, "reserve"), ".")
	case strings.HasPrefix(path, "pain.inputs."):
		if in := casebuilder.LookupInput(strings.TrimPrefix(path, "pain.inputs.")); in != nil {
			parts = append(parts, in.Label)
			rest = ""
		}
	case strings.HasPrefix(path, "tracking."):
		parts, rest = trackedItem(c, parts, path)
	default:
		parts, rest = nameItem(parts, path, []namedList{
			{"criteria", "criterion", namesOf(c.Criteria, func(k casebuilder.Criterion) string { return k.Name })},
			{"risks", "risk", namesOf(c.Risks, func(r casebuilder.Risk) string { return firstLine(r.Description, "") })},
			{"plan.milestones", "milestone", namesOf(c.Plan.Milestones, func(m casebuilder.Milestone) string { return m.Name })},
			{"measures", "measure", namesOf(c.Measures, func(m casebuilder.Measure) string { return m.Name })},
		})
	}
	if words := fieldWords(rest); words != "" {
		parts = append(parts, words)
	}
	return strings.Join(parts, " › ")
}

// namedList is a list of the case whose items a path can name: its path,
// what an item is called, and the name of item i (false when there is no
// item i).
type namedList struct {
	path, noun string
	name       func(i int) (string, bool)
}

// namesOf names the items of a list.
func namesOf[T any](items []T, name func(T) string) func(i int) (string, bool) {
	return func(i int) (string, bool) {
		if it := form.Item(items, i); it != nil {
			return name(*it), true
		}
		return "", false
	}
}

// nameItem adds to parts the item of one of lists that path is in, by its
// name or, with none, its place ("risk 3"), and returns what of path is
// left to say.
func nameItem(parts []string, path string, lists []namedList) ([]string, string) {
	for _, l := range lists {
		i, tail, ok := form.IndexIn(path, l.path)
		if !ok || i < 0 {
			continue
		}
		name, ok := l.name(i)
		switch {
		case !ok:
			return parts, path
		case strings.TrimSpace(name) == "":
			return append(parts, fmt.Sprintf("%s %d", l.noun, i+1)), tail
		}
		return append(parts, l.noun+" “"+shorten(name, 40)+"”"), tail
	}
	return parts, path
}

// fieldNames name the fields whose paths read badly as words.
var fieldNames = map[string]string{
	"recommendation.whyNotTopRanked": "why it is chosen over the top-ranked alternative",
	"recommendation.whyNegativeNpv":  "why it is worth doing with a negative NPV",
}

// fieldWords turns the rest of a path into words: "impact.people.score"
// gives "impact people score".
func fieldWords(path string) string {
	var b strings.Builder
	for _, r := range path {
		switch {
		case r == '.' || r == '[' || r == ']':
			if b.Len() > 0 && !strings.HasSuffix(b.String(), " ") {
				b.WriteByte(' ')
			}
		case unicode.IsUpper(r):
			b.WriteByte(' ')
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(strings.Join(strings.Fields(b.String()), " "))
}

func shorten(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}
