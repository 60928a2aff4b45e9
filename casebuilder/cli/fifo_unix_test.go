//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestNamedPipeDoesNotHang checks that summary, check and export refuse a
// named pipe at once, saying what it is, where they used to wait forever
// for something to write to it.
func TestNamedPipeDoesNotHang(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.hrcase")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"summary", fifo},
		{"check", fifo},
		{"export", "--xlsx", filepath.Join(dir, "out.xlsx"), fifo},
	} {
		type result struct {
			code           int
			stdout, stderr string
		}
		done := make(chan result, 1)
		go func() {
			code, stdout, stderr := run(t, args...)
			done <- result{code, stdout, stderr}
		}()
		select {
		case r := <-done:
			if r.code != 1 || !strings.Contains(r.stderr, "pipe.hrcase: is a named pipe (FIFO), not a case file") {
				t.Errorf("%q: exit %d, stderr %q", args, r.code, r.stderr)
			}
		case <-time.After(10 * time.Second):
			if f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
				f.Close() // let the reader go, so that the test ends
			}
			t.Fatalf("%q still waits after 10 s", args)
		}
	}
}
