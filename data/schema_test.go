package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// schemaFile is the dataset's JSON Schema, which dataset.json names in
// its $schema key.
const schemaFile = "../docs/dataset.schema.json"

// compileSchema compiles the schema; the compiler also checks it against
// the draft 2020-12 meta-schema.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	sch, err := jsonschema.NewCompiler().Compile(schemaFile)
	if err != nil {
		t.Fatalf("compile %s: %v", schemaFile, err)
	}
	return sch
}

func instance(t *testing.T, b []byte) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestSchemaAcceptsTheStories validates the shipped dataset, and every
// story in testdata/ that names the schema, against the schema.
func TestSchemaAcceptsTheStories(t *testing.T) {
	sch := compileSchema(t)
	var ds struct {
		Schema string `json:"$schema"`
	}
	if err := json.Unmarshal(readShipped(t), &ds); err != nil || ds.Schema != "../docs/dataset.schema.json" {
		t.Errorf("dataset.json's $schema = %q (%v), want ../docs/dataset.schema.json", ds.Schema, err)
	}
	if err := sch.Validate(instance(t, readShipped(t))); err != nil {
		t.Errorf("dataset.json: %v", err)
	}
	// The other stories, each in its own directory with its articles'
	// texts: the schema accepts them, and so does the checker, quotes
	// included.
	stories, _ := filepath.Glob("../testdata/*/dataset.json")
	if len(stories) < 2 {
		t.Fatalf("found %d stories in testdata/*/dataset.json, want story2 and story3 at least", len(stories))
	}
	for _, f := range stories {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte(`"$schema": "../../docs/dataset.schema.json"`)) {
			t.Errorf("%s does not name the schema, ../../docs/dataset.schema.json", f)
		}
		if err := sch.Validate(instance(t, b)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
		if _, probs := Check(b, CheckOptions{Source: dirSource(filepath.Dir(f))}); len(probs) > 0 {
			t.Errorf("%s: the checker finds %d problems:\n%s", f, len(probs), listProblems(probs))
		}
	}
}

// TestSchemaRejectsBadDatasets: the mistakes a schema can see, the schema
// rejects too, at the same place as the checker.
func TestSchemaRejectsBadDatasets(t *testing.T) {
	sch := compileSchema(t)
	seen := 0
	for _, tc := range badCases() {
		switch tc.name {
		case "exponent", "thousands separator", "number as JSON number", "operands as a string", "approx as a string",
			"unknown unit", "unknown kind", "unknown span", "unknown relation", "unknown chart",
			"unknown figure hedge", "claim hedge that is a relation", "approx without hedge", "hedge without approx",
			"id not snake_case", "value and range", "factor on a ratio", "operand b on a sum", "relation on a range",
			"no label", "no value", "ratio without b", "b_factor without b_span", "no where", "where without quoted words",
			"no topics", "no question", "sentence without value", "misspelt field", "unknown top-level field", "not an object",
			"article without about", "article without short", "article without file", "blank title", "blank date",
			"implied_previous without b", "dashboard_only as a string":
		default:
			continue
		}
		seen++
		t.Run(tc.name, func(t *testing.T) {
			var b []byte
			path := tc.path
			if tc.raw != nil {
				b = tc.raw(readShipped(t))
			} else {
				d := shippedDoc(t)
				path = tc.change(t, d)
				b = encode(t, d)
			}
			err := sch.Validate(instance(t, b))
			var ve *jsonschema.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("the schema accepts it (%v)", err)
			}
			// The schema's error is at the checker's path, or at the
			// object that holds it.
			obj := pointer(path)
			if i := strings.LastIndex(obj, "/"); i >= 0 {
				obj = obj[:i]
			}
			if !slices.ContainsFunc(leaves(ve), func(loc string) bool { return strings.HasPrefix(loc, obj) }) {
				t.Errorf("no schema error at %s (the checker's %s): %v", obj, path, err)
			}
		})
	}
	if seen < 25 {
		t.Errorf("only %d bad datasets checked against the schema", seen)
	}
}

// pointer turns a checker path (figures[3].value) into a JSON pointer
// (/figures/3/value).
func pointer(path string) string {
	if path == "" {
		return ""
	}
	r := strings.NewReplacer("[", "/", "]", "", ".", "/")
	return "/" + r.Replace(path)
}

// leaves returns the instance locations of a validation error's deepest
// causes, as JSON pointers.
func leaves(ve *jsonschema.ValidationError) []string {
	if len(ve.Causes) == 0 {
		return []string{"/" + strings.Join(ve.InstanceLocation, "/")}
	}
	var out []string
	for _, c := range ve.Causes {
		out = append(out, leaves(c)...)
	}
	return out
}

// TestSchemaMatchesTheCode keeps the schema and the Go types in step:
// the same keys, the same lists of words, the same number and id syntax,
// and every key the schema requires is one the checker misses.
func TestSchemaMatchesTheCode(t *testing.T) {
	b, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Properties map[string]any            `json:"properties"`
		Required   []string                  `json:"required"`
		Defs       map[string]map[string]any `json:"$defs"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	keys := func(props map[string]any) []string {
		var out []string
		for k := range props {
			out = append(out, k)
		}
		slices.Sort(out)
		return out
	}
	tags := func(v any) []string {
		names, _ := fields(reflect.TypeOf(v))
		slices.Sort(names)
		return names
	}
	objects := map[string]any{"article": Article{}, "figure": Figure{}, "input": Input{}, "source": Source{},
		"comparison": Comparison{}, "claim": Claim{}, "topic": Topic{}, "correction": Correction{},
		"chart": TopicChart{}, "chart_row": ChartRow{}, "chart_beside": ChartBeside{}, "site": Site{}}
	if got, want := keys(s.Properties), tags(Dataset{}); !slices.Equal(got, want) {
		t.Errorf("the schema's top-level keys %v, Dataset's %v", got, want)
	}
	for name, v := range objects {
		props, _ := s.Defs[name]["properties"].(map[string]any)
		if got, want := keys(props), tags(v); !slices.Equal(got, want) {
			t.Errorf("$defs/%s has keys %v, %T has %v", name, got, v, want)
		}
		if s.Defs[name]["additionalProperties"] != false {
			t.Errorf("$defs/%s allows unknown keys", name)
		}
	}
	enum := func(def map[string]any, path ...string) []string {
		var v any = def
		for _, p := range path {
			v = v.(map[string]any)[p]
		}
		var out []string
		for _, x := range v.(map[string]any)["enum"].([]any) {
			out = append(out, x.(string))
		}
		return out
	}
	prop := func(def string) map[string]any { return s.Defs[def]["properties"].(map[string]any) }
	for _, e := range []struct {
		what      string
		got, want []string
	}{
		{"units", enum(prop("figure"), "unit"), strs(Units)},
		{"kinds", enum(prop("comparison"), "kind"), strs(Kinds)},
		{"spans", enum(s.Defs["span"]), strs(Spans)},
		{"relations", enum(prop("claim"), "relation"), Relations},
		{"figure hedges", enum(prop("figure"), "hedge"), FigureHedges},
		{"claim hedges", enum(prop("claim"), "hedge"), ClaimHedges},
	} {
		if !slices.Equal(e.got, e.want) {
			t.Errorf("the schema's %s %v, the code's %v", e.what, e.got, e.want)
		}
	}
	if got := s.Defs["id"]["pattern"]; got != idPattern {
		t.Errorf("the schema's id pattern %v, the checker's %s", got, idPattern)
	}
	if got := s.Defs["decimal"]["pattern"]; got != decimalPattern {
		t.Errorf("the schema's decimal pattern %v, the checker's %s", got, decimalPattern)
	}

	// Every key the schema requires, the checker reports missing.
	firstOf := map[string]string{"article": "articles[0]", "figure": "figures[0]", "input": "figures[0].input",
		"source": "figures[0].source", "comparison": "comparisons[0]", "claim": "claims[0]", "topic": "topics[0]",
		"correction": "corrections[0]", "chart": "topics[0].chart", "chart_row": "topics[0].chart.rows[0]",
		"chart_beside": "topics[2].chart.rows[1].beside", "site": "site"}
	required := map[string][]string{"": s.Required}
	for name := range objects {
		for _, r := range s.Defs[name]["required"].([]any) {
			required[firstOf[name]] = append(required[firstOf[name]], r.(string))
		}
	}
	for obj, keys := range required {
		for _, k := range keys {
			d := shippedDoc(t)
			if obj == firstOf["correction"] { // the shipped dataset has none
				correction("on", "2026-11-23")(t, d)
			}
			var m map[string]any = d
			if obj != "" {
				m = walk(t, d, obj)
			}
			delete(m, k)
			path := join(obj, k)
			_, probs := Check(encode(t, d), CheckOptions{})
			if !slices.ContainsFunc(probs, func(p Problem) bool { return within(p.Path, path) }) {
				t.Errorf("without %s the checker reports: %s", path, listProblems(probs))
			}
		}
	}
}

// walk follows a checker path (figures[0].input) in a generic document.
func walk(t *testing.T, d doc, path string) map[string]any {
	t.Helper()
	var v any = map[string]any(d)
	for _, part := range strings.Split(strings.NewReplacer("[", ".", "]", "").Replace(path), ".") {
		switch x := v.(type) {
		case map[string]any:
			v = x[part]
		case []any:
			i := 0
			for _, c := range part {
				i = i*10 + int(c-'0')
			}
			v = x[i]
		}
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.Fatalf("%s is not an object", path)
	}
	return m
}
