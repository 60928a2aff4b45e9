package workbook

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
)

// The Plan sheet: the milestones with their owners and dates and a Gantt
// band drawn by conditional formatting from those dates (change a date and
// the band moves), then the stakeholders, the measures of success and the
// people to credit.
const (
	pID = iota + 1
	pName
	pOwner
	pStart
	pEnd
	pDepends
	pResources
	pSecured
	pDays
	pGantt // the first column of the Gantt band
)

const (
	planHeadRow  = 5
	planFirstRow = 6
	maxBuckets   = 240
)

// gantt is the time scale of the band: buckets of so many months from the
// first one.
type gantt struct {
	first  casebuilder.Date
	months int
	n      int
}

func (b *book) ganttScale() gantt {
	var lo, hi casebuilder.Date
	for _, m := range b.c.Plan.Milestones {
		for _, d := range []casebuilder.Date{m.Start, m.End} {
			if d.IsZero() {
				continue
			}
			if lo.IsZero() || d.Before(lo) {
				lo = d
			}
			if hi.IsZero() || hi.Before(d) {
				hi = d
			}
		}
	}
	if lo.IsZero() {
		return gantt{}
	}
	span := (hi.Year-lo.Year)*12 + int(hi.Month-lo.Month) + 1
	g := gantt{months: 1}
	switch {
	case span > 144:
		g.months = 12
	case span > 36:
		g.months = 3
	}
	month := (int(lo.Month) - 1) / g.months * g.months
	g.first = casebuilder.Date{Year: lo.Year, Month: time.Month(month + 1), Day: 1}
	for d := g.first; !hi.Before(d) && g.n < maxBuckets; d = d.AddMonths(g.months) {
		g.n++
	}
	return g
}

func (b *book) writePlan() {
	c := b.c
	g := b.ganttScale()
	widths := []float64{10, 40, 28, 12, 12, 14, 30, 10, 12}
	bucketWidth := map[int]float64{1: 3.2, 3: 3.2, 12: 5}[g.months]
	for range g.n {
		widths = append(widths, bucketWidth)
	}
	s := b.open(sheetPlan, sheetSetup{widths: widths, freezeCol: pOwner, freezeRow: planFirstRow, titleRows: 2, tab: "7F6000"})
	defer s.close()
	s.put(1, []any{b.text(rTitle, "Implementation plan")}, 24)
	note := "The milestones, each with its owner and dates; the band shows when each runs"
	switch g.months {
	case 3:
		note += " (by quarter)"
	case 12:
		note += " (by year)"
	}
	s.put(2, []any{b.text(rSubtitle, note+" and moves with the dates. Then the people affected and how they are kept informed, "+
		"the measures of success, and the people who built the case.")}, 0)

	s.put(4, []any{b.text(rSection, "Milestones")}, 20)
	n := pDays + g.n
	r := b.textHeader(pDays, "ID", "Milestone", "Owner", "Start", "End", "Depends on", "Resources", "All secured", "Days")
	r = append(r, make([]any, g.n)...)
	nf := nShortMonth
	if g.months == 12 {
		nf = nYear
	}
	for i, d := 0, g.first; i < g.n; i, d = i+1, d.AddMonths(g.months) {
		r[pGantt-1+i] = b.number(rHeaderUp, nf, serial(d))
	}
	s.put(planHeadRow, r, 42)
	row := planFirstRow
	for _, m := range c.Plan.Milestones {
		r := make([]any, n)
		r[pID-1] = b.text(rPlain, m.ID)
		r[pName-1] = b.text(rWrap, m.Name)
		r[pOwner-1] = b.text(rWrap, m.Owner)
		for _, d := range []struct {
			col  int
			date casebuilder.Date
		}{{pStart, m.Start}, {pEnd, m.End}} {
			if d.date.IsZero() {
				r[d.col-1] = b.blank(rInput, nDate)
			} else {
				r[d.col-1] = b.number(rInput, nDate, serial(d.date))
			}
		}
		r[pDepends-1] = b.text(rWrap, strings.Join(m.DependsOn, ", "))
		var res []string
		secured := "yes"
		for _, x := range m.Resources {
			d := x.Description
			if !x.Secured {
				d += " (not secured)"
				secured = "no"
			}
			res = append(res, d)
		}
		if len(m.Resources) == 0 {
			secured = ""
		}
		r[pResources-1] = b.text(rWrap, strings.Join(res, "; "))
		r[pSecured-1] = b.text(rPlain, secured)
		if !m.Start.IsZero() && !m.End.IsZero() {
			days := m.End.Time().Sub(m.Start.Time()).Hours()/24 + 1
			r[pDays-1] = b.formula(rCalc, nInt, fmt.Sprintf(`IF(AND(%s<>"",%s<>""),%s-%s+1,"")`, ref(pStart, row), ref(pEnd, row), ref(pEnd, row), ref(pStart, row)), days)
		}
		height := max(rowHeight(m.Name, 40), rowHeight(m.Owner, 28), rowHeight(strings.Join(m.DependsOn, ", "), 14), rowHeight(strings.Join(res, "; "), 30))
		s.put(row, r, height)
		row++
	}
	if len(c.Plan.Milestones) == 0 {
		s.put(row, []any{b.text(rNote, "No milestones yet.")}, 0)
		row++
	} else {
		last := row - 1
		s.validate(ref(pStart, planFirstRow)+":"+ref(pEnd, last), nil, 1, 2958465, false, "Enter a date.")
		if g.n > 0 {
			band, err := b.f.NewConditionalStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"2F75B5"}}})
			b.fail(err)
			top := colName(pGantt) + "$" + strconv.Itoa(planHeadRow)
			start, end := "$"+ref(pStart, planFirstRow), "$"+ref(pEnd, planFirstRow)
			b.fail(b.f.SetConditionalFormat(sheetPlan, ref(pGantt, planFirstRow)+":"+ref(pGantt+g.n-1, last), []excelize.ConditionalFormatOptions{{
				Type:     "formula",
				Criteria: fmt.Sprintf(`AND(%s<>"",%s<>"",%s<=%s,EDATE(%s,%d)>%s)`, start, end, top, end, top, g.months, start),
				Format:   &band,
			}}))
		}
	}

	row++
	s.put(row, []any{b.text(rSection, "Stakeholders")}, 20)
	row++
	s.put(row, b.textHeader(pSecured, "", "Party", "Interest", "How they are informed", "", "", "How often"), 0)
	s.merge(pStart, row, pDepends, row)
	for i, st := range c.Plan.Stakeholders {
		row++
		r := make([]any, pSecured)
		r[0] = b.number(rPlain, nInt, float64(i+1))
		r[1], r[2], r[3], r[6] = b.text(rWrap, st.Party), b.text(rWrap, st.Interest), b.text(rWrap, st.Channel), b.text(rWrap, st.Frequency)
		s.put(row, r, max(rowHeight(st.Party, 40), rowHeight(st.Interest, 28), rowHeight(st.Channel, 38), rowHeight(st.Frequency, 30)))
		s.merge(pStart, row, pDepends, row)
	}
	if cad := c.Plan.ReportingCadence; cad != "" {
		row++
		r := make([]any, pSecured)
		r[0], r[1] = b.text(rBold, "Reporting"), b.text(rWrap, cad)
		s.put(row, r, rowHeight(cad, 130))
		s.merge(pName, row, pSecured, row)
	}

	row += 2
	s.put(row, []any{b.text(rSection, "Measures of success")}, 20)
	row++
	s.put(row, b.textHeader(pDays, "Level", "Measure", "Owner", "Baseline", "Target", "By", "Method", "Unit", "Tracks"), 30)
	for _, m := range c.Measures {
		row++
		r := make([]any, pDays)
		level := ""
		if m.Level >= 1 && m.Level < len(casebuilder.Levels) {
			level = strconv.Itoa(m.Level) + " " + casebuilder.Levels[m.Level]
		}
		r[0] = b.text(rWrap, level)
		r[1], r[2] = b.text(rWrap, m.Name), b.text(rWrap, m.Owner)
		mf := unitFormat(m.Unit, m.Baseline)
		if m.Unit == figure.Number || m.Unit == "" {
			mf = nOneDec
		}
		r[3], r[4] = b.number(rPlain, mf, m.Baseline), b.number(rPlain, mf, m.Target)
		if !m.Date.IsZero() {
			r[5] = b.number(rPlain, nDate, serial(m.Date))
		}
		r[6] = b.text(rWrap, m.Method)
		r[7] = b.text(rPlain, b.unitName(m.Unit))
		tracks := ""
		if _, comp := b.c.Pain.ComponentOf(m.PainInput); comp || casebuilder.LookupInput(m.PainInput) != nil {
			tracks = b.c.Pain.InputLabel(m.PainInput)
			r[8] = b.text(rWrap, tracks)
		}
		s.put(row, r, max(rowHeight(m.Name, 40), rowHeight(m.Owner, 28), rowHeight(m.Method, 30), rowHeight(level, 10), rowHeight(tracks, 12)))
	}

	row += 2
	s.put(row, []any{b.text(rSection, "Contributors")}, 20)
	row++
	s.put(row, b.textHeader(pDays, "", "Name", "Role", "Contribution"), 0)
	s.merge(pStart, row, pDays, row)
	for i, p := range c.Contributors {
		row++
		r := make([]any, pDays)
		r[0] = b.number(rPlain, nInt, float64(i+1))
		r[1], r[2], r[3] = b.text(rWrap, p.Name), b.text(rWrap, p.Role), b.text(rWrap, p.Contribution)
		s.put(row, r, max(rowHeight(p.Name, 40), rowHeight(p.Role, 28), rowHeight(p.Contribution, 86)))
		s.merge(pStart, row, pDays, row)
	}
}
