package casebuilder

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestByteOrderMark checks that a case saved with a UTF-8 byte-order mark,
// as Windows Notepad saves one, loads as if it had none, and that one
// saved as UTF-16 says how to save it instead of "not UTF-8".
func TestByteOrderMark(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "notepad.hrcase")
	if err := os.WriteFile(path, []byte("\xef\xbb\xbf"+minimal), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Load(path)
	if err != nil || c.Title != "T" {
		t.Fatalf("a case with a byte-order mark: %v", err)
	}
	// A problem's position counts from after the mark.
	_, err = Decode([]byte("\xef\xbb\xbf{\"schemaVersion\": 2,\n \"title\": }"))
	if err == nil || !strings.Contains(err.Error(), "line 2, column 11") {
		t.Errorf("a damaged case with a byte-order mark: %v", err)
	}
	for _, bom := range []string{"\xff\xfe", "\xfe\xff"} {
		_, err := Decode([]byte(bom + "{\x00}\x00"))
		if err == nil || err.Error() != `is UTF-16 text (Windows Notepad's "Unicode"); save it again as UTF-8 to open it` {
			t.Errorf("UTF-16 with % x: %v", bom, err)
		}
	}
}

// TestSizeMessages checks that a file over the limit is refused with a
// size that is not the limit itself: "16.0 MiB; at most 16.0 MiB" was a
// contradiction.
func TestSizeMessages(t *testing.T) {
	dir := t.TempDir()
	sparse := func(size int64) string {
		path := filepath.Join(dir, "big.hrcase")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(size); err != nil {
			t.Fatal(err)
		}
		f.Close()
		return path
	}
	tests := []struct {
		size int64
		says string
	}{
		{MaxFileSize + 1, "is more than 16 MiB, the most a case file may be"},
		{MaxFileSize + 100<<10, "is more than 16 MiB, the most a case file may be"},
		{MaxFileSize + 200<<10, "is 16.2 MiB; a case file is at most 16 MiB"},
		{100 << 20, "is 100 MiB; a case file is at most 16 MiB"},
	}
	for _, tt := range tests {
		path := sparse(tt.size)
		_, err := Load(path)
		var fe *FileError
		if !errors.Is(err, ErrTooLarge) || !errors.As(err, &fe) || fe.Err.Error() != tt.says {
			t.Errorf("%d bytes: %v; want %q", tt.size, err, tt.says)
		}
	}
	// Decode of bytes over the limit (Load stops reading there).
	_, err := Decode(bytes.Repeat([]byte(" "), MaxFileSize+1))
	if err == nil || err.Error() != "is more than 16 MiB, the most a case file may be" {
		t.Errorf("Decode: %v", err)
	}
}

// TestControlCharacters checks that a control character in any text of a
// case is refused, naming the text, whether it comes from a file or is
// set by a program: an escape sequence in a title would reach a terminal
// through summary, and the brief and the workbook.
func TestControlCharacters(t *testing.T) {
	tests := []struct {
		name string
		set  func(c *Case)
		path string
		says string
	}{
		{"an escape sequence in the title", func(c *Case) { c.Title = "Sales \x1b[31mturnover" }, "title",
			"holds a control character (U+001B) at character 7; remove it"},
		{"a NUL in a cost's name", func(c *Case) { c.Alternatives[1].Costs[0].Name = "Coach\x00ing" }, "alternatives[1].costs[0].name",
			"holds a control character (U+0000) at character 6; remove it"},
		{"a bell in a list of text", func(c *Case) { c.Context.Gaps = append(c.Context.Gaps, "", "x\a") }, "context.gaps[",
			"holds a control character (U+0007) at character 2; remove it"},
		{"a carriage return alone", func(c *Case) { c.Risks[0].Contingency = "first\rsecond" }, "risks[0].contingency",
			"holds a control character (U+000D) at character 6; remove it"},
		{"DEL", func(c *Case) { c.Plan.Milestones[0].Owner = "Lena\x7f" }, "plan.milestones[0].owner",
			"holds a control character (U+007F) at character 5; remove it"},
		{"a C1 control (CSI)", func(c *Case) { c.Measures[0].Name = "KPI \u009b2J" }, "measures[0].name",
			"holds a control character (U+009B) at character 5; remove it"},
		{"in the key of a map", func(c *Case) { c.Pain.Inputs["reps\x1b"] = Given(Exactly(1)) }, "pain.inputs",
			"has a key holding a control character (U+001B); remove it"},
		{"in a criterion's key", func(c *Case) { c.Alternatives[1].Scores["risk\x1b"] = Score{Score: 3} }, "alternatives[1].scores",
			"has a key holding a control character (U+001B); remove it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := loadSample(t, "turnover")
			tt.set(c)
			var found *Problem
			for _, p := range Validate(c) {
				if strings.HasPrefix(p.Path, tt.path) && strings.Contains(p.Message, "control character") {
					found = &p
				}
			}
			if found == nil || found.Message != tt.says {
				t.Fatalf("problems %v; want %s: %s", Validate(c), tt.path, tt.says)
			}
			for _, p := range Validate(c) {
				if _, _, ok := controlCharacter(p.String()); ok {
					t.Errorf("the problem %q holds a control character itself", p)
				}
			}
			if _, err := Encode(c); err == nil {
				t.Error("Encode wrote the case")
			}
		})
	}

	// Tabs and line ends, Windows' \r\n among them, are text.
	c := loadSample(t, "turnover")
	c.Title = "Tab\there"
	c.Risks[0].Contingency = "Line one\r\nLine two\nLine three"
	if ps := Validate(c); len(ps) > 0 {
		t.Errorf("tabs and line ends are refused: %v", ps)
	}

	// From a file, the JSON escape of ESC is refused the same way.
	_, err := Decode([]byte(strings.Replace(minimal, `"title": "T"`, `"title": "T\u001b]0;pwned\u0007"`, 1)))
	var ps Problems
	if !errors.As(err, &ps) || ps[0].String() != "title: holds a control character (U+001B) at character 2; remove it" {
		t.Errorf("from a file: %v", err)
	}
	// A key the file should not have, holding one, is named quoted.
	_, err = Decode([]byte(strings.Replace(minimal, `"title": "T"`, `"title": "T", "x\u001b[2J": 1`, 1)))
	if !errors.As(err, &ps) || ps[0].String() != `"x\x1b[2J": is not a field of a case file here; check its spelling` {
		t.Errorf("an unknown key: %v", err)
	}
}
