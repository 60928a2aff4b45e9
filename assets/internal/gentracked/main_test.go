package main

import (
	"bytes"
	"os"
	"testing"

	cb "github.com/casebuilder/casebuilder/casebuilder"
)

// TestTheSampleIsWhatTheGeneratorMakes checks that samples/tracked.hrcase
// is the generator's output from today's turnover sample: after a change
// to either, run go generate ./assets.
func TestTheSampleIsWhatTheGeneratorMakes(t *testing.T) {
	c, err := tracked()
	if err != nil {
		t.Fatal(err)
	}
	want, err := cb.Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../samples/tracked.hrcase")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("samples/tracked.hrcase is not what the generator makes from the turnover sample: run go generate ./assets")
	}
}
