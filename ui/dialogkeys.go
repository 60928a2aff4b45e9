package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/ui/form"
)

// keyLayer is the keys of one dialog shown over a window: Escape and
// Enter while it is open, and what the window did with keys before.
type keyLayer struct {
	escape, enter func()
	// below is the layer of the dialog this one was shown over, nil for
	// the first; base is the window's own handler, kept by the first.
	below  *keyLayer
	base   func(*fyne.KeyEvent)
	closed bool
}

// keyLayers is the topmost dialog's layer of each canvas with a dialog
// open. Fyne runs every callback on one goroutine, so it needs no lock.
var keyLayers = map[fyne.Canvas]*keyLayer{}

// typed handles a key the focused widget left to the window: the dialog's
// while it is open, the one below's once it is closed.
func (l *keyLayer) typed(k *fyne.KeyEvent) {
	if l.closed {
		if l.below != nil {
			l.below.typed(k)
		} else if l.base != nil {
			l.base(k)
		}
		return
	}
	switch k.Name {
	case fyne.KeyEscape:
		if l.escape != nil {
			l.escape()
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if l.enter != nil {
			l.enter()
		}
	default:
		if l.below != nil {
			l.below.typed(k)
		} else if l.base != nil {
			l.base(k)
		}
	}
}

// dialogKeys gives d the keys of a dialog while it is shown: Escape runs
// escape (closing it as its Cancel, No or Close button does, changing
// nothing) and Enter runs enter (its default button, the one of high
// importance). Either may be nil, for a dialog whose every button changes
// something. The keys reach the window when the focus is on nothing, or
// in a one-line form.Entry with no OnSubmitted of its own; Enter in a text
// of several lines types a new line.
//
// Dialogs may open over dialogs, and close in any order: the window's own
// keys come back once the last one is closed.
func dialogKeys(win fyne.Window, d dialog.Dialog, escape, enter func()) {
	cv := win.Canvas()
	l := &keyLayer{escape: escape, enter: enter, below: keyLayers[cv]}
	if l.below == nil {
		l.base = cv.OnTypedKey()
	}
	keyLayers[cv] = l
	cv.SetOnTypedKey(l.typed)
	d.SetOnClosed(func() {
		l.closed = true
		if keyLayers[cv] != l {
			return // a dialog over d is open still; its layer passes d's by
		}
		top := l.below
		for top != nil && top.closed {
			top = top.below
		}
		if top != nil {
			keyLayers[cv] = top
			cv.SetOnTypedKey(top.typed)
			return
		}
		delete(keyLayers, cv)
		for l.below != nil {
			l = l.below
		}
		cv.SetOnTypedKey(l.base)
	})
}

// closeOnEscape makes Escape close d as its Cancel, No or Close button
// does, changing nothing, and Enter run enter, its default button.
func closeOnEscape(win fyne.Window, d dialog.Dialog, enter func()) {
	dialogKeys(win, d, d.Hide, enter)
}

// closable is a dialog of content with one button, labelled dismiss, that
// closes it, as Fyne's custom dialog has; its button passes Escape on, and
// Enter presses it, when it has the focus. Escape and Enter close it
// wherever the focus is (see [closeOnEscape]).
func closable(win fyne.Window, title, dismiss string, content fyne.CanvasObject) *dialog.CustomDialog {
	d := dialog.NewCustomWithoutButtons(title, content, win)
	d.SetButtons([]fyne.CanvasObject{form.NewButton(dismiss, d.Hide)})
	closeOnEscape(win, d, d.Hide)
	return d
}

// confirmDialog asks a question with two buttons of its own, which, as
// form buttons, Enter presses and Escape passes by when one has the
// focus: Fyne's own confirm dialog keeps both keys from the window.
type confirmDialog struct {
	*dialog.CustomDialog
	answered func(ok bool)
}

// confirmable is a dialog of content with a dismiss button and a confirm
// button of high importance; answered is told which was pressed.
// Escape closes it without an answer, as dismiss does (see
// [closeOnEscape]), and Enter confirms.
func confirmable(win fyne.Window, title, confirm, dismiss string, content fyne.CanvasObject, answered func(ok bool)) *confirmDialog {
	d := &confirmDialog{CustomDialog: dialog.NewCustomWithoutButtons(title, content, win), answered: answered}
	yes := form.NewButton(confirm, d.Confirm)
	yes.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{form.NewButton(dismiss, d.Hide), yes})
	closeOnEscape(win, d, d.Confirm)
	return d
}

// Confirm closes the dialog as its confirm button does.
func (d *confirmDialog) Confirm() {
	d.Hide()
	d.answered(true)
}
