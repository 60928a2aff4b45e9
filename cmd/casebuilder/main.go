// Command casebuilder is Case Builder. With no argument it opens the desktop
// app on the last case (or, the first time, on a sample with a welcome);
// with a case file it opens that case; with a command it works on the
// command line (see casebuilder help).
package main

import (
	"os"
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/casebuilder/casebuilder/assets"
	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/brief"
	"github.com/casebuilder/casebuilder/casebuilder/cli"
	"github.com/casebuilder/casebuilder/casebuilder/workbook"
	// Before Fyne reads the locale: see the package.
	_ "github.com/casebuilder/casebuilder/cmd/casebuilder/internal/sanelocale"
	"github.com/casebuilder/casebuilder/ui"
)

// The app's identity, as FyneApp.toml gives it to the fyne tool; the
// program sets it itself so that a plain go build behaves as a package.
const (
	appID   = "io.github.casebuilder.casebuilder"
	appName = "Case Builder"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = ""

func main() {
	args := os.Args[1:]
	if len(args) > 0 && cli.IsCommand(args[0]) {
		os.Exit(cli.Run(args, os.Stdout, os.Stderr))
	}
	path := ""
	if len(args) > 0 {
		path = args[0]
	}
	if os.Getenv("GOGC") == "" {
		// The app's live heap is small (some 40 MB with the largest case,
		// most of it fonts) and it allocates a little with every keystroke:
		// collecting at half the usual growth keeps some 10 MB less resident
		// for a negligible cost in time.
		debug.SetGCPercent(50)
	}
	icon := fyne.NewStaticResource("icon.png", assets.IconPNG)
	app.SetMetadata(fyne.AppMetadata{ID: appID, Name: appName, Version: version, Icon: icon,
		// Every update from a goroutine goes through fyne.Do (see ui's bridge).
		Migrations: map[string]bool{"fyneDo": true}})
	a := app.NewWithID(appID)
	a.SetIcon(icon)
	w := a.NewWindow(appName)
	w.SetMaster()
	ui.New(a, w, ui.Options{
		Path:    path,
		Version: version,
		Exporters: ui.Exporters{
			Workbook: func(c *casebuilder.Case, a *casebuilder.Analysis, now time.Time, _ string) ([]byte, error) {
				return workbook.Write(c, workbook.Options{Now: now, Analysis: a})
			},
			Brief: func(c *casebuilder.Case, a *casebuilder.Analysis, now time.Time, paper string) ([]byte, error) {
				return brief.Write(c, brief.Options{Now: now, Paper: paper, Analysis: a})
			},
		},
	})
	w.ShowAndRun()
}
