package ui

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/tracking"
	"github.com/casebuilder/casebuilder/ui/form"
)

// maxImportFile bounds the size of an import file read: a year of a
// large company's invoices is well under it.
const maxImportFile = 16 << 20

// previewRows is how many of a file's rows the preview shows.
const previewRows = 8

// importKind is one kind of import file: what it is called and how it is
// imported.
type importKind struct {
	label string
	kind  tracking.FileKind
	run   func(c *casebuilder.Case, r io.Reader, opts tracking.ImportOptions) (tracking.ImportResult, error)
	// columns say what the file holds, for the hint.
	columns string
}

var importKinds = []importKind{
	{"Spend, by cost line", tracking.SpendFile, tracking.ImportSpend, "date, line, amount and an optional note; the line “reserve” is the contingency reserve"},
	{"KPI readings", tracking.KPIFile, tracking.ImportReadings, "date, measure, value and an optional note"},
	{"Milestones' progress", tracking.MilestonesFile, tracking.ImportMilestones, "milestone, actualStart, actualEnd, percentComplete, status and note"},
}

// trackImport is the Track step's import: a file, a preview of what it
// would change (or of every bad row), and the import itself.
type trackImport struct {
	u       *UI
	kind    *form.Select
	path    *form.Entry
	columns *widget.Label
	preview *widget.Button
	apply   *widget.Button
	summary *widget.Label
	rows    *fyne.Container
	box     *fyne.Container
	// data is the file previewed, and kindOf its kind; ready is set when
	// the preview found no problem.
	data   []byte
	kindOf importKind
	ready  bool
}

func newTrackImport(u *UI) *trackImport {
	t := &trackImport{u: u, summary: wrapped(), rows: container.NewVBox(), columns: muted("")}
	t.columns.SizeName = theme.SizeNameCaptionText
	var labels []string
	for _, k := range importKinds {
		labels = append(labels, k.label)
	}
	t.kind = form.NewSelect(labels, func(string) { t.showColumns(); t.clear() })
	t.path = form.NewEntry()
	t.path.OnHost(u.host())
	t.path.SetPlaceHolder("The CSV file to import")
	t.path.OnChanged = func(string) { t.clear() }
	t.path.OnSubmitted = func(string) { t.onPreview() }
	choose := widget.NewButtonWithIcon("Choose…", theme.FolderOpenIcon(), t.onChoose)
	t.preview = widget.NewButton("Preview", t.onPreview)
	t.apply = widget.NewButtonWithIcon("Import", theme.DownloadIcon(), t.onImport)
	t.apply.Importance = widget.HighImportance
	t.apply.Disable()
	t.kind.SetSelectedIndex(0)
	t.box = container.NewVBox(
		form.NewColumns(1, 2.4).Row(labelled("What the file holds", t.kind), labelled("File", container.NewBorder(nil, nil, nil, choose, t.path))),
		t.columns,
		container.NewHBox(t.preview, t.apply),
		t.summary, t.rows)
	t.summary.Hide()
	return t
}

func (t *trackImport) selected() importKind {
	if i := t.kind.SelectedIndex(); i >= 0 && i < len(importKinds) {
		return importKinds[i]
	}
	return importKinds[0]
}

func (t *trackImport) showColumns() {
	t.columns.SetText("Columns: " + t.selected().columns + ". Dates as YYYY-MM-DD or as you type them; numbers as you type them.")
}

// clear forgets the preview: the file or its kind changed.
func (t *trackImport) clear() {
	t.data, t.ready = nil, false
	t.apply.Disable()
	t.summary.Hide()
	t.rows.Objects = nil
	t.rows.Refresh()
}

// refresh keeps the preview of the case as it is: after an edit, the
// file is checked against it again.
func (t *trackImport) refresh() {
	if t.data != nil {
		t.check()
	}
}

func (t *trackImport) onChoose() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			t.u.showError("Cannot open the file", err, "")
			return
		}
		if r == nil {
			return
		}
		t.path.SetText(r.URI().Path())
		r.Close()
		t.onPreview()
	}, t.u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".CSV", ".txt"}))
	if loc := t.u.folderURI(); loc != nil {
		d.SetLocation(loc)
	}
	d.Resize(fyne.NewSize(min(820, t.u.win.Canvas().Size().Width-40), min(560, t.u.win.Canvas().Size().Height-40)))
	d.Show()
}

// options are how the files are read: numbers and dates the user's way,
// and no date after today.
func (t *trackImport) options() tracking.ImportOptions {
	lang := t.u.lang()
	return tracking.ImportOptions{Lang: lang, Today: casebuilder.DateOf(t.u.deps.now()),
		ParseDate: func(s string) (casebuilder.Date, error) { return casebuilder.ParseLocalDate(s, lang) }}
}

// onPreview reads the file and shows what importing it would do.
func (t *trackImport) onPreview() {
	t.clear()
	path := strings.TrimSpace(t.path.Text)
	if path == "" {
		t.say("Choose the file to import first.", true)
		return
	}
	data, err := readImportFile(path)
	if err != nil {
		t.say(err.Error(), true)
		return
	}
	t.data, t.kindOf = data, t.selected()
	t.check()
}

// readImportFile reads an import file, refusing what cannot be one.
func readImportFile(path string) ([]byte, error) {
	st, err := os.Stat(path)
	switch {
	case err != nil:
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	case st.IsDir():
		return nil, fmt.Errorf("%s is a folder; choose a CSV file", path)
	case st.Size() > maxImportFile:
		return nil, fmt.Errorf("%s is %d MB, too large for an import file (at most %d MB)", path, st.Size()>>20, maxImportFile>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	return data, nil
}

// check imports the file into a copy of the case, and shows what that
// would change, or every bad row.
func (t *trackImport) check() {
	res, err := t.kindOf.run(t.u.doc.c.Clone(), bytes.NewReader(t.data), t.options())
	t.rows.Objects = nil
	var ie *tracking.ImportError
	switch {
	case errors.As(err, &ie):
		t.ready = false
		t.say(fmt.Sprintf("The file is refused: %s to fix. Nothing has changed; fix the file and preview it again.", plural(len(ie.Problems), "problem")), true)
		for i, p := range ie.Problems {
			if i == 50 {
				t.rows.Add(muted(fmt.Sprintf("… and %d more.", len(ie.Problems)-50)))
				break
			}
			l := widget.NewLabel(form.Capital(p.Error()))
			l.Wrapping = fyne.TextWrapWord
			l.Importance = widget.DangerImportance
			t.rows.Add(l)
		}
	case err != nil:
		t.ready = false
		t.say("The file is refused: "+describeError(err), true)
	default:
		t.ready = res.Added > 0
		var what string
		switch {
		case res.Added == 0:
			what = fmt.Sprintf("Every one of its %s is in the case already: importing it changes nothing.", plural(res.Rows, "row"))
		case t.kindOf.kind == tracking.MilestonesFile:
			what = fmt.Sprintf("%s read: importing it updates %s.", form.Capital(plural(res.Rows, "row")), plural(res.Added, "milestone"))
		default:
			what = fmt.Sprintf("%s read: importing it adds %s", form.Capital(plural(res.Rows, "row")), plural(res.Added, "row"))
			if res.Unchanged > 0 {
				what += fmt.Sprintf("; %s in the case already", plural(res.Unchanged, "is"))
			}
			what += "."
		}
		t.say(what, false)
		t.rows.Add(previewTable(t.data))
	}
	t.rows.Refresh()
	form.Enable(t.apply, t.ready)
}

// say shows a line above the preview.
func (t *trackImport) say(text string, bad bool) {
	t.summary.SetText(text)
	if bad {
		t.summary.Importance = widget.DangerImportance
	} else {
		t.summary.Importance = widget.MediumImportance
	}
	t.summary.Show()
	t.summary.Refresh()
}

// previewTable shows the first rows of a CSV file as it reads.
func previewTable(data []byte) fyne.CanvasObject {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	var lines []fyne.CanvasObject
	for i := 0; i <= previewRows; i++ {
		rec, err := r.Read()
		if err != nil {
			break
		}
		if i == previewRows {
			lines = append(lines, muted("…"))
			break
		}
		cols := make([]float32, len(rec))
		cells := make([]fyne.CanvasObject, len(rec))
		for j, v := range rec {
			cols[j] = 1
			l := widget.NewLabelWithStyle(v, fyne.TextAlignLeading, fyne.TextStyle{Bold: i == 0})
			l.Truncation = fyne.TextTruncateEllipsis
			cells[j] = l
		}
		if len(rec) == 0 {
			continue
		}
		lines = append(lines, form.NewColumns(cols...).Row(cells...))
	}
	return container.NewVBox(lines...)
}

// onImport imports the file previewed into the case: one undo step.
func (t *trackImport) onImport() {
	if !t.ready || t.data == nil {
		return
	}
	var res tracking.ImportResult
	err := t.u.edit(casebuilder.Where{Step: casebuilder.StepTracking, Path: "tracking"}, "", func(c *casebuilder.Case) error {
		var err error
		res, err = t.kindOf.run(c, bytes.NewReader(t.data), t.options())
		return err
	})
	if err != nil {
		t.check()
		return
	}
	name := t.path.Text
	t.path.SetText("")
	t.clear()
	what := plural(res.Added, "row")
	if t.kindOf.kind == tracking.MilestonesFile {
		what = plural(res.Added, "milestone") + " updated"
	} else {
		what += " added"
	}
	t.u.status.say(fmt.Sprintf("Imported %s: %s. Undo takes it back.", shortName(name), what))
}

// shortName is a file's name without its folder.
func shortName(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}
