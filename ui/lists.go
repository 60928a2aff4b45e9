package ui

import (
	"errors"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// listEdits are the edits of one list of the case: add, remove, duplicate
// and move an item, each one undo step.
type listEdits struct {
	u    *UI
	step casebuilder.MethodStep
	// at is the list's path, as in alternatives[1].costs.
	at     func() string
	length func(c *casebuilder.Case) int
	// add appends a new item, remove removes item i (and what refers to it),
	// duplicate inserts a copy of item i after it, and swap exchanges items
	// i and i+1.
	add       func(c *casebuilder.Case)
	remove    func(c *casebuilder.Case, i int)
	duplicate func(c *casebuilder.Case, i int)
	swap      func(c *casebuilder.Case, i int)
}

// sliceEdits returns the edits of a slice of the case that get returns (nil
// when the list is gone). fresh makes a new item; onRemove, when set, tidies
// what referred to a removed item; onCopy, when set, gives a copy what must
// differ from the original (an ID).
func sliceEdits[T any](u *UI, step casebuilder.MethodStep, at func() string, get func(c *casebuilder.Case) *[]T,
	fresh func(c *casebuilder.Case) T, onRemove func(c *casebuilder.Case, removed T), onCopy func(c *casebuilder.Case, copied *T)) *listEdits {
	return &listEdits{u: u, step: step, at: at,
		length: func(c *casebuilder.Case) int {
			if s := get(c); s != nil {
				return len(*s)
			}
			return 0
		},
		add: func(c *casebuilder.Case) {
			if s := get(c); s != nil {
				*s = append(*s, fresh(c))
			}
		},
		remove: func(c *casebuilder.Case, i int) {
			s := get(c)
			removed := (*s)[i]
			*s = slices.Delete(*s, i, i+1)
			if onRemove != nil {
				onRemove(c, removed)
			}
		},
		duplicate: func(c *casebuilder.Case, i int) {
			s := get(c)
			// From a copy of the whole case: a copy of the item that shares
			// nothing with it.
			dup := (*get(c.Clone()))[i]
			if onCopy != nil {
				onCopy(c, &dup)
			}
			*s = slices.Insert(*s, i+1, dup)
		},
		swap: func(c *casebuilder.Case, i int) {
			s := get(c)
			(*s)[i], (*s)[i+1] = (*s)[i+1], (*s)[i]
		},
	}
}

// apply makes one structural edit of the list and returns its error.
func (l *listEdits) apply(what string, fn func(c *casebuilder.Case) error) error {
	err := l.u.edit(casebuilder.Where{Step: l.step, Path: l.at()}, "", fn)
	if errors.Is(err, errUnchanged) {
		return err
	}
	if err != nil {
		l.u.showError("Cannot "+what, err, "Change or remove what the message names first, then try again.")
		return err
	}
	l.u.refreshScreen(true)
	return nil
}

func (l *listEdits) onAdd() error {
	return l.apply("add an item", func(c *casebuilder.Case) error {
		if l.length(c) >= itemLimit(l.at()) {
			return fmt.Errorf("this list holds at most %d items", itemLimit(l.at()))
		}
		l.add(c)
		return nil
	})
}

func (l *listEdits) onRemove(i int) error {
	return l.apply("remove the item", func(c *casebuilder.Case) error {
		if i < 0 || i >= l.length(c) {
			return errGone
		}
		l.remove(c, i)
		return nil
	})
}

func (l *listEdits) onDuplicate(i int) error {
	return l.apply("duplicate the item", func(c *casebuilder.Case) error {
		if i < 0 || i >= l.length(c) {
			return errGone
		}
		if l.length(c) >= itemLimit(l.at()) {
			return fmt.Errorf("this list holds at most %d items", itemLimit(l.at()))
		}
		l.duplicate(c, i)
		return nil
	})
}

// onMove moves item i one place up (delta -1) or down (+1).
func (l *listEdits) onMove(i, delta int) error {
	j := min(i, i+delta)
	return l.apply("move the item", func(c *casebuilder.Case) error {
		if j < 0 || j+1 >= l.length(c) {
			return errUnchanged
		}
		l.swap(c, j)
		return nil
	})
}

// itemLimit is the most items a list may hold, as the file format allows.
func itemLimit(path string) int {
	switch lastName(path) {
	case "alternatives":
		return 50
	case "costs", "benefits":
		return 200
	case "criteria":
		return 20
	case "risks", "milestones":
		return 2000
	}
	return casebuilder.MaxItems
}

// lastName returns the last field name of a path: "costs" for
// alternatives[1].costs.
func lastName(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '.' {
			return path[i+1:]
		}
	}
	return path
}

// rowTable shows a short list of the case as rows of fields, each with
// buttons to move, duplicate and remove it, and a button to add one.
type rowTable struct {
	u     *UI
	edits *listEdits
	// build makes the fields of row i in rf and lays them out.
	build   func(i int, rf *form) fyne.CanvasObject
	header  fyne.CanvasObject
	rows    *fyne.Container
	forms   []*form
	addBtn  *widget.Button
	box     *fyne.Container
	noun    string
	emptyTx string
}

// newRowTable makes a table of the list; noun names an item ("evidence",
// "cost line"), header is the row of column titles or nil.
func newRowTable(u *UI, edits *listEdits, noun, empty string, header fyne.CanvasObject, build func(i int, rf *form) fyne.CanvasObject) *rowTable {
	t := &rowTable{u: u, edits: edits, build: build, header: header, rows: container.NewVBox(), noun: noun, emptyTx: empty}
	t.addBtn = widget.NewButtonWithIcon("Add "+noun, theme.ContentAddIcon(), func() { _ = edits.onAdd() })
	t.addBtn.Importance = widget.LowImportance
	top := []fyne.CanvasObject{}
	if header != nil {
		top = append(top, header)
	}
	t.box = container.NewVBox(append(top, t.rows, container.NewHBox(t.addBtn))...)
	t.rebuild(u.doc.c)
	return t
}

// refresh shows c, rebuilding the rows when their number changed.
func (t *rowTable) refresh(c *casebuilder.Case, force bool) {
	if t.edits.length(c) != len(t.forms) {
		t.rebuild(c)
		return
	}
	for _, f := range t.forms {
		f.refresh(c, force)
	}
}

func (t *rowTable) rebuild(c *casebuilder.Case) {
	n := t.edits.length(c)
	t.forms = t.forms[:0]
	objs := make([]fyne.CanvasObject, 0, n)
	for i := range n {
		rf := newForm(t.u, t.edits.step)
		row := t.build(i, rf)
		objs = append(objs, container.NewBorder(nil, nil, nil, t.actions(i, n), row))
		t.forms = append(t.forms, rf)
	}
	if n == 0 && t.emptyTx != "" {
		l := widget.NewLabel(t.emptyTx)
		l.Importance = widget.LowImportance
		l.Wrapping = fyne.TextWrapWord
		objs = append(objs, l)
	}
	if t.header != nil {
		setVisible(t.header, n > 0)
	}
	t.rows.Objects = objs
	t.rows.Refresh()
}

// actions are the buttons of row i of n.
func (t *rowTable) actions(i, n int) fyne.CanvasObject {
	up := iconButton(theme.MoveUpIcon(), "Move up", func() { _ = t.edits.onMove(i, -1) })
	down := iconButton(theme.MoveDownIcon(), "Move down", func() { _ = t.edits.onMove(i, +1) })
	dup := iconButton(theme.ContentCopyIcon(), "Duplicate", func() { _ = t.edits.onDuplicate(i) })
	del := iconButton(theme.DeleteIcon(), "Remove", func() { _ = t.edits.onRemove(i) })
	if i == 0 {
		up.Disable()
	}
	if i == n-1 {
		down.Disable()
	}
	return container.NewHBox(up, down, dup, del)
}

// focus focuses the field at path in the table; the path of the list
// itself, when it is empty, focuses the button that adds an item.
func (t *rowTable) focus(path string) bool {
	for _, f := range t.forms {
		if f.focus(path) {
			return true
		}
	}
	if path == t.edits.at() {
		t.u.focus(t.addBtn)
		return true
	}
	return false
}

// iconButton is a quiet button with an icon only; name says what it does
// (Fyne has no tooltips yet, so the icons are the usual ones).
func iconButton(icon fyne.Resource, name string, tapped func()) *widget.Button {
	b := widget.NewButtonWithIcon("", icon, tapped)
	b.Importance = widget.LowImportance
	return b
}

// columns lays out a row in columns of relative widths; a column of
// weight 0 takes its minimum width.
type columns struct {
	weights []float32
}

func newColumns(weights ...float32) *columns { return &columns{weights: weights} }

func (l *columns) row(objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(l, objs...)
}

func (l *columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	pad := theme.Padding()
	for i, o := range objs {
		m := o.MinSize()
		if l.weight(i) == 0 {
			w += m.Width
		} else {
			w += max(m.Width, 40)
		}
		h = max(h, m.Height)
	}
	return fyne.NewSize(w+pad*float32(max(len(objs)-1, 0)), h)
}

func (l *columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	free := size.Width - pad*float32(max(len(objs)-1, 0))
	var total float32
	for i, o := range objs {
		if l.weight(i) == 0 {
			free -= o.MinSize().Width
		} else {
			total += l.weight(i)
		}
	}
	x := float32(0)
	for i, o := range objs {
		w := o.MinSize().Width
		if l.weight(i) > 0 {
			w = max(free, 0) * l.weight(i) / total
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, max(o.MinSize().Height, 0)))
		x += w + pad
	}
}

func (l *columns) weight(i int) float32 {
	if i < len(l.weights) {
		return l.weights[i]
	}
	return 1
}

// headerRow returns column titles laid out like the rows below them, with
// room for the row buttons on the right.
func headerRow(cols *columns, titles ...string) fyne.CanvasObject {
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
	return container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(width, 1), spacer), cols.row(objs...))
}

// master is a list of the case's items beside the form of the selected
// one, for lists too long to show as rows of fields (risks, milestones).
type master struct {
	u     *UI
	edits *listEdits
	list  *widget.List
	// describe returns an item's title and a line under it.
	describe func(c *casebuilder.Case, i int) (string, string)
	// filter, when set, keeps only the items it returns true for.
	filter   func(c *casebuilder.Case, i int) bool
	shown    []int // the index in the case of each row shown
	selected int   // the index in the case of the item selected, -1 when none
	onSelect func(i int)
	toolbar  *fyne.Container
	add      *widget.Button
	dup, del *widget.Button
	up, down *widget.Button
	box      *fyne.Container
}

func newMaster(u *UI, edits *listEdits, noun string, describe func(c *casebuilder.Case, i int) (string, string), onSelect func(i int)) *master {
	m := &master{u: u, edits: edits, describe: describe, onSelect: onSelect, selected: -1}
	m.list = widget.NewList(
		func() int { return len(m.shown) },
		func() fyne.CanvasObject {
			title := widget.NewLabel("")
			title.Truncation = fyne.TextTruncateEllipsis
			sub := widget.NewLabel("")
			sub.Truncation = fyne.TextTruncateEllipsis
			sub.SizeName = theme.SizeNameCaptionText
			sub.Importance = widget.LowImportance
			return container.New(&tightVBox{}, title, sub)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(m.shown) {
				return
			}
			box := o.(*fyne.Container)
			title, sub := m.describe(u.doc.c, m.shown[id])
			setText(box.Objects[0].(*widget.Label), title)
			setText(box.Objects[1].(*widget.Label), sub)
		})
	m.list.OnSelected = func(id widget.ListItemID) {
		if id < len(m.shown) && m.shown[id] != m.selected {
			m.selected = m.shown[id]
			m.updateButtons()
			m.onSelect(m.selected)
		}
	}
	m.add = widget.NewButtonWithIcon("Add "+noun, theme.ContentAddIcon(), m.onAdd)
	m.add.Importance = widget.LowImportance
	m.dup = iconButton(theme.ContentCopyIcon(), "Duplicate", m.onDuplicate)
	m.up = iconButton(theme.MoveUpIcon(), "Move up", func() { m.onMove(-1) })
	m.down = iconButton(theme.MoveDownIcon(), "Move down", func() { m.onMove(+1) })
	m.del = iconButton(theme.DeleteIcon(), "Remove", m.onRemove)
	m.toolbar = container.NewHBox(m.add, layout.NewSpacer(), m.up, m.down, m.dup, m.del)
	m.box = container.NewBorder(m.toolbar, nil, nil, nil, m.list)
	m.refresh(u.doc.c, true)
	return m
}

// refresh shows the items of c, keeping the selection where it can. An
// edit of the selected item (force unset, as many items as before) only
// redraws that item: the list may hold thousands.
func (m *master) refresh(c *casebuilder.Case, force bool) {
	n := m.edits.length(c)
	if !force && m.filter == nil && n == len(m.shown) && m.selected >= 0 && m.selected < n {
		m.list.RefreshItem(m.selected)
		return
	}
	m.shown = m.shown[:0]
	for i := range n {
		if m.filter == nil || m.filter(c, i) {
			m.shown = append(m.shown, i)
		}
	}
	if m.selected >= n {
		m.selected = n - 1
	}
	if m.selected < 0 && n > 0 {
		m.selected = 0
	}
	m.list.Refresh()
	if row := slices.Index(m.shown, m.selected); row >= 0 {
		m.list.Select(row)
		if row == 0 {
			m.list.ScrollToTop()
		}
	} else {
		m.list.UnselectAll()
	}
	m.updateButtons()
}

// selectItem selects item i of the case's list.
func (m *master) selectItem(i int) {
	m.selected = i
	if row := slices.Index(m.shown, i); row >= 0 {
		m.list.Select(row)
		m.list.ScrollTo(row)
	}
	m.updateButtons()
	m.onSelect(i)
}

func (m *master) updateButtons() {
	n := m.edits.length(m.u.doc.c)
	enable(m.dup, m.selected >= 0)
	enable(m.del, m.selected >= 0)
	enable(m.up, m.selected > 0 && m.filter == nil)
	enable(m.down, m.selected >= 0 && m.selected < n-1 && m.filter == nil)
}

// focusAdd focuses the button that adds an item: where a link to the
// list itself leads.
func (m *master) focusAdd() bool {
	m.u.focus(m.add)
	return true
}

func (m *master) onAdd() {
	if m.edits.onAdd() == nil {
		m.selectItem(m.edits.length(m.u.doc.c) - 1)
	}
}

func (m *master) onDuplicate() {
	if m.selected >= 0 && m.edits.onDuplicate(m.selected) == nil {
		m.selectItem(m.selected + 1)
	}
}

func (m *master) onRemove() {
	if m.selected >= 0 && m.edits.onRemove(m.selected) == nil {
		m.selectItem(min(m.selected, m.edits.length(m.u.doc.c)-1))
	}
}

func (m *master) onMove(delta int) {
	if m.selected >= 0 && m.edits.onMove(m.selected, delta) == nil {
		m.selectItem(m.selected + delta)
	}
}

func enable(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

// tightVBox stacks objects with no padding between them.
type tightVBox struct{}

func (tightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
	}
	return fyne.NewSize(s.Width, s.Height-theme.Padding()*float32(len(objs)))
}

func (tightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	half := theme.Padding()
	for _, o := range objs {
		h := o.MinSize().Height - half
		o.Move(fyne.NewPos(0, y-half/2))
		o.Resize(fyne.NewSize(size.Width, h+half))
		y += h
	}
}

// setText changes a label's text only when it differs: setting it costs a
// new layout of the text.
func setText(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}
