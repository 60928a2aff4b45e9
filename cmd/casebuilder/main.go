// Command casebuilder is Case Builder. With no argument it opens the desktop
// app on the last case (or, the first time, on a sample with a welcome);
// with a case file it opens that case; with a command it works on the
// command line (see casebuilder help).
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/casebuilder/casebuilder/assets"
	"github.com/casebuilder/casebuilder/casebuilder"
	"github.com/casebuilder/casebuilder/casebuilder/brief"
	"github.com/casebuilder/casebuilder/casebuilder/cli"
	"github.com/casebuilder/casebuilder/casebuilder/report"
	"github.com/casebuilder/casebuilder/casebuilder/tracking"
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
	if err := checkPath(path); err != nil {
		fmt.Fprintln(os.Stderr, "casebuilder:", err)
		os.Exit(2)
	}
	if err := checkDisplay(); err != nil {
		fmt.Fprintln(os.Stderr, "casebuilder:", err)
		os.Exit(1)
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
	w, err := newWindow(a)
	if err != nil {
		fmt.Fprintln(os.Stderr, "casebuilder:", err)
		os.Exit(1)
	}
	w.SetMaster()
	ui.New(a, w, ui.Options{
		Path:    path,
		Version: version,
		Screen:  screenRoom(),
		Exporters: ui.Exporters{
			Workbook: func(c *casebuilder.Case, a *casebuilder.Analysis, now time.Time, ch ui.ExportChoices) ([]byte, error) {
				return workbook.Write(c, workbook.Options{Now: now, Analysis: a, Paper: ch.Paper})
			},
			Brief: func(c *casebuilder.Case, a *casebuilder.Analysis, now time.Time, ch ui.ExportChoices) ([]byte, error) {
				return brief.Write(c, brief.Options{Now: now, Paper: ch.Paper, WithReview: ch.WithReview, Analysis: a})
			},
			Progress: func(c *casebuilder.Case, asOf tracking.Month, now time.Time, ch ui.ExportChoices) ([]byte, error) {
				return report.Write(c, report.Options{AsOf: asOf, Now: now, Paper: ch.Paper, WithReview: ch.WithReview})
			},
		},
	})
	w.ShowAndRun()
}

// checkPath refuses a first argument that is neither a command nor a file,
// most likely a mistyped command, in one line on the terminal rather than
// in a window. A file that exists but is not a case still opens the app,
// which says why.
func checkPath(path string) error {
	if path == "" {
		return nil
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: no such command or case file (casebuilder help lists the commands)", path)
	}
	return nil
}

// checkDisplay says why the desktop app cannot start when there is plainly
// no display to open its window on.
func checkDisplay() error {
	switch runtime.GOOS {
	case "darwin", "windows", "android", "ios":
		return nil
	}
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return errors.New("no display to open the desktop app on (DISPLAY is not set); the commands work without one (casebuilder help)")
	}
	return nil
}

// newWindow opens the app's window. GLFW panics when it cannot reach the
// display (DISPLAY names no running server); that is the user's set-up,
// not a bug, so it becomes an error rather than a stack trace.
func newWindow(a fyne.App) (w fyne.Window, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("cannot open a window on display %q: %v", os.Getenv("DISPLAY"), v)
		}
	}()
	return a.NewWindow(appName), nil
}
