module github.com/casebuilder/casebuilder

go 1.26.8

require (
	github.com/jung-kurt/gofpdf v1.16.2
	golang.org/x/text v0.43.0
	gonum.org/v1/gonum v0.17.0
)
