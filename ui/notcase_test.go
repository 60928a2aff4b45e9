package ui

import (
	"strings"
	"testing"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// TestControlCharacterIsRefusedBesideTheField checks that a control
// character pasted into a text is refused with the reason beside the
// field, the case unchanged, as the file and the command line refuse it.
func TestControlCharacterIsRefusedBesideTheField(t *testing.T) {
	h := english(t)
	u := h.u
	title := h.entryAt(casebuilder.StepContext, "title")
	before := u.doc.c.Title
	title.SetText("Sales \x1b[31mturnover")
	if msg := errorBeside(u, title); msg != "Holds a control character (U+001B) at character 7; remove it" {
		t.Errorf("beside the title: %q", msg)
	}
	if u.doc.c.Title != before {
		t.Errorf("the case took the title %q", u.doc.c.Title)
	}
	// A multi-line text pasted from Windows keeps its line ends.
	contingency := h.entryAt(casebuilder.StepRisks, "risks[0].contingency")
	contingency.SetText("Line one\r\nLine two")
	if msg := errorBeside(u, contingency); msg != "" || !strings.Contains(u.doc.c.Risks[0].Contingency, "\r\n") {
		t.Errorf("a text with Windows line ends: %q beside it, the case holds %q", msg, u.doc.c.Risks[0].Contingency)
	}
}
