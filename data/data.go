// Package data holds the widget's dataset: every figure the two source
// articles give, the comparisons the widget computes from them, and the
// claims the articles make about derived numbers.
//
// The dataset is a JSON file (dataset.json). Every number in it is a
// decimal string, never a JSON number, so that no value passes through
// float64 on its way into the engine. Load parses and validates a file;
// Default returns the shipped one, compiled in as Go values
// (dataset_gen.go, generated from dataset.json once Check accepts it).
//
// The package imports only the standard library and shopspring/decimal, so
// that the dataset can be read, checked and reused without go-app or a
// browser.
package data

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Unit is the unit a figure or a result is expressed in.
type Unit string

// The units the dataset may use. Validate rejects any other.
const (
	USDBillion Unit = "usd_bn"  // billions of US dollars
	USDMillion Unit = "usd_m"   // millions of US dollars
	People     Unit = "people"  // a head-count
	Percent    Unit = "percent" // a percentage (24 means 24 %)
	PP         Unit = "pp"      // percentage points, the difference of two percentages
	Times      Unit = "times"   // a dimensionless ratio (1.34 means 1.34×)
	GW         Unit = "gw"      // gigawatts of computing capacity
	TB         Unit = "tb"      // terabytes
	Petabytes  Unit = "pb"      // petabytes
	Count      Unit = "count"   // a plain count of things (markets, tables, vCPUs, quarters)
	Million    Unit = "million" // millions of things (customers)
)

// Units lists every known unit, in a stable order.
var Units = []Unit{USDBillion, USDMillion, People, Percent, PP, Times, GW, TB, Petabytes, Count, Million}

// Places returns the decimal places a value in unit u is shown with by
// default: 0 for head-counts and counts, 2 for everything else
// (percentages, percentage points, money, ratios). A figure may not have
// more (Check): the page would show the article's number rounded.
func (u Unit) Places() int32 {
	switch u {
	case People, Count:
		return 0
	}
	return 2
}

// Span says what stretch of time a figure covers. Two flows can only be
// compared when they cover the same span; a Point (a stock such as a
// head-count, a one-off event such as a layoff round, or a growth rate
// already normalised year over year) combines with anything.
type Span string

// The spans a figure may have.
const (
	Point   Span = "point"
	Quarter Span = "quarter"
	Year    Span = "year"
)

// Source says where in which article a figure or claim comes from.
type Source struct {
	Article string `json:"article"` // id of an Article in Dataset.Articles
	Where   string `json:"where"`   // a short pointer: the section and the words quoted
}

// Article is one of the source articles. The seed files give neither a
// headline nor a date, so the widget never shows one of its own making:
// it names each article by what it is (About, our words, marked as ours
// wherever shown) and gives a title or a date only when the article does.
type Article struct {
	ID string `json:"id"`
	// About says what the article is, in our words: its kind and its
	// subject, and who published it as far as its text says ("News report
	// on Amazon’s layoffs and AI spending, by Kai Emerson, republished by
	// ESG University").
	About string `json:"about"`
	// Short names the article in an embed's compact footer: its publisher
	// as the text names it, or a description as short ("an unnamed
	// website").
	Short string `json:"short"`
	// Title is the article's own headline, word for word from its text,
	// and Date its publication date as the text states it; each is empty
	// when the article gives none (neither seed article gives either).
	Title string `json:"title,omitempty"`
	Date  string `json:"date,omitempty"`
	File  string `json:"file"` // the seed file the text was read from
}

// Credit is how a source line names the article: name is its own title,
// to be set in <cite> (cited is true), or else our description; rest
// follows name and says what is ours and what the article does not give
// (" (our description; the article gives no headline or date)"), or its
// date (", 3 February 2026").
func (a Article) Credit() (name string, cited bool, rest string) {
	date := ", " + a.Date
	if a.Title == "" {
		name, rest = a.About, " (our description; the article gives no headline)"
		if a.Date == "" {
			rest, date = " (our description; the article gives no headline or date)", ""
		}
		return name, false, rest + date
	}
	if a.Date == "" {
		date = " (no date given)"
	}
	return a.Title, true, date
}

// CreditText is Credit as plain text, the title in curly quotes: for the
// exports.
func (a Article) CreditText() string {
	name, cited, rest := a.Credit()
	if cited {
		name = "“" + name + "”"
	}
	return name + rest
}

// Input describes how a reader may adjust a figure: the bounds a slider
// spans and the step it moves by. Typed values are not limited to the
// slider's span, only by Min/Max when Strict is set.
type Input struct {
	SliderMin string `json:"slider_min"`
	SliderMax string `json:"slider_max"`
	Step      string `json:"step"`
	// NonNegative rejects values below zero (head-counts, layoffs, money).
	NonNegative bool `json:"non_negative"`
	// Integer rejects fractional values (head-counts).
	Integer bool `json:"integer"`
}

// Figure is one number an article gives. It is either a point value
// (Value) or a range (Low and High), never both.
type Figure struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	// Short is a shorter label, for the one input shown right at a
	// topic's answer; empty means Label.
	Short  string `json:"short,omitempty"`
	Value  string `json:"value,omitempty"`
	Low    string `json:"low,omitempty"`
	High   string `json:"high,omitempty"`
	Unit   Unit   `json:"unit"`
	Period string `json:"period"` // human-readable: "Q4 2025", "2026", "January 2026"
	Span   Span   `json:"span"`
	// Approx is true when the article hedges the figure ("about",
	// "roughly", "~", "nearly"); Hedge holds the word it used, one of
	// FigureHedges.
	Approx bool   `json:"approx,omitempty"`
	Hedge  string `json:"hedge,omitempty"`
	// Note is the article's own words after the value, such as
	// "estimated run-rate" in "~$150 billion (estimated run-rate)".
	Note   string `json:"note,omitempty"`
	Source Source `json:"source"`
	// Input is set for the figures a reader may adjust.
	Input *Input `json:"input,omitempty"`
}

// IsRange reports whether the figure is given as a range.
func (f Figure) IsRange() bool { return f.Low != "" || f.High != "" }

// Qualify writes a value of the figure, already formatted, the way the
// article states it: with its hedge word before it ("around 350,000",
// "~$150 billion") and its note after it ("(estimated run-rate)").
func (f Figure) Qualify(formatted string) string {
	s := formatted
	switch f.Hedge {
	case "":
	case "~":
		s = "~" + s
	default:
		s = f.Hedge + " " + s
	}
	if f.Note != "" {
		s += " (" + f.Note + ")"
	}
	return s
}

// ClaimHedges are the words that make a claim approximate: a claim with
// one is consistent within ±5 % of the computed value (see calc.Check).
// A claim's hedge must be one of them.
var ClaimHedges = []string{"about", "roughly", "approximately", "around", "nearly", "almost", "~", "could approach", "some", "close to"}

// FigureHedges are the qualifier words a figure's hedge may be: the
// claims' hedges, and the words an article puts before a bound. Qualify
// writes "~" against the value ("~$150 billion") and any other word
// before it, with a space ("around 350,000").
var FigureHedges = append(slices.Clone(ClaimHedges), "over", "more than", "under", "less than", "at least", "at most", "up to")

// Qualifier is the article's qualifier of the figure alone: its hedge
// word and its note ("~ (estimated run-rate)"), or "".
func (f Figure) Qualifier() string {
	parts := []string{}
	if f.Hedge != "" {
		parts = append(parts, f.Hedge)
	}
	if f.Note != "" {
		parts = append(parts, "("+f.Note+")")
	}
	return strings.Join(parts, " ")
}

// Kind names the operation a Comparison applies to its operands. Every
// kind sums the figures listed in A (and in B) first, so a comparison can
// take a total of several figures as one operand.
type Kind string

// The comparison kinds the engine evaluates.
const (
	// Share is A / B × 100, in percent: the part A is of the whole B.
	Share Kind = "share"
	// Difference is A − B, in the operands' common unit.
	Difference Kind = "difference"
	// PercentChange is (A − B) / B × 100, in percent: how far A is above B.
	PercentChange Kind = "percent_change"
	// Ratio is A / B, in times.
	Ratio Kind = "ratio"
	// Spread is A − B of two percentages, in percentage points.
	Spread Kind = "spread"
	// Sum is the total of A (B must be empty).
	Sum Kind = "sum"
	// Scale is A × Factor (B must be empty), e.g. a quarter annualised.
	Scale Kind = "scale"
	// ImpliedPrevious is A ÷ (1 + B/100), in A's unit: the value A grew
	// from, when B is its growth in percent (revenue of 35.6 after 24%
	// growth was 35.6 ÷ 1.24 a year before).
	ImpliedPrevious Kind = "implied_previous"
)

// Kinds lists every comparison kind, in a stable order.
var Kinds = []Kind{Share, Difference, PercentChange, Ratio, Spread, Sum, Scale, ImpliedPrevious}

// Comparison is a derived number declared in the dataset and computed by
// the engine from figure ids.
type Comparison struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Kind  Kind   `json:"kind"`
	// A and B list operand ids: figures, or other comparisons (evaluated
	// first; cycles are rejected by Validate).
	A      []string `json:"a"`
	B      []string `json:"b,omitempty"`
	Factor string   `json:"factor,omitempty"` // Scale only
	// Span of the result, for Scale (an annualised quarter is a Year).
	ResultSpan Span `json:"result_span,omitempty"`
	// BFactor multiplies operand B before a two-operand kind applies, and
	// BSpan is the span B then covers: one quarter × 4 covers a Year, so a
	// year's flow can be set like for like against a quarter's, annualised.
	// Both are empty for every other comparison.
	BFactor string `json:"b_factor,omitempty"`
	BSpan   Span   `json:"b_span,omitempty"`
	// Group places the comparison on an embed page: "workforce", "capex",
	// "growth" (every comparison is on the dashboard).
	Group string `json:"group"`
	// Note explains the comparison to a reader, in one sentence.
	Note string `json:"note,omitempty"`
	// PeriodsDiffer declares that the operands cover different periods
	// (a year against a quarter) on purpose: the comparison shows that
	// the article sets them against each other, so it cannot be computed
	// and its claims cannot be checked. Without it, Validate reports the
	// mismatch.
	PeriodsDiffer bool `json:"periods_differ,omitempty"`
	// Short is a short label, for tables in a compact graphic; empty
	// means Label.
	Short string `json:"short,omitempty"`
	// DashboardOnly keeps the comparison off its topic's embed graphic,
	// whose height is budgeted (widget.EmbedHeight): the dashboard and
	// the exports show it. A topic's lead may not be dashboard-only.
	DashboardOnly bool `json:"dashboard_only,omitempty"`
}

// ShortLabel returns Short, or Label when there is no short one.
func (c Comparison) ShortLabel() string {
	if c.Short != "" {
		return c.Short
	}
	return c.Label
}

// Claim is a derived number an article states, which the widget checks
// against the figures. A point claim has Stated; a range claim has
// StatedLow and StatedHigh.
type Claim struct {
	ID         string `json:"id"`
	Quote      string `json:"quote"`      // the article's words
	Comparison string `json:"comparison"` // id of the Comparison it is about
	Stated     string `json:"stated,omitempty"`
	StatedLow  string `json:"stated_low,omitempty"`
	StatedHigh string `json:"stated_high,omitempty"`
	// Hedge is the word that makes the claim approximate ("about",
	// "roughly", "could approach"), empty for an unhedged claim.
	Hedge string `json:"hedge,omitempty"`
	// Relation is empty for a claim that states a value (or range), or
	// "above" / "below" for a claim that the comparison exceeds (falls
	// short of) Stated, such as "surpassing analyst expectations"
	// (a difference above 0).
	Relation string `json:"relation,omitempty"`
	Source   Source `json:"source"`
}

// IsRange reports whether the claim states a range.
func (c Claim) IsRange() bool { return c.StatedLow != "" || c.StatedHigh != "" }

// Dataset is a whole dataset file, as parsed. Use Load or Default to get
// one that has been validated; the lookups below assume validation passed.
type Dataset struct {
	// Schema is the JSON Schema the file declares (docs/dataset.schema.json),
	// for editors; the dataset ignores it.
	Schema string `json:"$schema,omitempty"`
	Title  string `json:"title"`
	// Site is how the widget names itself: its pages' title, the name an
	// installed app takes, the description and the dashboard's lede.
	Site        Site         `json:"site"`
	Articles    []Article    `json:"articles"`
	Figures     []Figure     `json:"figures"`
	Comparisons []Comparison `json:"comparisons"`
	Claims      []Claim      `json:"claims"`
	// Topics are the stories told with the comparisons, in the order the
	// dashboard shows them; each comparison's Group names one.
	Topics []Topic `json:"topics"`
	// Corrections lists the figures a release of the widget corrected,
	// oldest first; the pages that show a corrected figure say so.
	Corrections []Correction `json:"corrections,omitempty"`

	figures     map[string]int
	comparisons map[string]int
	values      map[string]Bounds
	evalOrder   []Comparison
	params      []Param
	paramIdx    map[string]int
	home        map[string]string // parameter id → topic id, see InputHome
	memo        memo              // see buildMemo
}

// Site is the widget's own words about the story, ours, not the
// articles'.
type Site struct {
	// Name is the pages' title: "Amazon's AI bet, by the numbers".
	Name string `json:"name"`
	// ShortName names the installed app under its icon (12 characters
	// or so).
	ShortName string `json:"short_name"`
	// Description is one sentence for search results and link previews.
	Description string `json:"description"`
	// Lede opens the dashboard, under its title.
	Lede string `json:"lede"`
	// FileName starts the names of the files a reader downloads:
	// "amazon" gives amazon-figures.csv, amazon-figures.json and
	// amazon-capex.png. Lowercase letters and digits joined by "-".
	FileName string `json:"file_name"`
}

// Bounds is a figure's value as exact decimals: Low == High for a point.
type Bounds struct {
	Low, High decimal.Decimal
}

// IsPoint reports whether the bounds are a single value.
func (b Bounds) IsPoint() bool { return b.Low.Equal(b.High) }
