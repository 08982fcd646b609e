package data

import (
	"reflect"
	"testing"
)

// TestDefaultIsLoad: the dataset Default builds from the generated values
// equals, field by field and index by index, the one Load parses and
// checks from dataset.json. (TestGeneratedUpToDate proves the generated
// file is the current dataset.json's.)
func TestDefaultIsLoad(t *testing.T) {
	want, err := Load(embedded)
	if err != nil {
		t.Fatalf("Load(dataset.json): %v", err)
	}
	got := Default()
	if !reflect.DeepEqual(got, want) {
		// Name the fields that differ, exported or not.
		fields := map[string][2]any{
			"Schema": {got.Schema, want.Schema}, "Title": {got.Title, want.Title},
			"Articles": {got.Articles, want.Articles}, "Figures": {got.Figures, want.Figures},
			"Comparisons": {got.Comparisons, want.Comparisons}, "Claims": {got.Claims, want.Claims},
			"Topics": {got.Topics, want.Topics}, "Corrections": {got.Corrections, want.Corrections},
			"figures": {got.figures, want.figures}, "comparisons": {got.comparisons, want.comparisons},
			"values": {got.values, want.values}, "evalOrder": {got.evalOrder, want.evalOrder},
			"params": {got.params, want.params}, "paramIdx": {got.paramIdx, want.paramIdx},
			"home": {got.home, want.home}, "Site": {got.Site, want.Site}, "memo": {got.memo, want.memo},
		}
		if n := reflect.TypeFor[Dataset]().NumField(); n != len(fields) {
			t.Errorf("Dataset has %d fields, this test names %d: add the new ones", n, len(fields))
		}
		for name, gw := range fields {
			if !reflect.DeepEqual(gw[0], gw[1]) {
				t.Errorf("Default's %s differs from Load's", name)
			}
		}
		t.Fatal("Default() is not Load(dataset.json)")
	}
	if Default() != got {
		t.Error("Default built the dataset twice")
	}
	// The indexes are really there, and compared: the lookups answer.
	if len(got.figures) != len(got.Figures) || len(got.comparisons) != len(got.Comparisons) ||
		len(got.evalOrder) != len(got.Comparisons) || len(got.params) == 0 || len(got.home) == 0 {
		t.Errorf("indexes missing: %d figures (of %d), %d comparisons (of %d), %d in order, %d params, %d homes",
			len(got.figures), len(got.Figures), len(got.comparisons), len(got.Comparisons), len(got.evalOrder), len(got.params), len(got.home))
	}
}

// TestDefaultIsLoadSeesIndexes: the comparison above is not blind to the
// unexported indexes: one changed entry in any of them makes the two
// datasets differ.
func TestDefaultIsLoadSeesIndexes(t *testing.T) {
	for name, spoil := range map[string]func(ds *Dataset){
		"figures":     func(ds *Dataset) { ds.figures[ds.Figures[0].ID] = 1 },
		"comparisons": func(ds *Dataset) { delete(ds.comparisons, ds.Comparisons[0].ID) },
		"values":      func(ds *Dataset) { ds.values[ds.Figures[0].ID] = Bounds{} },
		"evalOrder":   func(ds *Dataset) { ds.evalOrder = ds.evalOrder[1:] },
		"params":      func(ds *Dataset) { ds.params = ds.params[1:] },
		"paramIdx":    func(ds *Dataset) { ds.paramIdx[ds.params[0].ID] = 7 },
		"home":        func(ds *Dataset) { ds.home[ds.params[0].ID] = "elsewhere" },
		"memo":        func(ds *Dataset) { ds.memo.story["capex"] = ds.memo.group["capex"] },
	} {
		ds := fromGenerated()
		spoil(ds)
		if reflect.DeepEqual(ds, fromGenerated()) {
			t.Errorf("a changed %s index went unnoticed", name)
		}
	}
}
