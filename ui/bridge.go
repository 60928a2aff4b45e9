package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// bridge carries the results of work done in goroutines (recalculation,
// autosave, export) back to the UI goroutine. Every such update goes
// through it; callbacks from Fyne itself already run on the UI goroutine
// and need no bridge.
type bridge interface {
	// do runs fn on the UI goroutine, without waiting for it.
	do(fn func())
}

// fyneBridge is the bridge of the running app.
type fyneBridge struct{}

func (fyneBridge) do(fn func()) { fyne.Do(fn) }

// background runs work in a goroutine, so that the window never waits for
// it (for the disk, say), and hands its result to done on the UI
// goroutine through the bridge. It runs on the UI goroutine.
func background[T any](u *UI, work func() T, done func(T)) {
	u.pending++
	go func() {
		v := work()
		u.deps.bridge.do(func() {
			u.pending--
			done(v)
		})
	}()
}

// tell tells the test hook, when there is one, what the app shows: a
// dialog to answer, or an error.
func (u *UI) tell(shown any) {
	if u.deps.shown != nil {
		u.deps.shown(shown)
	}
}

// The confirmations and the error, as the test hook is told of them.
type (
	// replaceConfirm asks before a file is replaced.
	replaceConfirm struct{ *confirmDialog }
	// recoveryOffer offers to recover what an app that did not close
	// autosaved.
	recoveryOffer struct{ *dialog.ConfirmDialog }
	// methodDialog explains the method: the welcome, or Help › The method.
	methodDialog struct{ dialog.Dialog }
	// errorShown is an error shown to the user, and the message it was
	// shown with.
	errorShown struct {
		what, message string
		err           error
	}
)

// showError tells the user what failed, why, and what to do about it.
// Every error that reaches the user goes through it, except the refusal of
// an edit, which shows beside its field.
func (u *UI) showError(what string, err error, advice string) {
	msg := what
	if err != nil {
		msg += ":\n" + describeError(err)
	}
	if advice != "" {
		msg += "\n\n" + advice
	}
	u.tell(errorShown{what: what, err: err, message: msg})
	d := dialog.NewError(errors.New(msg), u.win)
	closeOnEscape(u.win, d, d.Hide)
	d.Show()
}

// describeError returns an error's message; a list of problems comes one
// per line, the first few only.
func describeError(err error) string {
	var ps casebuilder.Problems
	if !errors.As(err, &ps) || len(ps) < 2 {
		return err.Error()
	}
	var b strings.Builder
	var fe *casebuilder.FileError
	if errors.As(err, &fe) {
		b.WriteString(fe.Path + ":\n")
	}
	for i, p := range ps {
		if i == 6 {
			fmt.Fprintf(&b, "… and %d more", len(ps)-6)
			break
		}
		b.WriteString("• " + p.String() + "\n")
	}
	return strings.TrimSpace(b.String())
}
