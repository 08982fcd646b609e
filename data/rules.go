package data

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// The words the dataset may use besides units and kinds.
var (
	// Spans lists every span a figure (or a comparison's result) may cover.
	Spans = []Span{Point, Quarter, Year}
	// Relations lists the relations a claim may state: that the
	// comparison is above, or below, the stated value.
	Relations = []string{"above", "below"}
)

const (
	hintDecimal  = "write digits with an optional point, like 350000 or 34.6"
	hintID       = "write snake_case: lowercase letters and digits joined by _, like cut_total"
	hintFileName = "lowercase letters and digits joined by -, like amazon: files are then named amazon-figures.csv"
	hintWhere    = "write the place in the article, a dash and the article's own words in curly quotes: Paragraph 2 — “around 350,000”"
)

// checker collects the problems of a dataset, each at its JSON path.
type checker struct {
	ds    *Dataset
	probs []Problem
	// ids holds the path of every figure, comparison and claim id: they
	// share one namespace.
	ids      map[string]string
	articles map[string]bool
	// evalIdx holds the comparisons' indexes in evaluation order.
	evalIdx []int
	// results holds the unit of each comparison that can be computed
	// (set by units).
	results map[string]operandInfo
}

func (c *checker) add(path string, sentinel error, format string, args ...any) {
	c.probs = append(c.probs, problem(path, sentinel, format, args...))
}

// text reports a required text field that is empty.
func (c *checker) text(path, s, hint string) bool {
	if strings.TrimSpace(s) == "" {
		c.add(path, ErrMissing, "missing (%s)", hint)
		return false
	}
	return true
}

// id checks an id's form; own reports its namespace (nil for articles and
// topics, which are checked for duplicates on their own).
func (c *checker) id(path, id, what string) bool {
	if id == "" {
		c.add(path, ErrMissing, "missing (every %s needs an id; %s)", what, hintID)
		return false
	}
	if !isID(id) {
		c.add(path, ErrBadID, "%q is not a valid id (%s)", id, hintID)
	}
	return true
}

// unique checks that a figure, comparison or claim id is used once.
func (c *checker) unique(path, id string) {
	if id == "" {
		return
	}
	if prev, ok := c.ids[id]; ok {
		c.add(path, ErrDuplicateID, "duplicate id %q (also %s; figures, comparisons and claims each need an id of their own)", id, prev)
		return
	}
	c.ids[id] = path
}

// number checks a dataset number; an empty one is missing when required.
func (c *checker) number(path, s string, required bool) (decimal.Decimal, bool) {
	if s == "" {
		if required {
			c.add(path, ErrMissing, "missing (a number in a string, like \"350000\" or \"34.6\")")
		}
		return decimal.Decimal{}, false
	}
	d, ok := parseNumber(s)
	if !ok {
		c.add(path, ErrBadNumber, "%q is not a plain decimal (%s)", s, hintDecimal)
	}
	return d, ok
}

// span checks a span word; an empty one is missing when required.
func (c *checker) span(path string, s Span, required bool) bool {
	if s == "" {
		if required {
			c.add(path, ErrMissing, "missing (accepted: %s)", list(Spans))
		}
		return false
	}
	if !slices.Contains(Spans, s) {
		c.add(path, ErrUnknownValue, "unknown span %q%s (accepted: %s; point for a stock, an event or a rate)", s, didYouMean(string(s), strs(Spans)), list(Spans))
		return false
	}
	return true
}

// list joins words for a message.
func list[S ~string](xs []S) string { return strings.Join(strs(xs), ", ") }

func strs[S ~string](xs []S) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// problems checks the whole dataset and builds its lookup tables (the
// inputs' homes, see InputHome, and the memo, see buildMemo, only for a
// dataset without problems).
func (ds *Dataset) problems(opt CheckOptions) []Problem {
	c := &checker{ds: ds, ids: map[string]string{}, articles: map[string]bool{}}
	// The lookup tables are buildIndex's, built among the checks.
	ds.indexIDs()
	ds.indexValues()
	c.top()
	c.checkArticles()
	c.checkFigures()
	c.checkComparisons()
	c.order()
	c.units()
	ds.buildParams()
	c.checkParams()
	c.checkClaims()
	c.checkTopics()
	c.checkCorrections()
	if opt.Source != nil {
		c.quotes(opt.Source)
	}
	ds.memo = memo{}
	if len(c.probs) == 0 { // operands resolve, without cycles
		ds.buildMemo()
		ds.buildHomes()
	}
	return c.probs
}

func (c *checker) top() {
	ds := c.ds
	c.text("title", ds.Title, "the story's title, shown on every page")
	c.text("site.name", ds.Site.Name, "the pages' title, in our words")
	c.text("site.short_name", ds.Site.ShortName, "the installed app's name under its icon, a dozen characters")
	c.text("site.description", ds.Site.Description, "one sentence for search results and link previews")
	c.text("site.lede", ds.Site.Lede, "the dashboard's opening lines, under its title")
	if c.text("site.file_name", ds.Site.FileName, "the start of the downloaded files' names, "+hintFileName) && !isFileName(ds.Site.FileName) {
		c.add("site.file_name", ErrBadFileName, "%q is not a file name (%s)", ds.Site.FileName, hintFileName)
	}
	for _, s := range []struct {
		path string
		n    int
		hint string
	}{
		{"articles", len(ds.Articles), "the articles the figures come from"},
		{"figures", len(ds.Figures), "the numbers the articles give"},
		{"comparisons", len(ds.Comparisons), "the numbers the widget computes from the figures"},
		{"topics", len(ds.Topics), "the stories told with the comparisons, one embed each"},
	} {
		if s.n == 0 {
			c.add(s.path, ErrMissing, "missing or empty (%s)", s.hint)
		}
	}
}

func (c *checker) checkArticles() {
	seen := map[string]string{}
	for i, a := range c.ds.Articles {
		p := at("articles", i)
		if c.id(join(p, "id"), a.ID, "article") {
			if prev, ok := seen[a.ID]; ok {
				c.add(join(p, "id"), ErrDuplicateID, "duplicate article id %q (also %s)", a.ID, prev)
			}
			seen[a.ID] = join(p, "id")
			c.articles[a.ID] = true
		}
		c.text(join(p, "about"), a.About, "what the article is, in our words: its kind, subject and publisher as far as its text says")
		c.text(join(p, "short"), a.Short, "the article's name in an embed's footer: its publisher as the text names it, or a description as short")
		c.text(join(p, "file"), a.File, "the file holding the article's text")
		// Title and date are optional, but only the article's own: a
		// blank one is neither (quotes checks the words against the text).
		for _, o := range []struct{ key, s string }{{"title", a.Title}, {"date", a.Date}} {
			if o.s != "" && strings.TrimSpace(o.s) == "" {
				c.add(join(p, o.key), ErrMissing, "blank (the article's own %s, word for word, or leave it out when the article gives none)", o.key)
			}
		}
	}
}

// source checks a figure's or claim's source, and that its hedge word is
// among the article's words it quotes.
func (c *checker) source(path string, s Source, hedge string) {
	ap := join(path, "article")
	switch {
	case s.Article == "":
		c.add(ap, ErrMissing, "missing (the id of the article: %s)", list(c.articleIDs()))
	case !c.articles[s.Article]:
		c.add(ap, ErrUnknownID, "unknown article %q%s (accepted: %s)", s.Article, didYouMean(s.Article, c.articleIDs()), list(c.articleIDs()))
	}
	wp := join(path, "where")
	if !c.text(wp, s.Where, hintWhere) {
		return
	}
	words, ok := quotedWords(s.Where)
	if !ok {
		hint := hintWhere
		if strings.Count(s.Where, `"`) >= 2 {
			// The words are there, in the wrong marks.
			hint = "write the quote in curly quotes, “…”, not straight ones, and a dash — before it: Paragraph 2 — “around 350,000”"
		}
		c.add(wp, ErrMissing, "%q quotes none of the article's words (%s)", s.Where, hint)
		return
	}
	if hedge != "" && !strings.Contains(words, hedge) {
		c.add(wp, ErrQuoteNotFound, "the hedge %q is not among the quoted words “%s” (a hedge is the article's own word: quote it)", hedge, words)
	}
}

func (c *checker) articleIDs() []string {
	var out []string
	for _, a := range c.ds.Articles {
		out = append(out, a.ID)
	}
	return out
}

// quotedWords returns the article's words a source's where quotes: the
// text in curly quotes after " — ".
func quotedWords(where string) (string, bool) {
	_, quote, ok := strings.Cut(where, " — ")
	if !ok {
		return "", false
	}
	inner, ok := strings.CutPrefix(strings.TrimSpace(quote), "“")
	if ok {
		inner, ok = strings.CutSuffix(inner, "”")
	}
	return inner, ok && strings.TrimSpace(inner) != ""
}

func (c *checker) checkFigures() {
	ds := c.ds
	for i, f := range ds.Figures {
		p := at("figures", i)
		if c.id(join(p, "id"), f.ID, "figure") {
			c.unique(join(p, "id"), f.ID)
		}
		c.text(join(p, "label"), f.Label, "the words that name the figure")
		b, ok := c.bounds(p, f)
		switch {
		case f.Unit == "":
			c.add(join(p, "unit"), ErrMissing, "missing (accepted: %s)", list(Units))
		case !slices.Contains(Units, f.Unit):
			c.add(join(p, "unit"), ErrUnknownUnit, "unknown unit %q%s (accepted: %s)", f.Unit, didYouMean(string(f.Unit), strs(Units)), list(Units))
		}
		if ok && slices.Contains(Units, f.Unit) {
			c.places(p, f)
		}
		c.text(join(p, "period"), f.Period, "the time the figure covers, in words, like Q4 2025 or 2026")
		c.span(join(p, "span"), f.Span, true)
		switch {
		case f.Hedge != "" && !slices.Contains(FigureHedges, f.Hedge):
			c.add(join(p, "hedge"), ErrUnknownQualifier, "unknown qualifier word %q (accepted: %s)", f.Hedge, strings.Join(FigureHedges, ", "))
		case f.Approx && f.Hedge == "":
			c.add(join(p, "hedge"), ErrMissing, "missing: approx is true, so give the article's hedge word (accepted: %s)", strings.Join(FigureHedges, ", "))
		case !f.Approx && f.Hedge != "":
			c.add(join(p, "approx"), ErrConflict, "false with the hedge %q: a hedged figure is approximate, set approx to true", f.Hedge)
		}
		hedge := f.Hedge
		if !slices.Contains(FigureHedges, hedge) {
			hedge = "" // reported above
		}
		c.source(join(p, "source"), f.Source, hedge)
		if f.Input != nil && ok {
			c.input(join(p, "input"), f, b)
		}
	}
}

// bounds checks a figure's value or range.
func (c *checker) bounds(p string, f Figure) (Bounds, bool) {
	if f.IsRange() {
		if f.Value != "" {
			c.add(join(p, "value"), ErrConflict, "given with low and high: a figure is a value, or a range from low to high, not both")
			return Bounds{}, false
		}
		lo, ok1 := c.number(join(p, "low"), f.Low, true)
		hi, ok2 := c.number(join(p, "high"), f.High, true)
		if !ok1 || !ok2 {
			return Bounds{}, false
		}
		if lo.GreaterThan(hi) {
			c.add(join(p, "low"), ErrBadRange, "%s is above high %s (low is the smaller end)", f.Low, f.High)
			return Bounds{}, false
		}
		return Bounds{lo, hi}, true
	}
	if f.Value == "" {
		c.add(join(p, "value"), ErrMissing, "missing (the article's number in a string, like \"350000\"; or low and high for a range)")
		return Bounds{}, false
	}
	v, ok := c.number(join(p, "value"), f.Value, true)
	return Bounds{v, v}, ok
}

// smallerUnit names, for a unit whose values can be written whole in
// another, that unit and the factor between them.
var smallerUnit = map[Unit]struct {
	unit   Unit
	factor int64
}{USDBillion: {USDMillion, 1000}, Petabytes: {TB, 1000}}

// places checks that the page shows figure f's numbers as the article
// gives them: no more decimal places than its unit is shown with.
func (c *checker) places(p string, f Figure) {
	for _, n := range []struct{ key, s string }{{"value", f.Value}, {"low", f.Low}, {"high", f.High}} {
		d, ok := parseNumber(n.s)
		if n.s == "" || !ok || -d.Exponent() <= f.Unit.Places() {
			continue
		}
		hint := "write it in a unit that shows it whole"
		if sm, ok := smallerUnit[f.Unit]; ok {
			hint = fmt.Sprintf("write it in %s: %s", sm.unit, d.Mul(decimal.NewFromInt(sm.factor)).String())
		}
		c.add(join(p, n.key), ErrTooPrecise, "%q has more decimal places than %s shows (%d): the page would show the article's number rounded (%s)", n.s, f.Unit, f.Unit.Places(), hint)
	}
}

// input checks an adjustable figure's slider against the article's value.
func (c *checker) input(p string, f Figure, b Bounds) {
	in := f.Input
	lo, ok1 := c.number(join(p, "slider_min"), in.SliderMin, true)
	hi, ok2 := c.number(join(p, "slider_max"), in.SliderMax, true)
	step, ok3 := c.number(join(p, "step"), in.Step, true)
	if !ok1 || !ok2 || !ok3 {
		return
	}
	if !lo.LessThan(hi) {
		c.add(join(p, "slider_min"), ErrBadInput, "%s is not below slider_max %s", in.SliderMin, in.SliderMax)
		return
	}
	if !step.IsPositive() {
		c.add(join(p, "step"), ErrBadInput, "%s is not above zero (the amount one slider notch moves, like 1 or 0.1)", in.Step)
		return
	}
	if in.Integer && (!step.IsInteger() || !lo.IsInteger()) {
		c.add(join(p, "integer"), ErrBadInput, "true, but slider_min %s or step %s is fractional", in.SliderMin, in.Step)
	}
	if in.NonNegative && lo.IsNegative() {
		c.add(join(p, "slider_min"), ErrBadInput, "%s is below zero, but non_negative is true", in.SliderMin)
	}
	for _, v := range []decimal.Decimal{b.Low, b.High} {
		if msg, key := sliderFits(in, v, lo, hi, step); msg != "" {
			c.add(join(p, key), ErrBadInput, "%s", msg)
			return
		}
	}
}

// sliderFits says what keeps a slider from showing the article's value v,
// and which of the input's keys is at fault; "" when it fits.
func sliderFits(in *Input, v, lo, hi, step decimal.Decimal) (msg, key string) {
	switch {
	case v.LessThan(lo):
		return fmt.Sprintf("%s is above the article's value %s: the slider must reach it", in.SliderMin, v), "slider_min"
	case v.GreaterThan(hi):
		return fmt.Sprintf("%s is below the article's value %s: the slider must reach it", in.SliderMax, v), "slider_max"
	case !v.Sub(lo).Mod(step).IsZero():
		return fmt.Sprintf("the slider cannot reach the article's value %s from %s in steps of %s", v, in.SliderMin, in.Step), "step"
	case in.Integer && !v.IsInteger():
		return fmt.Sprintf("true, but the article's value %s is fractional", v), "integer"
	case in.NonNegative && v.IsNegative():
		return fmt.Sprintf("true, but the article's value %s is below zero", v), "non_negative"
	}
	return "", ""
}

// single reports whether a kind takes operand a only.
func single(k Kind) bool { return k == Sum || k == Scale }

func (c *checker) checkComparisons() {
	ds := c.ds
	for i, cm := range ds.Comparisons {
		p := at("comparisons", i)
		if c.id(join(p, "id"), cm.ID, "comparison") {
			c.unique(join(p, "id"), cm.ID)
		}
	}
	operands := c.figureIDs()
	for _, cm := range ds.Comparisons {
		operands = append(operands, cm.ID)
	}
	var two []string
	for _, k := range Kinds {
		if !single(k) {
			two = append(two, string(k))
		}
	}
	for i, cm := range ds.Comparisons {
		p := at("comparisons", i)
		c.text(join(p, "label"), cm.Label, "the words that name the result")
		switch {
		case cm.Kind == "":
			c.add(join(p, "kind"), ErrMissing, "missing (accepted: %s)", list(Kinds))
		case !slices.Contains(Kinds, cm.Kind):
			c.add(join(p, "kind"), ErrUnknownKind, "unknown kind %q%s (accepted: %s)", cm.Kind, didYouMean(string(cm.Kind), strs(Kinds)), list(Kinds))
		}
		if len(cm.A) == 0 {
			c.add(join(p, "a"), ErrMissing, "missing (a list of figure or comparison ids, added up first: [\"id\"])")
		}
		switch {
		case single(cm.Kind) && len(cm.B) > 0:
			c.add(join(p, "b"), ErrConflict, "a %s takes no operand b (only %s do)", cm.Kind, strings.Join(two, ", "))
		case !single(cm.Kind) && cm.Kind != "" && len(cm.B) == 0:
			c.add(join(p, "b"), ErrMissing, "missing (a %s sets a against b: a list of figure or comparison ids)", cm.Kind)
		}
		for _, op := range []struct {
			side string
			ids  []string
		}{{"a", cm.A}, {"b", cm.B}} {
			for _, id := range op.ids {
				_, isFig := ds.figures[id]
				_, isCmp := ds.comparisons[id]
				if isFig || isCmp {
					continue
				}
				c.add(join(p, op.side), ErrUnknownID, "unknown id %q%s (an operand is the id of a figure or of another comparison)", id, didYouMean(id, operands))
			}
		}
		switch {
		case cm.Kind == Scale && cm.Factor == "":
			c.add(join(p, "factor"), ErrMissing, "missing (a scale multiplies a by its factor, like \"4\" to annualise a quarter)")
		case cm.Kind != Scale && cm.Factor != "":
			c.add(join(p, "factor"), ErrConflict, "goes with kind scale only (this is a %s)", cm.Kind)
		case cm.Factor != "":
			c.number(join(p, "factor"), cm.Factor, true)
		}
		c.span(join(p, "result_span"), cm.ResultSpan, false)
		switch {
		case single(cm.Kind) && (cm.BFactor != "" || cm.BSpan != ""):
			c.add(join(p, "b_factor"), ErrConflict, "a %s has no operand b, so no b_factor or b_span", cm.Kind)
		case cm.BFactor != "" && cm.BSpan == "":
			c.add(join(p, "b_span"), ErrMissing, "missing: b_factor and b_span go together (the span b covers once multiplied, like year for a quarter × 4)")
		case cm.BFactor == "" && cm.BSpan != "":
			c.add(join(p, "b_factor"), ErrMissing, "missing: b_factor and b_span go together (what b is multiplied by, like \"4\" for a quarter to cover a year)")
		default:
			c.number(join(p, "b_factor"), cm.BFactor, false)
			c.span(join(p, "b_span"), cm.BSpan, false)
		}
		c.note(join(p, "note"), cm.Note)
		gp := join(p, "group")
		switch {
		case cm.Group == "":
			c.add(gp, ErrMissing, "missing (the id of the topic the comparison belongs to: %s)", list(c.topicIDs()))
		case !slices.ContainsFunc(ds.Topics, func(t Topic) bool { return t.ID == cm.Group }):
			c.add(gp, ErrUnknownID, "unknown topic %q%s (accepted: the topics' ids, %s)", cm.Group, didYouMean(cm.Group, c.topicIDs()), list(c.topicIDs()))
		}
	}
}

// figureIDs lists every figure's id, for "did you mean".
func (c *checker) figureIDs() []string {
	var ids []string
	for _, f := range c.ds.Figures {
		ids = append(ids, f.ID)
	}
	return ids
}

// placeholders checks the {id}s of a note: each must be a value known
// (what says which kind, for the message; accepted lists them for "did
// you mean"), and a brace must open and close one.
func (c *checker) placeholders(path, note, what string, known func(id string) bool, accepted []string) {
	for _, id := range placeholders(note) {
		if !known(id) {
			c.add(path, ErrUnknownID, "{%s} names no %s%s (a note writes a value in force as {id})", id, what, didYouMean(id, accepted))
		}
	}
	if strayBrace(note) {
		c.add(path, ErrNoteMark, "%q has a brace that opens or closes no {id}", note)
	}
}

// note checks the {figure_id} placeholders of a comparison's note.
func (c *checker) note(path, note string) {
	c.placeholders(path, note, "figure", func(id string) bool { _, ok := c.ds.figures[id]; return ok }, c.figureIDs())
}

// checkCorrections checks each correction: a point figure of the dataset,
// the value it had (which must differ from the one it has now) and the day
// it was corrected.
func (c *checker) checkCorrections() {
	ds := c.ds
	for i, cr := range ds.Corrections {
		p := at("corrections", i)
		fp := join(p, "figure")
		var f Figure
		switch j, ok := ds.figures[cr.Figure]; {
		case cr.Figure == "":
			c.add(fp, ErrMissing, "missing (the id of the corrected figure)")
		case !ok:
			c.add(fp, ErrUnknownID, "unknown figure %q%s", cr.Figure, didYouMean(cr.Figure, c.figureIDs()))
		default:
			f = ds.Figures[j]
			if f.IsRange() {
				c.add(fp, ErrConflict, "figure %q is a range; a correction gives one previous value", cr.Figure)
			}
		}
		if was, ok := c.number(join(p, "was"), cr.Was, true); ok && f.ID != "" && !f.IsRange() {
			if now, err := decimal.NewFromString(f.Value); err == nil && now.Equal(was) {
				c.add(join(p, "was"), ErrConflict, "%q is the figure's value now; a correction gives the value it had before", cr.Was)
			}
		}
		switch {
		case cr.On == "":
			c.add(join(p, "on"), ErrMissing, "missing (the day the correction was published, like \"2026-11-23\")")
		default:
			if _, err := time.Parse(time.DateOnly, cr.On); err != nil {
				c.add(join(p, "on"), ErrBadDate, "%q is not a day (write YYYY-MM-DD, like \"2026-11-23\")", cr.On)
			}
		}
	}
}

func (c *checker) topicIDs() []string {
	var out []string
	for _, t := range c.ds.Topics {
		out = append(out, t.ID)
	}
	return out
}

// side returns "a" or "b": the operand list of cm that names id.
func side(cm Comparison, id string) string {
	if slices.Contains(cm.A, id) {
		return "a"
	}
	return "b"
}

// order sets the evaluation order (every comparison after the comparisons
// it uses) and reports every cycle, naming its ids.
func (c *checker) order() {
	ds := c.ds
	c.evalIdx = ds.orderIdx(func(i int, id string, names []string) {
		cm := ds.Comparisons[i]
		c.add(join(at("comparisons", i), side(cm, id)), ErrCycle,
			"cycle: %s (a comparison cannot depend on itself, directly or through others)", strings.Join(names, " → "))
	})
	ds.setEvalOrder(c.evalIdx)
}

// operandInfo is what the units check knows of an operand.
type operandInfo struct {
	id     string
	unit   Unit
	span   Span
	period string
}

func (o operandInfo) String() string {
	if o.span == Point {
		return fmt.Sprintf("%q (%s)", o.id, o.period)
	}
	return fmt.Sprintf("%q (a %s: %s)", o.id, o.span, o.period)
}

// units works out every comparison's unit and span, as the engine will,
// and reports operands in units or periods the comparison cannot set
// against each other.
func (c *checker) units() {
	ds := c.ds
	results := map[string]operandInfo{}
	resolve := func(id string) (operandInfo, bool) {
		if i, ok := ds.figures[id]; ok {
			f := ds.Figures[i]
			ok := slices.Contains(Units, f.Unit) && slices.Contains(Spans, f.Span)
			return operandInfo{id, f.Unit, f.Span, f.Period}, ok
		}
		r, ok := results[id]
		return r, ok
	}
	for _, i := range c.evalIdx {
		cm := ds.Comparisons[i]
		bOK := (cm.BFactor == "") == (cm.BSpan == "") && (cm.BSpan == "" || slices.Contains(Spans, cm.BSpan))
		if !slices.Contains(Kinds, cm.Kind) || len(cm.A) == 0 || !bOK {
			continue
		}
		p := at("comparisons", i)
		var a, b []operandInfo
		ok := true
		for _, id := range cm.A {
			o, known := resolve(id)
			a, ok = append(a, o), ok && known
		}
		for _, id := range cm.B {
			o, known := resolve(id)
			if cm.BFactor != "" {
				o.span, o.period = cm.BSpan, o.period+" × "+cm.BFactor
			}
			b, ok = append(b, o), ok && known
		}
		if !ok || (!single(cm.Kind) && len(b) == 0) {
			continue
		}
		sameUnit := func(side string, ops []operandInfo) bool {
			for _, o := range ops[1:] {
				if o.unit != ops[0].unit {
					c.add(join(p, side), ErrUnitMismatch, "%q is in %s but %q in %s: the operands of %s are added up, so they take one unit",
						ops[0].id, ops[0].unit, o.id, o.unit, side)
					return false
				}
			}
			return true
		}
		if !sameUnit("a", a) || (len(b) > 0 && !sameUnit("b", b)) {
			continue
		}
		// Flows over different spans cannot be set against each other.
		var first *operandInfo
		var clash string
		for _, o := range slices.Concat(a, b) {
			if o.span == Point {
				continue
			}
			if first == nil {
				first = &o
				continue
			}
			if o.span != first.span && clash == "" {
				clash = fmt.Sprintf("%s and %s", first, o)
				if cm.PeriodsDiffer {
					continue
				}
				c.add(join(p, side(cm, o.id)), ErrPeriodMismatch,
					"%s cover different periods: a flow over a %s cannot be set against one over a %s (put b on a's footing with b_factor and b_span, like \"b_factor\": \"4\", \"b_span\": \"year\" for a quarter against a year; or set \"periods_differ\": true to show on purpose that they cannot be compared)",
					clash, first.span, o.span)
			}
		}
		if cm.PeriodsDiffer && clash == "" {
			c.add(join(p, "periods_differ"), ErrConflict, "true, but the operands cover the same period: remove it")
		}
		r := operandInfo{id: cm.ID, unit: a[0].unit, span: Point, period: "computed"}
		if first != nil {
			r.span, r.period = first.span, first.period
		}
		if slices.Contains(Spans, cm.ResultSpan) {
			r.span = cm.ResultSpan
		}
		switch cm.Kind {
		case Difference, Spread, Share, Ratio, PercentChange:
			if a[0].unit != b[0].unit {
				c.add(join(p, "b"), ErrUnitMismatch, "%q is in %s but %q in %s: a %s sets a against b in one unit",
					a[0].id, a[0].unit, b[0].id, b[0].unit, cm.Kind)
				continue
			}
		}
		switch cm.Kind {
		case Spread:
			if a[0].unit != Percent && a[0].unit != PP {
				c.add(join(p, "a"), ErrUnitMismatch, "%q is in %s: a spread is the gap between two percentages (percent or pp); use a difference for other units", a[0].id, a[0].unit)
				continue
			}
			r.unit = PP
		case Difference:
			if a[0].unit == Percent || a[0].unit == PP {
				r.unit = PP
			}
		case Share, PercentChange:
			r.unit = Percent
		case Ratio:
			r.unit = Times
		case ImpliedPrevious:
			if b[0].unit != Percent {
				c.add(join(p, "b"), ErrUnitMismatch, "%q is in %s: an implied_previous divides a by 1 + b/100, so b is a growth in percent", b[0].id, b[0].unit)
				continue
			}
		}
		if !cm.PeriodsDiffer {
			results[cm.ID] = r
		}
	}
	c.results = results
}

// unitOf returns the unit of a figure, or of a comparison's result.
func (c *checker) unitOf(id string) (Unit, bool) {
	if i, ok := c.ds.figures[id]; ok {
		u := c.ds.Figures[i].Unit
		return u, slices.Contains(Units, u) // an unknown unit is reported at the figure
	}
	r, ok := c.results[id]
	return r.unit, ok
}

// chart checks a topic's chart: its title, rows that draw known figures
// or comparisons in one unit (they share a scale), marks and a track in
// that unit, and comparisons beside the bars.
func (c *checker) chart(p string, ch TopicChart) {
	ds := c.ds
	c.text(join(p, "title"), ch.Title, "what the chart shows, above it")
	known := c.figureIDs()
	for _, cm := range ds.Comparisons {
		known = append(known, cm.ID)
	}
	exists := func(id string) bool {
		_, isFig := ds.figures[id]
		_, isCmp := ds.comparisons[id]
		return isFig || isCmp
	}
	if len(ch.Rows) == 0 {
		c.add(join(p, "rows"), ErrMissing, "missing or empty (the bars, top to bottom: [{\"name\": \"Amazon\", \"value\": \"capex_2026\"}])")
	}
	var unit Unit
	var unitFrom string
	sameUnit := func(path, id string) {
		u, ok := c.unitOf(id)
		switch {
		case !ok:
		case unitFrom == "":
			unit, unitFrom = u, id
		case u != unit:
			c.add(path, ErrUnitMismatch, "%q is in %s but %q in %s: a chart's bars and marks share one scale, so they take one unit", id, u, unitFrom, unit)
		}
	}
	for i, r := range ch.Rows {
		rp := at(join(p, "rows"), i)
		c.text(join(rp, "name"), r.Name, "the bar's label")
		switch {
		case r.Value == "":
			c.add(join(rp, "value"), ErrMissing, "missing (the id of the figure or comparison the bar draws)")
		case !exists(r.Value):
			c.add(join(rp, "value"), ErrUnknownID, "unknown id %q%s (a bar draws a figure or a comparison)", r.Value, didYouMean(r.Value, known))
		default:
			sameUnit(join(rp, "value"), r.Value)
		}
		for j, m := range r.Marks {
			mp := at(join(rp, "marks"), j)
			if !exists(m) {
				c.add(mp, ErrUnknownID, "unknown id %q%s (a mark is a figure or a comparison)", m, didYouMean(m, known))
				continue
			}
			sameUnit(mp, m)
		}
		if b := r.Beside; b != nil {
			bp := join(join(rp, "beside"), "comparison")
			if _, ok := ds.comparisons[b.Comparison]; !ok {
				var cms []string
				for _, cm := range ds.Comparisons {
					cms = append(cms, cm.ID)
				}
				c.add(bp, ErrUnknownID, "unknown comparison %q%s", b.Comparison, didYouMean(b.Comparison, cms))
			}
		}
	}
	c.number(join(p, "track"), ch.Track, false)
	c.placeholders(join(p, "note"), ch.Note, "figure or comparison", exists, known)
}

// checkParams reports a figure id that is also a range figure's URL
// parameter (its id with _low or _high).
func (c *checker) checkParams() {
	ds := c.ds
	for _, prm := range ds.params {
		if j, ok := ds.figures[prm.ID]; ok && prm.Part != Whole {
			c.add(join(at("figures", j), "id"), ErrDuplicateID, "%q is also the URL parameter of an end of the range figure %q (%s_low, %s_high): rename one",
				prm.ID, prm.Figure.ID, prm.Figure.ID, prm.Figure.ID)
		}
	}
}

func (c *checker) checkClaims() {
	ds := c.ds
	var cmps []string
	for _, cm := range ds.Comparisons {
		cmps = append(cmps, cm.ID)
	}
	for i, cl := range ds.Claims {
		p := at("claims", i)
		if c.id(join(p, "id"), cl.ID, "claim") {
			c.unique(join(p, "id"), cl.ID)
		}
		c.text(join(p, "quote"), cl.Quote, "the article's words that make the claim")
		cp := join(p, "comparison")
		switch _, ok := ds.comparisons[cl.Comparison]; {
		case cl.Comparison == "":
			c.add(cp, ErrMissing, "missing (the id of the comparison the claim is about)")
		case !ok:
			c.add(cp, ErrUnknownID, "unknown comparison %q%s (a claim is about one of the comparisons)", cl.Comparison, didYouMean(cl.Comparison, cmps))
		}
		switch {
		case cl.IsRange() && cl.Stated != "":
			c.add(join(p, "stated"), ErrConflict, "given with stated_low and stated_high: a claim states a value, or a range, not both")
		case cl.IsRange():
			lo, ok1 := c.number(join(p, "stated_low"), cl.StatedLow, true)
			hi, ok2 := c.number(join(p, "stated_high"), cl.StatedHigh, true)
			if ok1 && ok2 && lo.GreaterThan(hi) {
				c.add(join(p, "stated_low"), ErrBadRange, "%s is above stated_high %s (stated_low is the smaller end)", cl.StatedLow, cl.StatedHigh)
			}
		default:
			c.number(join(p, "stated"), cl.Stated, true)
		}
		if cl.Hedge != "" && !slices.Contains(ClaimHedges, cl.Hedge) {
			c.add(join(p, "hedge"), ErrUnknownQualifier, "unknown qualifier word %q (accepted: %s; for a claim that a number is over or under another, leave hedge out and give \"relation\": \"above\" or \"below\")",
				cl.Hedge, strings.Join(ClaimHedges, ", "))
		}
		switch rp := join(p, "relation"); {
		case cl.Relation == "":
		case !slices.Contains(Relations, cl.Relation):
			c.add(rp, ErrUnknownValue, "unknown relation %q%s (accepted: %s; leave it out for a claim that states a value)", cl.Relation, didYouMean(cl.Relation, Relations), strings.Join(Relations, ", "))
		case cl.IsRange():
			c.add(rp, ErrConflict, "a relation takes a single stated value, not a range")
		}
		hedge := cl.Hedge
		if !slices.Contains(ClaimHedges, hedge) {
			hedge = "" // reported above
		}
		c.source(join(p, "source"), cl.Source, hedge)
	}
}

// checkTopics checks every topic: unique id, a title and question, a lead
// comparison of its own group that its embed graphic shows (not
// dashboard-only), a lead input that is adjustable, a known
// claim and chart, and sentences that hold the value mark once.
func (c *checker) checkTopics() {
	ds := c.ds
	seen := map[string]string{}
	for i, t := range ds.Topics {
		p := at("topics", i)
		if c.id(join(p, "id"), t.ID, "topic") {
			if prev, ok := seen[t.ID]; ok {
				c.add(join(p, "id"), ErrDuplicateID, "duplicate topic id %q (also %s)", t.ID, prev)
			}
			seen[t.ID] = join(p, "id")
		}
		c.text(join(p, "title"), t.Title, "the topic's title, on its embed page")
		c.text(join(p, "question"), t.Question, "the question the topic answers, in the reader's words")
		var own []string
		for _, cm := range ds.Comparisons {
			if cm.Group == t.ID {
				own = append(own, cm.ID)
			}
		}
		lp := join(p, "lead")
		if cm, ok := ds.Comparison(t.Lead); t.Lead == "" {
			c.add(lp, ErrMissing, "missing (the id of the comparison that answers the question: one of %s)", strings.Join(own, ", "))
		} else if !ok {
			c.add(lp, ErrUnknownID, "unknown comparison %q%s (the lead is one of the topic's own comparisons: %s)", t.Lead, didYouMean(t.Lead, own), strings.Join(own, ", "))
		} else if cm.Group != t.ID {
			c.add(lp, ErrOtherTopic, "comparison %q belongs to topic %q (its group); a topic leads with one of its own: %s", t.Lead, cm.Group, strings.Join(own, ", "))
		} else if cm.DashboardOnly {
			var story []string
			for _, s := range ds.InStory(t.ID) {
				story = append(story, s.ID)
			}
			c.add(lp, ErrConflict, "comparison %q is dashboard-only (dashboard_only is true), off the topic's embed graphic, which shows its lead: lead with one it shows (%s), or drop dashboard_only", t.Lead, strings.Join(story, ", "))
		}
		var params []string
		for _, prm := range ds.params {
			params = append(params, prm.ID)
		}
		ip := join(p, "lead_input")
		if _, ok := ds.Param(t.LeadInput); t.LeadInput == "" {
			c.add(ip, ErrMissing, "missing (the lead input: the id of the adjustable figure shown at the answer)")
		} else if !ok {
			c.add(ip, ErrUnknownID, "the lead input %q is not an adjustable figure%s (accepted: a figure with an input, or a range's id with _low or _high: %s)",
				t.LeadInput, didYouMean(t.LeadInput, params), strings.Join(params, ", "))
		}
		if t.Claim != "" {
			cl, ok := ds.FeaturedClaim(t)
			if !ok {
				var ids []string
				for _, cl := range ds.Claims {
					ids = append(ids, cl.ID)
				}
				c.add(join(p, "claim"), ErrUnknownID, "unknown claim %q%s (leave it out to show the first claim about the lead)", t.Claim, didYouMean(t.Claim, ids))
			} else if cm, ok := ds.Comparison(cl.Comparison); ok && cm.Group != t.ID {
				c.add(join(p, "claim"), ErrOtherTopic, "claim %q is about another topic's comparison, %q (topic %q)", t.Claim, cm.ID, cm.Group)
			}
		}
		c.chart(join(p, "chart"), t.Chart)
		if t.EmbedHeight == 0 {
			c.add(join(p, "embed_height"), ErrMissing, "missing (the embed page's default frame height in CSS pixels, measured at 600 px wide with the assumptions closed)")
		} else if t.EmbedHeight < 100 || t.EmbedHeight > 5000 {
			c.add(join(p, "embed_height"), ErrBadNumber, "%d is not a frame height (the embed page's height in CSS pixels at 600 px wide, measured: 100 to 5000)", t.EmbedHeight)
		}
		if t.Sentence == "" {
			c.add(join(p, "sentence"), ErrMissing, "missing (the answer in words, with %s where the number goes)", ValueMark)
		}
		for _, s := range []struct{ key, text string }{{"sentence", t.Sentence}, {"negative", t.Negative}} {
			if s.text != "" && strings.Count(s.text, ValueMark) != 1 {
				c.add(join(p, s.key), ErrValueMark, "%q must hold %s once, where the number goes", s.text, ValueMark)
			}
		}
	}
}

// quotes checks every quote against the text of its article.
func (c *checker) quotes(source func(Article) (string, error)) {
	ds := c.ds
	texts := map[string]string{}
	for i, a := range ds.Articles {
		text, err := source(a)
		if err != nil {
			c.probs = append(c.probs, Problem{Path: join(at("articles", i), "file"), Err: detail{
				msg:  fmt.Sprintf("cannot read the article's text: %v", err),
				errs: []error{ErrNoSourceText, err}}})
			continue
		}
		if text != "" {
			texts[a.ID] = squeeze(text)
		}
	}
	check := func(path, article, words string) {
		text, ok := texts[article]
		if ok && !strings.Contains(text, squeeze(words)) {
			c.add(path, ErrQuoteNotFound, "“%s” is not word for word in article %q (copy the words from its text, in its spelling and punctuation)", words, article)
		}
	}
	for i, f := range ds.Figures {
		if w, ok := quotedWords(f.Source.Where); ok {
			check(join(at("figures", i), "source.where"), f.Source.Article, w)
		}
	}
	for i, a := range ds.Articles {
		for _, o := range []struct{ key, s string }{{"title", a.Title}, {"date", a.Date}} {
			if text, ok := texts[a.ID]; ok && strings.TrimSpace(o.s) != "" && !strings.Contains(text, squeeze(o.s)) {
				c.add(join(at("articles", i), o.key), ErrQuoteNotFound, "%q is not word for word in the article's text: a %s is the article's own (leave it out when the article gives none, and say what the article is in \"about\", in our words)", o.s, o.key)
			}
		}
	}
	for i, cl := range ds.Claims {
		if cl.Quote != "" {
			check(join(at("claims", i), "quote"), cl.Source.Article, cl.Quote)
		}
		if w, ok := quotedWords(cl.Source.Where); ok {
			check(join(at("claims", i), "source.where"), cl.Source.Article, w)
		}
	}
}

// squeeze turns every run of blanks into one space, so that a quote
// matches across the article's line breaks.
func squeeze(s string) string { return strings.Join(strings.Fields(s), " ") }
