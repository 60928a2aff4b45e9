// Package sanelocale gives the process a locale Fyne can read, before Fyne
// reads it.
//
// Fyne reads the locale while its packages are initialised (in the init
// of fyne.io/fyne/v2/lang), before main runs, and logs "Error parsing user
// locale C" when it is C.UTF-8 or POSIX.UTF-8 (as in most containers). Such
// a setting means "no particular language", which for the app is English.
// Nothing in main can run before that, so the fix is this package's init.
//
// The order is the Go specification's: packages are initialised by import
// path, each as soon as everything it imports is; this one imports only os
// and strings, and its path sorts before github.com/jeandeaual/go-locale,
// which fyne.io/fyne/v2/lang needs, so it always runs first.
// TestLocaleIsFixedBeforeFyneReadsIt in cmd/casebuilder checks that order
// in the real program. Import it for its effect, from main only.
package sanelocale

import (
	"os"
	"strings"
)

func init() { Fix() }

// Fix removes a C or POSIX locale (with or without an encoding) and sets
// the language of messages to en_US.UTF-8 in its place, as when there is
// no locale at all. A real locale is left alone.
func Fix() {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(name)
		if v == "" {
			continue
		}
		if lang, _, _ := strings.Cut(v, "."); lang != "C" && lang != "POSIX" {
			return // a real locale decides
		}
		os.Unsetenv(name)
	}
	// Only the language of messages: LANG would also name a country, and
	// with it US Letter paper for the brief.
	os.Setenv("LC_MESSAGES", "en_US.UTF-8")
}
