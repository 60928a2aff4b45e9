package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/casebuilder/casebuilder/assets"
)

// The file type the package registers.
const (
	hrcaseType  = "application/x-hrcase"
	desktopFile = appID + ".desktop"
)

// TestLinuxPackage makes the Linux package as `make package` does (the
// script it runs, with the fyne tool the Makefile names) from a copy of
// what packaging reads, then checks what a desktop gets from it: the
// .desktop file (its Exec starts the packaged program with the file, it
// names the .hrcase type, desktop-file-validate passes it), the type's
// shared-mime-info definition, and, installed with the archive's own
// `make user-install` into a scratch home, the MIME database, the app as
// the type's default handler, and a case opened with `gio open`, as a
// file manager opens it on a double click, in the app's window. It needs
// the module proxy (for the fyne tool) and, for its parts, tar, xz, make,
// desktop-file-utils, shared-mime-info, xdg-utils, Xvfb, xdotool and gio,
// which `make test` installs; it says what it skips.
func TestLinuxPackage(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the real app and the fyne tool; not in -short")
	}
	if runtime.GOOS != "linux" {
		t.Skip("the package is a Linux one")
	}
	for _, tool := range []string{"tar", "xz", "make"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	bin := buildProgram(t)

	// `make package` runs the script this test runs.
	dry, err := exec.Command("make", "-n", "-C", root, "package").CombinedOutput()
	if err != nil || !strings.Contains(string(dry), "scripts/package-linux.sh . bin/casebuilder") {
		t.Fatalf("make -n package does not run scripts/package-linux.sh (%v):\n%s", err, dry)
	}

	// What fyne reads, copied: it writes the archive beside FyneApp.toml
	// and increments Build in it, and wants Go code in the folder.
	src := t.TempDir()
	for from, to := range map[string]string{"FyneApp.toml": "FyneApp.toml", "assets/icon.png": "assets/icon.png",
		"cmd/casebuilder/main.go": "main.go"} {
		copyFile(t, filepath.Join(root, from), filepath.Join(src, to))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	pack := exec.CommandContext(ctx, "sh", filepath.Join(root, "scripts", "package-linux.sh"), src, bin)
	// XZ_OPT reaches the xz that fyne's tar and the script's run: the
	// least compression, which packs the same files in a fifth of the time.
	pack.Env = append(os.Environ(), "FYNE=go run "+fyneTool(t, filepath.Join(root, "Makefile")), "XZ_OPT=-0")
	started := time.Now()
	if out, err := pack.CombinedOutput(); err != nil {
		t.Fatalf("scripts/package-linux.sh: %v\n%s", err, out)
	}
	archive := filepath.Join(src, appName+".tar.xz")
	info, err := os.Stat(archive)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("packaged in %v: %s, %.1f MB", time.Since(started).Round(time.Second), filepath.Base(archive), float64(info.Size())/1e6)

	pkg := t.TempDir()
	if out, err := exec.Command("tar", "-xJf", archive, "-C", pkg).CombinedOutput(); err != nil {
		t.Fatalf("tar: %v\n%s", err, out)
	}
	pkg = filepath.Join(pkg, "casebuilder")
	usr := "usr/local"
	if _, err := os.Stat(filepath.Join(pkg, usr)); err != nil {
		usr = "usr"
	}

	// The launcher: Exec is the packaged program, then the file.
	desktop := filepath.Join(pkg, usr, "share/applications", desktopFile)
	entry := readDesktopEntry(t, desktop)
	for key, want := range map[string]string{"Type": "Application", "Name": appName, "Exec": "casebuilder %f",
		"Icon": appID, "MimeType": hrcaseType + ";"} {
		if entry[key] != want {
			t.Errorf("the .desktop file's %s is %q, want %q", key, entry[key], want)
		}
	}
	packaged, err := os.ReadFile(filepath.Join(pkg, usr, "bin", strings.Fields(entry["Exec"] + " ?")[0]))
	built, _ := os.ReadFile(bin)
	if err != nil || !bytes.Equal(packaged, built) {
		t.Errorf("the program Exec names is not the one packaged (%v)", err)
	}
	if _, err := os.Stat(filepath.Join(pkg, usr, "share/pixmaps", appID+".png")); err != nil {
		t.Errorf("the icon the .desktop file names: %v", err)
	}
	if validate, err := exec.LookPath("desktop-file-validate"); err != nil {
		t.Log("SKIPPED desktop-file-validate: desktop-file-utils is not installed")
	} else if out, err := exec.Command(validate, desktop).CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("desktop-file-validate: %v\n%s", err, out)
	}

	// The file type's definition.
	checkMimeDefinition(t, filepath.Join(pkg, usr, "share/mime/packages", appID+".xml"))

	// Installed for a user, as the archive's Makefile does it.
	home := t.TempDir()
	env := append(os.Environ(), "HOME="+home, "XDG_DATA_HOME="+filepath.Join(home, ".local/share"),
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "XDG_CACHE_HOME="+filepath.Join(home, ".cache"), "LANG=C.UTF-8", "LC_ALL=")
	makeIn(t, pkg, env, "user-install")
	share := filepath.Join(home, ".local/share")
	installed := readDesktopEntry(t, filepath.Join(share, "applications", desktopFile))
	if want := filepath.Join(home, ".local/bin/casebuilder") + " %f"; installed["Exec"] != want {
		t.Errorf("the installed .desktop file's Exec is %q, want %q", installed["Exec"], want)
	}
	for _, f := range []string{".local/bin/casebuilder", ".local/share/mime/packages/" + appID + ".xml",
		".local/share/icons/hicolor/512x512/apps/" + appID + ".png"} {
		if _, err := os.Stat(filepath.Join(home, f)); err != nil {
			t.Errorf("user-install: %v", err)
		}
	}
	_, haveMime := exec.LookPath("update-mime-database")
	_, haveDesktop := exec.LookPath("update-desktop-database")
	if haveMime != nil || haveDesktop != nil {
		t.Skip("shared-mime-info or desktop-file-utils is not installed: skipping the checks of the installed file type")
	}
	if globs, _ := os.ReadFile(filepath.Join(share, "mime/globs2")); !bytes.Contains(globs, []byte(":"+hrcaseType+":*.hrcase\n")) {
		t.Errorf("the MIME database has no glob for .hrcase:\n%s", globs)
	}
	if cache, _ := os.ReadFile(filepath.Join(share, "applications/mimeinfo.cache")); !bytes.Contains(cache, []byte(hrcaseType+"="+desktopFile+";")) {
		t.Errorf("the desktop's handlers do not name the app for %s:\n%s", hrcaseType, cache)
	}

	caseFile := filepath.Join(home, "Documents", "turnover.hrcase")
	writeSample(t, caseFile)
	if _, err := exec.LookPath("xdg-mime"); err != nil {
		t.Log("SKIPPED xdg-mime: xdg-utils is not installed")
	} else {
		for _, q := range []struct{ args, want string }{
			{"query filetype " + caseFile, hrcaseType},
			{"query default " + hrcaseType, desktopFile},
		} {
			cmd := exec.Command("xdg-mime", strings.Fields(q.args)...)
			cmd.Env = env
			out, err := cmd.Output()
			if got := strings.TrimSpace(string(out)); err != nil || got != q.want {
				t.Errorf("xdg-mime %s = %q (%v), want %q", q.args, got, err, q.want)
			}
		}
	}

	openLikeAFileManager(t, env, caseFile)

	makeIn(t, pkg, env, "user-uninstall")
	for _, f := range []string{".local/bin/casebuilder", ".local/share/applications/" + desktopFile,
		".local/share/mime/packages/" + appID + ".xml", ".local/share/mime/application/x-hrcase.xml"} {
		if _, err := os.Stat(filepath.Join(home, f)); err == nil {
			t.Errorf("user-uninstall left %s", f)
		}
	}
	if cache, _ := os.ReadFile(filepath.Join(share, "applications/mimeinfo.cache")); bytes.Contains(cache, []byte(hrcaseType)) {
		t.Errorf("after user-uninstall the desktop still has a handler for %s", hrcaseType)
	}
}

// openLikeAFileManager opens the case with `gio open`, which launches the
// default handler of its type through its .desktop file as GNOME's file
// manager does on a double click, and waits for the app's window on the
// case, on a virtual display.
func openLikeAFileManager(t *testing.T, env []string, caseFile string) {
	t.Helper()
	for _, tool := range []string{"gio", "Xvfb", "xdotool"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Logf("SKIPPED opening the case from the desktop: %s is not installed", tool)
			return
		}
	}
	display := startXvfb(t)
	env = append(env, "DISPLAY="+display, "WAYLAND_DISPLAY=")
	open := exec.Command("gio", "open", caseFile)
	open.Env = env
	// The app inherits gio's output: a file, which nothing waits on.
	log, err := os.Create(filepath.Join(t.TempDir(), "gio.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer log.Close()
	open.Stdout, open.Stderr = log, log
	if err := open.Run(); err != nil {
		out, _ := os.ReadFile(log.Name())
		t.Fatalf("gio open: %v\n%s", err, out)
	}
	window := "^" + regexp.QuoteMeta(filepath.Base(caseFile))
	for deadline := time.Now().Add(time.Minute); ; {
		search := exec.Command("xdotool", "search", "--name", window)
		search.Env = env
		out, _ := search.Output()
		if ids := strings.Fields(string(out)); len(ids) > 0 {
			stopApp(t, env, ids[0])
			return
		}
		if time.Now().After(deadline) {
			out, _ := os.ReadFile(log.Name())
			t.Fatalf("no window named %q within a minute of gio open\n%s", window, out)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// stopApp ends the app that owns the window, once sure it is the program
// installed in the test's home, started for the test.
func stopApp(t *testing.T, env []string, window string) {
	t.Helper()
	cmd := exec.Command("xdotool", "getwindowpid", window)
	cmd.Env = env
	out, err := cmd.Output()
	pid, perr := strconv.Atoi(strings.TrimSpace(string(out)))
	if err != nil || perr != nil {
		t.Errorf("the window's process: %v %v", err, perr)
		return
	}
	cmdline, _ := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/cmdline")
	home := ""
	for _, kv := range env {
		if h, ok := strings.CutPrefix(kv, "HOME="); ok {
			home = h
		}
	}
	args := strings.Split(strings.TrimRight(string(cmdline), "\x00"), "\x00")
	if len(args) != 2 || args[0] != filepath.Join(home, ".local/bin/casebuilder") || filepath.Ext(args[1]) != ".hrcase" {
		t.Errorf("the window belongs to %q, not to the installed app given the case", args)
		return
	}
	if p, err := os.FindProcess(pid); err == nil {
		p.Kill()
	}
}

// fyneTool returns the fyne tool's module@version as the Makefile's FYNE
// names it.
func fyneTool(t *testing.T, makefile string) string {
	t.Helper()
	data, err := os.ReadFile(makefile)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^FYNE\s*\??=\s*(fyne\.io/tools/cmd/fyne@v\S+)\s*$`).FindSubmatch(data)
	if m == nil {
		t.Fatal("the Makefile names no fyne tool (FYNE = fyne.io/tools/cmd/fyne@vX.Y.Z)")
	}
	return string(m[1])
}

// readDesktopEntry returns the keys of a .desktop file's [Desktop Entry]
// group.
func readDesktopEntry(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	entry := map[string]string{}
	group := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "["):
			group = line
		case group == "[Desktop Entry]":
			if k, v, ok := strings.Cut(line, "="); ok {
				entry[k] = v
			}
		}
	}
	if len(entry) == 0 {
		t.Fatalf("%s has no [Desktop Entry]", path)
	}
	return entry
}

// checkMimeDefinition checks the shared-mime-info definition of the type.
func checkMimeDefinition(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var def struct {
		XMLName xml.Name `xml:"http://www.freedesktop.org/standards/shared-mime-info mime-info"`
		Types   []struct {
			Type    string `xml:"type,attr"`
			Comment string `xml:"comment"`
			Glob    []struct {
				Pattern string `xml:"pattern,attr"`
			} `xml:"glob"`
			Icon struct {
				Name string `xml:"name,attr"`
			} `xml:"icon"`
			SubClassOf struct {
				Type string `xml:"type,attr"`
			} `xml:"sub-class-of"`
		} `xml:"mime-type"`
	}
	if err := xml.Unmarshal(data, &def); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(def.Types) != 1 {
		t.Fatalf("%s defines %d types, want 1", path, len(def.Types))
	}
	mt := def.Types[0]
	if mt.Type != hrcaseType || len(mt.Glob) != 1 || mt.Glob[0].Pattern != "*.hrcase" || mt.Icon.Name != appID ||
		mt.SubClassOf.Type != "application/json" || mt.Comment == "" {
		t.Errorf("%s: %+v", path, mt)
	}
}

// makeIn runs make target in dir.
func makeIn(t *testing.T, dir string, env []string, target string) {
	t.Helper()
	cmd := exec.Command("make", "-C", dir, target)
	cmd.Env = env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("make %s: %v\n%s", target, err, out)
	}
}

// copyFile copies the file from to the path to, readable by all, as
// packaging reads it, making its folder.
func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, data, 0o755, 0o644)
}

// writeSample writes the turnover sample at path, for the user only, as a
// user's own case file, making its folder; it returns what it wrote.
func writeSample(t *testing.T, path string) []byte {
	t.Helper()
	data, err := assets.SampleFile("turnover")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, data, 0o700, 0o600)
	return data
}

// writeFile writes data at path with the permissions perm, first making
// the folders missing on the way with dirPerm.
func writeFile(t *testing.T, path string, data []byte, dirPerm, perm os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), dirPerm); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, perm); err != nil {
		t.Fatal(err)
	}
}
