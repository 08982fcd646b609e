//go:build js && wasm

package idlegc

import (
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"amzwidget/internal/startmark"
)

var (
	mu    sync.Mutex
	timer *time.Timer
)

// Start turns Go's own pacing off (debug.SetGCPercent(-1)) under a memory
// limit of Limit, and plans a collection for when the start-up is over
// and the reader has been quiet for Quiet.
func Start() {
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(Limit)
	watch()
	Touch()
}

// watch marks each collection, ours or the runtime's, with "amz:gc-cycle":
// a finalizer runs after every collection that finds its object
// unreachable, and sets the next one.
func watch() {
	sentinel := new([64]byte)
	runtime.SetFinalizer(sentinel, func(*[64]byte) {
		startmark.Mark("amz:gc-cycle")
		watch()
	})
}

// Touch tells that the reader did something: the planned collection
// waits until they have been quiet for Quiet again. The widget calls it
// from its own handlers of the reader's edits, which run in Go anyway:
// listeners of its own on the window (keydown, input, pointerdown…)
// called into Go in the middle of the browser's handling of each key,
// and a field then lost some of the characters typed into it.
func Touch() {
	mu.Lock()
	defer mu.Unlock()
	if timer != nil {
		timer.Reset(Quiet)
		return
	}
	timer = time.AfterFunc(Quiet, collect)
}

// lastAlloc is the bytes allocated in all, as of the last collection.
var lastAlloc uint64

// minGarbage is the least garbage worth a collection.
const minGarbage = 256 << 10

// collect runs a collection, unless little was allocated since the last
// one, and marks it ("amz:gc") for the tests and the benchmark.
func collect() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if m.TotalAlloc-lastAlloc < minGarbage {
		return
	}
	runtime.GC()
	startmark.Mark("amz:gc")
	runtime.ReadMemStats(&m)
	lastAlloc = m.TotalAlloc
}
