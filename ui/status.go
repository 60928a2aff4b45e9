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
	s.message.SetText(msg)
	s.actions.Objects = nil
	s.actions.Refresh()
}

// working shows that something runs in the background.
func (s *statusBar) working(msg string) {
	s.say(msg)
	s.activity.Show()
	s.activity.Start()
}

// done ends the progress and shows a message with buttons.
func (s *statusBar) done(msg string, buttons ...fyne.CanvasObject) {
	s.activity.Stop()
	s.activity.Hide()
	s.message.SetText(msg)
	s.actions.Objects = buttons
	s.actions.Refresh()
}
