package main

import (
	"regexp"
	"strings"
	"testing"

	"amzwidget/internal/browsertest"

	"github.com/chromedp/chromedp"
)

// TestBrowserExplanationsFollowTheFigures: an explanation names the
// figures the results use — the article's with its qualifier, the reader's
// marked as theirs — in the page's locale, and so does a rule (issue 18,
// item 7 and the rule texts of item 3). On the code before, the cards kept
// "about 350,000" and "$148.86 billion" after the reader changed them, and
// the German rules wrote "±0.5".
func TestBrowserExplanationsFollowTheFigures(t *testing.T) {
	srv := server(t)
	tab := browsertest.New(t)
	tab.Navigate(srv.URL + "/?lang=de&workforce=300000&capex_2026_estimate=150")
	wasmReady(tab)

	note := func(id string) string { return tab.Text("#cmp-" + id + " .note") }
	for _, id := range []string{"cut_share_oct2025", "cut_share_jan2026"} {
		if got := note(id); !strings.Contains(got, "300.000 (your figure)") || strings.Contains(got, "350") {
			t.Errorf("%s with workforce=300000 explains: %q", id, got)
		}
	}
	if got := note("capex_vs_estimate_diff"); !strings.Contains(got, "150 Mrd. $ (your figure)") || strings.Contains(got, "148") {
		t.Errorf("capex_vs_estimate_diff with the estimate at 150 explains: %q", got)
	}
	// Unchanged figures keep the article's words, in the page's format.
	if got := note("aws_margin_change"); !strings.Contains(got, "34,6 %") {
		t.Errorf("aws_margin_change explains %q, want the article's 34,6 %%", got)
	}

	// The reader types another value: the explanation follows it.
	typeInto(tab, "#in-workforce", "280000")
	tab.WaitText("#cmp-cut_share_oct2025 .note", "280.000 (your figure)")
	// Back to the article's value: its qualifier returns.
	tab.Run(chromedp.Click(chromedp.CSS("#reset-workforce")))
	tab.WaitText("#cmp-cut_share_oct2025 .note", "around 350.000")

	// Rules write their numbers as the page does: "±0,5", never "±0.5".
	rules := browsertest.Eval[[]string](tab, `[...document.querySelectorAll(".rule")].map(e => e.textContent)`)
	if len(rules) == 0 {
		t.Fatal("no rule on the dashboard")
	}
	english := regexp.MustCompile(`\d\.\d`)
	sawComma := false
	for _, r := range rules {
		if english.MatchString(r) {
			t.Errorf("a German rule writes an English decimal: %q", r)
		}
		sawComma = sawComma || strings.Contains(r, "±0,5")
	}
	if !sawComma {
		t.Errorf("no rule says ±0,5 (the unhedged $142 billion run-rate claim): %q", rules)
	}

	// A claim that cannot be checked says so once, then why.
	v := tab.Text("#claim-claim_capacity_outpacing .verdict")
	if strings.Count(strings.ToLower(strings.ReplaceAll(v, "can't", "cannot")), "cannot be checked") != 1 || !strings.Contains(v, "Why: ") {
		t.Errorf("the unverifiable claim reads %q", v)
	}
}
