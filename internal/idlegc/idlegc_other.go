//go:build !(js && wasm)

package idlegc

// Start does nothing outside the browser: the server's Go keeps its own
// pacing. It is here so that the client's main builds (and is vetted) on
// the host.
func Start() {}

// Touch does nothing outside the browser.
func Touch() {}
