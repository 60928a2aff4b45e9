// Package samplefile writes the case a sample generator makes, for the
// generators of assets/samples (genstress, gentracked).
package samplefile

import (
	"os"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// Write encodes c as a case file and writes it to the file at path, or to
// standard output when path is empty.
func Write(c *casebuilder.Case, path string) error {
	data, err := casebuilder.Encode(c)
	if err != nil {
		return err
	}
	if path == "" {
		os.Stdout.Write(data)
		return nil
	}
	return os.WriteFile(path, data, 0o644)
}
