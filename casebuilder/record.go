package casebuilder

import (
	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// Tracking is the programme's record after approval, kept in the case
// file: the decision and the approved baseline, then what has happened
// since: money spent, milestones' progress, KPI readings, risks that
// fired, gates' outcomes, the decisions asked of the executives and the
// people credited with the progress. The live case beside it is the
// re-forecast: estimates changed after approval are compared with the
// baseline, never written over it. Package casebuilder/tracking works on
// it: approval, progress as of a month, import and review.
type Tracking struct {
	// Baseline is what was approved, as it was approved.
	Baseline ApprovedBaseline `json:"baseline"`
	// History are the baselines that re-approvals replaced, oldest first.
	History []ApprovedBaseline `json:"history,omitempty" max:"100"`
	// CadenceMonths is how often progress is reported, in months; 0 means
	// every month.
	CadenceMonths int `json:"cadenceMonths,omitempty"`
	// Spend is the money actually spent, against the approved cost lines
	// and the contingency reserve.
	Spend []Spend `json:"spend,omitempty" max:"5000"`
	// Milestones are the milestones' progress, one entry for each
	// milestone that has any.
	Milestones []MilestoneProgress `json:"milestones,omitempty" max:"2000"`
	// Readings are the KPIs' readings, each with its date and value.
	Readings []Reading `json:"readings,omitempty" max:"5000"`
	// KPIs are what the programme records about a KPI besides its
	// readings: how often it is read, the action taken while it is off its
	// trajectory, and how much of its improvement is the programme's.
	KPIs []KPIRecord `json:"kpis,omitempty"`
	// RiskEvents are the risks whose trigger fired, and what was done.
	RiskEvents []RiskEvent `json:"riskEvents,omitempty"`
	// Gates are the stage gates' outcomes.
	Gates []GateOutcome `json:"gates,omitempty"`
	// Decisions are the decisions asked of the report's readers.
	Decisions []DecisionRequest `json:"decisions,omitempty"`
	// Credits name who made progress happen, and what they did.
	Credits []Credit `json:"credits,omitempty"`
}

// Approval is the decision to go ahead: when, by whom, what was approved
// and on what conditions.
type Approval struct {
	Date Date `json:"date,omitzero"`
	// By is who decided: a name, or a body such as the executive committee.
	By string `json:"by"`
	// UpToGate, when set, approves the first stage of the plan only: the
	// money and work up to the decision at that gate (by its ID). Empty
	// approves the whole plan.
	UpToGate   string `json:"upToGate,omitempty"`
	Conditions string `json:"conditions,omitempty"`
}

// ApprovedBaseline is a snapshot of the approved figures and plan, taken at
// approval and never changed after: what the programme's progress is
// measured against.
type ApprovedBaseline struct {
	Approval Approval `json:"approval"`
	// Alternative and AlternativeName are the approved alternative's ID
	// and name.
	Alternative     string `json:"alternative"`
	AlternativeName string `json:"alternativeName"`
	// Currency, StartDate, HorizonMonths and DiscountRate are the case's,
	// as approved: month 0 is the month of StartDate.
	Currency      string  `json:"currency"`
	StartDate     Date    `json:"startDate,omitzero"`
	HorizonMonths int     `json:"horizonMonths"`
	DiscountRate  float64 `json:"discountRate"`
	// Budget is the approved budget: the costs of what was approved, the
	// contingency reserve included (the whole plan, or the months before
	// the gate that ends the approved stage).
	Budget float64 `json:"budget"`
	// StageEnd is the first period after what was approved: the month of
	// the gate's decision for a stage, the horizon for the whole plan.
	StageEnd int `json:"stageEnd"`
	// Reserve is the contingency reserve, booked in month 0.
	Reserve float64 `json:"reserve"`
	// TotalCost, TotalBenefit and NPV are the approved alternative's
	// figures over the whole horizon.
	TotalCost    float64 `json:"totalCost"`
	TotalBenefit float64 `json:"totalBenefit"`
	NPV          float64 `json:"npv"`
	// Costs and Benefits are its money by month, month 0 first.
	Costs    []float64 `json:"costs" max:"360"`
	Benefits []float64 `json:"benefits" max:"360"`
	// Lines are its cost lines, benefit lines and reserve, as planned.
	Lines []BaselineLine `json:"lines" max:"401"`
	// Milestones, Gates and Measures are the plan's milestones, stage
	// gates and KPIs as approved.
	Milestones []BaselineMilestone `json:"milestones" max:"2000"`
	Gates      []BaselineGate      `json:"gates,omitempty"`
	Measures   []BaselineMeasure   `json:"measures,omitempty"`
	// PainCategory, PainInputs and PainComponents are the pain's
	// calculator, inputs and components as approved: a KPI tied to an
	// input or a component values the benefits realised on them.
	PainCategory   PainCategory          `json:"painCategory,omitempty"`
	PainInputs     map[string]InputValue `json:"painInputs,omitempty"`
	PainComponents []Component           `json:"painComponents,omitempty" max:"50"`
}

// BaselineLine is one line of the approved alternative's costed plan, with
// its money by month.
type BaselineLine struct {
	Name string   `json:"name"`
	Kind LineKind `json:"kind"`
	// Input is the calculator input a benefit tied to the pain changes:
	// a KPI that tracks it measures what the line realises.
	Input string `json:"input,omitempty"`
	// Total is the line's undiscounted total over the horizon.
	Total float64 `json:"total"`
	// First is the period of Monthly[0]; Monthly is the line's money from
	// then to its last month with any (empty when it has none).
	First   int       `json:"first,omitempty"`
	Monthly []float64 `json:"monthly" max:"360"`
}

// InMonth returns the line's money in period m.
func (l *BaselineLine) InMonth(m int) float64 {
	if i := m - l.First; i >= 0 && i < len(l.Monthly) {
		return l.Monthly[i]
	}
	return 0
}

// BaselineMilestone is a milestone of the plan as approved.
type BaselineMilestone struct {
	ID    string `json:"id,omitempty"`
	Name  string `json:"name"`
	Start Date   `json:"start,omitzero"`
	End   Date   `json:"end,omitzero"`
	Owner string `json:"owner,omitempty"`
}

// Key is how the record refers to the milestone: its ID, or its name when
// it has none.
func (m *BaselineMilestone) Key() string { return orDefault(m.ID, m.Name) }

// BaselineGate is a stage gate as approved: its decision day and what must
// be met.
type BaselineGate struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Milestone is the milestone at whose end the decision falls, if any.
	Milestone string `json:"milestone,omitempty"`
	// Day is the day of the decision as planned, and Month its period (-1
	// when it has no date).
	Day        Date        `json:"day,omitzero"`
	Month      int         `json:"month"`
	DecidedBy  string      `json:"decidedBy,omitempty"`
	Thresholds []Threshold `json:"thresholds,omitempty"`
}

// BaselineMeasure is a KPI as approved: the trajectory it is judged on
// runs from Baseline at the start to Target at Date.
type BaselineMeasure struct {
	ID        string      `json:"id,omitempty"`
	Name      string      `json:"name"`
	Unit      figure.Unit `json:"unit"`
	Baseline  float64     `json:"baseline"`
	Target    float64     `json:"target"`
	Date      Date        `json:"date,omitzero"`
	Owner     string      `json:"owner,omitempty"`
	PainInput string      `json:"painInput,omitempty"`
}

// Key is how the record refers to the KPI: its ID, or its name when it has
// none.
func (m *BaselineMeasure) Key() string { return orDefault(m.ID, m.Name) }

// Spend is money actually spent on a day, against one approved cost line
// or against the contingency reserve (a contingency plan carried out).
type Spend struct {
	Date Date `json:"date,omitzero"`
	// Line is the name of the approved alternative's cost line; empty for
	// the reserve.
	Line string `json:"line,omitempty"`
	// Reserve is set for money drawn on the contingency reserve.
	Reserve bool `json:"reserve,omitempty"`
	// Amount is in the case's currency; a credit note is negative.
	Amount float64 `json:"amount"`
	Note   string  `json:"note,omitempty"`
}

// MilestoneStatus is where a milestone stands.
type MilestoneStatus string

// The statuses of a milestone. Late is not among them: it follows from
// the dates (see package tracking).
const (
	NotStarted MilestoneStatus = "notStarted"
	InProgress MilestoneStatus = "inProgress"
	Done       MilestoneStatus = "done"
	OnHold     MilestoneStatus = "onHold"
)

// MilestoneStatuses are the statuses, in the order they are offered.
var MilestoneStatuses = []MilestoneStatus{NotStarted, InProgress, Done, OnHold}

// MilestoneProgress is the progress of one milestone of the baseline.
type MilestoneProgress struct {
	// Milestone is the milestone's key (its ID, or its name when it has
	// none; see [BaselineMilestone.Key]).
	Milestone   string `json:"milestone"`
	ActualStart Date   `json:"actualStart,omitzero"`
	ActualEnd   Date   `json:"actualEnd,omitzero"`
	// PercentComplete is a fraction: 0.75 is three quarters done.
	PercentComplete float64 `json:"percentComplete,omitempty"`
	// Status is where it stands; empty follows from the dates (done once
	// it has an actual end, in progress once it has an actual start).
	Status MilestoneStatus `json:"status,omitempty"`
	// Note says what is being done about it, such as how a late milestone
	// will recover.
	Note string `json:"note,omitempty"`
}

// Reading is one reading of a KPI.
type Reading struct {
	// Measure is the KPI's key (see [BaselineMeasure.Key]).
	Measure string `json:"measure"`
	Date    Date   `json:"date,omitzero"`
	// Value reads in the KPI's unit (a fraction for a percentage).
	Value float64 `json:"value"`
	Note  string  `json:"note,omitempty"`
}

// KPIRecord is what the programme records about one KPI besides its
// readings.
type KPIRecord struct {
	// Measure is the KPI's key (see [BaselineMeasure.Key]).
	Measure string `json:"measure"`
	// EveryMonths is how often the KPI is read, in months; 0 means at
	// the reporting cadence.
	EveryMonths int `json:"everyMonths,omitempty"`
	// Action is what is being done while the KPI is off its trajectory.
	Action string `json:"action,omitempty"`
	// Isolation is how much of the KPI's improvement is the programme's,
	// for the benefits realised; nil claims none of it.
	Isolation *Isolation `json:"isolation,omitempty"`
}

// IsolationMethod is how the share of an improvement due to the programme
// was estimated: one of the Phillips method's ways of isolating a
// programme's effect.
type IsolationMethod string

// The ways of isolating a programme's effect.
const (
	ControlGroup        IsolationMethod = "controlGroup"
	TrendLine           IsolationMethod = "trendLine"
	Forecasting         IsolationMethod = "forecasting"
	ParticipantEstimate IsolationMethod = "participantEstimate"
	ManagerEstimate     IsolationMethod = "managerEstimate"
	ExpertEstimate      IsolationMethod = "expertEstimate"
	CustomerInput       IsolationMethod = "customerInput"
	OtherFactors        IsolationMethod = "otherFactors"
)

// IsolationMethods are the ways of isolating, in the order they are
// offered.
var IsolationMethods = []IsolationMethod{ControlGroup, TrendLine, Forecasting, ParticipantEstimate,
	ManagerEstimate, ExpertEstimate, CustomerInput, OtherFactors}

// isolationWords are the ways of isolating as people say them.
var isolationWords = map[IsolationMethod]string{
	ControlGroup:        "a control group",
	TrendLine:           "a trend line",
	Forecasting:         "a forecast",
	ParticipantEstimate: "the participants' estimate",
	ManagerEstimate:     "the managers' estimate",
	ExpertEstimate:      "an expert's estimate",
	CustomerInput:       "customers' input",
	OtherFactors:        "the effect of other factors worked out",
}

// Words is the method as people say it: "a control group", "the
// managers' estimate".
func (m IsolationMethod) Words() string {
	if w, ok := isolationWords[m]; ok {
		return w
	}
	return string(m)
}

// Isolation is the Phillips method's isolation of a KPI's improvement and
// its confidence adjustment: the benefit claimed is the improvement's
// value × Share × Confidence.
type Isolation struct {
	// Share is the fraction of the improvement attributed to the
	// programme.
	Share float64 `json:"share"`
	// Method is how the share was estimated, and Basis says by whom or on
	// what.
	Method IsolationMethod `json:"method"`
	Basis  string          `json:"basis,omitempty"`
	// Confidence is the estimators' confidence in the share, as a
	// fraction (1 for a control group or a trend line).
	Confidence float64 `json:"confidence"`
}

// RiskEvent is a risk whose early-warning trigger fired, and what was done.
type RiskEvent struct {
	// Risk is the risk's ID, or its description when it has none.
	Risk string `json:"risk"`
	// Fired is the day the trigger fired.
	Fired Date `json:"fired,omitzero"`
	// Workaround and Contingency say whether the risk's work-around and
	// its contingency plan were used.
	Workaround  bool `json:"workaround,omitempty"`
	Contingency bool `json:"contingency,omitempty"`
	// Cost is what it cost (money drawn on the reserve is recorded as
	// spend as well).
	Cost float64 `json:"cost,omitempty"`
	// Resolved is the day the risk stopped needing attention; zero while
	// it is still being handled.
	Resolved Date   `json:"resolved,omitzero"`
	Note     string `json:"note,omitempty"`
}

// GateDecision is what was decided at a stage gate.
type GateDecision string

// The decisions at a gate.
const (
	GoOn GateDecision = "go"
	Stop GateDecision = "stop"
)

// GateOutcome is the outcome of one stage gate of the baseline.
type GateOutcome struct {
	// Gate is the gate's ID.
	Gate string `json:"gate"`
	Date Date   `json:"date,omitzero"`
	// Met says whether the gate's thresholds were met.
	Met       bool         `json:"met"`
	Decision  GateDecision `json:"decision,omitempty"`
	DecidedBy string       `json:"decidedBy,omitempty"`
	Note      string       `json:"note,omitempty"`
}

// DecisionRequest is a decision the progress report asks of its readers.
type DecisionRequest struct {
	// Raised is the day it was first asked.
	Raised   Date   `json:"raised,omitzero"`
	Question string `json:"question"`
	// From is whose decision it is: the CEO, the CFO, the VP Sales.
	From string `json:"from,omitempty"`
	// By is the day the decision is needed by.
	By Date `json:"by,omitzero"`
	// Decided is the day it was taken, and Answer what was decided; zero
	// while it is open.
	Decided Date   `json:"decided,omitzero"`
	Answer  string `json:"answer,omitempty"`
}

// Credit names someone who made progress happen, and what they did.
type Credit struct {
	// Date places the credit in a reporting period.
	Date         Date   `json:"date,omitzero"`
	Name         string `json:"name"`
	Contribution string `json:"contribution"`
}

// ReserveLineName is how a spend file names the contingency reserve as its
// line (any case).
const ReserveLineName = "reserve"

// IsApproved reports whether the case has been approved.
func (c *Case) IsApproved() bool { return c.Tracking != nil }
