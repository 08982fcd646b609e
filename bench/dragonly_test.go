//go:build bench && profile

package bench

import (
	"cmp"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestDragOnly runs the benchmark's 60 Hz drag against a running server,
// DRAG_N times per page, and prints each run: a tool for comparing builds
// on the drag alone (make bench runs everything):
//
//	DRAG_URL=http://127.0.0.1:8000 DRAG_N=5 go test -tags bench,profile -run TestDragOnly -v ./bench
func TestDragOnly(t *testing.T) {
	u := os.Getenv("DRAG_URL")
	n, _ := strconv.Atoi(cmp.Or(os.Getenv("DRAG_N"), "3"))
	for _, p := range drags {
		var runs []string
		for i := 0; i < n; i++ {
			k, worst, lag, final, gcs := drag(t, u+p.page, p.slider, p.result)
			runs = append(runs, fmt.Sprintf("%d long (worst %.0f ms), lag %.1f ms, final %v, %d GCs", k, worst, lag, final, gcs))
		}
		fmt.Printf("%-18s %s\n", p.page, strings.Join(runs, " | "))
	}
}
