package casebuilder

import (
	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"golang.org/x/text/language"
)

// SchemaVersion is the version of the .hrcase format that this package
// writes. Files of an older version are migrated when loaded; files of a
// newer version are refused.
const SchemaVersion = 4

// FileExtension is the extension of a case file.
const FileExtension = ".hrcase"

// Case is one business case: everything the HR leader puts before the CEO.
// A Case is plain data; [Validate] says what is wrong with it and
// [Calculate] derives its figures.
type Case struct {
	SchemaVersion int    `json:"schemaVersion"`
	Title         string `json:"title"`
	Author        string `json:"author"`
	Organisation  string `json:"organisation"`
	PreparedFor   string `json:"preparedFor,omitempty"`
	Version       string `json:"version,omitempty"`
	// Date is when the case was prepared.
	Date Date `json:"date,omitzero"`
	// Currency is the ISO 4217 code of every amount in the case.
	Currency string `json:"currency"`
	// DiscountRate is the annual discount rate, as a fraction (0.08 is 8 %).
	DiscountRate float64 `json:"discountRate"`
	// HorizonMonths is how many monthly periods the cash flows cover.
	HorizonMonths int `json:"horizonMonths"`
	// RatesReason says why the discount rate and the horizon are what they
	// are (the company's cost of capital, how long the programme's effect
	// is counted), as the CFO will ask; empty until the author says it.
	RatesReason string `json:"ratesReason,omitempty"`
	// StartDate is the calendar month of period 0.
	StartDate Date `json:"startDate,omitzero"`
	// FiscalYearStart is the month (1 to 12) the company's fiscal year
	// starts in; 0 means January.
	FiscalYearStart int `json:"fiscalYearStart,omitempty"`
	// Paper is the paper size the case's brief is printed on, [PaperA4] or
	// [PaperLetter]; empty follows the reader's settings or locale (see
	// [DefaultPaper]).
	Paper string `json:"paper,omitempty"`

	Context        Context        `json:"context"`
	Pain           Pain           `json:"pain"`
	Alternatives   []Alternative  `json:"alternatives" max:"50"`
	Criteria       []Criterion    `json:"criteria,omitempty" max:"20"`
	Recommendation Recommendation `json:"recommendation"`
	Ask            Ask            `json:"ask"`
	Reserve        ReservePolicy  `json:"reserve,omitzero"`
	Risks          []Risk         `json:"risks" max:"2000"`
	Plan           Plan           `json:"plan"`
	Measures       []Measure      `json:"measures"`
	Contributors   []Contributor  `json:"contributors"`

	// Tracking is the programme's record after approval: the approved
	// baseline and the actuals since; nil until the case is approved.
	Tracking *Tracking `json:"tracking,omitempty"`
}

// Context is the first step of the method: where the company is going, and
// which of its objectives this initiative serves.
type Context struct {
	Objectives   []Objective `json:"objectives"`
	CurrentState string      `json:"currentState"`
	DesiredState string      `json:"desiredState"`
	// Milestones are the company's critical milestones between the current
	// and the desired state (not the initiative's own, which are in Plan).
	Milestones         []string `json:"milestones"`
	CommittedResources []string `json:"committedResources"`
	// Gaps are the gaps between the objectives and the plans already in place.
	Gaps []string `json:"gaps"`
	// ServesObjective is the ID of the objective this initiative serves.
	ServesObjective string `json:"servesObjective"`
}

// Objective is one of the company's strategic objectives.
type Objective struct {
	ID        string `json:"id"`
	Statement string `json:"statement"`
}

// Pain is the problem Sales already feels, the evidence for it, and the
// inputs of the calculator that puts a yearly cost on it.
type Pain struct {
	Category PainCategory `json:"category"`
	// Summary states the problem in one sentence.
	Summary  string     `json:"summary"`
	Evidence []Evidence `json:"evidence"`
	// Inputs are the calculator's inputs by key (see [Inputs]), each one
	// estimate or one for each year of the horizon. An input that is left
	// out takes its labelled rule-of-thumb default, where it has one.
	Inputs map[string]InputValue `json:"inputs"`
	// Components are parts of the pain that no calculator has, which the
	// user adds (see [Component]); their yearly costs add to the
	// calculator's. A pain may have components and no category.
	Components []Component `json:"components,omitempty" max:"50"`
}

// Evidence is one finding that shows the pain is real, and where it comes from.
type Evidence struct {
	Finding string `json:"finding"`
	Source  string `json:"source"`
}

// Alternative is one way of addressing the pain, doing nothing included.
type Alternative struct {
	// ID is a short stable name that risks refer to.
	ID          string `json:"id"`
	Name        string `json:"name"`
	DoNothing   bool   `json:"doNothing,omitempty"`
	Description string `json:"description"`
	Costs       []Cost `json:"costs" max:"200"`
	// Benefits are relative to doing nothing: costs avoided or gains made.
	Benefits []Benefit `json:"benefits" max:"200"`
	Impact   Impact    `json:"impact"`
	// Scores are the alternative's scores against the case's criteria, by
	// criterion ID.
	Scores map[string]Score `json:"scores,omitempty"`
}

// CostKind says how often a cost line is spent.
type CostKind string

// The kinds of cost line.
const (
	OneTime CostKind = "oneTime" // once, in the start month
	Monthly CostKind = "monthly" // every month from start to end
	Yearly  CostKind = "yearly"  // every twelve months from start, in advance
)

// Cost is one line of an alternative's costs.
type Cost struct {
	Name string   `json:"name"`
	Kind CostKind `json:"kind"`
	// Amount is spent at each occurrence (per head when PerHead is set).
	Amount  Range   `json:"amount"`
	PerHead bool    `json:"perHead,omitempty"`
	Heads   float64 `json:"heads,omitempty"`
	// HeadsFrom, for a per-head cost, takes the heads of each occurrence
	// from an input or a formula of the pain calculator (new hires a year,
	// leavers a year) in the year it falls, instead of Heads, so that the
	// cost follows growth.
	HeadsFrom string `json:"headsFrom,omitempty"`
	// StartMonth is the period of the first spend (0 is the first month),
	// unless StartAt anchors it to a milestone.
	StartMonth int `json:"startMonth"`
	// EndMonth is the last period of a recurring cost, unless EndAt
	// anchors it to a milestone; neither runs it to the end of the horizon.
	EndMonth *int `json:"endMonth,omitempty"`
	// StartAt and EndAt anchor the line's first and last periods to the
	// plan's milestones, so that moving a milestone moves the money.
	StartAt *Anchor `json:"startAt,omitempty"`
	EndAt   *Anchor `json:"endAt,omitempty"`
	// Money says whether the line is new cash (the default) or the time
	// of people already paid.
	Money MoneyKind `json:"money,omitempty"`
	Note  string    `json:"note,omitempty"`
}

// MoneyKind says what kind of money a line is. A CFO reads them apart: a
// cash saving is a cost the company stops paying, margin on additional
// sales must be delivered by someone in Sales, and time freed is not cash.
type MoneyKind string

// The kinds of money.
const (
	// Cash is new cash spent, for a cost, and a cost the company stops
	// paying (agency fees, separation costs), for a benefit. It is the
	// default of a cost line.
	Cash MoneyKind = "cash"
	// PeopleTime is the time of people already paid, for a cost: it is
	// real, but no new money leaves the company.
	PeopleTime MoneyKind = "time"
	// Margin is gross margin on additional sales, for a benefit: someone in
	// Sales must deliver the bookings, and be named as owning them.
	Margin MoneyKind = "margin"
	// Avoidance is a cost avoided that was not yet being paid, for a
	// benefit. It is the default of a benefit given as an amount.
	Avoidance MoneyKind = "avoidance"
	// Productivity is time freed, for a benefit: worth its cost, but no
	// cash unless the time is sold or headcount falls.
	Productivity MoneyKind = "productivity"
)

// CostKinds and BenefitKinds are the kinds of money a cost and a benefit
// line can be, in the order they are shown.
var (
	CostKinds    = []MoneyKind{Cash, PeopleTime}
	BenefitKinds = []MoneyKind{Cash, Margin, Avoidance, Productivity}
)

// Anchor ties a line's start or end to a milestone of the plan: its start
// or its end, plus an offset in months. Each point is the start of a
// month: a milestone's start is the month of its start date, and its end
// the month of the day after its end date, the first month without it (a
// roll-out ending on 30 September ends at October). A line that starts at
// a point has its first period in that month; one that ends at a point has
// its last period in the month before, so that coaches paid "until the end
// of the roll-out" are paid through September, and savings "from the end
// of the roll-out" start in October.
type Anchor struct {
	// Milestone is the ID of the milestone.
	Milestone string `json:"milestone"`
	// At is the milestone's start or its end.
	At AnchorPoint `json:"at"`
	// OffsetMonths moves the point later (or, negative, earlier).
	OffsetMonths int `json:"offsetMonths,omitempty"`
}

// AnchorPoint is the point of a milestone a line is anchored to.
type AnchorPoint string

// The points of a milestone.
const (
	AtStart AnchorPoint = "start"
	AtEnd   AnchorPoint = "end"
)

// BenefitBasis says how a benefit line is valued.
type BenefitBasis string

// The bases of a benefit line.
const (
	// BenefitAmount is an annual amount given directly.
	BenefitAmount BenefitBasis = "amount"
	// BenefitPainInput changes one input of the pain calculator (attrition
	// from 32 % to 24 %, say); the benefit is the cost of pain it avoids.
	BenefitPainInput BenefitBasis = "painInput"
	// BenefitPainShare avoids a share of the yearly cost of pain.
	BenefitPainShare BenefitBasis = "painShare"
)

// Benefit is one line of an alternative's benefits, valued low, likely and
// high, with a start and a linear ramp to full effect.
type Benefit struct {
	Name  string       `json:"name"`
	Basis BenefitBasis `json:"basis"`
	// Annual is the yearly value at full effect, for the amount basis.
	Annual Range `json:"annual,omitzero"`
	// Input is the calculator input that the alternative changes, and To its
	// new value, for the painInput basis. To.Low is the value that gives the
	// lowest benefit.
	Input string `json:"input,omitempty"`
	To    Range  `json:"to,omitzero"`
	// Share is the fraction of the yearly cost of pain avoided, for the
	// painShare basis.
	Share Range `json:"share,omitzero"`
	// StartMonth is the first period with any benefit, unless StartAt
	// anchors it to a milestone.
	StartMonth int `json:"startMonth"`
	// RampMonths is how many months the benefit takes to reach full effect:
	// in the k-th month from the start (k = 1, 2, ...) it is at k/RampMonths
	// of full effect, and in full from month RampMonths on. Zero means in
	// full at once.
	RampMonths int `json:"rampMonths"`
	// EndMonth is the last period with benefit, unless EndAt anchors it;
	// neither runs it to the horizon.
	EndMonth *int `json:"endMonth,omitempty"`
	// StartAt and EndAt anchor the line's first and last periods to the
	// plan's milestones: a benefit starts when the milestone that delivers
	// it ends.
	StartAt *Anchor `json:"startAt,omitempty"`
	EndAt   *Anchor `json:"endAt,omitempty"`
	// Money is the kind of money of a benefit given as an amount
	// (Avoidance when not set). A benefit tied to the pain takes its kinds
	// from the calculator: for turnover, the separation and recruiting
	// costs it avoids are cash, the vacancies and ramp-up margin.
	Money MoneyKind `json:"money,omitempty"`
	// Owner is who commits to delivering the benefit; margin on additional
	// sales needs someone in Sales.
	Owner string `json:"owner,omitempty"`
	Note  string `json:"note,omitempty"`
}

// Impact is an alternative's impact on the company, its people and its
// mission.
type Impact struct {
	Company Judgement `json:"company"`
	People  Judgement `json:"people"`
	Mission Judgement `json:"mission"`
}

// Judgement is a scored opinion: a score from 1 (harmful) to 5 (very good),
// and the reasoning behind it. A zero score means not yet judged.
type Judgement struct {
	Score int    `json:"score"`
	Text  string `json:"text"`
}

// Criterion is one of the criteria the alternatives are weighed on.
type Criterion struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Weight is a fraction; the weights of a case sum to 1.
	Weight float64 `json:"weight"`
	// Auto, when set, scores the criterion from the alternatives' figures
	// (their NPV or ROI) instead of by hand; the alternatives' own scores
	// for it are then ignored. See [AutoScoreOf].
	Auto AutoScore `json:"auto,omitempty"`
}

// Score is an alternative's score against one criterion, from 1 to 5.
type Score struct {
	Score     int    `json:"score"`
	Rationale string `json:"rationale"`
}

// Recommendation names the alternative the case recommends, and why.
type Recommendation struct {
	// Alternative is the ID of the recommended alternative.
	Alternative string `json:"alternative"`
	Reason      string `json:"reason"`
	// WhyNotTopRanked says why the recommended alternative is chosen over
	// one that ranks higher on the weighted criteria. It is needed only
	// then (see [Weigh]).
	WhyNotTopRanked string `json:"whyNotTopRanked,omitempty"`
	// WhyNegativeNPV says why the recommended alternative is worth doing
	// although its NPV is negative (a legal duty, a strategic option the
	// figures do not capture). It is needed only then.
	WhyNegativeNPV string `json:"whyNegativeNpv,omitempty"`
}

// Ask is what the case asks the CEO for.
type Ask struct {
	// Decision is the decision needed, in one line.
	Decision string `json:"decision"`
	// People is the people asked for (names, roles, time).
	People   string `json:"people"`
	DecideBy Date   `json:"decideBy,omitzero"`
	// UpToGate, when set, limits the ask to the first stage of the plan:
	// the money and work up to the decision at that gate (by its ID).
	UpToGate string `json:"upToGate,omitempty"`
}

// ReserveBasis says how the contingency reserve is sized.
type ReserveBasis string

// The bases of the contingency reserve.
const (
	// ReserveExpected reserves the expected cost of the alternative's risks:
	// the sum of likelihood × contingency cost. It is the default.
	ReserveExpected ReserveBasis = "expected"
	// ReserveNone books no reserve.
	ReserveNone ReserveBasis = "none"
	// ReservePercentile reserves a percentile (Percentile, P80 by default)
	// of the total contingency cost of the alternative's risks, each risk
	// happening or not with its likelihood. See [ContingencyReserves].
	ReservePercentile ReserveBasis = "percentile"
)

// DefaultReservePercentile is the percentile reserved with the percentile
// basis when the policy names none: P80.
const DefaultReservePercentile = 0.8

// ReservePolicy says how the contingency reserve enters each alternative's
// costed plan: as its own cost line in month 0.
type ReservePolicy struct {
	Basis ReserveBasis `json:"basis,omitempty"`
	// Percentile is the fraction of outcomes the reserve covers with the
	// percentile basis (0.8 reserves the P80); zero means
	// DefaultReservePercentile.
	Percentile float64 `json:"percentile,omitempty"`
}

// Risk is one obstacle the CEO may raise, and how it is handled.
type Risk struct {
	ID          string `json:"id"`
	Description string `json:"description"`
	// Likelihood is the probability that the risk happens within the
	// horizon, as a fraction.
	Likelihood float64 `json:"likelihood"`
	// ImpactCost is what the risk costs if it happens and nothing is done.
	ImpactCost float64 `json:"impactCost"`
	// ImpactScore rates the impact from 1 (minor) to 5 (severe).
	ImpactScore int    `json:"impactScore"`
	Owner       string `json:"owner"`
	// Trigger is the early warning that the risk is happening.
	Trigger    string `json:"trigger"`
	Workaround string `json:"workaround"`
	// Contingency is the plan if the risk happens, and ContingencyCost what
	// that plan costs.
	Contingency     string  `json:"contingency"`
	ContingencyCost float64 `json:"contingencyCost"`
	// ResidualImpact is what the risk still costs when it happens and the
	// contingency plan is carried out (none unless given): the simulation
	// counts both when the risk happens in a trial.
	ResidualImpact float64 `json:"residualImpact,omitempty"`
	// Alternatives are the IDs of the alternatives the risk concerns.
	Alternatives []string `json:"alternatives"`
}

// Plan is how the recommended alternative is implemented.
type Plan struct {
	Milestones   []Milestone   `json:"milestones" max:"2000"`
	Stakeholders []Stakeholder `json:"stakeholders"`
	// ReportingCadence says who reports what to whom, and how often.
	ReportingCadence string `json:"reportingCadence"`
	// Gates are the decisions at which the programme goes on or stops.
	Gates []Gate `json:"gates,omitempty"`
}

// Gate is a stage gate: a decision, at a milestone or on a date, to go on
// with the programme only if its thresholds are met, and what stopping
// there means for the money.
type Gate struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Milestone is the ID of the milestone at whose end the decision is
	// taken; Date is the day of the decision instead. One of the two.
	Milestone string `json:"milestone,omitempty"`
	Date      Date   `json:"date,omitzero"`
	// DecidedBy is who decides.
	DecidedBy string `json:"decidedBy"`
	// Thresholds are what must be met to go on.
	Thresholds []Threshold `json:"thresholds"`
	// Stops names the cost and benefit lines of the recommended
	// alternative that stop on a "no"; when it names none, every line
	// stops. A stopped line has no money from the month of the decision.
	Stops []string `json:"stops,omitempty"`
	// ExitCost is what stopping there costs (notice periods, contracts),
	// in the month of the decision.
	ExitCost float64 `json:"exitCost,omitempty"`
}

// Threshold is one condition of a gate: a KPI, a comparison and a value,
// as in "months to full productivity of the pilot cohort <= 5.5".
type Threshold struct {
	// Measure is the ID of the KPI (see [Measure]).
	Measure    string     `json:"measure"`
	Comparison Comparison `json:"comparison"`
	// Value reads in the KPI's unit (a fraction for a percentage).
	Value float64 `json:"value"`
}

// Comparison is how a threshold compares a KPI with its value.
type Comparison string

// The comparisons.
const (
	AtMost  Comparison = "<="
	AtLeast Comparison = ">="
	Below   Comparison = "<"
	Above   Comparison = ">"
)

// Comparisons are the comparisons, in the order they are offered.
var Comparisons = []Comparison{AtMost, AtLeast, Below, Above}

// Met reports whether a value meets the comparison against the threshold.
func (k Comparison) Met(value, threshold float64) bool {
	switch k {
	case AtMost:
		return value <= threshold
	case AtLeast:
		return value >= threshold
	case Below:
		return value < threshold
	case Above:
		return value > threshold
	}
	return false
}

// Words is the comparison as a reader says it: "at most", "at least".
func (k Comparison) Words() string {
	switch k {
	case AtMost:
		return "at most"
	case AtLeast:
		return "at least"
	case Below:
		return "below"
	case Above:
		return "above"
	}
	return string(k)
}

// Milestone is a dated step of the implementation with one owner.
type Milestone struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	Start     Date       `json:"start,omitzero"`
	End       Date       `json:"end,omitzero"`
	Owner     string     `json:"owner"`
	Resources []Resource `json:"resources,omitempty"`
	// DependsOn are the IDs of the milestones that must finish first.
	DependsOn []string `json:"dependsOn,omitempty"`
}

// Resource is something a milestone needs, and whether it is secured.
type Resource struct {
	Description string `json:"description"`
	Secured     bool   `json:"secured"`
}

// Stakeholder is a party affected by the initiative and how it is kept
// informed.
type Stakeholder struct {
	Party    string `json:"party"`
	Interest string `json:"interest"`
	// Channel is how the party is informed, and Frequency how often.
	Channel   string `json:"channel"`
	Frequency string `json:"frequency"`
}

// Measure is a KPI of success, tied back to the pain.
type Measure struct {
	// ID is a short stable name that gates' thresholds refer to.
	ID   string `json:"id,omitempty"`
	Name string `json:"name"`
	// Unit is how Baseline and Target read: a [Unit] such as "percent"
	// (fractions) or "months".
	Unit     figure.Unit `json:"unit"`
	Baseline float64     `json:"baseline"`
	Target   float64     `json:"target"`
	// Date is when the target is to be met.
	Date   Date   `json:"date,omitzero"`
	Method string `json:"method"`
	Owner  string `json:"owner"`
	// Level is the Kirkpatrick/Phillips level, 1 (reaction) to 5 (ROI).
	Level int `json:"level"`
	// PainInput is the calculator input this KPI tracks, if any.
	PainInput string `json:"painInput,omitempty"`
}

// Contributor is someone who helped build the case.
type Contributor struct {
	Name         string `json:"name"`
	Role         string `json:"role"`
	Contribution string `json:"contribution"`
}

// Levels names the Kirkpatrick/Phillips evaluation levels, by level number.
var Levels = [...]string{1: "Reaction", 2: "Learning", 3: "Application", 4: "Business impact", 5: "ROI"}

// LikelihoodScore rates a probability from 1 (rare) to 5 (almost certain),
// for the heat map: up to 10 %, 30 %, 50 %, 70 %, and above.
func LikelihoodScore(p float64) int {
	switch {
	case p <= 0.10:
		return 1
	case p <= 0.30:
		return 2
	case p <= 0.50:
		return 3
	case p <= 0.70:
		return 4
	default:
		return 5
	}
}

// HighRiskScore is the heat-map score (likelihood score × impact score,
// each 1 to 5) from which a risk is high.
const HighRiskScore = 12

// Score returns the risk's place on the 5 × 5 heat map: its likelihood
// score times its impact score, from 1 to 25 (0 while the impact is not
// rated).
func (r *Risk) Score() int { return LikelihoodScore(r.Likelihood) * r.ImpactScore }

// IsHigh reports whether the risk is high: its heat-map score is
// HighRiskScore or more (possible, 30–50 %, and major; or likely and
// moderate), or its impact is severe (5) however unlikely it is. A high
// risk needs an owner and a contingency plan before the CEO sees the case.
func (r *Risk) IsHigh() bool { return r.Score() >= HighRiskScore || r.ImpactScore >= 5 }

// Baseline returns the index of the do-nothing alternative, or -1.
func (c *Case) Baseline() int {
	for i := range c.Alternatives {
		if c.Alternatives[i].DoNothing {
			return i
		}
	}
	return -1
}

// AlternativeByID returns the index of the alternative with that ID, or -1.
func (c *Case) AlternativeByID(id string) int {
	for i := range c.Alternatives {
		if c.Alternatives[i].ID == id {
			return i
		}
	}
	return -1
}

// FormatFor returns the English format of the case's currency.
func FormatFor(c *Case) *figure.Format { return figure.NewFormat(c.Currency, language.English) }
