package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/ui/form"
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

// detailPage is the form of an item beside its list: a column of
// sections, with room around it, that its scroll shows from the top.
func detailPage(sections ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewPadded(container.New(readable{}, container.NewVBox(sections...)))
}

// page is a screen's scrolling column of sections, with room around it.
func page(sections ...fyne.CanvasObject) *container.Scroll {
	col := container.NewVBox(sections...)
	return form.WheelScroll(container.NewPadded(container.New(readable{}, col)))
}

// overviewOverList is a column of an overview (a heat map and what sums
// it up) above a master list: the list keeps the rows its minimum shows,
// the overview has what it needs of the rest and scrolls in what is left
// when that is too little, and the list has all that remains. The column
// asks for no more than the list and a little of the overview, so a
// small window is not made taller by it.
func overviewOverList(overview, list fyne.CanvasObject) *fyne.Container {
	scroll := container.NewVScroll(overview)
	return container.New(overListLayout{scroll: scroll, list: list}, scroll, list)
}

// overListLayout lays out overviewOverList's scroll of the overview above
// its list.
type overListLayout struct {
	scroll *container.Scroll
	list   fyne.CanvasObject
}

func (l overListLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	top, list := l.scroll.MinSize(), l.list.MinSize()
	return fyne.NewSize(max(top.Width, list.Width), top.Height+theme.Padding()+list.Height)
}

func (l overListLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	room := size.Height - pad - l.list.MinSize().Height
	top := max(min(l.scroll.Content.MinSize().Height, room), l.scroll.MinSize().Height)
	l.scroll.Move(fyne.NewPos(0, 0))
	l.scroll.Resize(fyne.NewSize(size.Width, top))
	l.list.Move(fyne.NewPos(0, top+pad))
	l.list.Resize(fyne.NewSize(size.Width, max(size.Height-top-pad, 0)))
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
	return container.NewVBox(container.New(form.TightVBox{}, objs[:min(2, len(objs))]...), container.NewVBox(objs[min(2, len(objs)):]...), widget.NewSeparator())
}

// textColumn is one text of a row of texts: the name of its field in the
// path, what the field suggests while it is empty, and where the text is
// in the item.
type textColumn[T any] struct {
	field, placeholder string
	get                func(it *T) *string
}

// textRow lays out the texts of an item in cols, each bound to the text at
// path at + "." + its field.
func textRow[T any](rf *form.Form, cols *form.Columns, at string, item func(c *casebuilder.Case) *T, texts ...textColumn[T]) fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, len(texts))
	for i, t := range texts {
		objs[i] = rf.Text(at+"."+t.field, form.In(item, t.get), t.placeholder).Box()
	}
	return cols.Row(objs...)
}

// labelled puts a caption above a field.
func labelled(caption string, field fyne.CanvasObject) fyne.CanvasObject {
	return container.New(form.TightVBox{}, captionLabel(caption), field)
}

// labelledByName puts a caption made of what the user typed (a name, which
// may be long) above a field. It is cut short where it does not fit, rather
// than make the window wider than the screen.
func labelledByName(caption string, field fyne.CanvasObject) fyne.CanvasObject {
	l := captionLabel(caption)
	l.Truncation = fyne.TextTruncateEllipsis
	return container.New(form.TightVBox{}, l, field)
}

// captionLabel is a small muted label, such as a field's caption.
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
