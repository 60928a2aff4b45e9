// Package pdfpage is the page machinery that the executive brief and the
// monthly progress report share: the paper a document is printed on, the
// PDF set up with its metadata, and the stroke lines are drawn with.
// Each document keeps its own layout; what is here is what both do alike.
package pdfpage

import (
	"fmt"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdfstyle"
	"github.com/casebuilder/casebuilder/casebuilder/internal/pdftext"
)

// papers are the paper sizes, in millimetres, portrait.
var papers = map[string]gofpdf.SizeType{
	casebuilder.PaperA4:     {Wd: 210, Ht: 297},
	casebuilder.PaperLetter: {Wd: 215.9, Ht: 279.4},
}

// Paper returns the size of the paper named ("a4" or "letter", in any
// case); an empty name means the case's own paper and, when it has none,
// A4.
func Paper(c *casebuilder.Case, name string) (gofpdf.SizeType, error) {
	paper := strings.ToLower(strings.TrimSpace(name))
	if paper == "" {
		paper = casebuilder.CasePaper(c, casebuilder.PaperA4)
	}
	size, ok := papers[paper]
	if !ok {
		return gofpdf.SizeType{}, fmt.Errorf("paper: must be a4 or letter (got %q)", name)
	}
	return size, nil
}

// Info is what a document says about itself in the PDF's metadata.
type Info struct {
	Title, Subject, Author string
}

// New starts a PDF in millimetres on paper of the given size, dated now,
// with the metadata of info, and the setter that sets its text. Every
// page break is the document's own decision (keeping headings with what
// follows, repeating table headers), never gofpdf's.
func New(size gofpdf.SizeType, now time.Time, info Info) (*gofpdf.Fpdf, *pdftext.Setter) {
	pdf := gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: size})
	ts := pdftext.New(pdf)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(now)
	pdf.SetModificationDate(now)
	pdf.SetCompression(true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCellMargin(0)
	pdf.SetMargins(pdfstyle.MarginX, pdfstyle.MarginTop, pdfstyle.MarginX)
	pdf.SetTitle(pdftext.Clean(info.Title), true)
	pdf.SetSubject(pdftext.Clean(info.Subject), true)
	pdf.SetAuthor(pdftext.Clean(info.Author), true)
	pdf.SetCreator("Case Builder", true)
	pdf.SetProducer("Case Builder (gofpdf)", true)
	pdf.SetDisplayMode("fullwidth", "continuous")
	return pdf, ts
}

// Stroke sets how the lines drawn next look: in colour c, width
// millimetres wide, dashed as dash (on and off lengths, in millimetres) or
// solid when dash is nil.
func Stroke(pdf *gofpdf.Fpdf, c pdfstyle.Color, width float64, dash []float64) {
	pdf.SetDrawColor(c.R, c.G, c.B)
	pdf.SetLineWidth(width)
	pdf.SetDashPattern(dash, 0)
}
