package ui

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/assets"
	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/ui/form"
)

// firstSample is the sample opened on the first start.
const firstSample = "turnover"

// initialCase returns the case to open at start: the file asked for, else
// the last one opened, else the first sample (first reports that case, to
// show the welcome). readErr is what Load said of the file it opened, if
// anything.
func (u *UI) initialCase(path string) (c *casebuilder.Case, at string, first bool, readErr error) {
	if path != "" {
		c, err := u.deps.load(path)
		if c != nil {
			if abs, err := filepath.Abs(path); err == nil {
				path = abs
			}
			u.prefs.addRecent(path)
			if err != nil {
				u.pendingNotice = "This case has problems; the Review step lists them, each with a link to the field to fix."
			}
			return c, path, false, err
		}
		u.pendingError = func() {
			u.showError("Cannot open "+filepath.Base(path), err, "Check the file's name and that it is a Case Builder case (.hrcase). The sample case is open instead.")
		}
		c, _ = sampleCase(firstSample)
		return c, "", false, nil
	}
	for _, p := range u.prefs.recent() {
		if c, err := u.deps.load(p); c != nil && err == nil {
			return c, p, false, nil
		}
	}
	c, _ = sampleCase(firstSample)
	return c, "", true, nil
}

// sampleCase returns one of the embedded sample cases.
func sampleCase(name string) (*casebuilder.Case, error) {
	data, err := assets.SampleFile(name)
	if err != nil {
		return nil, err
	}
	return casebuilder.Decode(data)
}

// blankCase is a new case with the user's defaults, the do-nothing
// baseline every case needs and the usual criteria to weigh the
// alternatives on.
func (u *UI) blankCase() *casebuilder.Case {
	now := u.deps.now()
	return &casebuilder.Case{
		SchemaVersion: casebuilder.SchemaVersion,
		Title:         "",
		Date:          casebuilder.DateOf(now),
		Currency:      u.prefs.currency(),
		DiscountRate:  u.prefs.discountRate(),
		HorizonMonths: 36,
		StartDate:     casebuilder.DateOf(now).AddMonths(1),
		Pain:          casebuilder.Pain{Inputs: map[string]casebuilder.InputValue{}},
		Criteria:      casebuilder.DefaultCriteria(),
		Alternatives: []casebuilder.Alternative{{ID: "nothing", Name: "Do nothing", DoNothing: true,
			Description: "Carry on as today: the pain goes on costing what the calculator shows."}},
	}
}

// replaceCase makes c the case being edited, from the file at path ("" for
// a new case).
func (u *UI) replaceCase(c *casebuilder.Case, path string) {
	u.openCase(c, path, nil)
}

// openCase shows c, read from the file at path ("" for a new case), in
// place of the current case. readErr is what Load said of the file: what
// it found that c cannot show is listed in the Review step until saved.
func (u *UI) openCase(c *casebuilder.Case, path string, readErr error) {
	u.autosave.discard()
	u.doc = newDocument(c, path, u.deps.now, u.lang)
	u.doc.fileFindings = casebuilder.FileFindings(c, readErr)
	if path != "" {
		u.prefs.addRecent(path)
		u.updateRecentMenu()
	}
	u.afterOpen()
}

// whenSaved runs next once the user has dealt with unsaved changes: saved
// them, chosen not to, or there were none. Cancel runs nothing.
func (u *UI) whenSaved(action string, next func()) {
	if !u.doc.modified() {
		next()
		return
	}
	msg := widget.NewLabel(fmt.Sprintf("%s has unsaved changes. Save them before you %s?", u.docName(), action))
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	save := form.NewButton("Save", func() {
		d.Hide()
		u.saveThen(next)
	})
	save.Importance = widget.HighImportance
	discard := form.NewButton("Don't save", func() {
		d.Hide()
		next()
	})
	cancel := form.NewButton("Cancel", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("Unsaved changes", container.NewGridWrap(fyne.NewSize(420, 70), msg), u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, discard, save})
	u.tell(&savePrompt{dialog: d, save: save, discard: discard, cancel: cancel})
	closeOnEscape(u.win, d, save.OnTapped)
	d.Show()
}

// savePrompt is the question asked before unsaved changes would be lost.
type savePrompt struct {
	dialog                *dialog.CustomDialog
	save, discard, cancel *form.Button
}

// saveThen saves the case (asking where, if it has no file yet) and runs
// next once it is saved.
func (u *UI) saveThen(next func()) {
	if u.doc.path == "" {
		u.saveAs(next)
		return
	}
	u.saveTo(u.doc.path, next)
}

func (u *UI) onNew() {
	u.whenSaved("start a new case", u.showNewDialog)
}

// showNewDialog asks whether to start from a blank case or a sample: a
// drop-down of short choices (Fyne's radio buttons keep Escape from the
// dialog once clicked), and what the one chosen holds under it, wrapped,
// so that the dialog fits a window 1024 wide.
func (u *UI) showNewDialog() {
	options := []string{"A blank case"}
	about := []string{"Every step empty, for a case of your own."}
	for _, s := range assets.Samples {
		options = append(options, "The “"+s.Name+"” sample")
		about = append(about, form.Capital(s.Description)+".")
	}
	desc := widget.NewLabel(about[0])
	desc.Wrapping = fyne.TextWrapWord
	desc.Importance = widget.LowImportance
	choice := form.NewSelect(options, func(chosen string) {
		if i := slices.Index(options, chosen); i >= 0 {
			desc.SetText(about[i])
		}
	})
	choice.SetSelected(options[0])
	start := widget.NewLabel("Start from")
	content := container.NewVBox(start, choice, desc)
	width := min(560, u.win.Canvas().Size().Width-80)
	// Room for the longest description, so that the dialog keeps its
	// size as the choice changes.
	var most float32
	for _, a := range about {
		most = max(most, wrappedAt(a, width).MinSize().Height)
	}
	height := start.MinSize().Height + choice.MinSize().Height + most + 2*theme.Padding()
	d := confirmable(u.win, "New case", "Create", "Cancel", container.NewGridWrap(fyne.NewSize(width, height), content), func(ok bool) {
		if !ok {
			return
		}
		i := slices.Index(options, choice.Selected)
		if i <= 0 {
			u.replaceCase(u.blankCase(), "")
			return
		}
		c, err := sampleCase(assets.Samples[i-1].Name)
		if err != nil {
			u.showError("Cannot open the sample", err, "")
			return
		}
		u.replaceCase(c, "")
	})
	u.tell(&newCaseDialog{dialog: d, choice: choice, about: desc})
	d.Show()
}

// newCaseDialog is the choice of what a new case starts from.
type newCaseDialog struct {
	dialog *confirmDialog
	choice *form.Select
	about  *widget.Label // what the choice holds
}

func (u *UI) onOpen() {
	u.whenSaved("open another case", func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil {
				u.showError("Cannot open the file", err, "")
				return
			}
			if r == nil {
				return
			}
			path := r.URI().Path()
			r.Close()
			u.openPath(path, nil)
		}, u.win)
		d.SetFilter(storage.NewExtensionFileFilter([]string{casebuilder.FileExtension}))
		if loc := u.folderURI(); loc != nil {
			d.SetLocation(loc)
		}
		d.Resize(fyne.NewSize(820, 560))
		d.Show()
	})
}

// openPath reads the case file at path in a goroutine and opens it in
// place of the current case; then, when set, is told whether it could.
// Changes made to the current case while the file is read are not lost
// unasked.
func (u *UI) openPath(path string, then func(ok bool)) {
	before := u.doc.c
	type read struct {
		c       *casebuilder.Case
		err     error
		missing bool // the file does not exist
	}
	background(u, func() read {
		c, err := u.deps.load(path)
		_, serr := os.Stat(path)
		return read{c, err, c == nil && errors.Is(serr, os.ErrNotExist)}
	}, func(r read) {
		if r.c == nil {
			u.showError("Cannot open "+filepath.Base(path), r.err, "Check that it is a Case Builder case (.hrcase) and that you may read it.")
			if r.missing {
				u.prefs.removeRecent(path)
				u.updateRecentMenu()
			}
			if then != nil {
				then(false)
			}
			return
		}
		open := func() {
			u.showOpened(r.c, path, r.err)
			if then != nil {
				then(true)
			}
		}
		if u.doc.c != before {
			u.whenSaved("open "+filepath.Base(path), open)
			return
		}
		open()
	})
}

// showOpened shows the case c read from the file at path, in place of the
// current case; readErr is what reading it found wrong.
func (u *UI) showOpened(c *casebuilder.Case, path string, readErr error) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	u.openCase(c, path, readErr)
	if readErr != nil {
		u.goTo(casebuilder.StepReview)
		u.status.say("This case has problems; each is listed below with a link to the field to fix.")
	} else {
		u.status.say("Opened " + path)
	}
}

func (u *UI) onSave() { u.saveThen(nil) }

func (u *UI) onSaveAs() { u.saveAs(nil) }

// saveAs asks where to save the case, saves it there and runs next.
//
// It is not Fyne's file-save dialog: that one opens the chosen file for
// writing, which empties an existing case before it is replaced, and
// Save's backup of the previous version would be empty.
func (u *UI) saveAs(next func()) {
	d := &saveAsDialog{u: u, folder: u.exportFolder(), problem: form.NewErrorLabel(), next: next}
	d.name = form.NewEntry()
	d.name.SetText(u.suggestedName() + casebuilder.FileExtension)
	d.name.OnSubmitted = func(string) { d.onSave() }
	d.folderLabel = widget.NewLabel(d.folder)
	d.folderLabel.Truncation = fyne.TextTruncateEllipsis
	choose := form.NewButton("Choose…", func() {
		f := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
			if err == nil && l != nil {
				d.folder = l.Path()
				d.folderLabel.SetText(d.folder)
			}
		}, u.win)
		if loc := u.folderURI(); loc != nil {
			f.SetLocation(loc)
		}
		f.Resize(fyne.NewSize(820, 560))
		f.Show()
	})
	fields := widget.NewForm(
		widget.NewFormItem("File name", d.name),
		widget.NewFormItem("Folder", container.NewBorder(nil, nil, nil, choose, d.folderLabel)),
	)
	content := container.NewVBox(fields, d.problem)
	d.save = form.NewButton("Save", d.onSave)
	d.save.Importance = widget.HighImportance
	cancel := form.NewButton("Cancel", func() { d.dlg.Hide() })
	d.dlg = dialog.NewCustomWithoutButtons("Save the case as", container.NewGridWrap(fyne.NewSize(520, content.MinSize().Height+30), content), u.win)
	d.dlg.SetButtons([]fyne.CanvasObject{cancel, d.save})
	u.tell(d)
	closeOnEscape(u.win, d.dlg, d.onSave)
	d.dlg.Show()
	u.win.Canvas().Focus(d.name)
}

// saveAsDialog asks for a case file's name and folder.
type saveAsDialog struct {
	u           *UI
	name        *form.Entry
	folder      string
	folderLabel *widget.Label
	problem     *form.ErrorLabel
	save        *form.Button
	dlg         *dialog.CustomDialog
	next        func()
}

// path is the file chosen, or why it cannot be.
func (d *saveAsDialog) path() (string, error) {
	n := strings.TrimSpace(d.name.Text)
	switch {
	case n == "" || n == casebuilder.FileExtension:
		return "", errors.New("type a name for the file")
	case strings.ContainsAny(n, `/\`):
		return "", errors.New("type a file name only; choose its folder with Choose…")
	case !isDir(d.folder):
		return "", fmt.Errorf("the folder %s does not exist; choose another", d.folder)
	}
	if !strings.EqualFold(filepath.Ext(n), casebuilder.FileExtension) {
		n += casebuilder.FileExtension
	}
	return filepath.Join(d.folder, n), nil
}

func (d *saveAsDialog) onSave() {
	path, err := d.path()
	if err != nil {
		d.problem.Explain(err, "")
		return
	}
	save := func() {
		d.dlg.Hide()
		d.u.saveTo(path, d.next)
	}
	if _, err := os.Stat(path); err != nil || casebuilder.SameFile(path, d.u.doc.path) {
		save()
		return
	}
	d.u.askReplace(filepath.Base(path)+" already exists in this folder. Replace it? Its present version is kept beside it as "+
		filepath.Base(path)+casebuilder.BackupSuffix+".", save)
}

// askReplace asks the question before replacing files, and calls replace
// on Yes (or Enter); No and Escape replace nothing.
func (u *UI) askReplace(question string, replace func()) {
	confirm := confirmable(u.win, "Replace?", "Yes", "No", wrappedText(u.win, question, 440), func(ok bool) {
		if ok {
			replace()
		}
	})
	u.tell(replaceConfirm{confirm})
	confirm.Show()
}

// saveTo saves the case as it is now to path, in a goroutine, and runs
// then, when set, once it is saved. Saves are written one after the other,
// in the order they were asked for. Only a save that succeeded marks the
// case saved, as the version it wrote: what is typed meanwhile is still to
// be saved.
func (u *UI) saveTo(path string, then func()) {
	d, c := u.doc, u.doc.c // c is never changed in place
	previous, written := u.lastSave, make(chan struct{})
	u.lastSave = written
	background(u, func() error {
		if previous != nil {
			<-previous
		}
		defer close(written)
		return u.deps.save(path, c)
	}, func(err error) {
		if err != nil {
			var ps casebuilder.Problems
			advice := "Choose a folder you can write to, or free some disk space, and save again."
			if errors.As(err, &ps) {
				advice = "Fix the problems listed in the Review step, then save again."
			}
			u.showError("Cannot save "+filepath.Base(path), err, advice)
			return
		}
		u.saved(d, c, path)
		if then != nil {
			then()
		}
	})
}

// saved records that version c of document d is in the file at path.
func (u *UI) saved(d *document, c *casebuilder.Case, path string) {
	dropped, readFrom := len(d.fileFindings), d.path
	d.markSaved(path, c)
	u.prefs.addRecent(path)
	u.updateRecentMenu()
	if d != u.doc {
		return // another case is open now
	}
	u.autosave.discard()
	u.updateTitle()
	saved := "Saved " + path + " at " + u.deps.now().Format("15:04")
	if dropped > 0 {
		// The review no longer lists what the file had and the case did
		// not; the version read is still on disk.
		u.showAnalysis(analyse(u.doc.c, u.lang()))
		name, kept := filepath.Base(path), filepath.Base(readFrom)
		if readFrom == path {
			kept = name + ".bak"
		}
		saved = "Saved " + name + " at " + u.deps.now().Format("15:04") + " without what could not be read; the file as read is " + kept
	}
	u.status.say(saved)
}

// maxSuggestedName is the longest file name suggested from a title.
const maxSuggestedName = 40

// suggestedName is a file name for the case: its file's, or one made of
// its title.
func (u *UI) suggestedName() string {
	if u.doc.path != "" {
		return strings.TrimSuffix(filepath.Base(u.doc.path), filepath.Ext(u.doc.path))
	}
	s := strings.Trim(hyphenated(u.doc.c.Title), "-")
	if len(s) > maxSuggestedName {
		// At most that long, cut between words.
		s = s[:maxSuggestedName+1]
		if i := strings.LastIndexByte(s, '-'); i > 0 {
			s = s[:i]
		} else {
			s = s[:maxSuggestedName]
		}
	}
	if s != "" {
		return s
	}
	return "business-case"
}

// folderURI is the folder of the case file, or the user's documents.
func (u *UI) folderURI() fyne.ListableURI {
	dir := ""
	if u.doc.path != "" {
		dir = filepath.Dir(u.doc.path)
	} else if home, err := os.UserHomeDir(); err == nil {
		dir = home
		if docs := filepath.Join(home, "Documents"); isDir(docs) {
			dir = docs
		}
	}
	if dir == "" {
		return nil
	}
	l, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		return nil
	}
	return l
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

// onClose asks about unsaved changes before the window closes.
func (u *UI) onClose() {
	u.whenSaved("close", u.quit)
}

// quit closes the window for good.
func (u *UI) quit() {
	u.recalc.stop()
	u.autosave.stop()
	u.autosave.discard()
	u.win.Close()
}

// setMenus sets the main menu; its shortcuts work even while typing.
func (u *UI) setMenus() {
	mod := fyne.KeyModifierShortcutDefault
	item := func(label string, fn func(), key fyne.KeyName, extra fyne.KeyModifier) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, fn)
		if key != "" {
			it.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: mod | extra}
		}
		return it
	}
	u.recentMenu = fyne.NewMenuItem("Open Recent", nil)
	u.updateRecentMenu()
	quit := fyne.NewMenuItem("Quit", u.onClose)
	quit.IsQuit = true
	quit.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: mod}
	file := fyne.NewMenu("File",
		item("New…", u.onNew, fyne.KeyN, 0),
		item("Open…", u.onOpen, fyne.KeyO, 0),
		u.recentMenu,
		fyne.NewMenuItemSeparator(),
		item("Save", u.onSave, fyne.KeyS, 0),
		item("Save As…", u.onSaveAs, fyne.KeyS, fyne.KeyModifierShift),
		fyne.NewMenuItemSeparator(),
		item("Export…", u.onExport, fyne.KeyE, 0),
		item("Settings…", u.onSettings, "", 0),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	undo := fyne.NewMenuItem("Undo", u.onUndo)
	undo.Shortcut = &fyne.ShortcutUndo{}
	redo := fyne.NewMenuItem("Redo", u.onRedo)
	redo.Shortcut = &fyne.ShortcutRedo{}
	edit := fyne.NewMenu("Edit", undo, redo)
	var goItems []*fyne.MenuItem
	for i, st := range screenSpecs {
		goItems = append(goItems, item(fmt.Sprintf("%d. %s", i+1, st.name), func() { u.goTo(st.id) }, fyne.KeyName(fmt.Sprint(i+1)), 0))
	}
	help := fyne.NewMenu("Help",
		fyne.NewMenuItem("This step", u.showStepHelp),
		fyne.NewMenuItem("The method", u.showMethod),
		fyne.NewMenuItem("About Case Builder", u.showAbout),
	)
	u.mainMenu = file
	u.win.SetMainMenu(fyne.NewMainMenu(file, edit, fyne.NewMenu("Go", goItems...), help))
}

// setShortcuts sets the same shortcuts on the window, for when the focus is
// on no field (and for tests, which have no main menu).
func (u *UI) setShortcuts() {
	c := u.win.Canvas()
	mod := fyne.KeyModifierShortcutDefault
	add := func(key fyne.KeyName, extra fyne.KeyModifier, fn func()) {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: mod | extra}, func(fyne.Shortcut) { fn() })
	}
	add(fyne.KeyN, 0, u.onNew)
	add(fyne.KeyO, 0, u.onOpen)
	add(fyne.KeyS, 0, u.onSave)
	add(fyne.KeyS, fyne.KeyModifierShift, u.onSaveAs)
	add(fyne.KeyE, 0, u.onExport)
	add(fyne.KeyZ, 0, u.onUndo)
	add(fyne.KeyY, 0, u.onRedo)
	c.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { u.onUndo() })
	c.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { u.onRedo() })
}

// updateRecentMenu lists the recent files under File › Open Recent.
func (u *UI) updateRecentMenu() {
	if u.recentMenu == nil {
		return
	}
	var items []*fyne.MenuItem
	for _, p := range u.prefs.recent() {
		items = append(items, fyne.NewMenuItem(p, func() {
			u.whenSaved("open another case", func() { u.openPath(p, nil) })
		}))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("No recent case", nil)
		none.Disabled = true
		items = append(items, none)
	}
	u.recentMenu.ChildMenu = fyne.NewMenu("", items...)
	if u.mainMenu != nil {
		u.mainMenu.Refresh()
	}
}

// showAbout says what the app is.
func (u *UI) showAbout() {
	v := u.opts.Version
	if v == "" {
		v = "development build"
	}
	closable(u.win, "About Case Builder", "OK", wrappedText(u.win, "Case Builder "+v+"\n\nTurns a problem in the sales force into a costed, defended plan the CEO approves.\nYour case stays in one file on your disk; nothing is sent anywhere.", 480)).Show()
}

// wrappedText is a dialog's text, wrapped at width (less where the window
// is narrower) and as high as its lines.
func wrappedText(win fyne.Window, text string, width float32) fyne.CanvasObject {
	width = max(min(width, win.Canvas().Size().Width-80), 200)
	l := wrappedAt(text, width)
	return container.NewGridWrap(fyne.NewSize(width, l.MinSize().Height), l)
}

// wrappedAt is a label of text wrapped at width, whose minimum height is
// then that of its lines.
func wrappedAt(text string, width float32) *widget.Label {
	l := wrapped()
	l.Text = text
	l.Resize(fyne.NewSize(width, 0)) // a wrapped label's height follows its width
	return l
}

// parseURL makes a URL of a path or URL string.
func parseURL(s string) *url.URL {
	if strings.Contains(s, "://") {
		if p, err := url.Parse(s); err == nil {
			return p
		}
	}
	return &url.URL{Scheme: "file", Path: filepath.ToSlash(s)}
}

// fileURL is the file:// URL of a local path, for the desktop to open.
func fileURL(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}
