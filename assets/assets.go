// Package assets holds what Case Builder embeds: the sample cases.
package assets

import (
	"embed"
	"fmt"
	"strings"
)

//go:generate go run ./internal/genstress -o samples/stress.hrcase
//go:generate go run ./internal/gentracked -o samples/tracked.hrcase

//go:embed samples/*.hrcase
var samples embed.FS

// Sample describes one of the sample cases.
type Sample struct {
	Name        string
	Description string
}

// Samples lists the sample cases, in the order to offer them.
var Samples = []Sample{
	{"turnover", "A sales force of 120 losing a third of its reps a year: three alternatives beside doing nothing"},
	{"ramp", "New reps who take eleven months to sell at full quota"},
	{"handover", "Unclear roles between Sales and delivery, with components of the pain: deals re-scoped after signature and escalations to the VP Sales"},
	{"stress", "A large generated case for measuring speed: 13 alternatives, 250 risks, 180 milestones"},
	{"tracked", "The turnover case nine months after approval: its spend, milestones, KPI readings and a risk that fired"},
}

// SampleNames returns the names of the samples, separated by sep.
func SampleNames(sep string) string {
	names := make([]string, len(Samples))
	for i, s := range Samples {
		names[i] = s.Name
	}
	return strings.Join(names, sep)
}

// SampleFile returns the contents of the .hrcase file of a sample.
func SampleFile(name string) ([]byte, error) {
	for _, s := range Samples {
		if s.Name == name {
			return samples.ReadFile("samples/" + name + ".hrcase")
		}
	}
	return nil, fmt.Errorf("there is no sample %q; the samples are %s", name, SampleNames(", "))
}
