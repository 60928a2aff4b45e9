//go:build unix

package ui

import (
	"errors"
	"syscall"
)

// processAlive reports whether a process with that ID is running.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
