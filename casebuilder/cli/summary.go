package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"github.com/casebuilder/casebuilder/casebuilder/tracking"
)

// Summary is the figures of a case as `casebuilder summary --json` prints
// them: the cost of pain with its working, every alternative's costed plan
// and figures, the weighing, the tornado, the simulation and the review.
type Summary struct {
	Title          string  `json:"title"`
	Currency       string  `json:"currency"`
	DiscountRate   float64 `json:"discountRate"`
	PeriodsPerYear int     `json:"periodsPerYear"`
	HorizonMonths  int     `json:"horizonMonths"`
	StartDate      string  `json:"startDate,omitempty"`

	CostOfPain   casebuilder.PainResult  `json:"costOfPain"`
	Alternatives []casebuilder.AltResult `json:"alternatives"`
	// Recommended is the name of the recommended alternative ("" when the
	// case has none), RecommendedID its ID.
	Recommended          string                `json:"recommended"`
	RecommendedID        string                `json:"recommendedId"`
	RecommendationReason string                `json:"recommendationReason"`
	Review               []casebuilder.Finding `json:"review"`

	// Readiness is the readiness score from the review (see
	// [casebuilder.Readiness]).
	Readiness int `json:"readiness"`
	// Scores are every alternative's weighted total and rank on the
	// criteria, in the case's order.
	Scores []casebuilder.AltScore `json:"scores"`
	// WhyNotTopRanked is the case's reason for recommending an alternative
	// that is not ranked first ("" when it is, or when it gives none).
	WhyNotTopRanked string `json:"whyNotTopRanked,omitempty"`
	// Sensitivity is the tornado of the recommended alternative's NPV
	// (SensitivityOf is its ID), largest swing first, and TopDrivers names
	// the inputs that move it most.
	SensitivityOf string               `json:"sensitivityOf"`
	Sensitivity   []casebuilder.Driver `json:"sensitivity"`
	TopDrivers    []string             `json:"topDrivers"`
	// BreakEven is, for every estimate the recommendation depends on, the
	// value at which its NPV is zero (see [casebuilder.BreakEvens]).
	BreakEven []casebuilder.BreakEven `json:"breakEven"`
	// FiscalYears are the recommendation's money by fiscal year and kind.
	FiscalYears []casebuilder.FiscalYear `json:"fiscalYears"`
	// Gates are the plan's stage gates: when each decision falls, what the
	// recommendation has spent by then and its NPV if it stopped there.
	Gates []GateSummary `json:"gates"`
	// MonteCarlo is the simulation's results by alternative, and
	// Simulation how it ran; both are left out when no simulation ran.
	MonteCarlo []casebuilder.AltSimulation `json:"monteCarlo,omitempty"`
	Simulation *SimulationInfo             `json:"simulation,omitempty"`
	// Tracking is an approved case's progress as of a month; null before
	// approval (see [Summary.AddTracking]).
	Tracking *TrackingSummary `json:"tracking"`

	progress *tracking.Progress
}

// GateSummary is a stage gate with its figures.
type GateSummary struct {
	casebuilder.GateResult
	Thresholds []ThresholdSummary `json:"thresholds"`
}

// ThresholdSummary is one condition of a gate; Measure is the KPI's name.
type ThresholdSummary struct {
	Measure    string                 `json:"measure"`
	Comparison casebuilder.Comparison `json:"comparison"`
	Value      float64                `json:"value"`
}

// SimulationInfo says how a simulation ran.
type SimulationInfo struct {
	Trials       int                      `json:"trials"`
	Seed         uint64                   `json:"seed"`
	Distribution casebuilder.Distribution `json:"distribution"`
	// Uncertain is the number of estimates drawn in each trial.
	Uncertain int `json:"uncertain"`
}

// NewSummary gathers the summary of an analysed case.
func NewSummary(a *casebuilder.Analysis) *Summary {
	c, res := a.Case, a.Result
	s := &Summary{
		Title: c.Title, Currency: c.Currency, DiscountRate: c.DiscountRate,
		PeriodsPerYear: casebuilder.PeriodsPerYear, HorizonMonths: res.Months, StartDate: c.StartDate.String(),
		CostOfPain: res.Pain, Alternatives: res.Alternatives,
		Review: a.Review, Readiness: a.Readiness,
		Scores: a.Scores.Alternatives, WhyNotTopRanked: a.Scores.WhyNotTopRanked,
		SensitivityOf: a.Tornado.ID, Sensitivity: a.Tornado.Drivers, TopDrivers: a.Tornado.Top,
	}
	if r := res.RecommendedAlternative(); r != nil {
		s.Recommended, s.RecommendedID = r.Name, r.ID
		s.RecommendationReason = casebuilder.RecommendationReason(c, res)
	}
	if s.Review == nil {
		s.Review = []casebuilder.Finding{}
	}
	s.BreakEven = a.BreakEven
	if s.BreakEven == nil {
		s.BreakEven = []casebuilder.BreakEven{}
	}
	s.FiscalYears = casebuilder.FiscalYears(c, res, res.Recommended)
	if s.FiscalYears == nil {
		s.FiscalYears = []casebuilder.FiscalYear{}
	}
	s.Gates = []GateSummary{}
	for gi, gr := range res.Gates {
		g := GateSummary{GateResult: gr, Thresholds: []ThresholdSummary{}}
		for _, th := range c.Plan.Gates[gi].Thresholds {
			name := th.Measure
			if i := slices.IndexFunc(c.Measures, func(m casebuilder.Measure) bool { return m.ID == th.Measure }); i >= 0 {
				name = c.Measures[i].Name
			}
			g.Thresholds = append(g.Thresholds, ThresholdSummary{Measure: name, Comparison: th.Comparison, Value: th.Value})
		}
		s.Gates = append(s.Gates, g)
	}
	if sim := a.Simulation; sim != nil {
		s.MonteCarlo = sim.Alternatives
		s.Simulation = &SimulationInfo{Trials: sim.Trials, Seed: sim.Seed, Distribution: sim.Distribution, Uncertain: sim.Uncertain}
	}
	return s
}

// WriteText writes the summary for people: the cost of pain with its
// working, a table of the alternatives and the recommendation.
func (s *Summary) WriteText(w io.Writer) error {
	f := figure.NewFormat(s.Currency, language.English)
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
	for _, st := range s.CostOfPain.Working {
		width = max(width, utf8.RuneCountInString(st.Label))
	}
	for _, st := range s.CostOfPain.Working {
		note := ""
		switch st.Kind {
		case casebuilder.WorkingDefault:
			note = "  (rule-of-thumb default)"
		case casebuilder.WorkingMissing:
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
	s.writeScores(&b, names, width)
	s.writeSensitivity(&b, f)
	s.writeMonteCarlo(&b, f, names, width)
	s.writeTracking(&b, f)
	fmt.Fprintf(&b, "\nReadiness: %d/100 (%s; casebuilder check lists them)\n", s.Readiness, casebuilder.FindingCounts(s.Review))
	_, err := io.WriteString(w, b.String())
	return err
}

func (s *Summary) writeScores(b *strings.Builder, names []string, width int) {
	if len(s.Scores) == 0 || len(s.Scores[0].Criteria) == 0 {
		return
	}
	b.WriteString("\nWeighted criteria\n")
	tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, padRight("Alternative", width)+"\tWeighted total\tRank\t")
	for i, a := range s.Scores {
		fmt.Fprintf(tw, "%s\t%.2f\t%d\t\n", padRight(names[i], width), a.WeightedTotal, a.Rank)
	}
	tw.Flush()
	if s.WhyNotTopRanked != "" {
		fmt.Fprintf(b, "Recommended although not ranked first: %s\n", s.WhyNotTopRanked)
	}
}

// writeSensitivity writes the largest drivers of the tornado.
func (s *Summary) writeSensitivity(b *strings.Builder, f *figure.Format) {
	const shown = 8
	if len(s.Sensitivity) == 0 {
		return
	}
	fmt.Fprintf(b, "\nSensitivity of the NPV of %s (each input at its low and high, the others likely)\n", s.Recommended)
	width := 0
	for i, d := range s.Sensitivity {
		if i < shown {
			width = max(width, utf8.RuneCountInString(d.Input))
		}
	}
	tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, padRight("Input", width)+"\tLow\tHigh\tNPV at low\tNPV at high\t")
	for i, d := range s.Sensitivity {
		if i == shown {
			break
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t\n", padRight(d.Input, width), f.Value(d.Low, d.Unit), f.Value(d.High, d.Unit),
			f.Money(d.NPVLow), f.Money(d.NPVHigh))
	}
	tw.Flush()
	if n := len(s.Sensitivity) - shown; n > 0 {
		fmt.Fprintf(b, "(and %d more inputs)\n", n)
	}
	if len(s.TopDrivers) > 0 {
		fmt.Fprintf(b, "It depends most on: %s.\n", strings.Join(s.TopDrivers, "; "))
	}
}

func (s *Summary) writeMonteCarlo(b *strings.Builder, f *figure.Format, names []string, width int) {
	if s.Simulation == nil {
		return
	}
	shape := "PERT"
	if s.Simulation.Distribution == casebuilder.Triangular {
		shape = "triangular"
	}
	fmt.Fprintf(b, "\nMonte Carlo simulation (%s trials, %s estimates, seed %d; %d estimates drawn in each)\n",
		f.Number(float64(s.Simulation.Trials), 0), shape, s.Simulation.Seed, s.Simulation.Uncertain)
	tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, padRight("Alternative", width)+"\tNPV P10\tNPV P50\tNPV P90\tROI P50\tP(NPV > 0)\t")
	for i, a := range s.MonteCarlo {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t\n", padRight(names[i], width), f.Money(a.NPVP10), f.Money(a.NPVP50),
			f.Money(a.NPVP90), f.Maybe(a.ROIP50, f.Percent), f.Percent(a.ProbNPVPositive))
	}
	tw.Flush()
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
