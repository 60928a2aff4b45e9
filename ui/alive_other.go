//go:build !unix

package ui

import "os"

// processAlive reports whether a process with that ID is running.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
