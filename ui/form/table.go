package form

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// Table shows a short list of the case as rows of fields, each with
// buttons to move, duplicate and remove it, and a button to add one.
type Table struct {
	form  *Form
	edits *ListEdits
	// row makes the fields of row i in rf and lays them out, with the
	// row's buttons on its right; card, instead, lays them out with the
	// buttons where it puts them.
	row    func(i int, rf *Form) fyne.CanvasObject
	card   func(i int, rf *Form, actions fyne.CanvasObject) fyne.CanvasObject
	header fyne.CanvasObject
	rows   *fyne.Container
	forms  []*Form
	add    *widget.Button
	box    *fyne.Container
	empty  string
}

// Table makes a table of a list, nested in f; noun names an item
// ("evidence", "cost line"), empty is what the table says while the list
// is empty, header is the row of column titles or nil, and row makes the
// fields of row i in a form of its own.
func (f *Form) Table(edits *ListEdits, noun, empty string, header fyne.CanvasObject, row func(i int, rf *Form) fyne.CanvasObject) *Table {
	t := &Table{form: f, edits: edits, row: row, header: header, rows: container.NewVBox(), empty: empty}
	t.add = widget.NewButtonWithIcon("Add "+noun, theme.ContentAddIcon(), func() { _ = edits.Add() })
	t.add.Importance = widget.LowImportance
	top := []fyne.CanvasObject{}
	if header != nil {
		top = append(top, header)
	}
	t.box = container.NewVBox(append(top, t.rows, container.NewHBox(t.add))...)
	t.rebuild(f.Case())
	f.Nest(t)
	return t
}

// Cards makes a table of a list whose rows are cards of several lines, as
// Table does: card makes the fields of row i in a form of its own and lays
// them out with actions, the row's buttons, where it wants them (beside
// its first line, so that the lines under it have the whole width).
func (f *Form) Cards(edits *ListEdits, noun, empty string, card func(i int, rf *Form, actions fyne.CanvasObject) fyne.CanvasObject) *Table {
	t := &Table{form: f, edits: edits, card: card, rows: container.NewVBox(), empty: empty}
	t.add = widget.NewButtonWithIcon("Add "+noun, theme.ContentAddIcon(), func() { _ = edits.Add() })
	t.add.Importance = widget.LowImportance
	t.box = container.NewVBox(t.rows, container.NewHBox(t.add))
	t.rebuild(f.Case())
	f.Nest(t)
	return t
}

// Box is the table as it is laid out.
func (t *Table) Box() *fyne.Container { return t.box }

// AddButton is the button that adds a row.
func (t *Table) AddButton() *widget.Button { return t.add }

// SetEmpty changes what the table says while the list is empty.
func (t *Table) SetEmpty(text string) {
	if t.empty == text {
		return
	}
	t.empty = text
	if c := t.form.Case(); t.edits.length(c) == 0 {
		t.rebuild(c)
	}
}

// Edits are the edits of the table's list.
func (t *Table) Edits() *ListEdits { return t.edits }

// Rows are the forms of the rows, in order.
func (t *Table) Rows() []*Form { return t.forms }

// Refresh shows c, making the rows anew when their number changed.
func (t *Table) Refresh(c *casebuilder.Case, force bool) {
	if t.edits.length(c) != len(t.forms) {
		t.rebuild(c)
		return
	}
	for _, f := range t.forms {
		f.Refresh(c, force)
	}
}

func (t *Table) rebuild(c *casebuilder.Case) {
	n := t.edits.length(c)
	t.forms = t.forms[:0]
	objs := make([]fyne.CanvasObject, 0, n)
	for i := range n {
		rf := New(t.form.host, t.form.step)
		if t.card != nil {
			objs = append(objs, t.card(i, rf, t.actions(i, n)))
		} else {
			objs = append(objs, container.NewBorder(nil, nil, nil, t.actions(i, n), t.row(i, rf)))
		}
		t.forms = append(t.forms, rf)
	}
	if n == 0 && t.empty != "" {
		l := widget.NewLabel(t.empty)
		l.Importance = widget.LowImportance
		l.Wrapping = fyne.TextWrapWord
		objs = append(objs, l)
	}
	if t.header != nil {
		SetVisible(t.header, n > 0)
	}
	t.rows.Objects = objs
	t.rows.Refresh()
}

// actions are the buttons of row i of n.
func (t *Table) actions(i, n int) fyne.CanvasObject {
	up := IconButton(theme.MoveUpIcon(), "Move up", func() { _ = t.edits.Move(i, -1) })
	down := IconButton(theme.MoveDownIcon(), "Move down", func() { _ = t.edits.Move(i, +1) })
	dup := IconButton(theme.ContentCopyIcon(), "Duplicate", func() { _ = t.edits.Duplicate(i) })
	del := IconButton(theme.DeleteIcon(), "Remove", func() { _ = t.edits.Remove(i) })
	if i == 0 {
		up.Disable()
	}
	if i == n-1 {
		down.Disable()
	}
	return container.NewHBox(up, down, dup, del)
}

// Focus focuses the field at path in the table; the path of the list
// itself, when no row holds it, focuses the button that adds an item.
func (t *Table) Focus(path string) bool {
	for _, f := range t.forms {
		if f.Focus(path) {
			return true
		}
	}
	if path == t.edits.path {
		t.form.host.Focus(t.add)
		return true
	}
	return false
}
