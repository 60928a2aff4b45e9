package brief

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"github.com/casebuilder/casebuilder/casebuilder/internal/casetest"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdftest"
)

// The tests of what issues 12 and 13 put in the brief: when each line
// starts, the box on stopping, the ask for the first stage, the cash and
// the rest, the break-even, the cost of pain year by year, the money by
// fiscal year and the simulation with the risks. Their figures come from
// a model of the turnover sample worked by hand below, itself checked
// against LibreOffice's NPV of the app's cash flows, and from the Python
// model of the turnover sample (casebuilder/testdata/oracle).

// handTurnover is the recommendation of the turnover sample, structured
// onboarding and coaching, worked by hand month by month (month 0 is
// January 2027) from the sample's lines and milestones:
//
//   - the design partner is chosen by 12 February: €140,000 in February;
//   - two coaches at €8,500 each a month from April, once hired (31 March);
//   - the learning platform, €36,000 a year from the design's start (15
//     February): February 2027, 2028 and 2029;
//   - the managers' workshops, €45,000 when they start (1 March);
//   - new hires' time, €4,000 for each of the 46, 75 and 50 hires of each
//     year, from the pilot's start (12 April): April of each year;
//   - the managers' coaching time, €8,400 a month from April;
//   - the programme owner's time, €2,500 a month from the month after
//     the approval ends on 15 January: January;
//   - the evaluation, €12,000 a year from the pilot's end (30 June): July;
//   - the reserve, €52,000 in January;
//   - fewer early leavers: attrition from 33 % to 29 % of 125 reps in
//     2027 and 150 after, from the roll-out's end (30 September): October,
//     reaching full effect in 12 months; each leaver avoided saves the
//     separation (€6,500) and the recruiting (€15,000) in cash, and the
//     vacancy and the ramp-up in margin;
//   - faster ramp-up: 6 months to 5 for the leavers left at 29 %, from the
//     pilot's end (July), in full after 6 months: margin.
type handTurnover struct {
	cashCost, timeCost, cashSaved, margin [36]float64
	// lines are the cost lines' flows, in the sample's order.
	lines [8][36]float64
}

const (
	handVacancy = 55 * 600000 * 0.84 * 0.65 / 365 // days open × daily margin of a productive rep
	handRampOf6 = 6 * 600000.0 / 12 * 0.84 * 0.5 * 0.65
	handRampOf5 = 5 * 600000.0 / 12 * 0.84 * 0.5 * 0.65
	handExit    = 17000.0 // the pilot review's exit cost
)

// handInputs are the estimates the hand-worked model varies, for the
// break-evens: each as if the case gave that one number.
type handInputs struct {
	attrition, attritionTo float64 // the problem's attrition, and the target of fewer early leavers
	ramp, rampTo           float64 // months to full productivity, and the target of faster ramp-up
	rampProductivity       float64
	days, recruiting       float64
}

// sampleInputs are the turnover sample's likely values.
var sampleInputs = handInputs{attrition: 0.33, attritionTo: 0.29, ramp: 6, rampTo: 5, rampProductivity: 0.5, days: 55, recruiting: 15000}

func newHandTurnover() *handTurnover { return handTurnoverWith(sampleInputs) }

// handTurnoverWith is the model with other values of its estimates: the
// leavers avoided are down to the target attrition, and the faster
// ramp-up counts for the leavers left at it, the lines being valued one
// after the other.
func handTurnoverWith(in handInputs) *handTurnover {
	h := &handTurnover{}
	reps := [3]float64{125, 150, 150}
	hires := [3]float64{46, 75, 50}
	rampCost := func(months float64) float64 {
		return months * 600000.0 / 12 * 0.84 * (1 - in.rampProductivity) * 0.65
	}
	vacancy := in.days * 600000 * 0.84 * 0.65 / 365
	for m := range 36 {
		y := m / 12
		cost := func(line int, v float64, time bool) {
			h.lines[line][m] += v
			if time {
				h.timeCost[m] += v
			} else {
				h.cashCost[m] += v
			}
		}
		if m == 1 {
			cost(0, 140000, false)
		}
		if m >= 3 {
			cost(1, 2*8500, false)
			cost(5, 8400, true)
		}
		if m%12 == 1 {
			cost(2, 36000, false)
		}
		if m == 2 {
			cost(3, 45000, false)
		}
		if m%12 == 3 {
			cost(4, 4000*hires[y], true)
		}
		cost(6, 2500, true)
		if m%12 == 6 {
			cost(7, 12000, false)
		}
		share := func(start, ramp int) float64 {
			if m < start {
				return 0
			}
			return math.Min(1, float64(m-start+1)/float64(ramp))
		}
		avoided := reps[y] * (in.attrition - in.attritionTo)
		leaversLeft := reps[y] * in.attritionTo
		h.cashSaved[m] = avoided * (6500 + in.recruiting) / 12 * share(9, 12)
		h.margin[m] = avoided*(vacancy+rampCost(in.ramp))/12*share(9, 12) +
			leaversLeft*(rampCost(in.ramp)-rampCost(in.rampTo))/12*share(6, 6)
	}
	h.cashCost[0] += 52000
	return h
}

// pv is the present value of monthly flows at the sample's 10 % a year.
func pv(flows []float64) float64 {
	var s float64
	for m, v := range flows {
		s += v * math.Pow(1.1, -float64(m)/12)
	}
	return s
}

func (h *handTurnover) npv() float64 {
	return pv(h.cashSaved[:]) + pv(h.margin[:]) - pv(h.cashCost[:]) - pv(h.timeCost[:])
}

func (h *handTurnover) cashNPV() float64 { return pv(h.cashSaved[:]) - pv(h.cashCost[:]) }

// spentBefore is what the programme spends before month: new cash and
// people's time.
func (h *handTurnover) spentBefore(month int) (cash, time float64) {
	for m := range month {
		cash += h.cashCost[m]
		time += h.timeCost[m]
	}
	return cash, time
}

// stoppedNPV is the NPV if every line stops in month 6 (July 2027, at the
// pilot review) and the exit cost is paid then: no benefit has started.
func (h *handTurnover) stoppedNPV() float64 {
	var npv float64
	for m := range 6 {
		npv += (h.cashSaved[m] + h.margin[m] - h.cashCost[m] - h.timeCost[m]) * math.Pow(1.1, -float64(m)/12)
	}
	return npv - handExit*math.Pow(1.1, -0.5)
}

// TestHandModel checks the model of the turnover sample worked by hand
// against LibreOffice's NPV of the app's cash flows, so that the tests
// below can take their figures from it.
func TestHandModel(t *testing.T) {
	h := newHandTurnover()
	lo := oracle(t)["turnover/onboarding"]["npv"]
	if math.Abs(h.npv()-lo) > 1e-6 {
		t.Fatalf("the hand-worked NPV is %.4f, LibreOffice's %.4f", h.npv(), lo)
	}
	var total float64
	for m := range 36 {
		total += h.cashCost[m] + h.timeCost[m]
	}
	if math.Abs(total-1993200) > 1e-6 {
		t.Errorf("the hand-worked costs add up to %.2f, not €1,993,200", total)
	}
}

var updateFlows = flag.Bool("update-flows", false, "write testdata/flows.json from the samples, for LibreOffice to work out again (see testdata/README.md)")

// TestFlowsCurrent checks that the cash flows LibreOffice's figures in
// testdata were worked out from are still the samples' own, to the cent:
// a sample that changed needs its oracle worked out again.
func TestFlowsCurrent(t *testing.T) {
	type vector struct {
		Rate  float64   `json:"rate"`
		Flows []float64 `json:"flows"`
	}
	now := map[string]vector{}
	for _, key := range []string{"turnover/onboarding", "turnover/compensation", "turnover/hiring", "ramp/academy", "ramp/mentors", "ramp/experienced"} {
		name, id, _ := strings.Cut(key, "/")
		c := shared(t, name)
		a := analysed(c).Result.Alternatives[c.AlternativeByID(id)]
		now[key] = vector{c.DiscountRate, a.CashFlows}
	}
	if *updateFlows {
		data, err := json.MarshalIndent(now, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("testdata/flows.json", append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile("testdata/flows.json")
	if err != nil {
		t.Fatal(err)
	}
	var then map[string]vector
	if err := json.Unmarshal(data, &then); err != nil {
		t.Fatal(err)
	}
	for key, v := range now {
		w, ok := then[key]
		if !ok || w.Rate != v.Rate || len(w.Flows) != len(v.Flows) {
			t.Errorf("%s: not in testdata/flows.json as it is now", key)
			continue
		}
		for m := range v.Flows {
			if math.Abs(v.Flows[m]-w.Flows[m]) > 0.005 {
				t.Errorf("%s, month %d: %.2f, testdata %.2f: work the oracle out again", key, m, v.Flows[m], w.Flows[m])
				break
			}
		}
	}
}

// squeezed is text with every run of white space taken out, and the
// hyphens pdftotext drops where a word breaks after one.
func squeezed(s string) string {
	return strings.ReplaceAll(strings.Join(strings.Fields(s), ""), "-", "")
}

// mustContainSqueezed is mustContain on text laid out in table cells,
// whose lines pdftotext may join with other cells' text between them
// (as layoutLines gives) or not.
func mustContainSqueezed(t *testing.T, where, text string, wants ...string) {
	t.Helper()
	sq := squeezed(text)
	for _, w := range wants {
		if !strings.Contains(sq, squeezed(w)) {
			t.Errorf("%s lacks %q", where, w)
		}
	}
}

// TestLineTiming checks that every line of the turnover sample's
// recommendation says when it starts in words, from the milestone it is
// tied to and the month that follows from that milestone's dates, worked
// by hand (a line that starts at a milestone's end starts in the month
// after its last day), and what kind of money it is; and that the other
// alternatives' lines, in fixed months, name their months.
func TestLineTiming(t *testing.T) {
	c := shared(t, "turnover")
	h := newHandTurnover()
	f := casebuilder.FormatFor(c)
	txt := briefText(t, write(t, c, "a4"))
	lines := section(t, pdftest.Pages(t, write(t, c, "a4")), "Costs and benefits, line by line", "What moves the NPV most")
	// Fewer early leavers: its cash and margin over the horizon.
	var cash, margin float64
	reps := [3]float64{125, 150, 150}
	for m := 9; m < 36; m++ {
		share := math.Min(1, float64(m-9+1)/12)
		avoided := reps[m/12] * 0.04
		cash += avoided * 21500 / 12 * share
		margin += avoided * (handVacancy + handRampOf6) / 12 * share
	}
	mustContainSqueezed(t, "the recommendation's lines", lines,
		"Once, at the end of “Select the design partner” (February 2027); new cash.",              // ends 12 Feb
		"Monthly from the end of “Hire two sales coaches” (April 2027); new cash.",                // ends 31 Mar
		"Yearly from the start of “Design the 90-day onboarding path” (February 2027); new cash.", // starts 15 Feb
		"Once, at the start of “Coaching workshops for sales managers” (March 2027); new cash.",   // starts 1 Mar
		"Yearly from the start of “Pilot with the April cohort of new hires” (April 2027); people's time, already paid.",
		"Monthly from the start of “Pilot with the April cohort of new hires” (April 2027); people's time, already paid.",
		"Monthly from the end of “Approve the budget and appoint the programme owner” (January 2027); people's time, already paid.", // ends 15 Jan
		"Yearly from the end of “Pilot with the April cohort of new hires” (July 2027); new cash.",                                  // ends 30 Jun
		"Once, January 2027; new cash.", // the reserve
		fmt.Sprintf("From the end of “Roll out to every new hire and region” (October 2027); full after 12 months; margin on sales %s; cash saving %s.", f.Money(margin), f.Money(cash)),
		"From the end of “Pilot with the April cohort of new hires” (July 2027); full after 6 months; margin on sales.",
		"€4,000 each for every one of the new sales hires a year: 46, 75 and 50 by year.",
		"Owner: José Müller-Øberg, VP Sales DACH.")
	// Each line's total over the horizon, as worked by hand.
	for i, l := range h.lines {
		var total float64
		for _, v := range l {
			total += v
		}
		if !strings.Contains(lines, f.Money(total)) {
			t.Errorf("cost line %d: no total of %s", i+1, f.Money(total))
		}
	}
	if !strings.Contains(lines, f.Money(cash+margin)) {
		t.Errorf("fewer early leavers: no total of %s", f.Money(cash+margin))
	}
	// The other alternatives' lines fall in fixed months.
	mustContainSqueezed(t, "the appendix", txt,
		"Yearly from July 2027; new cash.", "Once, April 2027; new cash.", "From July 2027; full after 6 months;")
}

// TestGateBox checks the summary's box on how and when the programme
// would be stopped, the ask for the first stage, and the stage gates of
// the plan, against the turnover sample worked by hand: spending before
// July 2027, when the pilot review decides, and the NPV if every line
// stops then and the exit cost is paid. The pilot ends on 30 June 2027, so
// the review is on 1 July, the day the workbook and the progress report
// give too.
func TestGateBox(t *testing.T) {
	c := shared(t, "turnover")
	f := casebuilder.FormatFor(c)
	h := newHandTurnover()
	cash, time := h.spentBefore(6)
	if cash != 324000 || time != 224200 {
		t.Fatalf("by hand: %v of new cash and %v of time before July", cash, time)
	}
	stopped := h.stoppedNPV()
	pages := pdftest.Pages(t, write(t, c, "a4"))
	summary := pages[1]
	box := regexp.MustCompile(`How and when it would be stopped\. At the stage gate on 1 July 2027, “Pilot review: go on to the roll-out or stop”, the programme goes on only if “Months to full productivity, new hires” is at most 5\.5 months, “New hires' rating of the onboarding path” at least 3\.50 and “Coaching sessions per rep per month” at least 1\.50\. Who decides: CEO and CFO, on the recommendation of the VP Sales\. Stopped there: (\S+) spent \((\S+) of it new cash\) and (\S+) to stop; net result (\S+) at today's value\.`).FindStringSubmatch(summary)
	if box == nil {
		t.Fatalf("no box on stopping, or not in these words:\n%s", summary)
	}
	checkRounded(t, "spent by the gate", box[1], cash+time)
	checkRounded(t, "new cash by the gate", box[2], cash)
	checkRounded(t, "exit cost", box[3], handExit)
	checkRounded(t, "net result if stopped", box[4], stopped)

	ask := regexp.MustCompile(`Budget (\S+) for the first stage, up to the stage gate on 1 July 2027 \(it goes on only if thresholds are met\): (\S+) of new cash, the (\S+) reserve included, and (\S+) of people's time already paid\. (\S+) over 36 months in all\.`).FindStringSubmatch(summary)
	if ask == nil {
		t.Fatalf("no ask for the first stage:\n%s", summary)
	}
	checkRounded(t, "the first stage", ask[1], cash+time)
	checkRounded(t, "its new cash", ask[2], cash)
	checkRounded(t, "the reserve", ask[3], 52000)
	checkRounded(t, "its people's time", ask[4], time)
	checkRounded(t, "the whole programme", ask[5], 1993200)

	// The plan gives the exact figures, and the gate in the timeline.
	plan := section(t, pages, "5 Implementation plan", "6 Acknowledgements")
	mustContainSqueezed(t, "the plan", plan,
		"G1 Pilot review: go on to the roll-out or stop", "1 Jul 2027",
		"1 July 2027. Decided by: CEO and CFO, on the recommendation of the VP Sales",
		"“Months to full productivity, new hires” is at most 5.5 months, “New hires' rating of the onboarding path” at least 3.50 and “Coaching sessions per rep per month” at least 1.50.",
		"Every line stops from July 2027, at an exit cost of €17,000. Spent by then, the reserve included: "+f.Money(cash+time)+". The NPV if it stops there: "+f.Money(stopped)+".")
}

// TestCashSentence checks that the summary says plainly how much of the
// NPV is cash and what the rest is, and who commits to the margin, against
// the present values of the turnover sample's kinds of money worked by
// hand; that the comparison gives every alternative's cash NPV exactly;
// and the words for an owner given as a role, and for a case all in cash.
func TestCashSentence(t *testing.T) {
	c := shared(t, "turnover")
	f := casebuilder.FormatFor(c)
	h := newHandTurnover()
	pdf := write(t, c, "a4")
	summary := pdftest.Pages(t, pdf)[1]
	m := regexp.MustCompile(`Cash and the rest: NPV (\S+), of which (\S+) is cash \(the cash NPV: new cash spent against costs no longer paid\); the rest is margin on bookings that José Müller-Øberg, VP Sales DACH, commits to \((\S+)\), less people's time already paid \((\S+)\)\.`).FindStringSubmatch(summary)
	if m == nil {
		t.Fatalf("no sentence on cash and the rest:\n%s", summary)
	}
	checkRounded(t, "NPV", m[1], h.npv())
	checkRounded(t, "cash NPV", m[2], h.cashNPV())
	checkRounded(t, "margin at today's value", m[3], pv(h.margin[:]))
	checkRounded(t, "people's time at today's value", m[4], pv(h.timeCost[:]))
	// The comparison: the recommendation's cash NPV, to the euro.
	comparison := section(t, pdftest.Pages(t, pdf), "Financial comparison, and the impact", "Net present value")
	pdftest.MustContain(t, "the comparison", comparison, "€696,016 "+f.Money(h.cashNPV()))

	// An owner named by role only.
	r := shared(t, "ramp")
	pdftest.MustContain(t, "the ramp summary", pdftest.Pages(t, write(t, r, "a4"))[1], "the rest is margin on bookings that the owner named in Sales, Chief Commercial Officer, commits to (")

	// A case all in cash: a saving given as an amount, the costs new cash.
	cash := casetest.Sample(t, "turnover")
	a := &cash.Alternatives[cash.AlternativeByID("onboarding")]
	for i := range a.Costs {
		a.Costs[i].Money = casebuilder.Cash
	}
	a.Benefits = []casebuilder.Benefit{{Name: "Agency fees no longer paid", Basis: casebuilder.BenefitAmount, Annual: casebuilder.Exactly(900000), Money: casebuilder.Cash}}
	d := newDoc(cash, paperOf(t, "a4"), fixed, casebuilder.Analyse(cash, casebuilder.AnalysisOptions{SkipSimulation: true}))
	rec := d.res.RecommendedAlternative()
	if got := d.cashSentence(rec); !strings.HasSuffix(got, ": all of it is cash.") || rec.NPV != rec.CashNPV {
		t.Errorf("a case all in cash: %q (NPV %v, cash NPV %v)", got, rec.NPV, rec.CashNPV)
	}
}

// pythonTornado is the tornado of the turnover sample's recommendation as
// the Python model found it: the NPVs at each estimate's low and high
// values, by field.
func pythonTornado(t *testing.T) map[string][2]float64 {
	data, err := os.ReadFile("../testdata/oracle/montecarlo.json")
	if err != nil {
		t.Fatal(err)
	}
	var o struct {
		Tornado []struct {
			Path            string
			NPVLow, NPVHigh float64
		} `json:"tornado"`
	}
	if err := json.Unmarshal(data, &o); err != nil {
		t.Fatal(err)
	}
	out := map[string][2]float64{}
	for _, d := range o.Tornado {
		out[d.Path] = [2]float64{d.NPVLow, d.NPVHigh}
	}
	return out
}

// TestBreakEven checks the break-even of every estimate of the turnover
// sample's recommendation, the sentence on the summary and the table in
// the financials: the value at which the NPV would be zero, worked out
// from the model worked by hand with the estimate as if the case gave
// that one number (the NPV moves in a straight line with each of these
// estimates, which enter it by multiplication alone, so its zero lies on
// the line through any two values); "none within the values it can take"
// where that zero lies beyond them; the NPVs at each estimate's low and
// high values as the Python model's tornado has them; and, for a cost
// line, the value at which the next alternative overtakes, from its
// present value per unit and LibreOffice's NPV of the next alternative.
func TestBreakEven(t *testing.T) {
	c := shared(t, "turnover")
	an := analysed(c)
	f := casebuilder.FormatFor(c)
	py := pythonTornado(t)
	lo := oracle(t)
	base := lo["turnover/onboarding"]["npv"]
	gap := base - lo["turnover/compensation"]["npv"]
	pdf := write(t, c, "a4")
	pages := pdftest.Pages(t, pdf)

	// The zero of the hand-worked NPV as one estimate moves.
	zeroOf := func(set func(in *handInputs, x float64), x0, x1 float64) float64 {
		at := func(x float64) float64 {
			in := sampleInputs
			set(&in, x)
			return handTurnoverWith(in).npv()
		}
		y0, y1 := at(x0), at(x1)
		return x0 - y0*(x1-x0)/(y1-y0)
	}
	h := newHandTurnover()
	// The NPV's fall per unit of each cost line's amount, by hand.
	perUnit := map[string]float64{
		"alternatives[1].costs[0].amount": pv(h.lines[0][:]) / 140000,
		"alternatives[1].costs[1].amount": pv(h.lines[1][:]) / 8500,
		"alternatives[1].costs[3].amount": pv(h.lines[3][:]) / 45000,
		"alternatives[1].costs[4].amount": pv(h.lines[4][:]) / 4000,
		"alternatives[1].costs[5].amount": pv(h.lines[5][:]) / 8400,
	}
	zeros := map[string]float64{
		"pain.inputs.rampMonths":         zeroOf(func(in *handInputs, x float64) { in.ramp = x }, 5, 7),
		"pain.inputs.attritionRate":      zeroOf(func(in *handInputs, x float64) { in.attrition = x }, 0.30, 0.36),
		"alternatives[1].benefits[0].to": zeroOf(func(in *handInputs, x float64) { in.attritionTo = x }, 0.27, 0.31),
		"alternatives[1].benefits[1].to": zeroOf(func(in *handInputs, x float64) { in.rampTo = x }, 4.5, 5.5),
		"pain.inputs.rampProductivity":   zeroOf(func(in *handInputs, x float64) { in.rampProductivity = x }, 0.45, 0.55),
		"pain.inputs.daysToFill":         zeroOf(func(in *handInputs, x float64) { in.days = x }, 45, 70),
		"pain.inputs.recruitingCost":     zeroOf(func(in *handInputs, x float64) { in.recruiting = x }, 12000, 19000),
	}
	for path, per := range perUnit {
		be := slices.IndexFunc(an.BreakEven, func(b casebuilder.BreakEven) bool { return b.Path == path })
		zeros[path] = an.BreakEven[be].Likely + base/per
	}

	// The summary: months to full productivity, the estimate the NPV
	// depends on most.
	m := regexp.MustCompile(`Break-even, where the NPV would be zero: the case holds as long as months to full productivity is (\S+ months) or more today; we estimate 6\.0 months\.`).FindStringSubmatch(pages[1])
	if m == nil {
		t.Fatalf("no break-even on the summary:\n%s", pages[1])
	}
	if want := f.Value(zeros["pain.inputs.rampMonths"], figure.Months); m[1] != want {
		t.Errorf("the summary's break-even is %s, by hand %s", m[1], want)
	}

	lines := layoutLines(t, pdf)
	table := squeezed(section(t, pages, "Break-even: how far each estimate can move", "4 Risks and contingencies"))
	const none = "none within the values it can take"
	checked := 0
	for _, be := range an.BreakEven {
		dr := driverOf(an, be.Estimate)
		npvs, ok := py[be.Path]
		if dr == nil || !ok {
			t.Errorf("%s: not in the tornado, or not in the Python model's", be.Input)
			continue
		}
		// Its row: its range, and the NPVs at its ends.
		row := strings.Join([]string{f.Value(dr.Low, dr.Unit), f.Value(be.Likely, be.Unit), f.Value(dr.High, dr.Unit), f.Money(npvs[0]), f.Money(npvs[1])}, " ")
		first := strings.Fields(be.Input)[0]
		if !slices.ContainsFunc(lines, func(l string) bool {
			return strings.HasPrefix(l, first+" ") && strings.Contains(squeezed(l), squeezed(row))
		}) {
			t.Errorf("%s: no row with %q", be.Input, row)
		}
		zero, ok := zeros[be.Path]
		if !ok {
			continue // the share of exits that can be prevented bends at the floor it sets
		}
		lo, hi := boundsOf(be)
		want := none
		if zero >= lo && zero <= hi {
			want = bound(be.Rising) + f.Value(zero, be.Unit)
			// The model's own value, replaced in the case, gives an NPV of
			// zero within a unit of money (see casebuilder's tests); here,
			// that it is the hand-worked one.
			if be.Value == nil || math.Abs(*be.Value-zero) > 1e-6*math.Max(1, math.Abs(zero)) {
				t.Errorf("%s: break-even %v, by hand %v", be.Input, be.Value, zero)
			}
		} else if be.Value != nil {
			t.Errorf("%s: break-even %v, by hand none within %v to %v (%v)", be.Input, *be.Value, lo, hi, zero)
		}
		if !strings.Contains(table, squeezed(want)) {
			t.Errorf("%s: no break-even %q in the table", be.Input, want)
		}
		// Where the next alternative overtakes, for the cost lines, whose
		// change the next alternative does not share.
		if per, ok := perUnit[be.Path]; ok {
			behind := "≤ " + f.Value(be.Likely+gap/per, be.Unit)
			if !strings.Contains(table, squeezed(behind)) {
				t.Errorf("%s: no %q, where the next alternative overtakes by hand", be.Input, behind)
			}
		}
		checked++
	}
	if checked != 12 {
		t.Errorf("%d break-evens checked by hand, want 12", checked)
	}
	// The coaches and the new hires' time are estimated per head (€8,500
	// a coach, of the line's €17,000), the managers' time for the line.
	for first, kind := range map[string]string{"Two full-time": "Cost per", "New hires' time": "Cost per", "Sales managers'": "Cost €7,500"} {
		if !slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, first) && strings.Contains(l, kind) }) {
			t.Errorf("the break-even of %s… is not of kind %q", first, kind)
		}
	}
	pdftest.MustContain(t, "the break-evens", strings.Join(pages, " "), "the same for staying ahead of Revised compensation plan with a retention award, the next best")
}

// driverOf is the tornado's driver of an estimate, or nil.
func driverOf(an *casebuilder.Analysis, e casebuilder.Estimate) *casebuilder.Driver {
	for i := range an.Tornado.Drivers {
		if an.Tornado.Drivers[i].Estimate == e {
			return &an.Tornado.Drivers[i]
		}
	}
	return nil
}

// boundsOf are the values an estimate can take: an input's range, and
// zero to the largest amount for a cost.
func boundsOf(be casebuilder.BreakEven) (float64, float64) {
	key := strings.TrimPrefix(be.Path, "pain.inputs.")
	if be.Kind == "benefit" {
		key = "attritionRate"
		if strings.Contains(be.Input, "ramp-up") {
			key = "rampMonths"
		}
	}
	if in := casebuilder.LookupInput(key); in != nil && be.Kind != "cost" {
		return in.Min, in.Max
	}
	return 0, casebuilder.MaxAmount
}

// TestBreakEvenWords checks the sentence on the summary for each kind of
// estimate, worked by hand: a benefit's target (the issue's own example),
// an input of the problem, a cost, a benefit given as an amount and one
// as a share of the problem's cost.
func TestBreakEvenWords(t *testing.T) {
	c := casetest.Sample(t, "turnover")
	c.Alternatives[2].Benefits = append(c.Alternatives[2].Benefits,
		casebuilder.Benefit{Name: "Agency fees saved", Basis: casebuilder.BenefitAmount, Annual: casebuilder.Range{Low: 50000, Likely: 80000, High: 90000}},
		casebuilder.Benefit{Name: "Less turnover", Basis: casebuilder.BenefitPainShare, Share: casebuilder.Range{Low: 0.05, Likely: 0.1, High: 0.15}})
	d := newDoc(c, paperOf(t, "a4"), fixed, casebuilder.Analyse(c, casebuilder.AnalysisOptions{SkipSimulation: true}))
	v := func(x float64) *float64 { return &x }
	for _, tc := range []struct {
		be   casebuilder.BreakEven
		want string
	}{
		{casebuilder.BreakEven{Input: "Fewer early leavers", Estimate: casebuilder.Estimate{Kind: casebuilder.BenefitEstimate, Alternative: 1, Line: 0}, Unit: figure.Percent, Likely: 0.29, Value: v(0.3133)},
			"The case holds as long as yearly sales attrition falls to 31.3% or lower; we expect 29.0%."},
		{casebuilder.BreakEven{Input: "Faster ramp-up of new hires", Estimate: casebuilder.Estimate{Kind: casebuilder.BenefitEstimate, Alternative: 1, Line: 1}, Unit: figure.Months, Likely: 5, Value: v(5.62)},
			"The case holds as long as months to full productivity falls to 5.6 months or lower; we expect 5.0 months."},
		{casebuilder.BreakEven{Input: "Yearly sales attrition", Estimate: casebuilder.Estimate{Kind: casebuilder.PainInputEstimate, Input: "attritionRate"}, Unit: figure.Percent, Likely: 0.33, Value: v(0.3093), Rising: true},
			"The case holds as long as yearly sales attrition is 30.9% or more today; we estimate 33.0%."},
		{casebuilder.BreakEven{Input: "Two full-time sales coaches (loaded cost)", Estimate: casebuilder.Estimate{Kind: casebuilder.CostEstimate, Alternative: 1, Line: 1}, Unit: figure.Money, Likely: 8500, Value: v(20728.48)},
			"The case holds as long as “Two full-time sales coaches (loaded cost)” costs no more than €21k; we expect €8,500."},
		{casebuilder.BreakEven{Input: "Agency fees saved", Estimate: casebuilder.Estimate{Kind: casebuilder.BenefitEstimate, Alternative: 2, Line: 1}, Unit: figure.Money, Likely: 80000, Value: v(41200), Rising: true},
			"The case holds as long as “Agency fees saved” brings at least €41k a year; we expect €80k."},
		{casebuilder.BreakEven{Input: "Less turnover", Estimate: casebuilder.Estimate{Kind: casebuilder.BenefitEstimate, Alternative: 2, Line: 2}, Unit: figure.Percent, Likely: 0.1, Value: v(0.042), Rising: true},
			"The case holds as long as “Less turnover” avoids at least 4.2% of the problem's yearly cost; we expect 10.0%."},
	} {
		if got := d.breakEvenSentence(&tc.be); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.be.Input, got, tc.want)
		}
	}
}

// TestFiscalYears checks the money of the turnover sample's
// recommendation by fiscal year (the calendar year: the fiscal year starts
// in January) against the sample worked by hand: new cash against people's
// time, the cash saved against the margin, the net of each and the budget
// asked, which is the new cash before the pilot review.
func TestFiscalYears(t *testing.T) {
	c := shared(t, "turnover")
	h := newHandTurnover()
	pdf := write(t, c, "a4")
	lines := layoutLines(t, pdf)
	// The rows of fiscal years from first to last month, by hand: each
	// its label and figures.
	rows := func(years []struct {
		label       string
		first, last int
	}) []handRow {
		var out []handRow
		var totals [7]float64
		for _, y := range years {
			var v [7]float64 // new cash, time, cash saved, margin, net cash, net, budget
			for m := y.first; m <= y.last; m++ {
				v[0] += h.cashCost[m]
				v[1] += h.timeCost[m]
				v[2] += h.cashSaved[m]
				v[3] += h.margin[m]
				if m < 6 { // before the pilot review, the stage the ask is for
					v[6] += h.cashCost[m]
				}
			}
			v[4] = v[2] - v[0]
			v[5] = v[2] + v[3] - v[0] - v[1]
			for i, x := range v {
				totals[i] += x
			}
			out = append(out, handRow{y.label, v[:]})
		}
		return append(out, handRow{"Total", totals[:]})
	}
	type fy = struct {
		label       string
		first, last int
	}
	for _, want := range rows([]fy{{"2027", 0, 11}, {"2028", 12, 23}, {"2029", 24, 35}}) {
		if want.in(t, lines) < 0 {
			t.Errorf("no row %v in the money by fiscal year", want)
		}
	}
	txt := briefText(t, pdf)
	pdftest.MustContain(t, "the money by fiscal year", txt, "New cash People's time Cash saved Margin on sales Net cash Net, every kind Budget asked",
		"The company's fiscal year, its financial year, starts in January.", "No line of this alternative is cost avoidance or productivity.")

	// A fiscal year from April: labels that straddle two years, the
	// first and the last in part, which say their months.
	april := casetest.Sample(t, "turnover")
	april.FiscalYearStart = 4
	lines = layoutLines(t, write(t, april, "a4"))
	for _, want := range rows([]fy{{"2026/27", 0, 2}, {"2027/28", 3, 14}, {"2028/29", 15, 26}, {"2029/30", 27, 35}}) {
		i := want.in(t, lines)
		switch {
		case i < 0:
			t.Errorf("no row %v in the money by fiscal years from April", want)
		case want.label == "2026/27" && lines[i+1] != "Jan to Mar",
			want.label == "2029/30" && lines[i+1] != "Apr to Dec":
			t.Errorf("a fiscal year in part does not say its months: %q, then %q", lines[i], lines[i+1])
		}
	}
	pdftest.MustContain(t, "the glossary", briefText(t, write(t, april, "a4")), "The company's financial year, from April to March")
}

// handRow is a row of figures worked by hand, under its label.
type handRow struct {
	label  string
	values []float64
}

// in returns the index of the line laid out with the row's label and then
// its figures, each within a unit of money of the one worked by hand (the
// app and the hand add in another order, and a half rounds either way);
// -1 when there is none.
func (r handRow) in(t *testing.T, lines []string) int {
	money := regexp.MustCompile(`-?€[0-9,]+`)
	for i, l := range lines {
		rest, ok := strings.CutPrefix(l, r.label+" ")
		if !ok {
			continue
		}
		got := money.FindAllString(rest, -1)
		if len(got) != len(r.values) {
			continue
		}
		same := true
		for j, s := range got {
			v, err := strconv.ParseFloat(strings.NewReplacer("€", "", ",", "").Replace(s), 64)
			same = same && err == nil && math.Abs(v-r.values[j]) <= 1
		}
		if same {
			return i
		}
	}
	return -1
}

// TestPainByYear checks the cost of the problem worked year by year where
// the case gives inputs year by year, against the turnover sample worked
// by hand: 125 reps in 2027, 150 after.
func TestPainByYear(t *testing.T) {
	c := shared(t, "turnover")
	f := casebuilder.FormatFor(c)
	perLeaver := 6500 + 15000 + handVacancy + handRampOf6
	y1, y2 := 125*0.33*perLeaver, 150*0.33*perLeaver
	pdf := write(t, c, "a4")
	lines := layoutLines(t, pdf)
	for _, want := range []string{
		"1 Sales reps Entered year by year 125 150 150",
		"12 Leavers a year Sales reps × yearly sales attrition " + f.Value(125*0.33, figure.Count) + " " + f.Value(150*0.33, figure.Count) + " " + f.Value(150*0.33, figure.Count),
		"Cost of one leaver Separation + recruiting and hiring + vacancy + ramp-up " + f.Money(perLeaver) + " " + f.Money(perLeaver) + " " + f.Money(perLeaver),
		"Yearly cost of sales turnover Leavers a year × cost of one leaver " + f.Money(y1) + " " + f.Money(y2) + " " + f.Money(y2),
	} {
		if !slices.ContainsFunc(lines, func(l string) bool { return strings.HasSuffix(l, want) }) {
			t.Errorf("no line ending %q in the working", want)
		}
	}
	pages := pdftest.Pages(t, pdf)
	pdftest.MustContain(t, "the working", section(t, pages, "A.3 The cost of the problem, step by step", "Evidence"),
		fmt.Sprintf("%s in year 1, %s in year 2 and %s in year 3", f.Money(y1), f.Money(y2), f.Money(y2)), "Year 1 is January 2027 to December 2027.")
	m := regexp.MustCompile(`(\S+) a year is what the problem costs in year 1, (\S+) a year in year 3 with the figures given year by year`).FindStringSubmatch(pages[1])
	if m == nil {
		t.Fatalf("the summary does not give the cost of the problem by year:\n%s", pages[1])
	}
	checkRounded(t, "year 1", m[1], y1)
	checkRounded(t, "year 3", m[2], y2)
}

// TestSimulationWords checks that the simulation's figures say they
// include the risks happening only when the simulation drew them.
func TestSimulationWords(t *testing.T) {
	c := shared(t, "turnover")
	without := casebuilder.Analyse(c, casebuilder.AnalysisOptions{Simulation: casebuilder.SimulationOptions{Trials: 500, EstimatesOnly: true}})
	if without.Simulation.Alternatives[without.Result.Recommended].IncludesRisks {
		t.Fatal("a simulation of the estimates only says it drew the risks")
	}
	out, err := Write(c, Options{Now: fixed, Analysis: without})
	if err != nil {
		t.Fatal(err)
	}
	pages := pdftest.Pages(t, out)
	for _, p := range pages {
		if strings.Contains(p, "the risks included") || strings.Contains(p, "include the risks happening") {
			t.Errorf("a simulation without the risks says it includes them:\n%s", p)
		}
	}
	pdftest.MustContain(t, "the summary", pages[1], "Simulated NPV: ")
	with := pdftest.Pages(t, write(t, c, "a4"))
	pdftest.MustContain(t, "the summary", with[1], "Simulated NPV, the risks included: ")
	pdftest.MustContain(t, "the uncertainty", section(t, with, "Uncertainty: the range of outcomes", "Simulated NPV of"),
		"The figures include the risks happening: in each trial every risk happens or not with its likelihood, costing its contingency plan and what is left of its impact, in place of the reserve.")
}
