//go:build !wasm

package pages

import (
	"errors"
	"testing"
)

func TestCleanPrefix(t *testing.T) {
	ok := map[string]string{
		"": "", "/": "", "/widgets/amazon/": "/widgets/amazon", "/widgets/amazon": "/widgets/amazon",
		"/a": "/a", "/v1.2/x_y~z-w/": "/v1.2/x_y~z-w",
	}
	for in, want := range ok {
		got, err := CleanPrefix(in)
		if err != nil || got != want {
			t.Errorf("CleanPrefix(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{
		"widgets", "//widgets", "/a//b", "/a/../b", "/./a", "/a/..", `/a"b`, "/a b", "/a<b",
		"/a?b", "/a#b", "/a%2Fb", "/ä", "/a\\b", "/a\x00",
	} {
		if got, err := CleanPrefix(in); !errors.Is(err, ErrPrefix) {
			t.Errorf("CleanPrefix(%q) = %q, %v; want ErrPrefix", in, got, err)
		}
	}
}

func TestPrefixResolver(t *testing.T) {
	r := prefixResolver{prefix: "/widgets/amazon"}
	for in, want := range map[string]string{
		"":                      "/widgets/amazon/",
		"/":                     "/widgets/amazon/",
		"/web":                  "/widgets/amazon/web",
		"/web/app.wasm":         "/widgets/amazon/web/app.wasm",
		"/app.js":               "/widgets/amazon/app.js",
		"/embed/capex":          "/widgets/amazon/embed/capex",
		"/?capex_2026=250":      "/widgets/amazon/?capex_2026=250",
		"/data.csv?a=1":         "/widgets/amazon/data.csv?a=1",
		"https://x.example/a":   "https://x.example/a",
		"//x.example/a":         "//x.example/a",
		"#top":                  "#top",
		"data:image/png;base64": "data:image/png;base64",
	} {
		if got := r.Resolve(in); got != want {
			t.Errorf("Resolve(%q) = %q, want %q", in, got, want)
		}
	}
}
