package widget

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"amzwidget/data"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// canonical parses s as HTML and writes it back with each element's
// attributes sorted: app.HTMLString writes attributes in map order.
func canonical(t *testing.T, s string) string {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(strings.TrimSpace(n.Data))
		case html.ElementNode:
			attrs := slices.Clone(n.Attr)
			slices.SortFunc(attrs, func(a, b html.Attribute) int { return strings.Compare(a.Key, b.Key) })
			b.WriteString("<" + n.Data)
			for _, a := range attrs {
				b.WriteString(" " + a.Key + "=" + a.Val)
			}
			b.WriteString(">")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode {
			b.WriteString("</" + n.Data + ">")
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return b.String()
}

// otherValue returns a valid text for p that differs from its article
// value: an end of its slider, or its double; skip leaves out the first
// skip of those.
func otherValue(t *testing.T, b *Board, p data.Param, skip int) string {
	t.Helper()
	var tries []string
	if in := p.Figure.Input; in != nil {
		tries = append(tries, in.SliderMax, in.SliderMin)
	}
	tries = append(tries, p.Default.Add(p.Default).String(), p.Default.Shift(-1).String())
	for _, v := range tries {
		if v == "" {
			continue
		}
		c := b.sc.Clone()
		if err := c.Set(p.ID, v); err == nil && c.Changed(p.ID) {
			if skip == 0 {
				return v
			}
			skip--
		}
	}
	t.Fatalf("no other valid value for %s", p.ID)
	return ""
}

// TestTopicKeyIsComplete checks the promise TopicView's key makes: a
// topic's drawing changes only when its key does. For every topic, in
// both layouts, and every parameter: changing a parameter outside the
// topic's inputs leaves the topic's HTML as it was (so skipping its
// redraw is safe), and changing one of its inputs changes its key.
func TestTopicKeyIsComplete(t *testing.T) {
	ds := data.Default()
	for _, story := range []bool{false, true} {
		for _, topic := range ds.Topics {
			inputs := map[string]bool{}
			for _, p := range ds.Inputs(topicComparisons(ds, topic, story)) {
				inputs[p.ID] = true
			}
			draw := func(b *Board) string {
				v := &TopicView{Board: b, Topic: topic.ID, Story: story, Level: 1}
				return canonical(t, app.HTMLString(v))
			}
			base := &Board{Data: ds, Story: story}
			base.load(&url.URL{Path: "/"})
			before, beforeKey := draw(base), base.topicKey(topic, story)
			for _, p := range ds.Params() {
				b := &Board{Data: ds, Story: story}
				b.load(&url.URL{Path: "/"})
				v := otherValue(t, b, p, 0)
				if err := b.sc.Set(p.ID, v); err != nil {
					t.Fatal(err)
				}
				b.res = b.sc.Evaluate()
				after, afterKey := draw(b), b.topicKey(topic, story)
				// From one changed value to another, too.
				if inputs[p.ID] {
					w := otherValue(t, b, p, 1)
					if err := b.sc.Set(p.ID, w); err != nil {
						t.Fatal(err)
					}
					if b.topicKey(topic, story) == afterKey {
						t.Errorf("story=%v topic %s: setting its input %s from %s to %s left the key unchanged", story, topic.ID, p.ID, v, w)
					}
				}
				switch {
				case inputs[p.ID] && afterKey == beforeKey:
					t.Errorf("story=%v topic %s: setting its input %s=%s left the key unchanged", story, topic.ID, p.ID, v)
				case !inputs[p.ID] && after != before:
					t.Errorf("story=%v topic %s: setting %s=%s, not one of its inputs, changed its HTML: the key would skip a needed redraw", story, topic.ID, p.ID, v)
				case inputs[p.ID] && after == before:
					t.Errorf("story=%v topic %s: setting its input %s=%s left its HTML unchanged: the test would not see a stale topic", story, topic.ID, p.ID, v)
				}
			}
		}
	}
}
