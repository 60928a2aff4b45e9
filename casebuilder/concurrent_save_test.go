package casebuilder

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// TestConcurrentSaves saves one case file from several goroutines at once
// (as two windows, or a program using this package, may): every save
// succeeds, and the file and its backup each hold one complete version.
func TestConcurrentSaves(t *testing.T) {
	versions := twoVersions(t)
	path := filepath.Join(t.TempDir(), "case.hrcase")
	var wg sync.WaitGroup
	errs := make(chan error, 8*40)
	for g := range 8 {
		wg.Go(func() {
			for i := range 40 {
				if err := WriteFileAtomic(path, versions[(g+i)%2], true); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for _, name := range []string{path, path + BackupSuffix} {
		data, err := os.ReadFile(name)
		if err != nil || !bytes.Equal(data, versions[0]) && !bytes.Equal(data, versions[1]) {
			t.Errorf("%s: %d bytes, %v", filepath.Base(name), len(data), err)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*.tmp")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*.tmp")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
