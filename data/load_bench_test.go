package data

import "testing"

// BenchmarkLoad is what the wasm does once at start: decode and check the
// embedded dataset.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(embedded); err != nil {
			b.Fatal(err)
		}
	}
}
