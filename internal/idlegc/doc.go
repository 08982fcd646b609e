// Package idlegc moves the client's garbage collection from the reader's
// interactions to the pauses between them.
//
// In the browser the Go runtime has one thread: a collection stops
// everything until it ends. An edit's redraw allocates about 0.5 MB, all
// of it garbage at once, over a live heap of about 1 MB, so Go's own
// pacing (GOGC=100, a 4 MB heap at least) collected every 6 or so steps
// of a slider drag: 8 to 10 collections in a 40-step drag, measured. The
// first ones cost 80–140 ms each on a 2-core machine, because the browser
// compiles the collector's code only when it first runs, and came in the
// middle of a reader's first drag as frames missed for a tenth of a
// second.
//
// Start turns that pacing off, and collects once the reader has been
// quiet for Quiet (the first time, once the page has loaded): the
// widget's handlers of the reader's edits call Touch. A memory
// limit stays as the safety net: past Limit, Go collects on its own, as
// it would have, however busy the reader is.
//
// Every collection, ours or the runtime's, adds the performance mark
// "amz:gc-cycle", and each of ours "amz:gc": the tests and `make bench`
// count them.
package idlegc

import "time"

// Limit is the memory the runtime may hold before it collects on its own,
// quiet reader or not: about 60 slider steps from a collected heap, a
// second of continuous dragging, and a bounded cost of the policy in each
// page that embeds the widget.
const Limit = 32 << 20

// Quiet is how long the reader must have been idle before a collection
// runs.
const Quiet = 2 * time.Second
