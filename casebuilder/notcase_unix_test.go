//go:build unix

package casebuilder

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestNotRegularFiles checks that a named pipe and a device are refused
// before they are read, saying what they are: opening a pipe used to wait
// forever for a writer, and /dev/zero to be read up to the size limit.
func TestNotRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.hrcase")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, says string
	}{
		{"a named pipe", fifo, "is a named pipe (FIFO), not a case file; a case is a regular file"},
		{"a device", "/dev/zero", "is a device, not a case file; a case is a regular file"},
		{"a link to a named pipe", filepath.Join(dir, "link.hrcase"), "is a named pipe (FIFO), not a case file; a case is a regular file"},
	}
	if err := os.Symlink(fifo, tests[2].path); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := os.Stat(tt.path); err != nil {
				t.Skip(err)
			}
			done := make(chan error, 1)
			go func() {
				_, err := Load(tt.path)
				done <- err
			}()
			var err error
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				// Unblock the reader so that the test can end.
				if f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
					f.Close()
				}
				t.Fatal("Load still waits on it after 10 s")
			}
			var fe *FileError
			if !errors.Is(err, ErrNotRegular) || !errors.As(err, &fe) || fe.Path != tt.path || fe.Err.Error() != tt.says {
				t.Errorf("%v; want %s: %s", err, tt.path, tt.says)
			}
		})
	}
}
