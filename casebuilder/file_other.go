//go:build !unix

package casebuilder

// openFlags are added to the flags a case file is opened with; only Unix
// systems need one (see file_unix.go).
const openFlags = 0
