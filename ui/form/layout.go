package form

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Columns lays out a row in columns of relative widths; a column of weight
// 0 takes its minimum width. Rows of one Columns line up; for a column of
// weight 0 to line up too, its rows must share its width (see
// NewTableColumns).
type Columns struct {
	weights []float32
	// rows, for columns that share their widths, are the rows laid out in
	// them: a column of weight 0 is as wide as its widest cell.
	rows   []*fyne.Container
	shared bool
}

// NewColumns returns columns of these weights; a column past the last
// weight has weight 1.
func NewColumns(weights ...float32) *Columns { return &Columns{weights: weights} }

// NewTableColumns returns columns of these weights whose rows share the
// widths of the columns of weight 0, each as wide as its widest cell: the
// columns of a table of figures, whole in every row.
func NewTableColumns(weights ...float32) *Columns { return &Columns{weights: weights, shared: true} }

// Row lays objs out in the columns.
func (l *Columns) Row(objs ...fyne.CanvasObject) *fyne.Container {
	row := container.New(l, objs...)
	if l.shared {
		l.rows = append(l.rows, row)
	}
	return row
}

// width is the minimum width of column i, in a row of objs: its widest
// cell, when the rows share the columns.
func (l *Columns) width(i int, objs []fyne.CanvasObject) float32 {
	w := objs[i].MinSize().Width
	if l.shared && l.weight(i) == 0 {
		for _, r := range l.rows {
			if i < len(r.Objects) {
				w = max(w, r.Objects[i].MinSize().Width)
			}
		}
	}
	return w
}

// MinSize is Fyne's: the widest minimum of each column, a little more for
// the columns that grow.
func (l *Columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	pad := theme.Padding()
	for i, o := range objs {
		m := o.MinSize()
		if l.weight(i) == 0 {
			w += l.width(i, objs)
		} else {
			w += max(m.Width, 40)
		}
		if o.Visible() {
			h = max(h, m.Height) // a column hidden takes its width, not its height
		}
	}
	return fyne.NewSize(w+pad*float32(max(len(objs)-1, 0)), h)
}

// Layout is Fyne's: it shares the width left by the columns of weight 0
// among the others by weight.
func (l *Columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	free := size.Width - pad*float32(max(len(objs)-1, 0))
	var total float32
	for i := range objs {
		if l.weight(i) == 0 {
			free -= l.width(i, objs)
		} else {
			total += l.weight(i)
		}
	}
	x := float32(0)
	for i, o := range objs {
		w := l.width(i, objs)
		if l.weight(i) > 0 {
			w = max(free, 0) * l.weight(i) / total
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, max(o.MinSize().Height, 0)))
		x += w + pad
	}
}

func (l *Columns) weight(i int) float32 {
	if i < len(l.weights) {
		return l.weights[i]
	}
	return 1
}

// HeaderRow returns column titles laid out like the rows of a Table below
// them, with room for the row buttons on the right.
func HeaderRow(cols *Columns, titles ...string) fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, len(titles))
	for i, t := range titles {
		l := widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.SizeName = theme.SizeNameCaptionText
		l.Truncation = fyne.TextTruncateEllipsis
		objs[i] = l
	}
	spacer := container.NewHBox(layout.NewSpacer())
	// The row buttons: four icon buttons.
	btn := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	width := btn.MinSize().Width*4 + theme.Padding()*3
	return container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(width, 1), spacer), cols.Row(objs...))
}

// IconButton is a quiet button with an icon only; name says what it does
// (Fyne has no tooltips yet, so the icons are the usual ones).
func IconButton(icon fyne.Resource, name string, tapped func()) *widget.Button {
	b := widget.NewButtonWithIcon("", icon, tapped)
	b.Importance = widget.LowImportance
	return b
}

// TightVBox stacks objects with no padding between them.
type TightVBox struct{}

// MinSize is Fyne's: the objects' heights, less the padding between them.
func (TightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
	}
	return fyne.NewSize(s.Width, s.Height-theme.Padding()*float32(len(objs)))
}

// Layout is Fyne's: one object under the other, overlapping by their
// padding.
func (TightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	half := theme.Padding()
	for _, o := range objs {
		h := o.MinSize().Height - half
		o.Move(fyne.NewPos(0, y-half/2))
		o.Resize(fyne.NewSize(size.Width, h+half))
		y += h
	}
}

// SetText changes a label's text only when it differs: setting it costs a
// new layout of the text.
func SetText(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

// Enable enables or disables w.
func Enable(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

// SetVisible shows or hides obj.
func SetVisible(obj fyne.CanvasObject, on bool) {
	if on && !obj.Visible() {
		obj.Show()
	} else if !on && obj.Visible() {
		obj.Hide()
	}
}
