// Package casetest holds what the tests of several packages do with a
// case: read a sample, and take a case through its file and back.
package casetest

import (
	"testing"

	"github.com/casebuilder/casebuilder/assets"
	"github.com/casebuilder/casebuilder/casebuilder"
)

// Sample decodes the embedded sample case of that name ("turnover",
// "tracked", ...), a fresh copy at each call, and fails the test when it
// cannot.
func Sample(t testing.TB, name string) *casebuilder.Case {
	t.Helper()
	data, err := assets.SampleFile(name)
	if err != nil {
		t.Fatal(err)
	}
	c, err := casebuilder.Decode(data)
	if err != nil {
		t.Fatalf("sample %s: %v", name, err)
	}
	return c
}

// RoundTrip writes c as a file and reads it back: it returns the file and
// the case read from it, and stops the test when either step fails.
func RoundTrip(t testing.TB, c *casebuilder.Case) ([]byte, *casebuilder.Case) {
	t.Helper()
	data, err := casebuilder.Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	back, err := casebuilder.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	return data, back
}
