package ui

import (
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"

	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/figure"
	"github.com/casebuilder/casebuilder/ui/form"
)

// Preference keys.
const (
	prefNumberLocale = "numberLocale"
	prefCurrency     = "defaultCurrency"
	prefDiscountRate = "defaultDiscountRate"
	prefPaper        = "paper"
	prefTheme        = "theme"
	prefRecent       = "recentFiles"
	prefSimTrials    = "simulationTrials"
	prefSimSeed      = "simulationSeed"
)

// minTrials is the fewest simulation trials the settings accept: fewer
// give percentiles that move from one seed to the next.
const minTrials = 100

// maxRecent is how many recent files the File menu offers.
const maxRecent = 8

// preferences are the user's settings, kept by Fyne between runs.
type preferences struct {
	p fyne.Preferences
}

func loadPreferences(p fyne.Preferences) *preferences { return &preferences{p: p} }

// numberLanguage is the language numbers are read and written in: the
// user's choice, or the system's.
func (p *preferences) numberLanguage() language.Tag {
	if s := p.p.String(prefNumberLocale); s != "" {
		if t, err := language.Parse(s); err == nil {
			return t
		}
	}
	return systemLanguage()
}

// systemLanguage is the language of the system's locale, English when it
// has none.
func systemLanguage() language.Tag {
	for _, name := range []string{"LC_ALL", "LC_NUMERIC", "LANG"} {
		v := os.Getenv(name)
		if v == "" {
			continue
		}
		if l, _, _ := strings.Cut(v, "."); l == "C" || l == "POSIX" {
			return language.English // "no particular language"
		}
		break
	}
	if t, err := language.Parse(string(lang.SystemLocale())); err == nil && t != language.Und {
		return t
	}
	return language.English
}

func (p *preferences) currency() string {
	return p.p.StringWithFallback(prefCurrency, "EUR")
}

func (p *preferences) discountRate() float64 {
	return p.p.FloatWithFallback(prefDiscountRate, 0.08)
}

// paper is the paper size the user chose, or until they choose, their
// locale's (Letter in the United States and Canada, A4 elsewhere).
func (p *preferences) paper() string {
	return p.p.StringWithFallback(prefPaper, casebuilder.DefaultPaper())
}

func (p *preferences) theme() string { return p.p.String(prefTheme) }

// simulation is the number of trials and the seed of the simulation.
func (p *preferences) simulation() simSettings {
	s := simSettings{trials: p.p.IntWithFallback(prefSimTrials, casebuilder.DefaultTrials)}
	if s.trials < minTrials || s.trials > casebuilder.MaxTrials {
		s.trials = casebuilder.DefaultTrials
	}
	s.seed, _ = strconv.ParseUint(p.p.String(prefSimSeed), 10, 64)
	return s
}

// recent returns the recent case files, the newest first.
func (p *preferences) recent() []string { return p.p.StringList(prefRecent) }

// addRecent puts path first among the recent files.
func (p *preferences) addRecent(path string) {
	list := slices.DeleteFunc(p.recent(), func(s string) bool { return s == path })
	list = append([]string{path}, list...)
	if len(list) > maxRecent {
		list = list[:maxRecent]
	}
	p.p.SetStringList(prefRecent, list)
}

func (p *preferences) removeRecent(path string) {
	p.p.SetStringList(prefRecent, slices.DeleteFunc(p.recent(), func(s string) bool { return s == path }))
}

// numberLocales are the number formats offered, by language tag.
var numberLocales = []struct{ tag, name string }{
	{"", "As the system"},
	{"en-US", "English (United States): 12,500.5"},
	{"en-GB", "English (United Kingdom): 12,500.5"},
	{"en-IN", "English (India): 12,500.5"},
	{"de-DE", "Deutsch: 12.500,5"},
	{"de-CH", "Deutsch (Schweiz): 12’500.5"},
	{"fr-FR", "Français: 12 500,5"},
	{"es-ES", "Español: 12.500,5"},
	{"it-IT", "Italiano: 12.500,5"},
	{"nl-NL", "Nederlands: 12.500,5"},
	{"pt-BR", "Português (Brasil): 12.500,5"},
	{"sv-SE", "Svenska: 12 500,5"},
	{"pl-PL", "Polski: 12 500,5"},
}

// currencies are the currencies offered; any other ISO code in a case is
// offered too.
var currencies = []string{"EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "JPY", "CNY",
	"INR", "SGD", "AUD", "NZD", "CAD", "BRL", "MXN", "ZAR"}

// settingsDialog is the settings: the case's own (currency, discount rate,
// horizon, start) and the user's (number format, defaults for new cases,
// paper, theme).
type settingsDialog struct {
	u      *UI
	form   *form.Form
	locale *form.Select
	theme  *form.Select
	paper  *form.Select
	// casePaper is the case's own paper size, which wins over paper.
	casePaper *form.ChoiceField
	curr      *form.Select
	rate      *form.Entry
	rateEr    *form.ErrorLabel
	trials    *form.Entry
	seed      *form.Entry
	trialsEr  *form.ErrorLabel
	seedEr    *form.ErrorLabel
	dlg       dialog.Dialog
	// relayout is set when a choice reaches every screen.
	relayout bool
}

func (u *UI) onSettings() { u.openSettings() }

// openSettings shows the settings and returns them.
func (u *UI) openSettings() *settingsDialog {
	s := &settingsDialog{u: u, form: u.newForm(casebuilder.StepCompare)}
	f := s.form
	c := u.doc.c
	codes := currencies
	if !slices.Contains(codes, c.Currency) && c.Currency != "" {
		codes = append([]string{c.Currency}, codes...)
	}
	caseCurrency := f.Choice("currency", codes, codes, form.At(func(c *casebuilder.Case) *string { return &c.Currency }))
	rate := f.Number("discountRate", figure.Percent, form.At(func(c *casebuilder.Case) *float64 { return &c.DiscountRate }))
	horizon := f.Integer("horizonMonths", figure.Months, form.At(func(c *casebuilder.Case) *int { return &c.HorizonMonths }))
	start := f.Date("startDate", form.At(func(c *casebuilder.Case) *casebuilder.Date { return &c.StartDate }))
	fiscal := f.Choice("fiscalYearStart", monthNumbers(), monthNames(), fiscalYearStart())
	// The case's own paper size wins over the preference below, and so
	// over the locale: a case in dollars prints on Letter wherever it is
	// exported.
	ownPaper := f.Choice("paper", []string{"", casebuilder.PaperA4, casebuilder.PaperLetter},
		[]string{"As in your preferences", "A4", "Letter"}, form.At(func(c *casebuilder.Case) *string { return &c.Paper }))

	s.casePaper = ownPaper
	caseForm := widget.NewForm(
		widget.NewFormItem("Currency", caseCurrency.Box()),
		widget.NewFormItem("Discount rate (a year)", rate.Box()),
		widget.NewFormItem("Horizon (months)", horizon.Box()),
		widget.NewFormItem("First month", start.Box()),
		widget.NewFormItem("Fiscal year starts in", fiscal.Box()),
		widget.NewFormItem("Paper size of its brief", ownPaper.Box()),
	)

	names := make([]string, len(numberLocales))
	for i, l := range numberLocales {
		names[i] = l.name
	}
	names[0] = "As the system (" + systemLanguage().String() + ")"
	s.locale = form.NewSelect(names, func(name string) {
		i := slices.Index(names, name)
		u.prefs.p.SetString(prefNumberLocale, numberLocales[i].tag)
		s.relayout = true
	})
	current := u.prefs.p.String(prefNumberLocale)
	for i, l := range numberLocales {
		if l.tag == current {
			s.locale.SetSelectedIndex(i)
		}
	}

	s.curr = form.NewSelect(currencies, func(v string) { u.prefs.p.SetString(prefCurrency, v) })
	s.curr.SetSelected(u.prefs.currency())
	s.rate = form.NewEntry()
	s.rateEr = form.NewErrorLabel()
	s.rate.SetText(u.editText(u.prefs.discountRate(), figure.Percent))
	s.rate.OnChanged = func(text string) {
		v, err := u.parse(text, figure.Percent)
		if err == nil && (v < 0 || v > 1) {
			err = errPercentRange
		}
		s.rateEr.Explain(err, "")
		if err == nil {
			u.prefs.p.SetFloat(prefDiscountRate, v)
		}
	}
	papers := []string{"A4", "Letter"}
	s.paper = form.NewSelect(papers, func(v string) {
		if v == "Letter" {
			u.prefs.p.SetString(prefPaper, "letter")
		} else {
			u.prefs.p.SetString(prefPaper, "a4")
		}
	})
	if u.prefs.paper() == "letter" {
		s.paper.SetSelected("Letter")
	} else {
		s.paper.SetSelected("A4")
	}
	s.trials, s.seed, s.trialsEr, s.seedEr = form.NewEntry(), form.NewEntry(), form.NewErrorLabel(), form.NewErrorLabel()
	sim := u.prefs.simulation()
	s.trials.SetText(u.format().Number(float64(sim.trials), 0))
	s.seed.SetText(strconv.FormatUint(sim.seed, 10))
	s.trials.OnChanged = func(text string) { s.trialsEr.Explain(s.onTrials(text), "") }
	s.seed.OnChanged = func(text string) { s.seedEr.Explain(s.onSeed(text), "") }
	themes := []string{"As the system", "Light", "Dark"}
	modes := []string{"", "light", "dark"}
	s.theme = form.NewSelect(themes, func(v string) {
		u.prefs.p.SetString(prefTheme, modes[slices.Index(themes, v)])
		u.applyTheme()
		s.relayout = true
	})
	s.theme.SetSelectedIndex(max(slices.Index(modes, u.prefs.theme()), 0))

	userForm := widget.NewForm(
		widget.NewFormItem("Numbers and dates", s.locale),
		widget.NewFormItem("Currency of new cases", s.curr),
		widget.NewFormItem("Discount rate of new cases", container.NewVBox(s.rate, s.rateEr)),
		widget.NewFormItem("Paper size of briefs", s.paper),
		widget.NewFormItem("Appearance", s.theme),
		widget.NewFormItem("Simulation trials", container.NewVBox(s.trials, s.trialsEr)),
		widget.NewFormItem("Simulation seed", container.NewVBox(s.seed, s.seedEr)),
	)
	s.dlg = closable(u.win, "Settings", "Close", settingsBody(u.win.Canvas().Size(),
		container.NewVBox(heading("This case"), caseForm), container.NewVBox(heading("Your preferences"), userForm)))
	currency := c.Currency
	s.dlg.SetOnClosed(func() {
		u.endTyping()
		if u.prefs.simulation() != sim {
			u.recalc.scheduleFull(u.doc.c, 0)
		}
		if s.relayout || u.doc.c.Currency != currency {
			u.rebuild()
		} else {
			u.refreshScreen(true)
		}
	})
	s.dlg.Show()
	u.tell(s)
	return s
}

// monthNumbers and monthNames are the months of the year, January first.
func monthNumbers() []string {
	out := make([]string, 12)
	for m := range 12 {
		out[m] = strconv.Itoa(m + 1)
	}
	return out
}

func monthNames() []string {
	out := make([]string, 12)
	for m := range 12 {
		out[m] = time.Month(m + 1).String()
	}
	return out
}

// fiscalYearStart is the month the company's fiscal year starts in, as a
// number from 1: January when the case does not say, and then left
// unsaid, as older files have it.
func fiscalYearStart() form.Value[string] {
	return form.Value[string]{
		Read: func(c *casebuilder.Case) (string, bool) { return strconv.Itoa(max(c.FiscalYearStart, 1)), true },
		Write: func(c *casebuilder.Case, v string) error {
			m, err := strconv.Atoi(v)
			switch {
			case err != nil:
				return err
			case m == max(c.FiscalYearStart, 1):
				return form.ErrUnchanged
			case m == 1 && c.FiscalYearStart == 0:
				return form.ErrUnchanged
			}
			c.FiscalYearStart = m
			return nil
		},
	}
}

// settingsBody lays the case's settings and the preferences out for a
// window of size win: side by side where it is wide enough, else one
// above the other; scrolled where the window is too low for them (the
// dialog's title and button take some 180 pixels).
func settingsBody(win fyne.Size, thisCase, prefs fyne.CanvasObject) fyne.CanvasObject {
	var content fyne.CanvasObject
	width := float32(560)
	if win.Width >= 960 {
		width = 2*440 + theme.Padding()
		content = container.NewGridWithColumns(2, thisCase, prefs)
	} else {
		content = container.NewVBox(thisCase, widget.NewSeparator(), prefs)
	}
	height := content.MinSize().Height
	if room := win.Height - 180; height > room && room > 0 {
		return container.NewGridWrap(fyne.NewSize(width+theme.ScrollBarSize(), room), container.NewVScroll(content))
	}
	return container.NewGridWrap(fyne.NewSize(width, height), content)
}

// onTrials keeps the number of simulation trials typed, or says why not.
func (s *settingsDialog) onTrials(text string) error {
	v, err := s.u.parse(text, figure.Count)
	switch {
	case err != nil:
		return err
	case v != math.Trunc(v) || v < minTrials || v > casebuilder.MaxTrials:
		f := s.u.format()
		return fmt.Errorf("type a whole number from %s to %s", f.Number(minTrials, 0), f.Number(casebuilder.MaxTrials, 0))
	}
	s.u.prefs.p.SetInt(prefSimTrials, int(v))
	return nil
}

// onSeed keeps the simulation's seed typed, or says why not.
func (s *settingsDialog) onSeed(text string) error {
	v, err := strconv.ParseUint(strings.TrimSpace(text), 10, 64)
	if err != nil {
		return errors.New("type a whole number from 0 up: the same seed always gives the same results")
	}
	s.u.prefs.p.SetString(prefSimSeed, strconv.FormatUint(v, 10))
	return nil
}

// focus focuses the setting of the case at path.
func (s *settingsDialog) focus(path string) bool {
	for _, b := range s.form.Fields() {
		if b.Path() == path && b.FocusTarget() != nil {
			s.u.win.Canvas().Focus(b.FocusTarget())
			return true
		}
	}
	return false
}

var errPercentRange = percentRangeError{}

type percentRangeError struct{}

func (percentRangeError) Error() string { return "type a rate between 0 % and 100 %" }

// heading is the title of a section.
func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// itoa writes an int.
func itoa(i int) string { return strconv.Itoa(i) }
