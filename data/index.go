package data

import (
	"slices"

	"github.com/shopspring/decimal"
)

// buildIndex builds the lookup tables the accessors use (ids to indexes,
// the figures' values, the evaluation order, the parameters and their
// homes) and checks nothing: it is what Default does at start, on the
// generated dataset that Check accepted when it was generated. problems
// builds the same tables with the same functions, among its checks.
func (ds *Dataset) buildIndex() {
	ds.indexIDs()
	ds.indexValues()
	ds.setEvalOrder(ds.orderIdx(nil))
	ds.buildParams()
	ds.buildMemo()
	ds.buildHomes()
}

// indexIDs maps every figure and comparison id to its index; an id given
// twice maps to its first place (the checker reports the second).
func (ds *Dataset) indexIDs() {
	ds.figures = make(map[string]int, len(ds.Figures))
	for i, f := range ds.Figures {
		if _, dup := ds.figures[f.ID]; f.ID != "" && !dup {
			ds.figures[f.ID] = i
		}
	}
	ds.comparisons = make(map[string]int, len(ds.Comparisons))
	for i, cm := range ds.Comparisons {
		if _, dup := ds.comparisons[cm.ID]; cm.ID != "" && !dup {
			ds.comparisons[cm.ID] = i
		}
	}
}

// indexValues sets the value of every figure whose value or range is
// valid (see figureBounds).
func (ds *Dataset) indexValues() {
	ds.values = make(map[string]Bounds, len(ds.Figures))
	for _, f := range ds.Figures {
		if b, ok := figureBounds(f); ok {
			ds.values[f.ID] = b
		}
	}
}

// figureBounds returns a figure's value or range as decimals, and false
// when it is not one the checker accepts: a value and a range both, a
// number that is missing or not a plain decimal, or low above high.
func figureBounds(f Figure) (Bounds, bool) {
	if f.IsRange() {
		if f.Value != "" {
			return Bounds{}, false
		}
		lo, ok1 := parseNumber(f.Low)
		hi, ok2 := parseNumber(f.High)
		if !ok1 || !ok2 || lo.GreaterThan(hi) {
			return Bounds{}, false
		}
		return Bounds{lo, hi}, true
	}
	v, ok := parseNumber(f.Value)
	return Bounds{v, v}, ok
}

// parseNumber parses a dataset number the checker accepts: a plain
// decimal (isDecimal), not empty.
func parseNumber(s string) (decimal.Decimal, bool) {
	if !isDecimal(s) {
		return decimal.Decimal{}, false
	}
	d, err := decimal.NewFromString(s)
	return d, err == nil
}

// orderIdx returns the comparisons' indexes in evaluation order: every
// comparison after the comparisons it uses. cycle, when not nil, is told
// of every cycle: comparison i names id, which is on the stack of
// comparisons being visited, and names lists the cycle's ids in order.
func (ds *Dataset) orderIdx(cycle func(i int, id string, names []string)) []int {
	const (
		unvisited = iota
		visiting
		done
	)
	state := make([]int, len(ds.Comparisons))
	var stack []int
	out := make([]int, 0, len(ds.Comparisons))
	var visit func(i int)
	visit = func(i int) {
		state[i] = visiting
		stack = append(stack, i)
		cm := ds.Comparisons[i]
		for _, ids := range [][]string{cm.A, cm.B} {
			for _, id := range ids {
				j, ok := ds.comparisons[id]
				if !ok {
					continue
				}
				switch state[j] {
				case unvisited:
					visit(j)
				case visiting:
					if cycle == nil {
						continue
					}
					var names []string
					for _, s := range stack[slices.Index(stack, j):] {
						names = append(names, ds.Comparisons[s].ID)
					}
					cycle(i, id, append(names, id))
				}
			}
		}
		stack = stack[:len(stack)-1]
		state[i] = done
		out = append(out, i)
	}
	for i := range ds.Comparisons {
		if state[i] == unvisited {
			visit(i)
		}
	}
	return out
}

// setEvalOrder sets the comparisons in the order orderIdx gives.
func (ds *Dataset) setEvalOrder(idx []int) {
	ds.evalOrder = make([]Comparison, len(idx))
	for i, j := range idx {
		ds.evalOrder[i] = ds.Comparisons[j]
	}
}
