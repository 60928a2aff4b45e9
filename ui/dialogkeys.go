package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// closeOnEscape makes Escape close d while it is shown, as its Cancel,
// No or Close button does (a confirmation answers no), changing nothing.
// The window's own keys come back when d closes.
func closeOnEscape(win fyne.Window, d dialog.Dialog) {
	cv := win.Canvas()
	before := cv.OnTypedKey()
	cv.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			d.Hide()
			return
		}
		if before != nil {
			before(k)
		}
	})
	d.SetOnClosed(func() { cv.SetOnTypedKey(before) })
}
