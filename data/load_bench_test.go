package data

import "testing"

// BenchmarkLoad is what the wasm did once at start before issue 13: decode
// and check the embedded dataset.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(embedded); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDefaultFromGenerated is what Default does once at start now:
// build the lookup tables of the generated dataset (without its sync.Once).
func BenchmarkDefaultFromGenerated(b *testing.B) {
	for b.Loop() {
		if ds := fromGenerated(); len(ds.params) == 0 {
			b.Fatal("no parameters")
		}
	}
}
