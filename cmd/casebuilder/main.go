// Command casebuilder is Case Builder: with a command it works on the
// command line (see casebuilder help).
package main

import (
	"os"

	"github.com/casebuilder/casebuilder/casebuilder/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
