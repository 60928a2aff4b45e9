package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// statusBar is the line at the foot of the window: what just happened,
// the progress of an export, and buttons to open what it wrote.
type statusBar struct {
	message  *widget.Label
	activity *widget.Activity
	actions  *fyne.Container
	box      *fyne.Container
	// held is set while the outcome of an export is shown with its
	// buttons: it stays until the user moves on (see moveOn), and
	// background notices (see notice) do not replace it.
	held bool
}

func newStatusBar() *statusBar {
	s := &statusBar{message: widget.NewLabel(""), activity: widget.NewActivity(), actions: container.NewHBox()}
	s.message.SizeName = theme.SizeNameCaptionText
	s.message.Importance = widget.LowImportance
	s.message.Truncation = fyne.TextTruncateEllipsis
	s.activity.Hide()
	s.box = container.NewBorder(nil, nil, s.activity, s.actions, s.message)
	return s
}

// say shows a message, with no buttons.
func (s *statusBar) say(msg string) {
	s.held = false
	s.message.SetText(msg)
	s.actions.Objects = nil
	s.actions.Refresh()
}

// notice shows a message of something done in the background (an
// autosave), unless an export's outcome is shown: the user has not yet
// used its buttons, and the notice can wait for the next one.
func (s *statusBar) notice(msg string) {
	if !s.held {
		s.say(msg)
	}
}

// moveOn clears an export's outcome once the user has moved on: gone to
// another step, or edited the case.
func (s *statusBar) moveOn() {
	if s.held {
		s.say("")
	}
}

// working shows that something runs in the background.
func (s *statusBar) working(msg string) {
	s.say(msg)
	s.activity.Show()
	s.activity.Start()
}

// done ends the progress and shows a message with buttons, which stay
// until the user moves on.
func (s *statusBar) done(msg string, buttons ...fyne.CanvasObject) {
	s.held = len(buttons) > 0
	s.activity.Stop()
	s.activity.Hide()
	s.message.SetText(msg)
	s.actions.Objects = buttons
	s.actions.Refresh()
}
