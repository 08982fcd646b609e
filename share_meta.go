package main

import (
	"html"
	"strconv"

	"amzwidget/pages"
	"amzwidget/scenario"
	"amzwidget/widget"
)

// chartImageURL is the absolute URL of topic's PNG under sc.
func chartImageURL(s site, topic string, sc *scenario.Scenario) string {
	u := s.url("/chart/" + topic + ".png")
	if q := sc.Query(); q != "" {
		u += "?" + q
	}
	return u
}

// shareMeta rewrites a page's social-preview tags in head: og:title (the
// lead topic's answer with the reader's values), og:description, og:image
// (the PNG of the lead topic under the same scenario, an absolute URL),
// with og:image:type, :width, :height and :alt, and twitter:card =
// summary_large_image added. Every
// value comes from the decoded scenario and the dataset, and is escaped.
func shareMeta(head []byte, path string, sc *scenario.Scenario, s site) []byte {
	topics := pages.PageTopics(sc.Dataset(), path)
	title, desc := widget.ShareText(topics, sc)
	head = setMeta(head, "og:title", title)
	head = setMeta(head, "og:description", desc)
	if len(topics) == 0 {
		return head
	}
	head = setMeta(head, "og:image", chartImageURL(s, topics[0].ID, sc))
	// The image's size, from its own layout (taller than 630 px only when
	// its text needs it), so that a preview is drawn before it is fetched.
	d := widget.ShareCard(topics[0], sc, "").Layout()
	extra := `<meta property="og:image:type" content="image/png">` + "\n" +
		`<meta property="og:image:width" content="` + strconv.Itoa(d.Width) + `">` + "\n" +
		`<meta property="og:image:height" content="` + strconv.Itoa(d.Height) + `">` + "\n" +
		`<meta property="og:image:alt" content="` + html.EscapeString(topics[0].Title+": "+title) + `">` + "\n" +
		`<meta name="twitter:card" content="summary_large_image">` + "\n"
	return append(head, extra...)
}
