package assets

import _ "embed"

// The brief's typeface: DejaVu Sans Condensed, embedded so that the PDF
// prints Latin, Greek and Cyrillic text (Müller-Øberg, Παπαδοπούλου, €)
// the same on every machine. Its licence is fonts/LICENSE.
var (
	//go:embed fonts/DejaVuSansCondensed.ttf
	FontRegular []byte
	//go:embed fonts/DejaVuSansCondensed-Bold.ttf
	FontBold []byte
	//go:embed fonts/DejaVuSansCondensed-Oblique.ttf
	FontItalic []byte
	//go:embed fonts/LICENSE
	FontLicence string
)
