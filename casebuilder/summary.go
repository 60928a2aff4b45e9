package casebuilder

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Summary is the figures of a case as `casebuilder summary --json` prints
// them: the cost of pain with its working, and every alternative's costed
// plan and figures.
type Summary struct {
	Title          string  `json:"title"`
	Currency       string  `json:"currency"`
	DiscountRate   float64 `json:"discountRate"`
	PeriodsPerYear int     `json:"periodsPerYear"`
	HorizonMonths  int     `json:"horizonMonths"`
	StartDate      string  `json:"startDate,omitempty"`

	CostOfPain   PainResult  `json:"costOfPain"`
	Alternatives []AltResult `json:"alternatives"`
	// Recommended is the name of the recommended alternative ("" when the
	// case has none), RecommendedID its ID.
	Recommended          string    `json:"recommended"`
	RecommendedID        string    `json:"recommendedId"`
	RecommendationReason string    `json:"recommendationReason"`
	Review               []Finding `json:"review"`
}

// NewSummary gathers the summary of a case from its figures.
func NewSummary(c *Case, res *Result) *Summary {
	s := &Summary{
		Title: c.Title, Currency: c.Currency, DiscountRate: c.DiscountRate,
		PeriodsPerYear: PeriodsPerYear, HorizonMonths: res.Months, StartDate: c.StartDate.String(),
		CostOfPain: res.Pain, Alternatives: res.Alternatives,
		Review: Review(c, res),
	}
	if a := res.RecommendedAlternative(); a != nil {
		s.Recommended, s.RecommendedID = a.Name, a.ID
		s.RecommendationReason = RecommendationReason(c, res)
	}
	if s.Review == nil {
		s.Review = []Finding{}
	}
	return s
}

// RecommendationReason returns why the recommended alternative is
// recommended: the case's own reason, or, when the case names none, the
// figure it was chosen on.
func RecommendationReason(c *Case, res *Result) string {
	if res.RecommendedByCase && strings.TrimSpace(c.Recommendation.Reason) != "" {
		return c.Recommendation.Reason
	}
	if res.RecommendedByCase {
		return "Chosen by the author; no reason given yet."
	}
	return "Not chosen yet: this alternative has the highest NPV."
}

// WriteText writes the summary for people: the cost of pain with its
// working, a table of the alternatives and the recommendation.
func (s *Summary) WriteText(w io.Writer) error {
	f := NewFormat(s.Currency, language.English)
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", orUntitled(s.Title))
	fmt.Fprintf(&b, "%s · discount rate %s a year · horizon %d months", s.Currency, f.Percent(s.DiscountRate), s.HorizonMonths)
	if s.StartDate != "" {
		fmt.Fprintf(&b, " from %s", s.StartDate)
	}
	b.WriteString("\n\n")

	fmt.Fprintf(&b, "%s\n", orDefault(s.CostOfPain.Calculator, "Cost of pain (no category chosen)"))
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	width := 0
	for _, st := range s.CostOfPain.Steps {
		width = max(width, utf8.RuneCountInString(st.Label))
	}
	for _, st := range s.CostOfPain.Steps {
		note := ""
		switch st.Kind {
		case StepDefault:
			note = "  (rule-of-thumb default)"
		case StepMissing:
			note = "  (missing)"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", padRight(st.Label, width), f.Value(st.Value, st.Unit), note)
	}
	tw.Flush()
	b.WriteString("\n")

	names := make([]string, len(s.Alternatives))
	width = len("Alternative")
	for i, a := range s.Alternatives {
		names[i] = a.Name
		if a.DoNothing {
			names[i] += " (baseline)"
		}
		if a.ID == s.RecommendedID {
			names[i] = "* " + names[i]
		}
		width = max(width, utf8.RuneCountInString(names[i]))
	}
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, padRight("Alternative", width)+"\tTotal cost\tTotal benefit\tNet benefit\tNPV\tIRR\tROI\tBCR\tPayback (months)\t")
	for i, a := range s.Alternatives {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", padRight(names[i], width),
			f.Money(a.TotalCost), f.Money(a.TotalBenefit), f.Money(a.NetBenefit), f.Money(a.NPV),
			f.Maybe(a.IRR, f.Percent), f.Maybe(a.ROI, f.Percent), f.Maybe(a.BCR, f.Ratio),
			f.Maybe(a.PaybackMonths, func(x float64) string { return f.Number(x, 1) }))
	}
	tw.Flush()
	if s.Recommended != "" {
		fmt.Fprintf(&b, "\n* Recommended: %s. %s\n", s.Recommended, s.RecommendationReason)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// padRight pads s with spaces to width characters, so that a right-aligning
// tabwriter leaves it aligned left.
func padRight(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-utf8.RuneCountInString(s)))
}

func orUntitled(s string) string { return orDefault(s, "Untitled case") }

func orDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}
