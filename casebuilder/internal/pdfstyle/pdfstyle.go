// Package pdfstyle is the house style that the executive brief and the
// monthly progress report share, so that the two documents a CEO receives
// look like one hand's: the page's geometry, the palette, the spacing of
// lines, and the few rules of wording both print alike.
package pdfstyle

import "strings"

// Page geometry, in millimetres.
const (
	MarginX      = 18.0
	MarginTop    = 22.0 // where the content starts
	MarginBottom = 20.0 // from the foot of the page to the end of the content
	HeaderRule   = 15.0 // from the top
	FooterRule   = 13.0 // from the foot
	PtToMM       = 25.4 / 72
)

// Color is a colour of the palette, as red, green and blue from 0 to 255.
type Color struct{ R, G, B int }

// The palette: a dark blue for structure, greys for everything else, so
// that a document reads the same printed in grey-scale.
var (
	Ink    = Color{26, 32, 44}
	Accent = Color{31, 58, 95}
	Muted  = Color{92, 100, 112}
	Rule   = Color{196, 202, 210}
	Zebra  = Color{243, 245, 248}
	Panel  = Color{234, 239, 245}
	Bar    = Color{150, 160, 172}
	White  = Color{255, 255, 255}
)

// LineHeight is the distance between lines of text of a size in points.
func LineHeight(size float64) float64 { return size * PtToMM * 1.32 }

// Confidentiality is the line at the foot of every page: whose internal
// document it is and, when the case says, whom it was prepared for.
func Confidentiality(organisation, preparedFor string) string {
	s := "Confidential"
	if org := strings.TrimSpace(organisation); org != "" {
		s += ": " + org + " internal"
	}
	if pf := strings.TrimSpace(preparedFor); pf != "" {
		s += ", prepared for " + pf
	}
	return s + ". Contains people data; do not forward."
}

// Prefixed returns prefix and s, or nothing when s is blank.
func Prefixed(prefix, s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return prefix + s
}

// OrDefault returns s, or def when s is blank.
func OrDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}
