package ui

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// autosaver keeps a copy of unsaved changes in the app's storage, every
// minute while there are some, so that a crash loses at most a minute of
// work. Each running app writes its own pair of files, named after its
// process: autosave-PID.hrcase (the case) and autosave-PID.json (which
// file it belongs to, and when). Saving, or closing the window, removes
// them; finding them at start means the app that wrote them did not close,
// and the user is offered to recover the work.
type autosaver struct {
	u        *UI
	dir      string
	pid      int
	last     *casebuilder.Case // the version last written
	stopOnce sync.Once
	done     chan struct{}
	// writing is set while a copy is being written.
	writing bool
}

// autosaveInfo is what an autosave's .json file says.
type autosaveInfo struct {
	// Path is the case file the changes belong to; empty for a new case.
	Path  string    `json:"path"`
	Title string    `json:"title"`
	Saved time.Time `json:"saved"`
	PID   int       `json:"pid"`
}

func newAutosaver(u *UI) *autosaver {
	dir := u.deps.dataDir
	if dir == "" {
		if root := u.app.Storage().RootURI(); root != nil {
			dir = filepath.Join(root.Path(), "autosave")
		}
	}
	return &autosaver{u: u, dir: dir, pid: os.Getpid(), done: make(chan struct{})}
}

func (a *autosaver) casePath() string {
	return filepath.Join(a.dir, fmt.Sprintf("autosave-%d.hrcase", a.pid))
}
func (a *autosaver) infoPath() string {
	return filepath.Join(a.dir, fmt.Sprintf("autosave-%d.json", a.pid))
}

// start autosaves every deps.autosaveEvery until stop.
func (a *autosaver) start() {
	every := a.u.deps.autosaveEvery
	if every <= 0 || a.dir == "" {
		return
	}
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				a.u.deps.bridge.do(a.save)
			case <-a.done:
				return
			}
		}
	}()
}

func (a *autosaver) stop() { a.stopOnce.Do(func() { close(a.done) }) }

// save writes the case in a goroutine when it has changes not yet saved
// nor autosaved. It runs on the UI goroutine.
func (a *autosaver) save() {
	d := a.u.doc
	if a.dir == "" || a.writing || !d.modified() || d.c == a.last {
		return
	}
	c := d.c // never changed in place, so the goroutine may read it
	info := autosaveInfo{Path: d.path, Title: c.Title, Saved: a.u.deps.now(), PID: a.pid}
	a.writing = true
	go func() {
		err := a.write(c, info)
		a.u.deps.bridge.do(func() {
			a.writing = false
			if err != nil {
				a.u.status.say("Autosave failed: " + err.Error())
				return
			}
			a.last = c
			a.u.status.notice("Unsaved changes kept safe at " + info.Saved.Format("15:04"))
		})
	}()
}

// write writes the autosave files: the case first, then the note that
// names it, so that a note always has its case.
func (a *autosaver) write(c *casebuilder.Case, info autosaveInfo) error {
	if err := os.MkdirAll(a.dir, 0o700); err != nil {
		return err
	}
	data, err := casebuilder.Encode(c)
	if err != nil {
		// A case with problems (opened so, and not yet fixed) is kept as it is.
		if data, err = json.MarshalIndent(c, "", "  "); err != nil {
			return err
		}
	}
	if err := casebuilder.WriteFileAtomic(a.casePath(), data, false); err != nil {
		return err
	}
	note, _ := json.Marshal(info)
	return casebuilder.WriteFileAtomic(a.infoPath(), note, false)
}

// discard removes this app's autosave: the changes are saved, or given up.
func (a *autosaver) discard() {
	a.last = nil
	if a.dir == "" {
		return
	}
	os.Remove(a.infoPath())
	os.Remove(a.casePath())
}

// orphan is an autosave left by an app that did not close.
type orphan struct {
	info autosaveInfo
	note string // its .json file
	data string // its .hrcase file
}

// orphans returns the autosaves of apps that are no longer running, the
// newest first.
func (a *autosaver) orphans() []orphan {
	if a.dir == "" {
		return nil
	}
	notes, _ := filepath.Glob(filepath.Join(a.dir, "autosave-*.json"))
	var out []orphan
	for _, note := range notes {
		pid, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(filepath.Base(note), "autosave-"), ".json"))
		if err != nil || pid == a.pid || processAlive(pid) {
			continue
		}
		raw, err := os.ReadFile(note)
		var info autosaveInfo
		if err != nil || json.Unmarshal(raw, &info) != nil {
			continue
		}
		data := strings.TrimSuffix(note, ".json") + casebuilder.FileExtension
		if _, err := os.Stat(data); err != nil {
			os.Remove(note)
			continue
		}
		out = append(out, orphan{info: info, note: note, data: data})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].info.Saved.After(out[j].info.Saved) })
	return out
}

// offerRecovery asks whether to recover the newest autosave left by an app
// that did not close, and reports whether it asked.
func (a *autosaver) offerRecovery() bool {
	found := a.orphans()
	if len(found) == 0 {
		return false
	}
	o := found[0]
	name := "a new case"
	if o.info.Path != "" {
		name = filepath.Base(o.info.Path)
	} else if o.info.Title != "" {
		name = "the new case “" + o.info.Title + "”"
	}
	msg := widget.NewLabel(fmt.Sprintf("Case Builder closed without saving your changes to %s. They were kept on %s. Recover them?",
		name, o.info.Saved.Local().Format("2 January at 15:04")))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Recover unsaved changes", "Recover", "Discard",
		container.NewGridWrap(fyne.NewSize(440, 90), msg), func(ok bool) {
			if ok {
				a.recover(o)
				return
			}
			os.Remove(o.note)
			os.Remove(o.data)
		}, a.u.win)
	a.u.tell(recoveryOffer{d})
	// Enter recovers; Escape does nothing, as both buttons act.
	dialogKeys(a.u.win, d, nil, d.Confirm)
	d.Show()
	return true
}

// recover opens the autosaved case as unsaved changes to its file.
func (a *autosaver) recover(o orphan) {
	raw, err := os.ReadFile(o.data)
	var c *casebuilder.Case
	if err == nil {
		c, err = casebuilder.Decode(raw)
	}
	if c == nil {
		a.u.showError("Cannot recover the changes", err, "The autosaved copy is damaged; it has been kept at "+o.data+".")
		return
	}
	a.u.replaceCase(c, "")
	// The recovered case belongs to its file but is not saved in it.
	a.u.doc.path = o.info.Path
	a.u.doc.saved = nil
	a.u.updateTitle()
	os.Remove(o.note)
	os.Remove(o.data)
	a.u.status.say("Recovered your unsaved changes. Save them to keep them.")
}
