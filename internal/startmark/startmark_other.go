//go:build !(js && wasm)

package startmark

// Mark does nothing outside the browser.
func Mark(name string) {}
