package casebuilder

import (
	"os"
	"path/filepath"
)

// SameFile reports whether two paths name the same file, existing or not:
// the same file on disk when both exist (through a link, or written
// another way), else the same absolute path. Exports use it to refuse to
// write over the case file they are made from.
func SameFile(a, b string) bool {
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(ia, ib)
	}
	absA, errA := filepath.Abs(a)
	absB, errB := filepath.Abs(b)
	return errA == nil && errB == nil && filepath.Clean(absA) == filepath.Clean(absB)
}
