package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/casebuilder/casebuilder/casebuilder"
)

// BenchmarkKeystrokeStress measures what one keystroke in a field costs on
// the UI goroutine with the stress case open: reading the figure, copying
// and validating the case, and showing the change (title, undo, the
// screen's other fields, the steps' progress). The figures themselves are
// worked out later, in a goroutine: see BenchmarkAnalyseStress.
func BenchmarkKeystrokeStress(b *testing.B) {
	for _, step := range []struct {
		id   casebuilder.MethodStep
		path string
	}{
		{casebuilder.StepPain, "pain.inputs.reps"},
		{casebuilder.StepAlternatives, "alternatives[1].costs[0].amount"},
		{casebuilder.StepRisks, "risks[100].likelihood"},
	} {
		b.Run(string(step.id), func(b *testing.B) {
			a := test.NewTempApp(b)
			h := &harness{bridge: &queueBridge{}}
			h.w = a.NewWindow("")
			u := newUI(a, h.w, Options{}, deps{bridge: h.bridge, dataDir: b.TempDir(), now: time.Now,
				openURL: func(string) error { return nil }, recalcDelay: time.Hour})
			u.welcome.Hide()
			u.replaceCase(loadSample(b, "stress"), "")
			u.reveal(casebuilder.Where{Step: step.id, Path: step.path})
			e := h.w.Canvas().Focused().(*entry)
			texts := [2]string{"0.25", "0.3"}
			if step.id != casebuilder.StepRisks {
				texts = [2]string{"1,200", "1,300"}
			}
			b.ResetTimer()
			for i := range b.N {
				e.SetText(texts[i%2])
			}
			b.StopTimer()
			if len(u.lastError) > 0 {
				b.Fatal(u.lastError)
			}
			u.recalc.stop()
		})
	}
}
