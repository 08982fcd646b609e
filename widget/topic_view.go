package widget

import (
	"strconv"
	"strings"

	"amzwidget/data"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// TopicView draws one topic of a Board: at length on the dashboard, or as
// an article graphic on the embed pages. It is a component of its own so
// that an edit redraws only the topic it touches: go-app compares a
// child's fields before rendering it, and Key changes exactly when
// something the topic shows does (its inputs' values and drafts, the
// display style, whether its assumptions are open). A topic's results are
// a function of its inputs (data.Dataset.Inputs is transitive), so they
// need no place in the key; a test checks that every figure outside a
// topic's inputs leaves the topic's HTML unchanged.
type TopicView struct {
	app.Compo

	// Board draws the topic and receives its edits. Being the same
	// pointer, it always compares equal.
	Board *Board
	// Topic is the topic's id.
	Topic string
	// Story lays the topic out as an article graphic; Level is then its
	// title's heading level.
	Story bool
	Level int
	// Key sums up what the topic shows (see Board.topicKey).
	Key string
}

// Render draws the topic from the board's current state.
func (v *TopicView) Render() app.UI {
	b := v.Board
	ds := b.Data
	t, _ := ds.Topic(v.Topic)
	st := b.sc.Style()
	if v.Story {
		return b.story(t, st, v.Level)
	}
	return b.section(t, st)
}

// topicView returns the component that draws topic t.
func (b *Board) topicView(t data.Topic, story bool, level int) app.UI {
	key := b.topicKey(t, story)
	if story {
		// A story draws its closed disclosures' contents in later stages;
		// a dashboard section is drawn whole or not at all.
		key += b.laterKey()
	}
	return &TopicView{Board: b, Topic: t.ID, Story: story, Level: level, Key: key}
}

// topicKey sums up everything topic t shows, laid out as a story or at
// length: the display style, and for each input of the comparisons shown
// the value in force, whether it was changed, and the reader's draft text
// and its error; and whether its assumptions are open.
func (b *Board) topicKey(t data.Topic, story bool) string {
	ds := b.Data
	st := b.sc.Style()
	var k strings.Builder
	k.WriteString(strconv.Itoa(st.Digits))
	k.WriteString("|" + strconv.FormatBool(st.Exact) + "|" + st.Locale.Tag + "|" + strconv.FormatBool(b.open[t.ID]))
	for _, p := range ds.Inputs(topicComparisons(ds, t, story)) {
		k.WriteString("|" + p.ID + "=" + b.sc.Value(p).String())
		if b.sc.Changed(p.ID) {
			k.WriteString("*")
		}
		if d, ok := b.drafts[p.ID]; ok {
			k.WriteString("~" + d.text)
			if d.err != nil {
				k.WriteString("!" + d.err.Error())
			}
		}
	}
	return k.String()
}

// topicComparisons are the comparisons topic t shows: on its story, those
// not kept to the dashboard; at length, all of them.
func topicComparisons(ds *data.Dataset, t data.Topic, story bool) []data.Comparison {
	if story {
		return ds.InStory(t.ID)
	}
	return ds.InGroup(t.ID)
}
