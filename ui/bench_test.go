package ui

import (
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"golang.org/x/text/language"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/ui/form"
)

// keystrokeFields are fields typed into by the keystroke benchmarks, one
// per kind of screen, with two texts to type in turn.
var keystrokeFields = []struct {
	id    casebuilder.MethodStep
	path  string
	texts [2]string
}{
	{casebuilder.StepPain, "pain.inputs.reps", [2]string{"1,200", "1,300"}},
	{casebuilder.StepAlternatives, "alternatives[1].costs[0].amount", [2]string{"1,200", "1,300"}},
	{casebuilder.StepCompare, "criteria[0].weight", [2]string{"25 %", "30 %"}},
	{casebuilder.StepRisks, "risks[100].likelihood", [2]string{"0.25", "0.3"}},
}

// BenchmarkKeystrokeStress measures what one keystroke in a field costs on
// the UI goroutine with the stress case open: reading the figure, copying
// and validating the case, and showing the change (title, undo, the
// screen's other fields, the steps' progress). The figures themselves are
// worked out later, in a goroutine: see BenchmarkAnalyseStress and
// BenchmarkWholeAnalysis.
func BenchmarkKeystrokeStress(b *testing.B) {
	for _, field := range keystrokeFields {
		b.Run(string(field.id), func(b *testing.B) {
			benchmarkKeystroke(b, field.id, field.path, field.texts)
		})
	}
}

// BenchmarkKeystrokeStressWhileSimulating is BenchmarkKeystrokeStress with
// the stress case's simulation running all the while in the background,
// on the app's workers, as when the user starts typing again while the
// whole analysis runs (in the app the next keystroke stops it).
func BenchmarkKeystrokeStressWhileSimulating(b *testing.B) {
	c := loadSample(b, "stress")
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			opts := simSettings{trials: casebuilder.DefaultTrials}.options()
			opts.Stop = stop
			if casebuilder.Simulate(c, opts) == nil {
				return
			}
		}
	})
	defer func() {
		close(stop)
		wg.Wait()
	}()
	field := keystrokeFields[0]
	benchmarkKeystroke(b, field.id, field.path, field.texts)
}

func benchmarkKeystroke(b *testing.B, step casebuilder.MethodStep, path string, texts [2]string) {
	a := test.NewTempApp(b)
	h := &harness{bridge: &queueBridge{}}
	h.w = a.NewWindow("")
	u := newUI(a, h.w, Options{}, deps{bridge: h.bridge, dataDir: b.TempDir(), now: time.Now, shown: h.shown.record,
		openURL: func(string) error { return nil }, recalcDelay: time.Hour, fullDelay: time.Hour})
	h.shown.welcome.Hide()
	u.replaceCase(loadSample(b, "stress"), "")
	u.recalc.stop() // the whole analysis a case starts with
	u.reveal(casebuilder.Where{Step: step, Path: path})
	e := h.w.Canvas().Focused().(*form.Entry)
	b.ResetTimer()
	for i := range b.N {
		e.SetText(texts[i%2])
	}
	b.StopTimer()
	if len(h.shown.lastError) > 0 {
		b.Fatal(h.shown.lastError)
	}
	u.recalc.stop()
}

// BenchmarkWholeAnalysis measures how long the whole analysis (figures,
// weighing, tornado, review and 10,000 trials on the app's workers) takes
// to reach the UI once it starts: the simulation panel refreshes this long
// after the pause of fullDelay that follows the last keystroke.
func BenchmarkWholeAnalysis(b *testing.B) {
	for _, name := range []string{"turnover", "stress"} {
		b.Run(name, func(b *testing.B) {
			c := loadSample(b, name)
			done := make(chan fullAnalysis, 1)
			r := &recalculator{delay: time.Hour, fullDelay: 0, bridge: directBridge{}, apply: func(analysis) {},
				applyFull: func(f fullAnalysis) { done <- f },
				settings:  func() simSettings { return simSettings{trials: casebuilder.DefaultTrials} }}
			defer r.stop()
			for b.Loop() {
				r.scheduleFull(c, 0)
				if f := <-done; f.Simulation.Trials != casebuilder.DefaultTrials {
					b.Fatal("no simulation")
				}
			}
		})
	}
}

// directBridge runs what it is given at once, on the goroutine that gives
// it.
type directBridge struct{}

func (directBridge) do(fn func()) { fn() }

// BenchmarkEditStress measures what every keystroke in a field costs with
// the stress case open: a copy of the case and its validation.
func BenchmarkEditStress(b *testing.B) {
	c := loadSample(b, "stress")
	d := newDocument(c, "", time.Now, inEnglish)
	b.ReportAllocs()
	for i := range b.N {
		err := d.edit(casebuilder.Where{}, "k", func(c *casebuilder.Case) error {
			c.Title = "Stress " + string(rune('a'+i%26))
			return nil
		})
		if err != nil && err != form.ErrUnchanged {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidateStress(b *testing.B) {
	c := loadSample(b, "stress")
	for range b.N {
		casebuilder.Validate(c)
	}
}

func BenchmarkAnalyseStress(b *testing.B) {
	c := loadSample(b, "stress")
	for range b.N {
		analyse(c, language.English)
	}
}
