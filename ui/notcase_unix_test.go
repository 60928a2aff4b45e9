//go:build unix

package ui

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// TestOpeningANamedPipe checks that the app, asked to open a named pipe,
// says what it is rather than waiting forever for something to write to
// it.
func TestOpeningANamedPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.hrcase")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	// Should the app wait on the pipe, write nothing to it after 10 s
	// and fail, so that the test ends.
	watchdog := time.AfterFunc(10*time.Second, func() {
		t.Error("the app still waits on the named pipe after 10 s")
		if f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	})
	defer watchdog.Stop()
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefNumberLocale, "en-US")
	h := startIn(t, a, t.TempDir(), Options{Path: fifo})
	h.settle()
	if !strings.Contains(h.shown.lastError, "is a named pipe (FIFO), not a case file") {
		t.Errorf("the error shown: %q", h.shown.lastError)
	}
	if h.open(fifo) {
		t.Error("opened a named pipe")
	}
}
