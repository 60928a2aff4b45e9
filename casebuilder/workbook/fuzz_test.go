package workbook

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/casebuilder/casebuilder/assets"
	"github.com/casebuilder/casebuilder/casebuilder"
)

// FuzzWrite writes a workbook for every valid case the fuzzer makes from
// the samples: it must never fail or panic, and the result must open.
func FuzzWrite(f *testing.F) {
	for _, name := range []string{"turnover", "ramp"} {
		data, err := assets.SampleFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := casebuilder.Decode(data)
		if err != nil || c == nil || len(casebuilder.Validate(c)) > 0 {
			return
		}
		out, err := Write(c, testOpts)
		if err != nil {
			t.Fatalf("a valid case was refused: %v", err)
		}
		book, err := excelize.OpenReader(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("the workbook does not open: %v", err)
		}
		book.Close()
	})
}
