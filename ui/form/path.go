package form

import (
	"strconv"
	"strings"
)

// IndexIn reads a path into a list: IndexIn("alternatives[3].costs[0]",
// "alternatives") is 3, "costs[0]", true. The list itself is -1, "".
func IndexIn(path, list string) (i int, rest string, ok bool) {
	if !strings.HasPrefix(path, list) {
		return 0, "", false
	}
	tail := path[len(list):]
	if tail == "" {
		return -1, "", true
	}
	if tail[0] != '[' {
		return 0, "", false
	}
	end := strings.IndexByte(tail, ']')
	if end < 0 {
		return 0, "", false
	}
	n, err := strconv.Atoi(tail[1:end])
	if err != nil {
		return 0, "", false
	}
	return n, strings.TrimPrefix(tail[end+1:], "."), true
}

// lastName returns the last field name of a path: "costs" for
// alternatives[1].costs.
func lastName(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[i+1:]
	}
	return path
}
