package workbook

import (
	"fmt"
	"slices"
	"strings"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// The Stage gates sheet: each decision at which the programme goes on or
// stops, with what the recommended alternative has spent before it and
// its NPV if it stopped there, as formulas: a gate at a milestone is
// decided the day after the milestone ends (Plan sheet), so moving the
// milestone moves the decision; the lines a "no" stops have no money from
// the month of the decision, the exit cost falls in it, and the
// contingency reserve, booked in month 0, stays counted, as in Case
// Builder.
const (
	gID = iota + 1
	gName
	gDecider
	gAt
	gDate
	gMonth
	gThresholds
	gStops
	gExit
	gSpent
	gNPV
)

const (
	gatesHeadRow  = 4
	gatesFirstRow = 5
)

type gatesLayout struct {
	last int // the last gate's row
}

// planLayout is where the Plan sheet's milestones are.
type planLayout struct {
	// milestoneRow is the row of each milestone by ID: the first with
	// that ID, as Case Builder takes it.
	milestoneRow map[string]int
}

func (b *book) planPlan() {
	b.ms.milestoneRow = map[string]int{}
	for i, m := range b.c.Plan.Milestones {
		if _, dup := b.ms.milestoneRow[m.ID]; m.ID != "" && !dup {
			b.ms.milestoneRow[m.ID] = planFirstRow + i
		}
	}
}

func (b *book) planGates() {
	b.gates.last = gatesFirstRow + len(b.c.Plan.Gates) - 1
}

// gateMonthCell is the cell of gate g's decision month.
// gateDate is the date a gate is decided on, as its cell on the Stage
// gates sheet holds it: the day after its milestone ends, or its own date;
// "" when it has none.
func (b *book) gateDate(gate *casebuilder.Gate) any {
	if gate.Milestone == "" {
		if gate.Date.IsZero() {
			return ""
		}
		return serial(gate.Date)
	}
	for _, m := range b.c.Plan.Milestones {
		if m.ID == gate.Milestone && !m.End.IsZero() {
			return serial(m.End) + 1
		}
	}
	return ""
}

func (b *book) gateMonthCell(g int) string { return xref(sheetGates, gMonth, gatesFirstRow+g) }

func (b *book) writeGates() {
	widths := []float64{10, 30, 22, 26, 12, 10, 40, 30, 13, 15, 15}
	last := len(widths)
	s := b.open(sheetGates, sheetSetup{widths: widths, freezeCol: gDecider, freezeRow: gatesFirstRow, titleRows: gatesHeadRow, gridlines: true, tab: "7F6000"})
	defer s.close()
	s.put(1, []any{b.text(rTitle, "Stage gates: when the programme would be stopped")}, 24)
	ai := b.res.Recommended
	who := "the recommended alternative"
	if ai >= 0 {
		who = b.res.Alternatives[ai].Name + ", the recommended alternative"
	}
	note := "Each decision at which the programme goes on only if its thresholds are met, with what " + who + " has spent in the " +
		"months before it (the contingency reserve, booked in month 0, included) and its NPV if it stopped there: the lines a \"no\" " +
		"stops have no money from the month of the decision, the exit cost falls in that month, and the reserve stays counted. A gate " +
		"at a milestone is decided the day after the milestone ends: change its end date on the Plan sheet and the decision, and the " +
		"money, move with it. Exit costs and the dates of gates on a date are inputs."
	s.wide(2, last, rNote, note)
	s.put(gatesHeadRow, b.textHeader(last, "ID", "Gate", "Decided by", "At", "Decision date", "Decision month",
		"Thresholds to go on", "A \"no\" stops", "Exit cost", "Spent before the decision", "NPV if stopped there"), 45)
	measures := map[string]casebuilder.Measure{}
	for _, m := range b.c.Measures {
		if m.ID != "" {
			if _, dup := measures[m.ID]; !dup {
				measures[m.ID] = m
			}
		}
	}
	for g := range b.c.Plan.Gates {
		gate := &b.c.Plan.Gates[g]
		gr := b.res.Gates[g]
		row := gatesFirstRow + g
		r := make([]any, last)
		r[gID-1] = b.text(rPlain, gate.ID)
		r[gName-1] = b.text(rWrap, gate.Name)
		r[gDecider-1] = b.text(rWrap, gate.DecidedBy)
		var at string
		dateCell := ref(gDate, row)
		if gate.Milestone != "" {
			at = "end of " + gate.Milestone
			for _, m := range b.c.Plan.Milestones {
				if m.ID == gate.Milestone {
					at = fmt.Sprintf("end of %s (%s)", m.Name, m.ID)
					if mr, ok := b.ms.milestoneRow[m.ID]; ok {
						end := xref(sheetPlan, pEnd, mr)
						var cached any = ""
						if !m.End.IsZero() {
							cached = serial(m.End) + 1
						}
						r[gDate-1] = b.formula(rCalc, nDate, fmt.Sprintf(`IF(%s="","",%s+1)`, end, end), cached)
					}
					break
				}
			}
		} else {
			at = "on a date"
			if gate.Date.IsZero() {
				r[gDate-1] = b.blank(rInput, nDate)
			} else {
				r[gDate-1] = b.number(rInput, nDate, serial(gate.Date))
			}
		}
		if r[gDate-1] == nil {
			r[gDate-1] = b.formula(rCalc, nDate, `""`, "")
		}
		r[gAt-1] = b.text(rWrap, at)
		dated := fmt.Sprintf(`AND(%s<>"",%s<>"")`, nameStartDate, dateCell)
		r[gMonth-1] = b.formula(rCalc, nInt, fmt.Sprintf("IF(%s,%s,-1)", dated, monthIndex(dateCell)), float64(gr.Month))
		var th []string
		for _, t := range gate.Thresholds {
			name := t.Measure
			var value string
			if m, ok := measures[t.Measure]; ok {
				name = fmt.Sprintf("%s (%s)", m.Name, m.ID)
				value = b.num.Value(t.Value, m.Unit)
			} else {
				value = b.num.Number(t.Value, 2)
			}
			th = append(th, fmt.Sprintf("%s %s %s", name, t.Comparison.Words(), value))
		}
		r[gThresholds-1] = b.text(rWrap, strings.Join(th, "; "))
		stops := "every line"
		if len(gate.Stops) > 0 {
			stops = strings.Join(gate.Stops, "; ")
		}
		r[gStops-1] = b.text(rWrap, stops)
		r[gExit-1] = b.number(rInput, nMoney, gate.ExitCost)
		exit := ref(gExit, row)
		month := ref(gMonth, row)
		spent, npv := "0", "0"
		if ai >= 0 {
			bl := b.cash.blocks[ai]
			m0, mN := b.cash.month0, b.cash.month0+b.months-1
			months := xrange(sheetCash, m0, cMonthNo, mN, cMonthNo)
			rowOf := func(row int) string { return xrange(sheetCash, m0, row, mN, row) }
			factors := rowOf(b.cash.gateRows[g])
			tail := func(row int) string { return fmt.Sprintf("SUMPRODUCT(%s,%s)", rowOf(row), factors) }
			spent = fmt.Sprintf(`IF(%s,SUMIF(%s,"<"&%s,%s),0)`, dated, months, month, rowOf(bl.costTotal))
			var taken []string // the present value the stopped lines take away
			switch {
			case bl.baseline && !b.res.RecommendedByCase:
				// Case Builder stops nothing of doing nothing, not even
				// with an exit cost, when no alternative is named.
				taken = nil
			case len(gate.Stops) == 0 && !bl.baseline:
				taken = append(taken, tail(bl.benefitTotal), "-"+tail(bl.costTotal), "+"+tail(bl.reserve))
			case !bl.baseline:
				a := &b.c.Alternatives[ai]
				for li, bf := range a.Benefits {
					if slices.Contains(gate.Stops, bf.Name) {
						taken = append(taken, "+"+tail(bl.benefitRows[li]))
					}
				}
				for li, k := range a.Costs {
					if slices.Contains(gate.Stops, k.Name) {
						taken = append(taken, "-"+tail(bl.costRows[li]))
					}
				}
			}
			npv = cmpRef(mNPV, cmpFirstRow+ai)
			if len(taken) > 0 {
				npv += "-(" + strings.TrimPrefix(strings.Join(taken, ""), "+") + ")"
			}
			if !bl.baseline || b.res.RecommendedByCase {
				npv += fmt.Sprintf("-%s*IF(AND(%s>=0,%s<%s),(1+%s)^(-%s/12),0)", exit, month, month, nameHorizon, nameDiscountRate, month)
			}
			npv = fmt.Sprintf("IF(%s,%s,0)", dated, npv)
		}
		r[gSpent-1] = b.formula(rCalc, nMoney, spent, gr.SpentBefore)
		r[gNPV-1] = b.formula(rCalc, nMoney, npv, gr.NetIfStopped)
		height := 15.0
		for _, t := range []struct {
			s string
			w float64
		}{{gate.Name, widths[gName-1]}, {gate.DecidedBy, widths[gDecider-1]}, {at, widths[gAt-1]},
			{strings.Join(th, "; "), widths[gThresholds-1]}, {stops, widths[gStops-1]}} {
			height = max(height, rowHeight(t.s, t.w))
		}
		s.put(row, r, height)
	}
	s.validate(ref(gExit, gatesFirstRow)+":"+ref(gExit, b.gates.last), nil, 0, casebuilder.MaxAmount, false, "An exit cost is not negative.")
	row := b.gates.last + 2
	if id := b.c.Ask.UpToGate; id != "" {
		for _, gate := range b.c.Plan.Gates {
			if gate.ID == id {
				text := fmt.Sprintf("The ask is for the first stage only: the money and the work up to the decision at %s (%s). "+
					"The Fiscal years sheet shows the budget it asks for, year by year.", gate.Name, gate.ID)
				s.wide(row, last, rBoldWrap, text)
			}
		}
	}
}
