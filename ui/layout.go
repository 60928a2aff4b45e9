package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// readableWidth is the widest a column of fields and text grows: wider
// lines are hard to read.
const readableWidth = 960

// readable lays out its content no wider than readableWidth, on the left.
type readable struct{}

func (readable) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

func (readable) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := min(size.Width, readableWidth)
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(w, size.Height))
	}
}

// page is a screen's scrolling column of sections, with room around it.
func page(sections ...fyne.CanvasObject) *container.Scroll {
	col := container.NewVBox(sections...)
	return container.NewVScroll(container.NewPadded(container.New(readable{}, col)))
}

// section is a titled group of fields with a line of explanation.
func section(title, hint string, body ...fyne.CanvasObject) fyne.CanvasObject {
	return sectionWithNote(title, nil, hint, body...)
}

// sectionWithNote is a section with a note at the end of its title's line
// (that it is updating, say).
func sectionWithNote(title string, note fyne.CanvasObject, hint string, body ...fyne.CanvasObject) fyne.CanvasObject {
	var t fyne.CanvasObject = widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if note != nil {
		t = container.NewBorder(nil, nil, nil, note, t)
	}
	objs := []fyne.CanvasObject{t}
	if hint != "" {
		h := widget.NewLabel(hint)
		h.Wrapping = fyne.TextWrapWord
		h.Importance = widget.LowImportance
		h.SizeName = theme.SizeNameCaptionText
		objs = append(objs, h)
	}
	objs = append(objs, body...)
	return container.NewVBox(container.New(&tightVBox{}, objs[:min(2, len(objs))]...), container.NewVBox(objs[min(2, len(objs)):]...), widget.NewSeparator())
}

// labelled puts a caption above a field.
func labelled(caption string, field fyne.CanvasObject) fyne.CanvasObject {
	return container.New(&tightVBox{}, captionLabel(caption), field)
}

// labelledByName puts a caption made of what the user typed (a name, which
// may be long) above a field. It is cut short where it does not fit, rather
// than make the window wider than the screen.
func labelledByName(caption string, field fyne.CanvasObject) fyne.CanvasObject {
	l := captionLabel(caption)
	l.Truncation = fyne.TextTruncateEllipsis
	return container.New(&tightVBox{}, l, field)
}

func captionLabel(caption string) *widget.Label {
	l := widget.NewLabel(caption)
	l.SizeName = theme.SizeNameCaptionText
	l.Importance = widget.LowImportance
	return l
}

// reveal scrolls so that obj, inside scroll, is in view.
func reveal(scroll *container.Scroll, obj fyne.CanvasObject) {
	if scroll == nil || obj == nil {
		return
	}
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(obj).Y - d.AbsolutePositionForObject(scroll.Content).Y
	if y < scroll.Offset.Y || y+obj.Size().Height > scroll.Offset.Y+scroll.Size().Height {
		scroll.Offset.Y = max(0, min(y-60, scroll.Content.MinSize().Height-scroll.Size().Height))
		scroll.Refresh()
	}
}

// item returns a pointer to s[i], or nil when there is no such item.
func item[T any](s []T, i int) *T {
	if i < 0 || i >= len(s) {
		return nil
	}
	return &s[i]
}

// fieldIn is the getter of a field of one item of the case (a risk, a
// KPI, a stakeholder): it finds the item in the case it is given each
// time, and is nil once the item is gone, deleted or undone away.
func fieldIn[T, V any](of func(*casebuilder.Case) *T, field func(*T) *V) func(*casebuilder.Case) *V {
	return func(c *casebuilder.Case) *V {
		if it := of(c); it != nil {
			return field(it)
		}
		return nil
	}
}

// indexIn reads a path into a list: indexIn("alternatives[3].costs[0]",
// "alternatives") is 3, "costs[0]".
func indexIn(path, list string) (i int, rest string, ok bool) {
	if !strings.HasPrefix(path, list) {
		return 0, "", false
	}
	tail := path[len(list):]
	if tail == "" {
		return -1, "", true
	}
	if tail[0] != '[' {
		return 0, "", false
	}
	end := strings.IndexByte(tail, ']')
	if end < 0 {
		return 0, "", false
	}
	n, err := strconv.Atoi(tail[1:end])
	if err != nil {
		return 0, "", false
	}
	return n, strings.TrimPrefix(tail[end+1:], "."), true
}

// setVisible shows or hides obj.
func setVisible(obj fyne.CanvasObject, on bool) {
	if on && !obj.Visible() {
		obj.Show()
	} else if !on && obj.Visible() {
		obj.Hide()
	}
}
