package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/ui/form"
)

// exportJob is one document to write.
type exportJob struct {
	// what names the document for people: "brief", "workbook".
	what  string
	path  string
	write Exporter
}

// exportDialog asks which documents to export, where, and on what paper.
type exportDialog struct {
	u                       *UI
	brief, workbook         *form.Check
	briefName, workbookName *form.Entry
	folder                  string
	folderLabel             *widget.Label
	paper                   *form.Select
	// review adds the CEO review to the brief, for the author.
	review *form.Check
	// progress is the progress report, offered once the case is approved
	// (nil before).
	progress             *progressChoice
	problem              *form.ErrorLabel
	exportButton, cancel *form.Button
	dlg                  *dialog.CustomDialog
}

// onExport opens the export dialog.
func (u *UI) onExport() {
	if u.exporting {
		u.status.say("An export is already running; it will say here when it is done.")
		return
	}
	e := &exportDialog{u: u, problem: form.NewErrorLabel()}
	base := u.suggestedName()
	e.folder = u.exportFolder()

	e.brief = form.NewCheck("Executive brief (PDF)", func(bool) { e.problem.Explain(nil, "") })
	e.briefName = form.NewEntry()
	e.briefName.SetText(base + ".pdf")
	e.workbook = form.NewCheck("Workbook for finance (Excel)", func(bool) { e.problem.Explain(nil, "") })
	e.workbookName = form.NewEntry()
	e.workbookName.SetText(base + ".xlsx")
	offer(e.brief, e.briefName, u.opts.Exporters.Brief != nil)
	offer(e.workbook, e.workbookName, u.opts.Exporters.Workbook != nil)

	e.folderLabel = widget.NewLabel(e.folder)
	e.folderLabel.Truncation = fyne.TextTruncateEllipsis
	choose := form.NewButton("Choose…", e.onChooseFolder)
	// The case's own paper size wins over the preferences' (and so over
	// the locale's); the user may choose another for this export.
	e.paper = form.NewSelect([]string{"A4", "Letter"}, nil)
	if casebuilder.CasePaper(u.doc.c, u.prefs.paper()) == casebuilder.PaperLetter {
		e.paper.SetSelected("Letter")
	} else {
		e.paper.SetSelected("A4")
	}
	paperItem := widget.NewFormItem("Paper", e.paper)
	if u.doc.c.Paper != "" {
		paperItem.HintText = "This case's own paper size (Settings)"
	}
	e.review = form.NewCheck("Add the CEO review to the brief (for you, not its readers)", nil)
	if u.opts.Exporters.Brief == nil {
		e.review.Disable()
	}

	e.progress = newProgressChoice(u, base, func() { e.problem.Explain(nil, "") })
	fields := widget.NewForm(append([]*widget.FormItem{
		widget.NewFormItem("", e.brief),
		widget.NewFormItem("File name", e.briefName),
		widget.NewFormItem("", e.review),
		widget.NewFormItem("", e.workbook),
		widget.NewFormItem("File name", e.workbookName)},
		append(e.progress.items(),
			widget.NewFormItem("Folder", container.NewBorder(nil, nil, nil, choose, e.folderLabel)),
			paperItem)...)...,
	)
	note := widget.NewLabel("The documents chosen are written from the case as it is now; you can go on editing while they are written.")
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	content := container.NewVBox(fields, e.problem, note)
	e.exportButton = form.NewButton("Export", e.onConfirm)
	e.exportButton.Importance = widget.HighImportance
	e.cancel = form.NewButton("Cancel", func() { e.dlg.Hide() })
	names := []string{e.briefName.Text, e.workbookName.Text}
	if e.progress != nil {
		names = append(names, e.progress.name.Text)
	}
	e.dlg = dialog.NewCustomWithoutButtons("Export", container.NewGridWrap(fyne.NewSize(dialogWidthFor(u.win, names), content.MinSize().Height+40), content), u.win)
	e.dlg.SetButtons([]fyne.CanvasObject{e.cancel, e.exportButton})
	u.tell(e)
	closeOnEscape(u.win, e.dlg, e.onConfirm)
	e.dlg.Show()
}

// dialogWidthFor is the width of a form dialog whose entries hold the
// file names: 560, or wide enough to show the longest name whole beside
// its label, but never wider than the window leaves room for.
func dialogWidthFor(win fyne.Window, names []string) float32 {
	w := float32(560)
	for _, n := range names {
		// The label column, the entry's padding and the dialog's margins
		// take some 220 pixels beside the text.
		w = max(w, fyne.MeasureText(n, theme.TextSize(), fyne.TextStyle{}).Width+220)
	}
	return max(min(w, win.Canvas().Size().Width-48), 320)
}

// offer enables a document's choice, or says it is not in this build.
func offer(check *form.Check, name *form.Entry, available bool) {
	check.SetChecked(available)
	if !available {
		check.Text += " (not available in this build)"
		check.Disable()
		name.Disable()
	}
}

// exportFolder is where exports go first: beside the case file, or in the
// user's documents.
func (u *UI) exportFolder() string {
	if u.doc.path != "" {
		return filepath.Dir(u.doc.path)
	}
	if l := u.folderURI(); l != nil {
		return l.Path()
	}
	dir, _ := os.Getwd()
	return dir
}

func (e *exportDialog) onChooseFolder() {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil || l == nil {
			return
		}
		e.folder = l.Path()
		e.folderLabel.SetText(e.folder)
		e.problem.Explain(nil, "")
	}, e.u.win)
	d.Resize(fyne.NewSize(820, 560))
	d.Show()
}

// jobs returns the documents asked for, or why they cannot be written.
func (e *exportDialog) jobs() ([]exportJob, error) {
	var jobs []exportJob
	add := func(check *form.Check, name *form.Entry, what, ext string, write Exporter) error {
		if !check.Checked || check.Disabled() {
			return nil
		}
		n := strings.TrimSpace(name.Text)
		switch {
		case n == "":
			return fmt.Errorf("type a file name for the %s", what)
		case strings.ContainsAny(n, `/\`):
			return fmt.Errorf("the %s's name must be a file name only; choose its folder with Choose…", what)
		}
		if !strings.EqualFold(filepath.Ext(n), ext) {
			n += ext
		}
		path := filepath.Join(e.folder, n)
		if e.u.doc.path != "" && casebuilder.SameFile(path, e.u.doc.path) {
			return fmt.Errorf("%s is the case file itself; choose another name for the %s", n, what)
		}
		jobs = append(jobs, exportJob{what: what, path: path, write: write})
		return nil
	}
	if err := add(e.brief, e.briefName, "brief", ".pdf", e.u.opts.Exporters.Brief); err != nil {
		return nil, err
	}
	if err := add(e.workbook, e.workbookName, "workbook", ".xlsx", e.u.opts.Exporters.Workbook); err != nil {
		return nil, err
	}
	if p := e.progress; p != nil && p.check.Checked && !p.check.Disabled() {
		write, err := p.exporter(e.u.doc.c, e.u.opts.Exporters.Progress)
		if err != nil {
			return nil, err
		}
		if err := add(p.check, p.name, "progress report", ".pdf", write); err != nil {
			return nil, err
		}
	}
	if len(jobs) == 0 {
		return nil, errors.New("choose the brief, the workbook, or both")
	}
	if !isDir(e.folder) {
		return nil, fmt.Errorf("the folder %s does not exist; choose another", e.folder)
	}
	return jobs, nil
}

// onConfirm checks the choices, asks before replacing files, and starts
// the export.
func (e *exportDialog) onConfirm() {
	jobs, err := e.jobs()
	if err != nil {
		e.problem.Explain(err, "")
		return
	}
	choices := ExportChoices{Paper: casebuilder.PaperA4, WithReview: e.review.Checked}
	if e.paper.Selected == "Letter" {
		choices.Paper = casebuilder.PaperLetter
	}
	var existing []string
	for _, j := range jobs {
		if _, err := os.Stat(j.path); err == nil {
			existing = append(existing, filepath.Base(j.path))
		}
	}
	start := func() {
		e.dlg.Hide()
		e.u.runExport(jobs, choices)
	}
	if len(existing) == 0 {
		start()
		return
	}
	e.u.askReplace(strings.Join(existing, " and ")+" already exist in this folder. Replace them?", start)
}

// runExport writes the documents in a goroutine, from the case as it is
// now, while the user goes on working; the status bar shows the progress
// and then buttons to open what was written.
//
// The documents show the analysis the app shows when it is of the case as
// it is now; otherwise the analysis is run here, once for every document,
// with the simulation's settings (and shown too, if the case has not
// changed meanwhile).
func (u *UI) runExport(jobs []exportJob, choices ExportChoices) {
	c := u.doc.c // never changed in place
	now := u.deps.now()
	var a *casebuilder.Analysis
	if u.fullIsCurrent() {
		a = u.full.Analysis
	}
	set := u.prefs.simulation()
	u.exporting = true
	u.status.working("Exporting the " + whats(jobs) + "…")
	go func() {
		if a == nil {
			// On the app's workers: the user may go on typing meanwhile.
			a = casebuilder.Analyse(c, casebuilder.AnalysisOptions{Simulation: set.options()})
			u.deps.bridge.do(func() {
				if u.doc.c == c && u.prefs.simulation() == set && !u.fullIsCurrent() {
					u.showFull(fullAnalysis{Analysis: a, settings: set})
				}
			})
		}
		var written []exportJob
		var failed exportJob
		var err error
		for _, j := range jobs {
			if err = writeExport(j, c, a, now, choices); err != nil {
				failed = j
				break
			}
			written = append(written, j)
		}
		u.deps.bridge.do(func() { u.exportFinished(written, failed, err) })
	}()
}

// writeExport writes one document. An exporter that panics fails the
// export instead of the app.
func writeExport(j exportJob, c *casebuilder.Case, a *casebuilder.Analysis, now time.Time, choices ExportChoices) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("internal error in the %s export: %v", j.what, v)
		}
	}()
	data, err := j.write(c, a, now, choices)
	if err != nil {
		return err
	}
	return casebuilder.WriteFileAtomic(j.path, data, false)
}

// exportFinished shows the outcome of an export.
func (u *UI) exportFinished(written []exportJob, failed exportJob, err error) {
	u.exporting = false
	var buttons []fyne.CanvasObject
	for _, j := range written {
		b := widget.NewButton("Open "+j.what, func() { u.open(j.path) })
		b.Importance = widget.LowImportance
		buttons = append(buttons, b)
	}
	if len(written) > 0 {
		dir := filepath.Dir(written[0].path)
		b := widget.NewButton("Open folder", func() { u.open(dir) })
		b.Importance = widget.LowImportance
		buttons = append(buttons, b)
	}
	if err != nil {
		msg := "Export failed."
		if len(written) > 0 {
			msg = "Exported the " + whats(written) + "; the " + failed.what + " failed."
		}
		u.status.done(msg, buttons...)
		u.showError("Cannot export the "+failed.what, err, exportAdvice(err))
		return
	}
	u.status.done("Exported the "+whats(written)+" to "+filepath.Dir(written[0].path)+".", buttons...)
}

// open opens a file or folder in the desktop's application for it.
func (u *UI) open(path string) {
	if err := u.deps.openURL(fileURL(path)); err != nil {
		u.showError("Cannot open "+path, err, "Open it from your file manager.")
	}
}

// exportAdvice says what to do about an export error.
func exportAdvice(err error) string {
	var ps casebuilder.Problems
	switch {
	case errors.As(err, &ps):
		return "Fix the problems the Review step lists, then export again."
	case errors.Is(err, fs.ErrPermission):
		return "Choose a folder you can write to, or close the file if another program has it open, and export again."
	case errors.Is(err, syscall.ENOSPC):
		return "Free some disk space and export again."
	}
	return "Try again. If it fails again, save the case and report the message above."
}

func whats(jobs []exportJob) string {
	var names []string
	for _, j := range jobs {
		names = append(names, j.what)
	}
	return strings.Join(names, " and ")
}
