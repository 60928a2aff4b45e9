package form

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// Master is a list of the case's items that one is selected in, with
// buttons to add, move, duplicate and remove them. A list may hold
// thousands: it shows only the rows in view.
type Master struct {
	host  Host
	edits *ListEdits
	list  *widget.List
	// describe returns an item's title and a line under it.
	describe func(c *casebuilder.Case, i int) (string, string)
	// filter, when set, keeps only the items it returns true for.
	filter   func(c *casebuilder.Case, i int) bool
	shown    []int // the index in the case of each row shown
	selected int   // the index in the case of the item selected, -1 when none
	onSelect func(i int)
	add      *widget.Button
	dup, del *widget.Button
	up, down *widget.Button
	box      *fyne.Container
	// rows is how many rows the list is tall enough for at least.
	rows int
}

func newMaster(host Host, edits *ListEdits, noun string, describe func(c *casebuilder.Case, i int) (string, string), onSelect func(i int)) *Master {
	m := &Master{host: host, edits: edits, describe: describe, onSelect: onSelect, selected: -1, rows: 1}
	m.list = widget.NewList(
		func() int { return len(m.shown) },
		func() fyne.CanvasObject {
			title := widget.NewLabel("")
			title.Truncation = fyne.TextTruncateEllipsis
			sub := widget.NewLabel("")
			sub.Truncation = fyne.TextTruncateEllipsis
			sub.SizeName = theme.SizeNameCaptionText
			sub.Importance = widget.LowImportance
			return container.New(TightVBox{}, title, sub)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(m.shown) {
				return
			}
			box := o.(*fyne.Container)
			title, sub := m.describe(host.Case(), m.shown[id])
			SetText(box.Objects[0].(*widget.Label), title)
			SetText(box.Objects[1].(*widget.Label), sub)
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
	m.dup = IconButton(theme.ContentCopyIcon(), "Duplicate", m.onDuplicate)
	m.up = IconButton(theme.MoveUpIcon(), "Move up", func() { m.onMove(-1) })
	m.down = IconButton(theme.MoveDownIcon(), "Move down", func() { m.onMove(+1) })
	m.del = IconButton(theme.DeleteIcon(), "Remove", m.onRemove)
	m.box = container.NewBorder(container.NewHBox(m.add, layout.NewSpacer(), m.up, m.down, m.dup, m.del), nil, nil, nil,
		container.New(listRows{m}, m.list))
	m.Refresh(host.Case(), true)
	return m
}

// SetMinRows makes the list tall enough for n rows at least. Fyne's list
// asks for one row only, and a column that shares its height among the
// list and more (a heat map above it) leaves it no more than it asks for.
func (m *Master) SetMinRows(n int) {
	m.rows = max(n, 1)
	m.box.Refresh()
}

// listRows lays out a master's list over all its room, at least as tall
// as the master's rows.
type listRows struct{ m *Master }

// MinSize is the list's, as tall as the rows: a row is as tall as the
// list asks for, and the list puts a padding between rows.
func (l listRows) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s := l.m.list.MinSize()
	n := float32(l.m.rows)
	return fyne.NewSize(s.Width, s.Height*n+theme.Padding()*(n-1))
}

// Layout gives the list all the room.
func (listRows) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.Position{})
		o.Resize(size)
	}
}

// Box is the list with its buttons, as it is laid out.
func (m *Master) Box() *fyne.Container { return m.box }

// List is the list widget.
func (m *Master) List() *widget.List { return m.list }

// AddButton and RemoveButton are the buttons that add an item and remove
// the one selected.
func (m *Master) AddButton() *widget.Button { return m.add }

// RemoveButton is the button that removes the item selected.
func (m *Master) RemoveButton() *widget.Button { return m.del }

// Selected is the index in the case of the item selected, -1 when none.
func (m *Master) Selected() int { return m.selected }

// Shown are the indexes in the case of the items listed, in order.
func (m *Master) Shown() []int { return m.shown }

// SetFilter lists only the items keep returns true for (all of them when
// keep is nil) and selects none, until the list is refreshed.
func (m *Master) SetFilter(keep func(c *casebuilder.Case, i int) bool) {
	m.filter = keep
	m.selected = -1
}

// Filtered reports whether the list is filtered.
func (m *Master) Filtered() bool { return m.filter != nil }

// Refresh shows the items of c, keeping the selection where it can. An
// edit of the selected item (force unset, as many items as before) only
// redraws that item: the list may hold thousands.
func (m *Master) Refresh(c *casebuilder.Case, force bool) {
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

// Select selects item i of the case's list.
func (m *Master) Select(i int) {
	m.selected = i
	if row := slices.Index(m.shown, i); row >= 0 {
		m.list.Select(row)
		m.list.ScrollTo(row)
	}
	m.updateButtons()
	m.onSelect(i)
}

func (m *Master) updateButtons() {
	n := m.edits.length(m.host.Case())
	Enable(m.dup, m.selected >= 0)
	Enable(m.del, m.selected >= 0)
	Enable(m.up, m.selected > 0 && m.filter == nil)
	Enable(m.down, m.selected >= 0 && m.selected < n-1 && m.filter == nil)
}

// FocusAdd focuses the button that adds an item: where a link to the list
// itself leads.
func (m *Master) FocusAdd() bool {
	m.host.Focus(m.add)
	return true
}

func (m *Master) onAdd() {
	if m.edits.Add() == nil {
		m.Select(m.edits.length(m.host.Case()) - 1)
	}
}

func (m *Master) onDuplicate() {
	if m.selected >= 0 && m.edits.Duplicate(m.selected) == nil {
		m.Select(m.selected + 1)
	}
}

func (m *Master) onRemove() {
	if m.selected >= 0 && m.edits.Remove(m.selected) == nil {
		m.Select(min(m.selected, m.edits.length(m.host.Case())-1))
	}
}

func (m *Master) onMove(delta int) {
	if m.selected >= 0 && m.edits.Move(m.selected, delta) == nil {
		m.Select(m.selected + delta)
	}
}

// MasterDetail is a list of the case's items beside the form of the one
// selected, for lists too long to show as rows of fields (alternatives,
// risks, milestones, measures).
type MasterDetail struct {
	// List is the list of the items.
	List *Master
	// Detail holds the form of the item selected.
	Detail *container.Scroll
	// Stale, when set, reports whether the form shown must be made anew
	// although the same item is still selected (the case changed its
	// shape).
	Stale func(c *casebuilder.Case) bool
	// OnShow, when set, is called once the form of item i (or of none,
	// when there is no item i) is shown.
	OnShow func(i int)

	host  Host
	step  casebuilder.MethodStep
	edits *ListEdits
	show  func(i int, f *Form) fyne.CanvasObject
	form  *Form
	shown int
}

// NewMasterDetail returns the list of edits' items beside the form of the
// one selected. describe gives an item's title and the line under it in
// the list; show makes the fields of item i in f and lays them out. Show
// the case in it with Refresh.
func NewMasterDetail(host Host, step casebuilder.MethodStep, edits *ListEdits, noun string,
	describe func(c *casebuilder.Case, i int) (string, string), show func(i int, f *Form) fyne.CanvasObject) *MasterDetail {
	md := &MasterDetail{host: host, step: step, edits: edits, show: show, shown: -1}
	md.List = newMaster(host, edits, noun, describe, md.showItem)
	md.Detail = WheelScroll(container.NewStack())
	return md
}

// Shown is the index of the item whose form is shown, -1 before any.
func (md *MasterDetail) Shown() int { return md.shown }

// Form is the form of the item shown.
func (md *MasterDetail) Form() *Form { return md.form }

// Select selects item i and shows its form.
func (md *MasterDetail) Select(i int) { md.List.Select(i) }

// showItem shows the form of item i.
func (md *MasterDetail) showItem(i int) {
	md.shown = i
	md.form = New(md.host, md.step)
	var content fyne.CanvasObject
	if i >= 0 && i < md.edits.length(md.host.Case()) {
		content = md.show(i, md.form)
	}
	if content == nil {
		content = container.NewStack()
	}
	md.Detail.Content = NewWheel(md.Detail, content)
	md.Detail.Offset = fyne.Position{}
	md.Detail.Refresh()
	if md.OnShow != nil {
		md.OnShow(i)
	}
}

// Refresh shows the items of c, and the form of the one selected: made
// anew when another is selected, or when Stale says so.
func (md *MasterDetail) Refresh(c *casebuilder.Case, force bool) {
	md.List.Refresh(c, force)
	if md.List.Selected() != md.shown || md.form == nil || md.Stale != nil && md.Stale(c) {
		md.showItem(md.List.Selected())
		return
	}
	md.form.Refresh(c, force)
}

// Focus focuses the field at path, selecting its item first; the path of
// the list itself focuses the button that adds an item. It reports false
// for a path outside the list.
func (md *MasterDetail) Focus(path string) bool {
	i, _, ok := IndexIn(path, md.edits.path)
	switch {
	case !ok:
		return false
	case i < 0:
		return md.List.FocusAdd()
	}
	if i != md.shown {
		md.List.Select(i)
	}
	return md.form.Focus(path)
}
