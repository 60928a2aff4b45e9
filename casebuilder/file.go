package casebuilder

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"time"
)

// BackupSuffix is added to a case file's name for the copy of its previous
// version that Save keeps beside it.
const BackupSuffix = ".bak"

// Load reads and validates the case file at path. Its error names the file;
// when the file is a readable case with invalid values, Load returns the
// case too, as [Decode] does.
func Load(path string) (*Case, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	c, err := Decode(data)
	if err != nil {
		return c, &FileError{Path: path, Err: err}
	}
	return c, nil
}

// FileError is a problem with a case file, naming the file. Its Err keeps
// the kind of the problem for [errors.Is]: [fs.ErrNotExist],
// [fs.ErrPermission], [ErrNotRegular], [ErrTooLarge], or the [Problems]
// of a file that is not a valid case.
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string {
	var ps Problems
	if errors.As(e.Err, &ps) && len(ps) > 0 && ps[0].Path == "" {
		return e.Path + " " + e.Err.Error()
	}
	return e.Path + ": " + e.Err.Error()
}

func (e *FileError) Unwrap() error { return e.Err }

// The kinds of file that is not a case, for [errors.Is].
var (
	// ErrNotRegular is a folder, a named pipe, a device or anything else
	// that is not a regular file, refused before it is read.
	ErrNotRegular = errors.New("not a regular file")
	// ErrTooLarge is a file over [MaxFileSize].
	ErrTooLarge = errors.New("larger than a case file may be")
)

// kindError is a message written for people that keeps the error it
// describes, so that errors.Is still finds its kind.
type kindError struct {
	msg string
	err error
}

func (e *kindError) Error() string { return e.msg }
func (e *kindError) Unwrap() error { return e.err }

// readFile reads a case file. It refuses what is not a regular file before
// opening it (opening a named pipe would wait for a writer, and a device
// such as /dev/zero never ends) and files over MaxFileSize before reading
// them.
func readFile(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, describeOpenError(path, err)
	}
	if err := checkRegular(path, info); err != nil {
		return nil, err
	}
	// Should the file be replaced by a pipe between the look and the
	// opening, openFlags (O_NONBLOCK where there is one) keeps the opening
	// from waiting, and the look at what was opened refuses it.
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, describeOpenError(path, err)
	}
	defer f.Close()
	info, err = f.Stat()
	if err != nil {
		return nil, &FileError{path, err}
	}
	if err := checkRegular(path, info); err != nil {
		return nil, err
	}
	if info.Size() > MaxFileSize {
		return nil, &FileError{path, &kindError{tooLarge(info.Size()), ErrTooLarge}}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, &FileError{path, fmt.Errorf("cannot be read: %w", unwrapPathError(err))}
	}
	if len(data) > MaxFileSize {
		// It grew while it was read, or its size was not known.
		return nil, &FileError{path, &kindError{tooLarge(-1), ErrTooLarge}}
	}
	return data, nil
}

// tooLarge says that a file of size bytes (-1: more than the limit, how
// much more unknown) is over MaxFileSize.
func tooLarge(size int64) string {
	limit := byteSize(MaxFileSize)
	// A size within a tenth of a MiB of the limit would read as the limit.
	if size >= MaxFileSize+(1<<20)/10 {
		return fmt.Sprintf("is %s; a case file is at most %s", byteSize(size), limit)
	}
	return fmt.Sprintf("is more than %s, the most a case file may be", limit)
}

// checkRegular refuses what is not a regular file, saying what it is.
func checkRegular(path string, info fs.FileInfo) error {
	mode := info.Mode()
	var what string
	switch {
	case mode.IsRegular():
		return nil
	case mode.IsDir():
		what = "is a folder, not a case file"
	case mode&fs.ModeNamedPipe != 0:
		what = "is a named pipe (FIFO), not a case file; a case is a regular file"
	case mode&fs.ModeDevice != 0:
		what = "is a device, not a case file; a case is a regular file"
	case mode&fs.ModeSocket != 0:
		what = "is a socket, not a case file; a case is a regular file"
	default:
		what = "is not a regular file, so not a case file"
	}
	return &FileError{path, &kindError{what, ErrNotRegular}}
}

func describeOpenError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &FileError{path, &kindError{"does not exist", err}}
	case errors.Is(err, fs.ErrPermission):
		return &FileError{path, &kindError{"cannot be opened: permission denied", err}}
	}
	return &FileError{path, fmt.Errorf("cannot be opened: %w", unwrapPathError(err))}
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Save writes the case to path atomically and keeps the file it replaces
// as path + BackupSuffix. A crash at any moment leaves path holding either
// the previous or the new version, complete, and the backup complete.
// An invalid case is refused with its [Problems] and nothing is written.
func Save(path string, c *Case) error {
	data, err := Encode(c)
	if err != nil {
		return err
	}
	return WriteFileAtomic(path, data, true)
}

// WriteFileAtomic writes data to path through a temporary file in the same
// folder, synced before it is renamed over path. With backup set, the file
// it replaces is kept as path + BackupSuffix (itself replaced atomically).
// A new file is readable by its owner only: cases hold people's data.
// When path is a symbolic link, the file it links to is replaced.
func WriteFileAtomic(path string, data []byte, backup bool) (err error) {
	// Through a symbolic link, replace (and back up) the file it names,
	// beside that file: replacing the link itself would leave the file
	// where the user keeps it unchanged. Messages name the path given.
	name := path
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target
	}
	mode := fs.FileMode(0o600)
	info, statErr := os.Stat(path)
	exists := statErr == nil
	if exists {
		if !info.Mode().IsRegular() {
			return &FileError{name, &kindError{"is not a regular file; choose another name", ErrNotRegular}}
		}
		mode = info.Mode().Perm()
	}
	tmp, err := writeTemp(path, data, mode)
	if err != nil {
		return &FileError{name, err}
	}
	defer func() {
		if err != nil {
			os.Remove(tmp)
		}
	}()
	if exists && backup {
		if err := keepBackup(path); err != nil {
			return &FileError{name, fmt.Errorf("cannot keep the previous version as a backup: %w", unwrapPathError(err))}
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		return &FileError{name, fmt.Errorf("cannot be replaced: %w", unwrapPathError(err))}
	}
	syncDir(filepath.Dir(path))
	removeStaleTemps(path)
	return nil
}

// staleAfter is how old a temporary file left beside a case must be before
// a save removes it: older than any save still under way.
const staleAfter = 10 * time.Minute

// removeStaleTemps removes the temporary files that saves of path killed
// before their rename left behind. They only ever hold a copy of a version.
func removeStaleTemps(path string) {
	patterns := []string{
		filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp"),
		path + BackupSuffix + ".*.tmp",
	}
	for _, pattern := range patterns {
		names, _ := filepath.Glob(pattern)
		for _, name := range names {
			if info, err := os.Lstat(name); err == nil && info.Mode().IsRegular() && time.Since(info.ModTime()) > staleAfter {
				os.Remove(name)
			}
		}
	}
}

// writeTemp writes data to a new file beside path and syncs it to disk.
func writeTemp(path string, data []byte, mode fs.FileMode) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("cannot be written in its folder: %w", unwrapPathError(err))
	}
	name := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(mode)
		if runtime.GOOS == "windows" {
			err = nil // Windows knows no such modes.
		}
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
		return "", fmt.Errorf("cannot be written: %w", unwrapPathError(err))
	}
	return name, nil
}

// backupSeq numbers the backups this process makes.
var backupSeq atomic.Uint64

// keepBackup makes path + BackupSuffix a complete copy of path, replacing
// any older backup atomically: a hard link where the file system has them,
// else a synced copy.
func keepBackup(path string) error {
	bak := path + BackupSuffix
	// A name of its own, so that saves of one file from several
	// goroutines at once do not take each other's link.
	tmp := fmt.Sprintf("%s.%d-%d.tmp", bak, os.Getpid(), backupSeq.Add(1))
	os.Remove(tmp)
	if err := os.Link(path, tmp); err != nil {
		data, rerr := os.ReadFile(path)
		if rerr != nil {
			return rerr
		}
		info, serr := os.Stat(path)
		if serr != nil {
			return serr
		}
		name, werr := writeTemp(bak, data, info.Mode().Perm())
		if werr != nil {
			return werr
		}
		tmp = name
	}
	err := os.Rename(tmp, bak)
	// Where the backup already is the same file as tmp (another save of
	// the same version made it a moment ago), rename does nothing and
	// leaves tmp behind: remove it either way.
	os.Remove(tmp)
	return err
}

// syncDir makes a rename in dir durable, where the system allows it.
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
