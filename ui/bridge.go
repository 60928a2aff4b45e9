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
	u.lastError = msg
	dialog.NewError(errors.New(msg), u.win).Show()
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
