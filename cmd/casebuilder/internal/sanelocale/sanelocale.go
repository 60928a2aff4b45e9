// Package sanelocale gives the process a locale Fyne can read, before Fyne
// reads it.
//
// Fyne reads the locale while its packages are initialised, before main
// runs, and logs "Error parsing user locale C" when it is C.UTF-8 or
// POSIX.UTF-8 (as in most containers). Such a setting means "no particular
// language", which for the app is English. Go initialises packages in the
// order of their import paths once their imports are ready, so this one,
// which needs only os and strings, runs before
// github.com/jeandeaual/go-locale and so before fyne.io/fyne/v2/lang. Import
// it for its effect, from main only.
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
