//go:build js && wasm

// Package startmark writes User Timing marks of the client's start-up,
// read by `make bench` to break the start-up down: "amz:go-init" when Go
// starts initialising packages (this package has no dependencies but
// syscall/js, and its import path sorts before every other package's, so
// its init runs among the first), then whatever Mark is called with.
package startmark

import "syscall/js"

func init() { Mark("amz:go-init") }

// Mark adds a performance mark with the given name.
func Mark(name string) {
	if p := js.Global().Get("performance"); p.Truthy() && p.Get("mark").Truthy() {
		p.Call("mark", name)
	}
}
