// Package ui is Case Builder's desktop app: a guided editor of one business
// case, one screen per step of the method (context, pain, alternatives,
// compare, risks, plan, measures, review), with the headline figures of
// the recommendation always in view.
//
// The screens edit a [casebuilder.Case] through one document that keeps
// its history for undo; figures are worked out in a goroutine after each
// pause in typing and come back through one bridge. The package creates
// no app: cmd/casebuilder creates it and calls [New].
package ui

import (
	"math"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"github.com/casebuilder/casebuilder/ui/form"
)

// Exporter writes a case as a document (an Excel workbook, a PDF brief):
// a pure function of the case, its analysis, the time written into it and
// the export dialog's choices. The analysis is the one the app shows, of
// this very case, with the simulation run as the settings ask: the
// exporter shows it rather than analysing the case again.
type Exporter func(c *casebuilder.Case, a *casebuilder.Analysis, now time.Time, choices ExportChoices) ([]byte, error)

// ExportChoices are what the export dialog asks that reaches a document.
type ExportChoices struct {
	// Paper is the paper size, "a4" or "letter": the case's own, or the
	// preferences', unless the user chose another for this export.
	Paper string
	// WithReview adds the CEO review to the brief, for the author; the
	// brief for its readers leaves it out.
	WithReview bool
}

// Exporters are the documents the app can export. A nil exporter is not
// offered.
type Exporters struct {
	// Workbook writes the Excel workbook (.xlsx).
	Workbook Exporter
	// Brief writes the PDF executive brief (.pdf).
	Brief Exporter
	// Progress writes the monthly progress report (.pdf) of an approved
	// case; it is offered only once the case is approved.
	Progress ProgressExporter
}

// Options are the choices the program makes for the app.
type Options struct {
	// Path is the case file to open. Empty opens the last case, or the
	// turnover sample with a welcome on the first start.
	Path string
	// Exporters are the exports offered.
	Exporters Exporters
	// Version is shown in the About box.
	Version string
	// Screen is the room on the screen the window opens on (less the
	// desktop's own bars), zero when it is not known: the first window
	// fits it (see windowSize).
	Screen fyne.Size
}

// deps are what the UI takes from its surroundings, replaced in tests.
type deps struct {
	bridge bridge
	// dataDir holds autosaves; the app's storage when empty.
	dataDir string
	// openURL opens a file or folder in the desktop's own application.
	openURL func(u string) error
	now     func() time.Time
	// save writes a case file and load reads one: casebuilder.Save and
	// casebuilder.Load when nil.
	save func(path string, c *casebuilder.Case) error
	load func(path string) (*casebuilder.Case, error)
	// shown, when set, is told of every dialog the app shows and every
	// error it reports (see tell): tests answer and read them. The app
	// sets none.
	shown func(shown any)
	// recalcDelay, fullDelay and autosaveEvery are how long typing pauses
	// before the figures are worked out, and before the whole analysis (the
	// sensitivity and the simulation) is run, and how often unsaved
	// changes are autosaved (never when zero).
	recalcDelay   time.Duration
	fullDelay     time.Duration
	autosaveEvery time.Duration
}

// UI is the app's window: the case being edited and every screen of it.
type UI struct {
	app  fyne.App
	win  fyne.Window
	opts Options
	deps deps

	doc      *document
	analysis analysis     // the newest figures, of analysis.c
	full     fullAnalysis // the newest whole analysis, of full.Case
	prefs    *preferences
	recalc   *recalculator
	autosave *autosaver

	screens map[casebuilder.MethodStep]screen
	current casebuilder.MethodStep

	nav      *navigation
	headline *headline
	title    *widget.Label
	guidance *widget.Label
	guide    *guidanceBar
	note     string // what the review says of the field being revealed
	body     *fyne.Container
	status   *statusBar

	undoButton, redoButton *widget.Button
	recentMenu             *fyne.MenuItem
	mainMenu               *fyne.Menu

	formats   map[string]*figure.Format
	exporting bool // an export runs
	// pending counts the work begun in goroutines (a save, a read) that
	// has not reported back yet; lastSave is closed once the last save
	// asked for has written, so that the next one waits for it.
	pending  int
	lastSave chan struct{}

	// pendingError and pendingNotice are shown once the window is built:
	// the file asked for could not be opened, or has problems.
	pendingError  func()
	pendingNotice string
}

// screen is one step of the method on screen.
type screen interface {
	// content is the screen's widgets.
	content() fyne.CanvasObject
	// refresh shows the case as it now is; force replaces what is being
	// typed too (after undo, or when the case is replaced).
	refresh(force bool)
	// showAnalysis shows new figures.
	showAnalysis(a analysis)
	// focus shows and focuses the field at path, and reports whether it
	// could.
	focus(path string) bool
}

// screenSpec says how one step of the method is shown: its name in the
// list of steps, the title and guidance above its screen, and how the
// screen is built.
type screenSpec struct {
	id    casebuilder.MethodStep
	name  string
	title string
	// guidance says, at the top of the step, what a CEO will look for there.
	guidance string
	build    func(u *UI) screen
}

// screenSpecs are the screens of the method's steps, in the method's
// order.
var screenSpecs = []screenSpec{
	{casebuilder.StepContext, "Context", "Where the company is going", contextGuidance, newContextScreen},
	{casebuilder.StepPain, "Pain", "The pain and what it costs", painGuidance, newPainScreen},
	{casebuilder.StepAlternatives, "Alternatives", "The ways to address it", alternativesGuidance, newAlternativesScreen},
	{casebuilder.StepCompare, "Compare", "Compare and recommend", compareGuidance, newCompareScreen},
	{casebuilder.StepRisks, "Risks", "Risks and contingencies", risksGuidance, newRisksScreen},
	{casebuilder.StepPlan, "Plan", "The implementation plan", planGuidance, newPlanScreen},
	{casebuilder.StepMeasures, "Measures", "Measures of success and credits", measuresGuidance, newMeasuresScreen},
	{casebuilder.StepReview, "Review", "Review and export", reviewGuidance, newReviewScreen},
	// Track is shown once the case is approved (see track.go).
	{casebuilder.StepTracking, "Track", "Where the programme stands", trackGuidance, newTrackScreen},
}

// specOf is the screen of step id.
func specOf(id casebuilder.MethodStep) screenSpec {
	for _, s := range screenSpecs {
		if s.id == id {
			return s
		}
	}
	return screenSpecs[0]
}

// New makes the app's window in w: it opens the case of opts (or the last
// one, or the welcome), and sets the menus, shortcuts and close prompt.
// The caller shows the window and runs the app.
func New(a fyne.App, w fyne.Window, opts Options) *UI {
	return newUI(a, w, opts, deps{
		bridge:        fyneBridge{},
		openURL:       func(s string) error { return a.OpenURL(parseURL(s)) },
		now:           time.Now,
		recalcDelay:   recalcDelay,
		fullDelay:     fullDelay,
		autosaveEvery: time.Minute,
	})
}

func newUI(a fyne.App, w fyne.Window, opts Options, d deps) *UI {
	if d.save == nil {
		d.save = casebuilder.Save
	}
	if d.load == nil {
		d.load = casebuilder.Load
	}
	u := &UI{app: a, win: w, opts: opts, deps: d, formats: map[string]*figure.Format{}}
	u.prefs = loadPreferences(a.Preferences())
	u.applyTheme()
	u.recalc = &recalculator{delay: d.recalcDelay, fullDelay: d.fullDelay, bridge: d.bridge,
		apply: u.showAnalysis, applyFull: u.showFull, settings: u.prefs.simulation, lang: u.lang}
	u.autosave = newAutosaver(u)

	c, path, first, readErr := u.initialCase(opts.Path)
	u.doc = newDocument(c, path, d.now, u.lang)
	u.doc.fileFindings = casebuilder.FileFindings(c, readErr)
	u.analysis = u.analyseNow()
	u.build()
	u.setMenus()
	u.setShortcuts()
	w.SetCloseIntercept(u.onClose)
	w.Resize(windowSize(opts.Screen))
	u.afterOpen()
	if u.pendingNotice != "" {
		u.goTo(casebuilder.StepReview)
		u.status.say(u.pendingNotice)
	}
	switch {
	case u.autosave.offerRecovery():
	case u.pendingError != nil:
		u.pendingError()
	case first:
		u.showWelcome()
	}
	u.autosave.start()
	return u
}

// build lays out the window: the toolbar, the steps on the left, the
// headline figures and the step's guidance above its screen, and the
// status bar.
func (u *UI) build() {
	u.nav = newNavigation(u)
	u.headline = newHeadline(u)
	u.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	u.title.SizeName = theme.SizeNameSubHeadingText
	u.guidance = widget.NewLabel("")
	u.guidance.Wrapping = fyne.TextWrapWord
	u.body = container.NewStack()
	u.status = newStatusBar()

	u.guide = newGuidanceBar(u)
	header := container.NewVBox(u.headline.box, widget.NewSeparator(), u.guide.box)
	center := container.NewBorder(header, nil, nil, nil, u.body)
	left := container.NewBorder(nil, nil, nil, widget.NewSeparator(), u.nav.box)
	bottom := container.NewVBox(widget.NewSeparator(), u.status.box)
	u.win.SetContent(container.NewBorder(u.toolbar(), bottom, left, nil, center))
}

// toolbar holds the commands used most.
func (u *UI) toolbar() fyne.CanvasObject {
	btn := func(label string, icon fyne.Resource, fn func()) *widget.Button {
		b := widget.NewButtonWithIcon(label, icon, fn)
		b.Importance = widget.LowImportance
		return b
	}
	u.undoButton = btn("Undo", theme.ContentUndoIcon(), u.onUndo)
	u.redoButton = btn("Redo", theme.ContentRedoIcon(), u.onRedo)
	bar := container.NewHBox(
		btn("New", theme.DocumentCreateIcon(), u.onNew),
		btn("Open", theme.FolderOpenIcon(), u.onOpen),
		btn("Save", theme.DocumentSaveIcon(), u.onSave),
		widget.NewSeparator(),
		u.undoButton, u.redoButton,
		widget.NewSeparator(),
		btn("Export", theme.UploadIcon(), u.onExport),
		btn("Settings", theme.SettingsIcon(), u.onSettings),
	)
	return container.NewVBox(bar, widget.NewSeparator())
}

// afterOpen shows a case that has just replaced the one before.
func (u *UI) afterOpen() {
	u.recalc.stop()
	u.analysis = u.analyseNow()
	u.full = fullAnalysis{}
	u.recalc.scheduleFull(u.doc.c, 0)
	u.screens = map[casebuilder.MethodStep]screen{}
	u.formats = map[string]*figure.Format{}
	u.updateTitle()
	u.updateUndo()
	u.headline.show(u.analysis)
	u.nav.show(u.doc.c, u.analysis)
	u.goTo(casebuilder.StepContext)
}

// goTo shows a step.
func (u *UI) goTo(id casebuilder.MethodStep) {
	st := specOf(id)
	if st.id != u.current {
		u.status.moveOn()
	}
	u.current = st.id
	s := u.screen(st.id)
	u.title.SetText(st.title)
	u.guidance.SetText(st.guidance)
	s.refresh(true)
	s.showAnalysis(u.analysis)
	u.body.Objects = []fyne.CanvasObject{s.content()}
	u.body.Refresh()
	u.nav.selectStep(st.id)
}

// screen returns the screen of a step, building it the first time.
func (u *UI) screen(id casebuilder.MethodStep) screen {
	if s, ok := u.screens[id]; ok {
		return s
	}
	s := specOf(id).build(u)
	u.screens[id] = s
	return s
}

// revealFinding goes to the field of a point of the review, focuses it
// and shows the point under it.
func (u *UI) revealFinding(f casebuilder.Finding) {
	u.note = form.Capital(f.Message)
	defer func() { u.note = "" }()
	u.reveal(f.Where)
}

// reveal goes to the step of where and focuses its field.
func (u *UI) reveal(where casebuilder.Where) {
	u.goTo(where.Step)
	if where.Path != "" {
		u.screen(where.Step).focus(where.Path)
	}
}

// edit changes the case (see document.edit) and, when it did, shows the
// change everywhere and asks for new figures.
func (u *UI) edit(where casebuilder.Where, key string, change func(c *casebuilder.Case) error) error {
	if err := u.doc.edit(where, key, change); err != nil {
		return err
	}
	u.changed()
	return nil
}

// host is the UI as the host of the screens' forms.
func (u *UI) host() form.Host { return formHost{u} }

// newForm is a form of the case on step.
func (u *UI) newForm(step casebuilder.MethodStep) *form.Form { return form.New(u.host(), step) }

// formHost is what the screens' forms reach the case and the window
// through.
type formHost struct{ u *UI }

func (h formHost) Case() *casebuilder.Case { return h.u.doc.c }

func (h formHost) Edit(where casebuilder.Where, key string, change func(c *casebuilder.Case) error) error {
	return h.u.edit(where, key, change)
}

func (h formHost) Parse(s string, unit figure.Unit) (float64, error) { return h.u.parse(s, unit) }
func (h formHost) Format(v float64, unit figure.Unit) string         { return h.u.editText(v, unit) }
func (h formHost) Language() language.Tag                            { return h.u.lang() }
func (h formHost) Now() time.Time                                    { return h.u.deps.now() }
func (h formHost) Focus(w fyne.Focusable)                            { h.u.focus(w) }
func (h formHost) Scroll(w fyne.CanvasObject, ev *fyne.ScrollEvent)  { h.u.scrollOver(w, ev) }
func (h formHost) Focused() fyne.Focusable                           { return h.u.win.Canvas().Focused() }
func (h formHost) Note() string                                      { return h.u.note }
func (h formHost) Reveal(w fyne.CanvasObject)                        { reveal(h.u.scrollOf(w), w) }
func (h formHost) EndTyping()                                        { h.u.endTyping() }
func (h formHost) ShowError(what string, err error, advice string)   { h.u.showError(what, err, advice) }
func (h formHost) Refresh()                                          { h.u.refreshScreen(true) }
func (h formHost) Describe(path string) string {
	return describe(h.u.doc.c, casebuilder.Where{Step: casebuilder.StepFor(path), Path: path})
}

// changed shows that the case changed: the title, the undo buttons, the
// fields of the current screen that are not being typed in, the steps'
// progress, and (soon) the figures.
func (u *UI) changed() {
	u.status.moveOn()
	u.updateTitle()
	u.updateUndo()
	u.refreshScreen(false)
	u.nav.show(u.doc.c, u.analysis)
	u.recalc.schedule(u.doc.c)
}

// refreshScreen shows the case on the current screen.
func (u *UI) refreshScreen(force bool) {
	if s, ok := u.screens[u.current]; ok {
		s.refresh(force)
	}
}

// analyseNow works out the quick analysis of the case on the UI's
// goroutine, with what its file held that the case cannot show, for a
// window that must show it at once (a few milliseconds).
func (u *UI) analyseNow() analysis {
	return analyse(u.doc.c, u.lang()).withFileFindings(u.doc.fileFindings)
}

// showAnalysis shows new figures, from the recalculator.
func (u *UI) showAnalysis(a analysis) {
	a = a.withFileFindings(u.doc.fileFindings)
	u.analysis = a
	u.headline.show(a)
	u.nav.show(u.doc.c, a)
	if s, ok := u.screens[u.current]; ok {
		s.showAnalysis(a)
	}
}

// showFull shows a new whole analysis, from the recalculator.
func (u *UI) showFull(f fullAnalysis) {
	u.full = f
	if s, ok := u.screens[u.current].(*compareScreen); ok {
		s.showFull(f)
	}
}

// fullIsCurrent reports whether the whole analysis is of the case as it
// is now, with the simulation's settings as they are now.
func (u *UI) fullIsCurrent() bool {
	return u.full.Analysis != nil && u.full.Case == u.doc.c && u.full.settings == u.prefs.simulation()
}

func (u *UI) onUndo() { u.travel(u.doc.undoEdit) }
func (u *UI) onRedo() { u.travel(u.doc.redoEdit) }

// travel moves through the history of edits, one edit back or forward
// (undoEdit or redoEdit), and shows where that edit was made.
func (u *UI) travel(move func() (casebuilder.Where, bool)) {
	where, ok := move()
	if !ok {
		return
	}
	u.status.moveOn()
	u.updateTitle()
	u.updateUndo()
	u.nav.show(u.doc.c, u.analysis)
	u.recalc.schedule(u.doc.c)
	if where.Step == "" {
		where.Step = u.current
	}
	u.goTo(where.Step)
	if where.Path != "" {
		u.screen(where.Step).focus(where.Path)
	}
}

func (u *UI) updateUndo() {
	form.Enable(u.undoButton, u.doc.canUndo())
	form.Enable(u.redoButton, u.doc.canRedo())
}

// updateTitle shows the file's name in the window title, marked with an
// asterisk while it has unsaved changes.
func (u *UI) updateTitle() {
	mark := ""
	if u.doc.modified() {
		mark = "*"
	}
	u.win.SetTitle(mark + u.docName() + approvedMark(u.doc.c) + " — Case Builder")
}

// docName is the case's file name, or what it is until it has one.
func (u *UI) docName() string {
	if u.doc.path != "" {
		return filepath.Base(u.doc.path)
	}
	if t := strings.TrimSpace(u.doc.c.Title); t != "" {
		return "Untitled: " + t
	}
	return "Untitled"
}

// endTyping ends a run of typing in a field: the next edit is a new undo
// step.
func (u *UI) endTyping() { u.doc.seal() }

// focus focuses a field and scrolls it into view.
func (u *UI) focus(f fyne.Focusable) {
	u.win.Canvas().Focus(f)
	if o, ok := f.(fyne.CanvasObject); ok {
		reveal(u.scrollOf(o), o)
	}
}

// scrollOver scrolls the part of the screen that holds o, as the wheel
// turned over it asks.
func (u *UI) scrollOver(o fyne.CanvasObject, ev *fyne.ScrollEvent) {
	form.ScrollBy(u.scrollOf(o), ev)
}

// scrollOf returns the scroll of the current screen that o is shown in,
// or nil.
func (u *UI) scrollOf(o fyne.CanvasObject) *container.Scroll {
	s, ok := u.screens[u.current].(interface{ scrolls() []*container.Scroll })
	if !ok {
		return nil
	}
	d := fyne.CurrentApp().Driver()
	pos := d.AbsolutePositionForObject(o)
	for _, sc := range s.scrolls() {
		if sc == nil || !sc.Visible() {
			continue
		}
		// A scroll in a hidden container (another tab's) is nowhere: the
		// driver finds only what is shown, and the window's toolbar is
		// where the origin is.
		at, size := d.AbsolutePositionForObject(sc), sc.Size()
		if at.IsZero() {
			continue
		}
		if pos.X >= at.X && pos.X < at.X+size.Width {
			return sc
		}
	}
	return nil
}

// lang is the language numbers are read and written in.
func (u *UI) lang() language.Tag { return u.prefs.numberLanguage() }

// parse reads a figure typed in a field of unit unit.
func (u *UI) parse(s string, unit figure.Unit) (float64, error) {
	return figure.ParseValue(s, u.lang(), unit)
}

// format is how figures of the case are written.
func (u *UI) format() *figure.Format { return u.formatOf(u.doc.c) }

// formatOf is how the figures of an analysis are written (its case may
// have another currency than the one being typed).
func (u *UI) formatOf(c *casebuilder.Case) *figure.Format {
	key := c.Currency + "/" + u.lang().String()
	if f, ok := u.formats[key]; ok {
		return f
	}
	f := figure.NewFormat(c.Currency, u.lang())
	u.formats[key] = f
	return f
}

// rebuild lays the window out anew, for a change that reaches every
// screen: the theme, the currency, the way numbers are written (in which
// the review quotes its figures too, so it is done again at once).
func (u *UI) rebuild() {
	u.formats = map[string]*figure.Format{}
	u.analysis = u.analyseNow()
	u.build()
	u.screens = map[casebuilder.MethodStep]screen{}
	u.updateUndo()
	u.headline.show(u.analysis)
	u.nav.show(u.doc.c, u.analysis)
	u.goTo(u.current)
}

// editText writes a figure for a field to be edited: no currency symbol,
// a percent sign for percentages, only the decimals it needs.
func (u *UI) editText(v float64, unit figure.Unit) string {
	f := u.format()
	if unit == figure.Percent {
		return f.Number(v*100, decimalsOf(v*100, 2)) + " %"
	}
	d := 2
	if unit == figure.Money {
		d = decimalsOf(v, 2)
	}
	return f.Number(v, decimalsOf(v, d))
}

// decimalsOf returns how many decimals, up to most, x needs.
func decimalsOf(x float64, most int) int {
	for d := range most {
		p := math.Pow10(d)
		if math.Abs(x*p-math.Round(x*p)) < 1e-9*max(1, math.Abs(x*p)) {
			return d
		}
	}
	return most
}
