package data

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestShippedTopics checks the topics of dataset.json as a reader meets
// them: every comparison belongs to exactly one topic, each topic leads
// with a comparison of its own, shows an adjustable input that the lead
// depends on, and says its answer in a sentence with one value.
func TestShippedTopics(t *testing.T) {
	ds := parseShipped(t)
	if len(ds.Topics) == 0 {
		t.Fatal("no topics")
	}
	topics := map[string]Topic{}
	for _, tp := range ds.Topics {
		topics[tp.ID] = tp
	}
	for _, c := range ds.Comparisons {
		if _, ok := topics[c.Group]; !ok {
			t.Errorf("comparison %q: group %q is not a topic", c.ID, c.Group)
		}
		if len([]rune(c.ShortLabel())) > 45 {
			t.Errorf("comparison %q: short label %q is longer than 45 characters", c.ID, c.ShortLabel())
		}
	}
	full, err := Load(readShipped(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, tp := range ds.Topics {
		lead, ok := full.Comparison(tp.Lead)
		if !ok || lead.Group != tp.ID {
			t.Errorf("topic %q: lead %q is not one of its comparisons", tp.ID, tp.Lead)
			continue
		}
		depends := false
		for _, p := range full.Inputs([]Comparison{lead}) {
			depends = depends || p.ID == tp.LeadInput
		}
		if !depends {
			t.Errorf("topic %q: the lead %q does not depend on the lead input %q", tp.ID, tp.Lead, tp.LeadInput)
		}
		if strings.Count(tp.Sentence, ValueMark) != 1 {
			t.Errorf("topic %q: sentence %q", tp.ID, tp.Sentence)
		}
		if _, ok := full.FeaturedClaim(tp); !ok {
			t.Errorf("topic %q: no claim to check beside the answer", tp.ID)
		}
	}
}

// TestTopicValidation breaks one thing at a time in the shipped topics and
// expects Load to refuse each.
func TestTopicValidation(t *testing.T) {
	cases := []struct {
		name   string
		change func(*Dataset)
		want   string
	}{
		{"unknown lead", func(d *Dataset) { d.Topics[0].Lead = "nope" }, "lead"},
		{"lead of another topic", func(d *Dataset) { d.Topics[0].Lead = "capex_vs_estimate_diff" }, "belongs to topic"},
		{"lead input not adjustable", func(d *Dataset) { d.Topics[0].LeadInput = "internal_search_days" }, "lead input"},
		{"unknown claim", func(d *Dataset) { d.Topics[0].Claim = "nope" }, "claim"},
		{"claim of another topic", func(d *Dataset) { d.Topics[0].Claim = "claim_run_rate" }, "another topic"},
		{"chart of an unknown figure", func(d *Dataset) { d.Topics[1].Chart.Rows[0].Value = "pie" }, "chart.rows[0].value"},
		{"sentence without value", func(d *Dataset) { d.Topics[1].Sentence = "No number." }, "must hold"},
		{"two values", func(d *Dataset) { d.Topics[2].Negative = "{value} and {value}" }, "must hold"},
		{"duplicate topic", func(d *Dataset) { d.Topics[1].ID = d.Topics[0].ID }, "duplicate"},
		{"no question", func(d *Dataset) { d.Topics[0].Question = " " }, "question"},
		{"comparison without topic", func(d *Dataset) { d.Topics = d.Topics[:2] }, "topic \"growth\""},
		{"dashboard-only lead", func(d *Dataset) { d.Topics[1].Lead = "capex_vs_aws_run_rate" }, "dashboard-only"},
		{"article without description", func(d *Dataset) { d.Articles[0].About = "" }, "about"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ds := parseShipped(t)
			tc.change(&ds)
			b, err := json.Marshal(ds)
			if err != nil {
				t.Fatal(err)
			}
			_, err = Load(b)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Load: got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestHeadline(t *testing.T) {
	tp := Topic{Sentence: "It is {value} above.", Negative: "It is {value} below."}
	for _, tc := range []struct {
		neg           bool
		before, after string
		magnitude     bool
	}{
		{false, "It is ", " above.", false},
		{true, "It is ", " below.", true},
	} {
		b, a, m := tp.Headline(tc.neg)
		if b != tc.before || a != tc.after || m != tc.magnitude {
			t.Errorf("Headline(%v) = %q, %q, %v", tc.neg, b, a, m)
		}
	}
	// Without a negative sentence the signed value goes in the one sentence.
	tp.Negative = ""
	if b, a, m := tp.Headline(true); b != "It is " || a != " above." || m {
		t.Errorf("Headline(true) without Negative = %q, %q, %v", b, a, m)
	}
}

// TestStoriesAndHomes: a topic's embed graphic shows its comparisons but
// the dashboard-only ones, and every adjustable figure has its field in
// one dashboard section: the topic whose graphic uses it, else the first
// that uses it at all.
func TestStoriesAndHomes(t *testing.T) {
	ds, err := Load(readShipped(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, tp := range ds.Topics {
		all, story := ds.InGroup(tp.ID), ds.InStory(tp.ID)
		n := 0
		for _, c := range all {
			if c.DashboardOnly {
				n++
			}
		}
		if len(story) != len(all)-n {
			t.Errorf("topic %s: %d comparisons in its graphic, want %d of %d", tp.ID, len(story), len(all)-n, len(all))
		}
		for _, c := range story {
			if c.DashboardOnly {
				t.Errorf("topic %s: the graphic shows dashboard-only %s", tp.ID, c.ID)
			}
		}
	}
	for param, want := range map[string]string{
		"workforce":                       "workforce",
		"capex_2026":                      "capex",
		"aws_q4_revenue":                  "growth", // the capex run-rate ratio uses it too, dashboard only
		"anthropic_investment":            "capex",  // no graphic uses it
		"anthropic_investment_value_high": "capex",
	} {
		if got := ds.InputHome(param); got != want {
			t.Errorf("InputHome(%s) = %q, want %q", param, got, want)
		}
	}
	for _, p := range ds.Params() {
		if ds.InputHome(p.ID) == "" {
			t.Errorf("parameter %s has no section", p.ID)
		}
	}
}
