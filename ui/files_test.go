package ui

import (
	"errors"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// TestTypingGoesOnWhileSaving holds a save on the disk and types in the
// meanwhile: saving returns at once, the keystrokes reach the case, and
// once written the file holds the case as it was when the save began,
// which is what the document counts as saved, so that what was typed
// meanwhile is still to save.
func TestTypingGoesOnWhileSaving(t *testing.T) {
	h, path := savedCase(t)
	u := h.u
	release := make(chan struct{})
	var released atomic.Bool
	// Should the save run on the UI goroutine, this lets it go after a
	// while, so that the test fails instead of hanging.
	safety := time.AfterFunc(10*time.Second, func() { released.Store(true); close(release) })
	defer safety.Stop()
	u.deps.save = func(path string, c *casebuilder.Case) error {
		<-release
		return casebuilder.Save(path, c)
	}
	h.retype(h.entryAt(casebuilder.StepContext, "version"), "2.0")
	atSave := u.doc.c
	shortcut(h, fyne.KeyS)
	if released.Load() {
		t.Fatal("Ctrl+S waited for the disk")
	}
	h.retype(h.entryAt(casebuilder.StepContext, "author"), "Typed while saving")
	if u.doc.c.Author != "Typed while saving" || !strings.HasPrefix(h.title(), "*") {
		t.Errorf("while saving: author %q, title %q", u.doc.c.Author, h.title())
	}
	if !safety.Stop() {
		t.Fatal("typing waited for the disk")
	}
	close(release)
	h.waitFiles()
	c, err := casebuilder.Load(path)
	if err != nil || c.Version != "2.0" || c.Author == "Typed while saving" {
		t.Errorf("the file holds version %q, author %q (%v); want the case as it was when saved", c.Version, c.Author, err)
	}
	if u.doc.saved != atSave || !u.doc.modified() || !strings.HasPrefix(h.title(), "*") {
		t.Errorf("after the save: saved is the version saved %v, modified %v, title %q", u.doc.saved == atSave, u.doc.modified(), h.title())
	}
	if msg := u.status.message.Text; !strings.HasPrefix(msg, "Saved "+path) {
		t.Errorf("status %q", msg)
	}
}

// TestAFailedSaveLeavesTheCaseUnsaved fails the write: the case is still
// marked as changed, keeps its file, and the error says what to do.
func TestAFailedSaveLeavesTheCaseUnsaved(t *testing.T) {
	h, path := savedCase(t)
	u := h.u
	h.retype(h.entryAt(casebuilder.StepContext, "version"), "3.0")
	full := errors.New("no space left on device")
	u.deps.save = func(string, *casebuilder.Case) error { return full }
	saved := false
	u.saveTo(tempCase(t, "elsewhere.hrcase"), func() { saved = true })
	h.waitFiles()
	if saved || !u.doc.modified() || u.doc.path != path || !strings.HasPrefix(h.title(), "*") {
		t.Errorf("after a failed save: next ran %v, modified %v, path %q, title %q", saved, u.doc.modified(), u.doc.path, h.title())
	}
	if !strings.Contains(h.shown.lastError, "Cannot save elsewhere.hrcase") || !strings.Contains(h.shown.lastError, "free some disk space") {
		t.Errorf("the error shown: %q", h.shown.lastError)
	}
	// Closing still asks about the changes.
	u.onClose()
	if h.shown.prompt == nil || h.closed {
		t.Error("closing after a failed save did not ask about the changes")
	}
}

// TestSavesAreWrittenInTurn asks for two saves of one file, the first held
// on the disk: the second is written after it, never beside it, so the
// file ends with the newer version.
func TestSavesAreWrittenInTurn(t *testing.T) {
	h := english(t)
	u := h.u
	path := tempCase(t, "case.hrcase")
	release := make(chan struct{})
	var mu sync.Mutex
	var order []string
	writing, most := 0, 0
	u.deps.save = func(path string, c *casebuilder.Case) error {
		mu.Lock()
		writing++
		most = max(most, writing)
		mu.Unlock()
		if c.Version == "first" {
			<-release
		}
		err := casebuilder.Save(path, c)
		mu.Lock()
		writing--
		order = append(order, c.Version)
		mu.Unlock()
		return err
	}
	h.retype(h.entryAt(casebuilder.StepContext, "version"), "first")
	u.saveTo(path, nil)
	h.retype(h.entryAt(casebuilder.StepContext, "version"), "second")
	u.saveTo(path, nil)
	close(release)
	h.waitFiles()
	c, err := casebuilder.Load(path)
	if err != nil || c.Version != "second" || strings.Join(order, " ") != "first second" || most != 1 {
		t.Errorf("written %v, %d at once; the file holds %q (%v)", order, most, c.Version, err)
	}
	if u.doc.modified() {
		t.Error("the case is still marked changed after both saves")
	}
	if _, err := os.Stat(path + casebuilder.BackupSuffix); err != nil {
		t.Errorf("no backup of the first version: %v", err)
	}
}

// TestOpeningAFileDoesNotLoseWhatIsTypedMeanwhile types while the file is
// read: the user is asked before the case typed in is replaced.
func TestOpeningAFileDoesNotLoseWhatIsTypedMeanwhile(t *testing.T) {
	h, path := savedCase(t)
	u := h.u
	release := make(chan struct{})
	u.deps.load = func(path string) (*casebuilder.Case, error) {
		<-release
		return casebuilder.Load(path)
	}
	opened := false
	u.openPath(path, func(ok bool) { opened = ok })
	h.retype(h.entryAt(casebuilder.StepContext, "author"), "Typed while opening")
	close(release)
	h.waitFiles()
	if opened || h.shown.prompt == nil || u.doc.c.Author != "Typed while opening" {
		t.Fatalf("typed while opening: opened %v, asked %v", opened, h.shown.prompt != nil)
	}
	h.shown.prompt.discard.Tapped(nil)
	if !opened || u.doc.c.Author == "Typed while opening" || u.doc.path != path {
		t.Errorf("Don't save: opened %v, author %q", opened, u.doc.c.Author)
	}
}
