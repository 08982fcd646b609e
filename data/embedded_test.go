package data

import _ "embed"

// embedded is the shipped dataset file, which Default's generated values
// must equal (the wasm itself no longer carries the JSON).
//
//go:embed dataset.json
var embedded []byte
