package main

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// screenRoom is the room on the primary screen, less the desktop's own
// bars (its work area), in Fyne's units; zero when GLFW cannot tell. It
// runs on the main thread, before the app runs, as GLFW requires; Fyne's
// driver initialises GLFW again harmlessly.
func screenRoom() (room fyne.Size) {
	defer func() {
		if recover() != nil { // GLFW panics on its errors
			room = fyne.Size{}
		}
	}()
	if err := glfw.Init(); err != nil {
		return fyne.Size{}
	}
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}
	}
	_, _, w, h := m.GetWorkarea()
	if w <= 0 || h <= 0 {
		if mode := m.GetVideoMode(); mode != nil {
			w, h = mode.Width, mode.Height
		}
	}
	scale, _ := m.GetContentScale()
	if scale < 1 {
		scale = 1
	}
	// The window's own frame and title bar take some of the room.
	const frame = 40
	return fyne.NewSize(float32(w)/scale, float32(h)/scale-frame)
}
