package tracking

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"golang.org/x/text/language"
)

// ImportOptions choose how import files are read.
type ImportOptions struct {
	// Lang is the language numbers are written in: "1,200.50" in English,
	// "1.200,50" in German. English when unset.
	Lang language.Tag
	// ParseDate reads a date; nil reads YYYY-MM-DD only.
	ParseDate func(string) (casebuilder.Date, error)
	// Today, when set, refuses dates after it: actuals have happened.
	Today casebuilder.Date
}

// FileKind is a kind of import file.
type FileKind string

// The kinds of import file.
const (
	SpendFile      FileKind = "spend"
	KPIFile        FileKind = "KPI"
	MilestonesFile FileKind = "milestone"
)

// ImportResult says what an import did.
type ImportResult struct {
	Kind FileKind `json:"kind"`
	// Rows is the number of rows under the header; Added the rows that
	// changed the record (for a milestone file, the milestones updated),
	// and Unchanged those it held already.
	Rows      int `json:"rows"`
	Added     int `json:"added"`
	Unchanged int `json:"unchanged"`
}

// RowError is one problem of an import file: its row (the header is row
// 1), its column, and what is wrong.
type RowError struct {
	Row     int
	Column  string
	Problem string
}

// Error reads "row 4, amount: …", or without the column when the problem
// is the whole row's.
func (e RowError) Error() string {
	switch {
	case e.Row == 0:
		return e.Problem
	case e.Column == "":
		return fmt.Sprintf("row %d: %s", e.Row, e.Problem)
	}
	return fmt.Sprintf("row %d, %s: %s", e.Row, e.Column, e.Problem)
}

// ImportError is every problem of an import file, which was refused whole.
type ImportError struct {
	Kind     FileKind
	Problems []RowError
}

// maxRowErrors bounds the problems an import reports.
const maxRowErrors = 100

// Error reads as one line: the first problem, and how many more there are.
func (e *ImportError) Error() string {
	msg := "the " + string(e.Kind) + " file was refused"
	if len(e.Problems) == 0 {
		return msg
	}
	msg = e.Problems[0].Error()
	switch n := len(e.Problems) - 1; {
	case n == 1:
		msg += " (and 1 more problem)"
	case n > 1:
		msg += fmt.Sprintf(" (and %d more problems)", n)
	}
	return msg
}

// maxImportBytes bounds an import file.
const maxImportBytes = 16 << 20

// column is a column of an import file.
type column struct {
	name     string
	required bool
}

// table is an import file read: its columns and rows of cells.
type table struct {
	kind    FileKind
	columns []column
	index   map[string]int // column name → place in the file's rows
	rows    [][]string
	rowNum  []int // each row's number in the file, the header being 1
	errs    []RowError
}

func (t *table) fail(row int, col, format string, args ...any) {
	if len(t.errs) < maxRowErrors {
		t.errs = append(t.errs, RowError{row, col, fmt.Sprintf(format, args...)})
	}
}

// cell returns the trimmed cell of row i in column name; "" when the file
// has no such column or the row is short.
func (t *table) cell(i int, name string) string {
	j, ok := t.index[name]
	if !ok || j >= len(t.rows[i]) {
		return ""
	}
	return strings.TrimSpace(t.rows[i][j])
}

// headerKey is how a column name is compared: without case, spaces,
// hyphens or underscores ("Actual start" is actualStart).
func headerKey(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '_', '-', '\t':
			return -1
		}
		return r
	}, strings.ToLower(strings.TrimSpace(s)))
}

// readTable reads a CSV file with a header row: comma-separated, or
// semicolon- or tab-separated when the header has no comma; a UTF-8 byte
// order mark is skipped.
func readTable(kind FileKind, r io.Reader, columns []column) *table {
	t := &table{kind: kind, columns: columns, index: map[string]int{}}
	data, err := io.ReadAll(io.LimitReader(r, maxImportBytes+1))
	switch {
	case err != nil:
		t.fail(0, "", "cannot be read: %v", err)
		return t
	case len(data) > maxImportBytes:
		t.fail(0, "", "is larger than %d MiB; split it", maxImportBytes>>20)
		return t
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	head, _, _ := bytes.Cut(data, []byte("\n"))
	cr := csv.NewReader(bytes.NewReader(data))
	switch {
	case bytes.ContainsRune(head, ','):
	case bytes.ContainsRune(head, ';'):
		cr.Comma = ';'
	case bytes.ContainsRune(head, '\t'):
		cr.Comma = '\t'
	}
	cr.FieldsPerRecord = -1
	records, err := cr.ReadAll()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			t.fail(0, "", "line %d, column %d: %v: it is not a CSV file, or a quote is not closed", pe.Line, pe.Column, pe.Err)
		} else {
			t.fail(0, "", "is not a CSV file: %v", err)
		}
		return t
	}
	if len(records) == 0 {
		t.fail(0, "", "is empty: a %s file starts with a header row (%s)", kind, columnList(columns))
		return t
	}
	// The header.
	names := map[string]column{}
	for _, c := range columns {
		names[headerKey(c.name)] = c
	}
	first := map[string]int{}
	for j, h := range records[0] {
		key := headerKey(h)
		c, ok := names[key]
		switch {
		case key == "":
			t.fail(1, fmt.Sprintf("column %d", j+1), "has no name: the columns are %s", columnList(columns))
		case !ok:
			t.fail(1, strings.TrimSpace(h), "is not a column of a %s file: the columns are %s", kind, columnList(columns))
		default:
			if k, dup := first[c.name]; dup {
				t.fail(1, c.name, "is in the header twice, as columns %d and %d", k+1, j+1)
				continue
			}
			first[c.name] = j
			t.index[c.name] = j
		}
	}
	for _, c := range columns {
		if _, ok := t.index[c.name]; c.required && !ok {
			t.fail(1, c.name, "is missing from the header: a %s file has the columns %s", kind, columnList(columns))
		}
	}
	if len(t.errs) > 0 {
		return t
	}
	for i, rec := range records[1:] {
		row := i + 2
		if allBlank(rec) {
			continue
		}
		if len(rec) > len(records[0]) && !allBlank(rec[len(records[0]):]) {
			t.fail(row, "", "has %d values, but the header has %d columns", len(rec), len(records[0]))
			continue
		}
		t.rows = append(t.rows, rec)
		t.rowNum = append(t.rowNum, row)
	}
	if len(t.rows) == 0 && len(t.errs) == 0 {
		t.fail(0, "", "has no rows under its header")
	}
	return t
}

func allBlank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// columnList names the columns for a message: "date, line, amount and
// note (optional)".
func columnList(columns []column) string {
	names := make([]string, len(columns))
	for i, c := range columns {
		names[i] = c.name
		if !c.required {
			names[i] += " (optional)"
		}
	}
	return casebuilder.JoinNames(names)
}

// importer holds what the three kinds of import share.
type importer struct {
	c    *casebuilder.Case
	t    *casebuilder.Tracking // a copy of the record, changed by the rows
	b    *casebuilder.ApprovedBaseline
	opts ImportOptions
	// f writes the figures of messages as the file writes numbers.
	f   *figure.Format
	tab *table
	// wrote maps the places of the record's entries the file wrote to
	// their rows, by list ("spend", "readings", "milestones").
	wrote map[string]map[int]int
}

func newImporter(c *casebuilder.Case, kind FileKind, r io.Reader, columns []column, opts ImportOptions) (*importer, error) {
	if c.Tracking == nil {
		return nil, ErrNotApproved
	}
	if opts.Lang == (language.Tag{}) {
		opts.Lang = language.English
	}
	if opts.ParseDate == nil {
		opts.ParseDate = casebuilder.ParseDate
	}
	im := &importer{c: c, t: c.Tracking.Clone(), opts: opts, f: figure.NewFormat(c.Currency, opts.Lang), wrote: map[string]map[int]int{}}
	im.b = &im.t.Baseline
	im.tab = readTable(kind, r, columns)
	if len(im.tab.errs) > 0 {
		return nil, &ImportError{Kind: kind, Problems: im.tab.errs}
	}
	return im, nil
}

// date reads the date in row i's column col, checked against the
// programme's months and today; ok is false when it is empty or refused.
func (im *importer) date(i int, col string, required bool) (casebuilder.Date, bool) {
	text, row := im.tab.cell(i, col), im.tab.rowNum[i]
	if text == "" {
		if required {
			im.tab.fail(row, col, "is empty: give the date, written YYYY-MM-DD")
		}
		return casebuilder.Date{}, false
	}
	d, err := im.opts.ParseDate(text)
	if err != nil {
		im.tab.fail(row, col, "%v", err)
		return casebuilder.Date{}, false
	}
	start := MonthOf(im.b.StartDate)
	n := recordMonths(im.b, im.c)
	switch m := MonthOf(d).Since(start); {
	case m < 0:
		im.tab.fail(row, col, "%s is before the programme starts, in %s", d, start.Words())
	case m >= n:
		im.tab.fail(row, col, "%s is after the programme's horizon, which ends in %s", d, start.Add(n-1).Words())
	case !im.opts.Today.IsZero() && im.opts.Today.Before(d):
		im.tab.fail(row, col, "%s is in the future (today is %s): record what has happened", d, im.opts.Today)
	default:
		return d, true
	}
	return casebuilder.Date{}, false
}

// mark records that row i wrote entry k of the list.
func (im *importer) mark(list string, k, i int) {
	if im.wrote[list] == nil {
		im.wrote[list] = map[int]int{}
	}
	im.wrote[list][k] = im.tab.rowNum[i]
}

// problemPath reads "tracking.spend[3].amount" as list "spend", entry 3,
// field "amount".
var problemPath = regexp.MustCompile(`^tracking\.(\w+)\[(\d+)\](?:\.(\w+))?`)

// commit checks the case with the changed record and, when it is valid,
// makes the record the case's; a problem of an entry the file wrote is
// reported against its row.
func (im *importer) commit(columnOf map[string]string) error {
	tab := im.tab
	if len(tab.errs) == 0 {
		cc := *im.c
		cc.Tracking = im.t
		for _, p := range casebuilder.Validate(&cc) {
			if m := problemPath.FindStringSubmatch(p.Path); m != nil {
				k, _ := strconv.Atoi(m[2])
				if row, ok := im.wrote[m[1]][k]; ok {
					tab.fail(row, cmp.Or(columnOf[m[3]], m[3]), "%s", p.Message)
					continue
				}
			}
			tab.fail(0, "", "the case would not be valid: %s", p)
		}
	}
	if len(tab.errs) > 0 {
		return &ImportError{Kind: tab.kind, Problems: tab.errs}
	}
	im.c.Tracking = im.t
	return nil
}

// The columns of each kind of file.
var (
	spendColumns     = []column{{"date", true}, {"line", true}, {"amount", true}, {"note", false}}
	kpiColumns       = []column{{"date", true}, {"measure", true}, {"value", true}, {"note", false}}
	milestoneColumns = []column{{"milestone", true}, {"actualStart", false}, {"actualEnd", false},
		{"percentComplete", false}, {"status", false}, {"note", false}}
)

// ImportSpend adds the rows of a spend file (columns date, line, amount
// and an optional note) to the record of an approved case. line names a
// cost line of the approved alternative (any case), or "reserve" for the
// contingency reserve; amount is written as in the language of opts, a
// currency sign allowed. The file is all or nothing: any bad row refuses
// it whole, with an [ImportError] naming every row, column and problem, and
// the case stays as it was. Rows the record holds already are not added
// again: importing the same file twice adds nothing the second time, and a
// file holding the same row twice (two invoices alike) adds it twice.
func ImportSpend(c *casebuilder.Case, r io.Reader, opts ImportOptions) (ImportResult, error) {
	res := ImportResult{Kind: SpendFile}
	im, err := newImporter(c, SpendFile, r, spendColumns, opts)
	if err != nil {
		return res, err
	}
	lines := map[string]string{}
	var names []string
	for _, l := range im.b.Lines {
		if l.Kind == casebuilder.CostLine {
			lines[strings.ToLower(strings.Join(strings.Fields(l.Name), " "))] = l.Name
			names = append(names, strconv.Quote(l.Name))
		}
	}
	reserveWords := []string{casebuilder.ReserveLineName, "contingency reserve", strings.ToLower(reserveName(im.b))}
	type key struct {
		date    casebuilder.Date
		line    string
		reserve bool
		amount  float64
		note    string
	}
	held := map[key]int{}
	for _, s := range im.t.Spend {
		held[key{s.Date, s.Line, s.Reserve, s.Amount, s.Note}]++
	}
	tab := im.tab
	res.Rows = len(tab.rows)
	for i := range tab.rows {
		row := tab.rowNum[i]
		d, okDate := im.date(i, "date", true)
		s := casebuilder.Spend{Date: d, Note: tab.cell(i, "note")}
		lineText := tab.cell(i, "line")
		lookup := strings.ToLower(strings.Join(strings.Fields(lineText), " "))
		okLine := true
		switch name, ok := lines[lookup]; {
		case lineText == "":
			tab.fail(row, "line", "is empty: name a cost line of the approved alternative, or %q", casebuilder.ReserveLineName)
			okLine = false
		case ok:
			s.Line = name
		case slices.Contains(reserveWords, lookup):
			s.Reserve = true
		default:
			tab.fail(row, "line", "the approved alternative has no cost line called %q; its lines are %s, and %q is the contingency reserve",
				lineText, casebuilder.JoinNames(names), casebuilder.ReserveLineName)
			okLine = false
		}
		amount, okAmount := im.amount(i)
		s.Amount = amount
		if !okDate || !okLine || !okAmount {
			continue
		}
		k := key{s.Date, s.Line, s.Reserve, s.Amount, s.Note}
		if held[k] > 0 {
			held[k]-- // already in the record
			res.Unchanged++
			continue
		}
		im.mark("spend", len(im.t.Spend), i)
		im.t.Spend = append(im.t.Spend, s)
		res.Added++
	}
	if n := len(im.t.Spend); n > maxSpend {
		tab.fail(0, "", "would bring the record to %d spend entries; it holds at most %d", n, maxSpend)
	}
	if err := im.commit(map[string]string{"date": "date", "line": "line", "reserve": "line", "amount": "amount", "note": "note"}); err != nil {
		return ImportResult{Kind: SpendFile, Rows: res.Rows}, err
	}
	return res, nil
}

// The record's limits on what an import can bring it to (see the max
// tags of casebuilder.Tracking).
const (
	maxSpend    = 5000
	maxReadings = 5000
)

// amount reads the amount of row i.
func (im *importer) amount(i int) (float64, bool) {
	text, row := im.tab.cell(i, "amount"), im.tab.rowNum[i]
	if text == "" {
		im.tab.fail(row, "amount", "is empty: give the amount spent")
		return 0, false
	}
	v, err := figure.ParseValue(text, im.opts.Lang, figure.Money)
	if err != nil {
		im.tab.fail(row, "amount", "is not an amount: %v", err)
		return 0, false
	}
	if math.Abs(v) > casebuilder.MaxAmount {
		im.tab.fail(row, "amount", "%s is beyond the largest amount a case holds, %g", text, casebuilder.MaxAmount)
		return 0, false
	}
	return v, true
}

// ImportReadings adds the rows of a KPI file (columns date, measure, value
// and an optional note) to the record of an approved case. measure names a
// KPI of the approved plan by its ID or its name (any case); value is
// written as the KPI's unit is typed on screen, in the language of opts,
// except that a percentage without its sign is a fraction, as systems
// export rates: "30.5 %" and "0.305" are both 30.5 %. A KPI has one
// reading a day: a row the record holds already is not added again, and a
// row that gives another value for a day already read is refused. The
// file is all or nothing, as for [ImportSpend].
func ImportReadings(c *casebuilder.Case, r io.Reader, opts ImportOptions) (ImportResult, error) {
	res := ImportResult{Kind: KPIFile}
	im, err := newImporter(c, KPIFile, r, kpiColumns, opts)
	if err != nil {
		return res, err
	}
	byKey, names := byKeyOrName(im.b.Measures, func(m *casebuilder.BaselineMeasure) string { return m.Name })
	type day struct {
		measure string
		date    casebuilder.Date
	}
	held := map[day]int{} // → place in the record
	for j, rd := range im.t.Readings {
		held[day{rd.Measure, rd.Date}] = j
	}
	tab := im.tab
	res.Rows = len(tab.rows)
	fileRow := map[day]int{} // → the row that gave it
	for i := range tab.rows {
		row := tab.rowNum[i]
		d, okDate := im.date(i, "date", true)
		text := tab.cell(i, "measure")
		m := byKey[strings.ToLower(strings.Join(strings.Fields(text), " "))]
		if m == nil {
			m = byKey[strings.ToLower(text)]
		}
		switch {
		case text == "":
			tab.fail(row, "measure", "is empty: name a KPI of the approved plan")
		case m == nil:
			tab.fail(row, "measure", "the approved plan has no KPI with the ID or name %q; its KPIs are %s", text, casebuilder.JoinNames(names))
		}
		var value float64
		okValue := false
		if valueText := tab.cell(i, "value"); valueText == "" {
			tab.fail(row, "value", "is empty: give the KPI's reading")
		} else if m != nil {
			v, err := parseReading(valueText, m, im.opts.Lang, im.f)
			if err != nil {
				tab.fail(row, "value", "%v", err)
			} else {
				value, okValue = v, true
			}
		}
		if !okDate || m == nil || !okValue {
			continue
		}
		k := day{m.Key(), d}
		if j, ok := held[k]; ok {
			rd := im.t.Readings[j]
			switch prev, inFile := fileRow[k]; {
			case rd.Value == value:
				res.Unchanged++ // in the case already, or twice in the file
			case inFile:
				tab.fail(row, "value", "%s reads %s on %s in row %d; a KPI has one reading a day", m.Name, im.f.Value(rd.Value, m.Unit), d, prev)
			default:
				tab.fail(row, "value", "%s reads %s on %s in the case already; a KPI has one reading a day: correct it there, or leave this row out",
					m.Name, im.f.Value(rd.Value, m.Unit), d)
			}
			continue
		}
		fileRow[k] = row
		held[k] = len(im.t.Readings)
		im.mark("readings", len(im.t.Readings), i)
		im.t.Readings = append(im.t.Readings, casebuilder.Reading{Measure: m.Key(), Date: d, Value: value, Note: tab.cell(i, "note")})
		res.Added++
	}
	if n := len(im.t.Readings); n > maxReadings {
		tab.fail(0, "", "would bring the record to %d readings; it holds at most %d", n, maxReadings)
	}
	if err := im.commit(map[string]string{"date": "date", "measure": "measure", "value": "value", "note": "note"}); err != nil {
		return ImportResult{Kind: KPIFile, Rows: res.Rows}, err
	}
	return res, nil
}

// byKeyOrName indexes the KPIs or milestones of the baseline by their key
// in lower case and, where no key takes it, by their name (one with an ID
// can be named by its name too), and quotes their keys, in order, for a
// message that lists them.
func byKeyOrName[T any, P interface {
	*T
	Key() string
}](items []T, name func(P) string) (map[string]P, []string) {
	byKey := map[string]P{}
	var keys []string
	for i := range items {
		m := P(&items[i])
		byKey[strings.ToLower(m.Key())] = m
		keys = append(keys, strconv.Quote(m.Key()))
	}
	for i := range items {
		m := P(&items[i])
		if _, taken := byKey[strings.ToLower(name(m))]; !taken {
			byKey[strings.ToLower(name(m))] = m
		}
	}
	return byKey, keys
}

// parseReading reads a KPI's value as its unit is typed on screen, except
// that a percentage without its sign is a fraction: "30.5 %" and "0.305"
// are both 30.5 %. A bare number more than ten times the KPI's scale in a
// percentage column is refused as a percentage that lost its sign.
func parseReading(text string, m *casebuilder.BaselineMeasure, lang language.Tag, f *figure.Format) (float64, error) {
	if m.Unit != figure.Percent {
		return figure.ParseValue(text, lang, m.Unit)
	}
	if strings.ContainsAny(text, "%٪％") {
		v, err := figure.ParseValue(text, lang, figure.Percent)
		return tidy(v), err
	}
	v, err := figure.ParseValue(text, lang, figure.Number)
	if err != nil {
		return 0, err
	}
	if scale := math.Max(1, math.Max(math.Abs(m.Baseline), math.Abs(m.Target))); math.Abs(v) > 10*scale {
		// The fraction with every decimal it needs, as the file writes
		// numbers: 0,305 in German.
		// (rounded to ten decimals first: 57.7 / 100 is 0.5770000000000001)
		frac := strconv.FormatFloat(math.Round(v/100*1e10)/1e10, 'f', -1, 64)
		decimals := 0
		if i := strings.IndexByte(frac, '.'); i >= 0 {
			decimals = len(frac) - i - 1
		}
		return 0, fmt.Errorf("%q without a percent sign is the fraction %s, far from the KPI's baseline of %s and target of %s: write %s %% with the sign, or the fraction %s",
			text, f.Percent(v), f.Percent(m.Baseline), f.Percent(m.Target), text, f.Number(v/100, decimals))
	}
	return v, nil
}

// ImportMilestones sets the progress of the milestones named in a
// milestone file (columns milestone, actualStart, actualEnd,
// percentComplete, status and note; all but milestone optional). milestone
// names a milestone of the approved plan by its ID or its name; a cell left
// empty leaves what the record holds; percentComplete is a percentage, 0 to
// 100, with or without its sign; status is "not started", "in progress",
// "done" or "on hold" (as written, or in camel case). An actual end with
// no percent complete or status makes the milestone done, 100 %. A milestone
// appears once in a file. The file is all or nothing, as for
// [ImportSpend], and a file whose rows the record holds already changes
// nothing.
func ImportMilestones(c *casebuilder.Case, r io.Reader, opts ImportOptions) (ImportResult, error) {
	res := ImportResult{Kind: MilestonesFile}
	im, err := newImporter(c, MilestonesFile, r, milestoneColumns, opts)
	if err != nil {
		return res, err
	}
	byKey, names := byKeyOrName(im.b.Milestones, func(m *casebuilder.BaselineMilestone) string { return m.Name })
	held := map[string]int{}
	for j, p := range im.t.Milestones {
		held[p.Milestone] = j
	}
	tab := im.tab
	res.Rows = len(tab.rows)
	inFile := map[string]int{}
	for i := range tab.rows {
		row := tab.rowNum[i]
		text := tab.cell(i, "milestone")
		m := byKey[strings.ToLower(text)]
		switch {
		case text == "":
			tab.fail(row, "milestone", "is empty: name a milestone of the approved plan")
		case m == nil:
			tab.fail(row, "milestone", "the approved plan has no milestone with the ID or name %q; its milestones are %s", text, casebuilder.JoinNames(names))
		}
		start, okStart := im.date(i, "actualStart", false)
		end, okEnd := im.date(i, "actualEnd", false)
		var pct float64
		okPct, hasPct := true, tab.cell(i, "percentComplete") != ""
		if hasPct {
			v, err := figure.ParseValue(tab.cell(i, "percentComplete"), im.opts.Lang, figure.Percent)
			v = tidy(v)
			switch {
			case err != nil:
				tab.fail(row, "percentComplete", "is not a percentage: %v", err)
				okPct = false
			case v < 0 || v > 1:
				tab.fail(row, "percentComplete", "must be from %s to %s (got %s)", im.f.WholePercent(0), im.f.WholePercent(1), tab.cell(i, "percentComplete"))
				okPct = false
			default:
				pct = v
			}
		}
		status, okStatus := casebuilder.MilestoneStatus(""), true
		if text := tab.cell(i, "status"); text != "" {
			status, okStatus = parseStatus(text)
			if !okStatus {
				tab.fail(row, "status", "must be %s (got %q)", statusList(), text)
			}
		}
		if m == nil || !okPct || !okStatus || (tab.cell(i, "actualStart") != "" && !okStart) || (tab.cell(i, "actualEnd") != "" && !okEnd) {
			continue
		}
		if prev, dup := inFile[m.Key()]; dup {
			tab.fail(row, "milestone", "milestone %q is in row %d already; give each milestone one row", m.Key(), prev)
			continue
		}
		inFile[m.Key()] = row
		j, ok := held[m.Key()]
		var p casebuilder.MilestoneProgress
		if ok {
			p = im.t.Milestones[j]
		} else {
			p = casebuilder.MilestoneProgress{Milestone: m.Key()}
		}
		before := p
		if !start.IsZero() {
			p.ActualStart = start
		}
		if !end.IsZero() {
			p.ActualEnd = end
			if !hasPct {
				pct, hasPct = 1, true
			}
			if status == "" && p.Status != "" {
				p.Status = casebuilder.Done // it has ended
			}
		}
		if hasPct {
			p.PercentComplete = pct
		}
		if status != "" {
			p.Status = status
		}
		if note := tab.cell(i, "note"); note != "" {
			p.Note = note
		}
		if p == before && ok {
			res.Unchanged++
			continue
		}
		if !ok {
			j = len(im.t.Milestones)
			held[m.Key()] = j
			im.t.Milestones = append(im.t.Milestones, p)
		} else {
			im.t.Milestones[j] = p
		}
		im.mark("milestones", j, i)
		res.Added++
	}
	columns := map[string]string{"milestone": "milestone", "actualStart": "actualStart", "actualEnd": "actualEnd",
		"percentComplete": "percentComplete", "status": "status", "note": "note"}
	if err := im.commit(columns); err != nil {
		return ImportResult{Kind: MilestonesFile, Rows: res.Rows}, err
	}
	return res, nil
}

// tidy rounds a percentage divided by 100 to the decimals it was typed
// with: 29.1 % is 0.291, not 0.29100000000000004.
func tidy(v float64) float64 {
	t, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if err != nil {
		return v
	}
	return t
}

// parseStatus reads a milestone's status: "in progress", "In Progress",
// "inProgress", "in_progress" are alike; "complete" and "completed" are
// done.
func parseStatus(s string) (casebuilder.MilestoneStatus, bool) {
	switch headerKey(s) {
	case "notstarted", "notyetstarted", "planned":
		return casebuilder.NotStarted, true
	case "inprogress", "started", "ongoing":
		return casebuilder.InProgress, true
	case "done", "complete", "completed", "finished":
		return casebuilder.Done, true
	case "onhold", "paused":
		return casebuilder.OnHold, true
	}
	return "", false
}

func statusList() string {
	return `"not started", "in progress", "done" or "on hold"`
}
