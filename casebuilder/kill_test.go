package casebuilder

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// saveLoopEnv, when set, makes TestSaveSurvivesKill the child that saves
// over and over until it is killed.
const saveLoopEnv = "CASEBUILDER_SAVE_LOOP"

// killRounds is how many times the saving child is killed.
var killRounds = 200

// TestSaveSurvivesKill kills a process with SIGKILL at random moments while
// it saves a case over and over, alternating two versions, and checks after
// each kill that the case file is one of the two versions, complete, and
// that the backup is too.
func TestSaveSurvivesKill(t *testing.T) {
	if path := os.Getenv(saveLoopEnv); path != "" {
		saveForever(t, path)
		return
	}
	if testing.Short() {
		killRounds = 30
	}
	versions := twoVersions(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "case.hrcase")
	if err := WriteFileAtomic(path, versions[0], true); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, uint64(time.Now().UnixNano())))
	saves := 0
	for round := range killRounds {
		cmd := exec.Command(os.Args[0], "-test.run=^TestSaveSurvivesKill$")
		cmd.Env = append(os.Environ(), saveLoopEnv+"="+path)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Count the child's saves as they complete; kill it at a random
		// moment once it is saving (a few saves take a few milliseconds).
		counted := make(chan int)
		started := make(chan struct{})
		go func() {
			n, buf := 0, make([]byte, 4096)
			for {
				k, err := stdout.Read(buf)
				if n == 0 && bytes.Contains(buf[:k], []byte(savedMark)) {
					close(started)
				}
				n += bytes.Count(buf[:k], []byte(savedMark))
				if err != nil {
					counted <- n
					return
				}
			}
		}()
		select {
		case <-started:
		case <-time.After(30 * time.Second):
			t.Fatal("the saving child never saved")
		}
		time.Sleep(time.Duration(rng.IntN(20_000)) * time.Microsecond)
		cmd.Process.Signal(syscall.SIGKILL)
		saves += <-counted
		cmd.Wait()

		for _, name := range []string{path, path + BackupSuffix} {
			data, err := os.ReadFile(name)
			if os.IsNotExist(err) && name != path {
				continue // no save has finished yet
			}
			if err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
			if !bytes.Equal(data, versions[0]) && !bytes.Equal(data, versions[1]) {
				t.Fatalf("round %d: %s is neither version (%d bytes)", round, filepath.Base(name), len(data))
			}
			if _, err := Decode(data); err != nil {
				t.Fatalf("round %d: %s does not load: %v", round, filepath.Base(name), err)
			}
		}
	}
	t.Logf("%d kills, %d saves completed between them", killRounds, saves)
	if saves < killRounds {
		t.Errorf("only %d saves completed in %d rounds: the child fails or is killed too early to test anything", saves, killRounds)
	}
}

// savedMark is what the saving child prints after each completed save.
const savedMark = "<saved>"

// saveForever alternates the two versions of the case at path and prints
// savedMark after each save, until the process is killed.
func saveForever(t *testing.T, path string) {
	versions := twoVersions(t)
	for i := 0; ; i++ {
		if err := WriteFileAtomic(path, versions[i%2], true); err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		os.Stdout.WriteString(savedMark)
	}
}

// twoVersions returns two different complete case files, large enough that
// writing one takes a while.
func twoVersions(t *testing.T) [2][]byte {
	var v [2][]byte
	c := loadSample(t, "turnover")
	for i := range v {
		c.Title = "Version " + strconv.Itoa(i)
		data, err := Encode(c)
		if err != nil {
			panic(err)
		}
		v[i] = data
	}
	return v
}
