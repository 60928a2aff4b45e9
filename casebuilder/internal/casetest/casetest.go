// Package casetest gives the tests of the packages built on the model
// the sample cases as a user opens them.
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
