package tracking

import (
	"fmt"
	"strings"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// RAG is a red, amber or green status.
type RAG string

// The statuses, from the best.
const (
	Green RAG = "green"
	Amber RAG = "amber"
	Red   RAG = "red"
)

// Words says a status in lower case: "amber", or "not rated" for none.
func (r RAG) Words() string {
	if r == "" {
		return "not rated"
	}
	return string(r)
}

// worse returns the worse of two statuses.
func worse(a, b RAG) RAG {
	rank := map[RAG]int{Green: 0, Amber: 1, Red: 2}
	if rank[b] > rank[a] {
		return b
	}
	return a
}

// The areas of the status, in the order they are shown.
const (
	AreaMoney    = "Money"
	AreaSchedule = "Schedule"
	AreaKPIs     = "KPIs"
	AreaRisks    = "Risks"
)

// The thresholds of the status rules and of the review.
const (
	// OverBudgetRed is how far over the approved budget the forecast at
	// completion turns the money red: 5 %.
	OverBudgetRed = 0.05
	// OverPlan is how far over plan the spend to date on the cost lines
	// turns the money amber, and the review flags it: 10 %.
	OverPlan = 0.10
	// LateRed is how many days late a milestone running late turns the
	// schedule red.
	LateRed = 30
)

// StatusRules state how each area's status is decided, by area.
var StatusRules = map[string]string{
	AreaMoney: fmt.Sprintf("Red when the forecast at completion is more than %d %% over the approved budget, or the contingency reserve is overdrawn; "+
		"amber when it is over the budget at all, or the spend to date on the cost lines is more than %d %% over plan; green otherwise.",
		int(OverBudgetRed*100), int(OverPlan*100)),
	AreaSchedule: fmt.Sprintf("Red when a milestone is running more than %d days late, or a gate's day has passed without its outcome; "+
		"amber when a milestone is running late at all; green otherwise.", LateRed),
	AreaKPIs: "Red when more than half of the KPIs read are off their trajectory; amber when any is off its trajectory, " +
		"or is overdue for a reading; green otherwise.",
	AreaRisks: "Red when a risk's trigger fired and neither its work-around nor its contingency plan was used; " +
		"amber while a risk that fired is still being handled, or when more than half of the reserve is used; green otherwise.",
}

// Status is the programme's red, amber or green status by area, each from
// its stated rule (see [StatusRules]), and overall the worst of them.
type Status struct {
	Overall RAG          `json:"overall"`
	Areas   []AreaStatus `json:"areas"`
}

// AreaStatus is the status of one area, the rule it comes from and why it
// is what it is.
type AreaStatus struct {
	Area   string `json:"area"`
	Status RAG    `json:"status"`
	Rule   string `json:"rule"`
	Reason string `json:"reason"`
}

// Of returns the status of an area.
func (s *Status) Of(area string) AreaStatus {
	for _, a := range s.Areas {
		if a.Area == area {
			return a
		}
	}
	return AreaStatus{Area: area}
}

// LinesOverPlan returns how far the spend to date on the cost lines is over
// their plan to date, as a fraction (0.12 is 12 % over; negative under),
// and false when nothing was planned to date.
func (m *Money) LinesOverPlan() (float64, bool) {
	if m.LinesPlannedToDate <= 0 {
		return 0, false
	}
	return m.LinesSpentToDate/m.LinesPlannedToDate - 1, true
}

// statusOf works out the status by area, the reasons writing their
// figures as f does.
func statusOf(p *Progress, f *figure.Format) Status {
	areas := []AreaStatus{moneyStatus(p, f), scheduleStatus(p), kpiStatus(p), riskStatus(p, f)}
	s := Status{Overall: Green, Areas: areas}
	for i := range s.Areas {
		s.Areas[i].Rule = StatusRules[s.Areas[i].Area]
		s.Overall = worse(s.Overall, s.Areas[i].Status)
	}
	return s
}

func moneyStatus(p *Progress, f *figure.Format) AreaStatus {
	m := &p.Money
	a := AreaStatus{Area: AreaMoney, Status: Green}
	over := m.VarianceAtCompletion
	var reasons []string
	switch {
	case m.ReserveLeft < 0:
		a.Status = Red
		reasons = append(reasons, fmt.Sprintf("the contingency reserve is overdrawn by %s", f.Money(-m.ReserveLeft)))
	}
	switch {
	case m.ApprovedBudget > 0 && over > OverBudgetRed*m.ApprovedBudget:
		a.Status = Red
		reasons = append(reasons, fmt.Sprintf("the forecast at completion, %s, is %s over the approved budget of %s",
			f.Money(m.ForecastAtCompletion), f.Percent(over/m.ApprovedBudget), f.Money(m.ApprovedBudget)))
	case over > 0.005: // more than half a unit of money over
		a.Status = worse(a.Status, Amber)
		reasons = append(reasons, fmt.Sprintf("the forecast at completion, %s, is %s over the approved budget",
			f.Money(m.ForecastAtCompletion), f.Money(over)))
	}
	if r, ok := m.LinesOverPlan(); ok && r > OverPlan+1e-9 {
		a.Status = worse(a.Status, Amber)
		reasons = append(reasons, fmt.Sprintf("the spend to date on the cost lines, %s, is %s over the plan to date of %s",
			f.Money(m.LinesSpentToDate), f.Percent(r), f.Money(m.LinesPlannedToDate)))
	}
	if len(reasons) == 0 {
		reasons = append(reasons, fmt.Sprintf("the forecast at completion, %s, is within the approved budget of %s, and the spend to date is %s against %s planned",
			f.Money(m.ForecastAtCompletion), f.Money(m.ApprovedBudget), f.Money(m.SpentToDate), f.Money(m.PlannedToDate)))
	}
	a.Reason = capital(casebuilder.JoinNames(reasons)) + "."
	return a
}

func scheduleStatus(p *Progress) AreaStatus {
	a := AreaStatus{Area: AreaSchedule, Status: Green}
	var late, awaiting []string
	for _, m := range p.Milestones {
		if !m.Late {
			continue
		}
		a.Status = worse(a.Status, Amber)
		if m.DaysLate > LateRed {
			a.Status = Red
		}
		late = append(late, fmt.Sprintf("%s (%s)", m.Name, daysWord(m.DaysLate)))
	}
	for _, g := range p.Gates {
		if g.Status == GateAwaiting {
			a.Status = Red
			awaiting = append(awaiting, g.Name)
		}
	}
	var reasons []string
	if len(late) > 0 {
		reasons = append(reasons, plural(len(late), "milestone is", "milestones are")+" running late: "+casebuilder.JoinNames(late))
	}
	if len(awaiting) > 0 {
		reasons = append(reasons, "no outcome is recorded for "+casebuilder.JoinNames(awaiting)+", whose day has passed")
	}
	if len(reasons) == 0 {
		reasons = append(reasons, "no milestone is running late")
	}
	a.Reason = capital(strings.Join(reasons, "; ")) + "."
	return a
}

func kpiStatus(p *Progress) AreaStatus {
	a := AreaStatus{Area: AreaKPIs, Status: Green}
	read, off := 0, []string{}
	var overdue []string
	for _, k := range p.KPIs {
		if k.OnTrack != nil {
			read++
			if !*k.OnTrack {
				off = append(off, k.Name)
			}
		}
		if k.Overdue {
			overdue = append(overdue, k.Name)
		}
	}
	switch {
	case len(off) > 0 && 2*len(off) > read:
		a.Status = Red
	case len(off) > 0 || len(overdue) > 0:
		a.Status = Amber
	}
	var reasons []string
	if len(off) > 0 {
		their := "their trajectories"
		if len(off) == 1 {
			their = "its trajectory"
		}
		reasons = append(reasons, fmt.Sprintf("%d of the %d KPIs read %s off %s: %s", len(off), read, isAre(len(off)), their, casebuilder.JoinNames(off)))
	}
	if len(overdue) > 0 {
		reasons = append(reasons, plural(len(overdue), "KPI is", "KPIs are")+" overdue for a reading: "+casebuilder.JoinNames(overdue))
	}
	if len(reasons) == 0 {
		if read == 0 {
			reasons = append(reasons, "no KPI is due for a reading yet")
		} else {
			reasons = append(reasons, fmt.Sprintf("every KPI read (%d) is on its trajectory", read))
		}
	}
	a.Reason = capital(strings.Join(reasons, "; ")) + "."
	return a
}

func riskStatus(p *Progress, f *figure.Format) AreaStatus {
	a := AreaStatus{Area: AreaRisks, Status: Green}
	var unanswered, open []string
	for _, r := range p.Risks {
		switch {
		case !r.Workaround && !r.Contingency:
			unanswered = append(unanswered, r.Description)
		case r.Open:
			open = append(open, r.Description)
		}
	}
	m := &p.Money
	var reasons []string
	if len(unanswered) > 0 {
		a.Status = Red
		reasons = append(reasons, "nothing was done yet about "+casebuilder.JoinNames(unanswered)+", whose trigger fired")
	}
	if len(open) > 0 {
		a.Status = worse(a.Status, Amber)
		reasons = append(reasons, "still being handled: "+casebuilder.JoinNames(open))
	}
	if m.ReserveApproved > 0 && m.ReserveUsed > m.ReserveApproved/2 {
		a.Status = worse(a.Status, Amber)
		reasons = append(reasons, fmt.Sprintf("%s of the reserve of %s is used", f.Money(m.ReserveUsed), f.Money(m.ReserveApproved)))
	}
	if len(reasons) == 0 {
		if len(p.Risks) == 0 {
			reasons = append(reasons, "no risk's trigger has fired")
		} else {
			reasons = append(reasons, "every risk that fired has been dealt with")
		}
	}
	a.Reason = capital(strings.Join(reasons, "; ")) + "."
	return a
}

func daysWord(n int) string {
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}

func plural(n int, one, many string) string {
	return figure.Plural(n, one, many)
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// capital returns s with its first letter in upper case.
func capital(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
