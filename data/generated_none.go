//go:build gendata

package data

// generated is empty when building the generator itself (go run -tags
// gendata, as go generate does), so that it builds even when
// dataset_gen.go is missing or no longer fits the package's types.
var generated Dataset
