//go:build unix

package casebuilder

import "syscall"

// openFlags are added to the flags a case file is opened with: opening a
// named pipe without O_NONBLOCK waits until something writes to it.
const openFlags = syscall.O_NONBLOCK
