package ui

import (
	"fmt"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
)

const reviewGuidance = "Read the case as the CEO will, before the CEO does. Each point below is a question you would rather answer now than in the meeting; the link takes you to the field to fix. Fix what blocks the case, weigh the warnings, then export the brief for the executive review and the workbook for finance."

// maxFindingsShown bounds the findings listed at once; the rest are
// counted.
const maxFindingsShown = 150

// reviewScreen is the last step: what a sceptical CEO would object to,
// each with a link to fix it, and the export.
type reviewScreen struct {
	u        *UI
	summary  *widget.Label
	findings *fyne.Container
	// links are the findings' links, in order, for tests.
	links  []*widget.Hyperlink
	scroll *container.Scroll
}

func newReviewScreen(u *UI) screen {
	s := &reviewScreen{u: u, findings: container.NewVBox()}
	s.summary = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.summary.Wrapping = fyne.TextWrapWord
	export := widget.NewButtonWithIcon("Export the brief and the workbook…", theme.UploadIcon(), u.onExport)
	export.Importance = widget.HighImportance
	what := widget.NewLabel("The brief (PDF) is for the executive review: a one-page summary, then the comparison, the financials, the risks, the plan and the measures. The workbook (Excel) is for finance: every assumption in one place and every figure a live formula.")
	what.Wrapping = fyne.TextWrapWord
	what.Importance = widget.LowImportance
	s.scroll = page(
		section("What the CEO will ask", "", s.summary, s.findings),
		section("Export", "", what, container.NewHBox(export)),
	)
	return s
}

func (s *reviewScreen) content() fyne.CanvasObject { return s.scroll }

func (s *reviewScreen) scrolls() []*container.Scroll { return []*container.Scroll{s.scroll} }

func (s *reviewScreen) refresh(bool) {}

// showAnalysis lists the findings of the review, most serious first.
func (s *reviewScreen) showAnalysis(a analysis) {
	counts := map[casebuilder.Severity]int{}
	for _, f := range a.findings {
		counts[f.Severity]++
	}
	switch {
	case len(a.findings) == 0:
		s.summary.SetText("Nothing for the CEO to object to that the review can find. Read the brief once more with fresh eyes, then send it.")
	case counts[casebuilder.Blocking] > 0:
		s.summary.SetText(fmt.Sprintf("%s would sink the case; fix %s before the meeting. %s and %s.",
			plural(counts[casebuilder.Blocking], "point"), them(counts[casebuilder.Blocking]),
			capitalise(plural(counts[casebuilder.Warning], "question")), plural(counts[casebuilder.Advice], "suggestion")))
	default:
		s.summary.SetText(fmt.Sprintf("Nothing blocks the case. %s the CEO is likely to ask, and %s to make it better.",
			capitalise(plural(counts[casebuilder.Warning], "question")), plural(counts[casebuilder.Advice], "suggestion")))
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
	msg := widget.NewLabelWithStyle(capitalise(f.Message), fyne.TextAlignLeading, fyne.TextStyle{Bold: f.Severity == casebuilder.Blocking})
	msg.Wrapping = fyne.TextWrapWord
	why := widget.NewLabel(f.Why)
	why.Wrapping = fyne.TextWrapWord
	why.SizeName = theme.SizeNameCaptionText
	why.Importance = widget.LowImportance
	where := f.Where
	link := widget.NewHyperlink("Fix it: "+describe(c, where), nil)
	link.OnTapped = func() { s.u.reveal(where) }
	link.SizeName = theme.SizeNameCaptionText
	s.links = append(s.links, link)
	body := container.New(&tightVBox{}, msg, why, link)
	return container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(icon)), nil, body)
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
	parts := []string{stepOf(w.Step).name}
	path := w.Path
	if path == "" {
		return parts[0]
	}
	named := func(list string, i int, name string) {
		if strings.TrimSpace(name) == "" {
			parts = append(parts, fmt.Sprintf("%s %d", list, i+1))
		} else {
			parts = append(parts, list+" “"+shorten(name, 40)+"”")
		}
	}
	rest := path
	switch {
	case strings.HasPrefix(path, "alternatives["):
		i, tail, _ := indexIn(path, "alternatives")
		if a := item(c.Alternatives, i); a != nil {
			parts = append(parts, shorten(a.Name, 40))
			rest = tail
			if j, t, ok := indexIn(tail, "costs"); ok && j >= 0 {
				if l := item(a.Costs, j); l != nil {
					named("cost", j, l.Name)
					rest = t
				}
			} else if j, t, ok := indexIn(tail, "benefits"); ok && j >= 0 {
				if l := item(a.Benefits, j); l != nil {
					named("benefit", j, l.Name)
					rest = t
				}
			}
		}
	case strings.HasPrefix(path, "risks["):
		i, tail, _ := indexIn(path, "risks")
		if r := item(c.Risks, i); r != nil {
			named("risk", i, firstLine(r.Description, ""))
			rest = tail
		}
	case strings.HasPrefix(path, "plan.milestones["):
		i, tail, _ := indexIn(path, "plan.milestones")
		if m := item(c.Plan.Milestones, i); m != nil {
			named("milestone", i, m.Name)
			rest = tail
		}
	case strings.HasPrefix(path, "measures["):
		i, tail, _ := indexIn(path, "measures")
		if m := item(c.Measures, i); m != nil {
			named("measure", i, m.Name)
			rest = tail
		}
	case strings.HasPrefix(path, "pain.inputs."):
		if in := casebuilder.LookupInput(strings.TrimPrefix(path, "pain.inputs.")); in != nil {
			parts = append(parts, in.Label)
			rest = ""
		}
	}
	if words := fieldWords(rest); words != "" {
		parts = append(parts, words)
	}
	return strings.Join(parts, " › ")
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
