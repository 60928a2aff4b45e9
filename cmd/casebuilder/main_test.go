package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestDesktopAppStartsUnderXvfb builds the real program and starts it on a
// virtual X display: a window must appear and the program must stay up.
// It runs once with no argument (the first start, on the sample) and once
// with a case file, under LANG=C.UTF-8, where Fyne would log a locale error
// if main did not prevent it. It is skipped where Xvfb or xdotool is
// missing; CI installs them.
func TestDesktopAppStartsUnderXvfb(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the real app; not in -short")
	}
	for _, tool := range []string{"Xvfb", "xdotool"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	dir := t.TempDir()
	bin := buildProgram(t)
	display := startXvfb(t)

	sample := filepath.Join(dir, "turnover.hrcase")
	writeSample(t, sample)

	for _, run := range []struct {
		name, window string
		args         []string
	}{
		{"first start", "Case Builder", nil},
		{"with a case file", "^turnover\\.hrcase", []string{sample}},
	} {
		t.Run(run.name, func(t *testing.T) {
			home := t.TempDir()
			cmd := exec.Command(bin, run.args...)
			cmd.Env = append(os.Environ(), "DISPLAY="+display, "HOME="+home, "LANG=C.UTF-8", "LC_ALL=",
				"XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "XDG_DATA_HOME="+filepath.Join(home, ".local/share"))
			var stderr syncBuffer
			cmd.Stderr = &stderr
			// A helper the app starts may keep its stderr open; do not wait
			// for it after the app is gone.
			cmd.WaitDelay = 2 * time.Second
			started := time.Now()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// exited is closed once the app is gone, with its error in
			// waitErr: every check below may see it, and so may the kill.
			exited := make(chan struct{})
			var waitErr error
			go func() { waitErr = cmd.Wait(); close(exited) }()
			defer func() {
				cmd.Process.Kill()
				<-exited
			}()

			// The window appears...
			var found time.Duration
			for deadline := time.Now().Add(60 * time.Second); found == 0; {
				select {
				case <-exited:
					t.Fatalf("the app exited before showing a window: %v\n%s", waitErr, stderr.String())
				default:
				}
				ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				search := exec.CommandContext(ctx, "xdotool", "search", "--name", run.window)
				search.Env = append(os.Environ(), "DISPLAY="+display)
				out, _ := search.Output()
				cancel()
				if len(bytes.TrimSpace(out)) > 0 {
					found = time.Since(started)
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("no window named %q within a minute\n%s", run.window, stderr.String())
				}
				time.Sleep(50 * time.Millisecond)
			}
			t.Logf("window %q after %v (RSS %s)", run.window, found.Round(time.Millisecond), rss(cmd.Process.Pid))

			// ...and the app stays up.
			select {
			case <-exited:
				t.Fatalf("the app exited after showing its window: %v\n%s", waitErr, stderr.String())
			case <-time.After(3 * time.Second):
			}
			if strings.Contains(stderr.String(), "Error parsing user locale") {
				t.Errorf("Fyne logged a locale error under LANG=C.UTF-8:\n%s", stderr.String())
			}
		})
	}
}

// TestDesktopRefusesInOneLine checks that when the app cannot start from a
// terminal, the user reads one line saying why and gets a non-zero exit:
// never Fyne's or GLFW's stack trace.
func TestDesktopRefusesInOneLine(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the real app; not in -short")
	}
	dir := t.TempDir()
	bin := buildProgram(t)
	caseFile := filepath.Join(dir, "turnover.hrcase")
	data := writeSample(t, caseFile)
	for _, tt := range []struct {
		name    string
		args    []string
		display string
		status  int
		want    string
	}{
		{"mistyped command", []string{"sumary"}, ":0", 2, "casebuilder: sumary: no such command or case file"},
		{"no display", []string{caseFile}, "", 1, "casebuilder: no display to open the desktop app on (DISPLAY is not set)"},
		// A display number no server listens on.
		{"unreachable display", []string{caseFile}, ":7399", 1, `casebuilder: cannot open a window on display ":7399"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			home := t.TempDir()
			cmd := exec.Command(bin, tt.args...)
			cmd.Env = append(os.Environ(), "DISPLAY="+tt.display, "WAYLAND_DISPLAY=", "HOME="+home,
				"XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "XDG_DATA_HOME="+filepath.Join(home, ".local/share"))
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			status := 0
			if exit, ok := err.(*exec.ExitError); ok {
				status = exit.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if status != tt.status {
				t.Errorf("exit status %d, want %d", status, tt.status)
			}
			got := stderr.String()
			if !strings.Contains(got, tt.want) {
				t.Errorf("stderr does not say %q:\n%s", tt.want, got)
			}
			if strings.Contains(got, "goroutine") || strings.Contains(got, "panic") {
				t.Errorf("stderr shows a stack trace:\n%s", got)
			}
			after, err := os.ReadFile(caseFile)
			if err != nil || !bytes.Equal(after, data) {
				t.Errorf("the case file changed (%v)", err)
			}
		})
	}
}

// TestCommandsKeepTheLocalesPaper checks that what main does to a C
// locale for Fyne's sake does not reach the commands: under C.UTF-8 the
// brief is on A4, as under any locale outside the Letter countries.
func TestCommandsKeepTheLocalesPaper(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the real app; not in -short")
	}
	bin := buildProgram(t)
	dir := t.TempDir()
	for _, tt := range []struct {
		lang, mediaBox string
	}{
		{"C.UTF-8", "/MediaBox [0 0 595.28 841.89]"},
		{"en_US.UTF-8", "/MediaBox [0 0 612.00 792.00]"},
	} {
		caseFile, pdf := filepath.Join(dir, "ramp.hrcase"), filepath.Join(dir, tt.lang+".pdf")
		env := append(os.Environ(), "LANG="+tt.lang, "LC_ALL=", "LC_PAPER=", "LC_MESSAGES=")
		for _, args := range [][]string{{"sample", "ramp", "-o", caseFile, "--force"}, {"export", "--pdf", pdf, caseFile}} {
			cmd := exec.Command(bin, args...)
			cmd.Env = env
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("LANG=%s casebuilder %s: %v\n%s", tt.lang, strings.Join(args, " "), err, out)
			}
		}
		if data, err := os.ReadFile(pdf); err != nil || !bytes.Contains(data, []byte(tt.mediaBox)) {
			t.Errorf("LANG=%s: the brief's pages are not %s (%v)", tt.lang, tt.mediaBox, err)
		}
	}
}

// buildProgram builds the real program, once for all the tests that run
// it, and returns its path.
func buildProgram(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		dir, err := os.MkdirTemp("", "casebuilder-test")
		if err != nil {
			built.err = err
			return
		}
		built.path = filepath.Join(dir, "casebuilder")
		if out, err := exec.Command("go", "build", "-o", built.path, ".").CombinedOutput(); err != nil {
			built.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.path
}

var built struct {
	once sync.Once
	path string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if built.path != "" {
		os.RemoveAll(filepath.Dir(built.path))
	}
	os.Exit(code)
}

// startXvfb starts a virtual X server on a free display and returns the
// display's name; it is stopped when the test ends.
func startXvfb(t *testing.T) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	x := exec.CommandContext(ctx, "Xvfb", "-displayfd", "3", "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset")
	x.ExtraFiles = []*os.File{w}
	if err := x.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() {
		cancel()
		x.Wait()
	})
	line, err := bufio.NewReader(r).ReadString('\n')
	r.Close()
	if err != nil {
		t.Fatalf("Xvfb did not say its display: %v", err)
	}
	n, err := strconv.Atoi(strings.TrimSpace(line))
	if err != nil {
		t.Fatalf("Xvfb display %q: %v", line, err)
	}
	return ":" + strconv.Itoa(n)
}

// rss returns the resident memory of a process, as /proc says it.
func rss(pid int) string {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

// syncBuffer is a buffer the program writes to while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestFyneAppTOMLAgreesWithMain checks that the packaging metadata and the
// program name the app alike.
func TestFyneAppTOMLAgreesWithMain(t *testing.T) {
	data, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	toml := string(data)
	for _, want := range []string{`ID = "` + appID + `"`, `Name = "` + appName + `"`, `Icon = "assets/icon.png"`, "[Migrations]\nfyneDo = true"} {
		if !strings.Contains(toml, want) {
			t.Errorf("FyneApp.toml lacks %s", want)
		}
	}
	if _, err := os.Stat("../../assets/icon.png"); err != nil {
		t.Errorf("the icon FyneApp.toml names: %v", err)
	}
}

// TestLocaleIsFixedBeforeFyneReadsIt: package sanelocale must run its init
// before fyne.io/fyne/v2/lang reads the locale in its own. Go initialises
// packages in the order the specification gives (by import path, each once
// its imports are done), which puts sanelocale first; this checks the order
// the real program runs them in, as GODEBUG=inittrace=1 reports it.
func TestLocaleIsFixedBeforeFyneReadsIt(t *testing.T) {
	bin := buildProgram(t)
	cmd := exec.Command(bin, "help")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("casebuilder help: %v\n%s", err, stderr.String())
	}
	order := map[string]int{}
	for i, line := range strings.Split(stderr.String(), "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "init" {
			order[f[1]] = i + 1
		}
	}
	fix, lang := order["github.com/casebuilder/casebuilder/cmd/casebuilder/internal/sanelocale"], order["fyne.io/fyne/v2/lang"]
	if fix == 0 || lang == 0 || fix > lang {
		t.Errorf("sanelocale initialised at line %d, fyne's lang at line %d of the trace; sanelocale must come first", fix, lang)
	}
}
