package widget

import "strings"

// keepTogether joins a number to its "≈" mark and to its unit word with
// no-break spaces, so that a line never breaks inside "≈ $51.14 billion".
var keepTogether = strings.NewReplacer(
	"≈ ", "≈\u00a0",
	" billion", "\u00a0billion",
	" pp", "\u00a0pp",
	" GW", "\u00a0GW",
).Replace
