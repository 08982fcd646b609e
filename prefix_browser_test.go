package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"amzwidget/internal/browsertest"

	"github.com/chromedp/chromedp"
	"github.com/shopspring/decimal"
)

// sitePrefix is the path the prefix tests mount the site under, as
// app.CleanPrefix returns it.
const sitePrefix = "/widgets/amazon"

// capexOverEstimate is the capex embed's answer for a 2026 capital
// spending of capex billion dollars: capex − the analysts' $148.86 billion
// estimate, computed here, not by the widget ("$101.14" for 250).
func capexOverEstimate(capex string) string {
	d := decimal.RequireFromString(capex).Sub(decimal.RequireFromString("148.86"))
	return "$" + d.StringFixed(2)
}

// outsidePrefix returns every href and src in the tab's DOM that leaves
// origin+sitePrefix+"/" (data:, blob: and about: URLs do not count).
func outsidePrefix(tab *browsertest.Tab) []string {
	return browsertest.Eval[[]string](tab, fmt.Sprintf(`(() => {
		const bad = [];
		for (const e of document.querySelectorAll("[href],[src]")) {
			for (const a of ["href", "src"]) {
				const v = e.getAttribute(a);
				if (v === null) continue;
				const u = new URL(v, location.href);
				if (["data:", "blob:", "about:"].includes(u.protocol)) continue;
				if (u.origin !== location.origin || !u.pathname.startsWith(%q)) bad.push(e.tagName + " " + a + "=" + v);
			}
		}
		return bad;
	})()`, sitePrefix+"/"))
}

// requestsOutside returns every request the tab made that leaves
// origin+sitePrefix+"/".
func requestsOutside(tab *browsertest.Tab, origin string) []string {
	var out []string
	for _, r := range tab.Requests() {
		u, err := url.Parse(r)
		if err != nil {
			out = append(out, r)
			continue
		}
		switch u.Scheme {
		case "data", "blob", "about":
			continue
		}
		if u.Scheme+"://"+u.Host != origin || !strings.HasPrefix(u.Path, sitePrefix+"/") {
			out = append(out, r)
		}
	}
	return out
}

// pathname is the tab's location.pathname.
func pathname(tab *browsertest.Tab) string {
	return browsertest.Eval[string](tab, `location.pathname`)
}

// checkUnderPrefix runs a reader's visit of the site at origin+sitePrefix:
// the dashboard, an embed, a URL with assumptions, typing (the URL keeps
// the prefix), links to the full page and back, then offline (stop) the
// same pages again from the service worker. Every href and src in the DOM
// and every request the browser makes stay under the prefix.
func checkUnderPrefix(t *testing.T, origin string, stop func()) {
	base := origin + sitePrefix
	// The manifest's URLs, its scope included, are under the prefix.
	res, err := http.Get(base + "/manifest.webmanifest")
	if err != nil {
		t.Fatal(err)
	}
	var manifest struct {
		Scope    string `json:"scope"`
		StartURL string `json:"start_url"`
		Icons    []struct {
			Src string `json:"src"`
		} `json:"icons"`
	}
	err = json.NewDecoder(res.Body).Decode(&manifest)
	res.Body.Close()
	if err != nil {
		t.Fatalf("manifest: %v", err)
	}
	if manifest.Scope != sitePrefix+"/" || manifest.StartURL != sitePrefix+"/" || len(manifest.Icons) == 0 {
		t.Errorf("manifest: scope %q, start_url %q, %d icons", manifest.Scope, manifest.StartURL, len(manifest.Icons))
	}
	for _, ic := range manifest.Icons {
		if !strings.HasPrefix(ic.Src, sitePrefix+"/web/") {
			t.Errorf("manifest icon %q", ic.Src)
		}
	}

	tab := browsertest.New(t, browsertest.Fresh())
	domInside := func(where string) {
		t.Helper()
		if bad := outsidePrefix(tab); len(bad) > 0 {
			t.Errorf("%s: links outside %s/: %q", where, sitePrefix, bad)
		}
	}

	tab.Navigate(base + "/")
	wasmReady(tab)
	tab.WaitText("#cmp-cut_share_total .value", "≈ 8.57%")
	domInside("dashboard")
	// The embed code names the site with its prefix.
	tab.WaitFor("the embed code", func() (bool, string) {
		v, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[string](`(document.getElementById("snippet-plain")||{}).value || ""`))
		return err == nil && strings.Contains(v, `src="`+base+`/embed/workforce"`), v
	})

	// A link to an embed is followed by go-app's router, in the page.
	browsertest.Eval[bool](tab, `(() => { document.querySelector('.foot a[href$="/embed/capex"]').click(); return true; })()`)
	tab.WaitFor("the capex embed after the link", func() (bool, string) {
		p, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[string](`document.querySelector("#in-capex_2026") ? location.pathname : ""`))
		return err == nil && p == sitePrefix+"/embed/capex", p
	})
	domInside("embed after a link")

	// A URL with assumptions.
	tab.Navigate(base + "/embed/capex?capex_2026=250")
	wasmReady(tab)
	tab.WaitText("#cmp-capex_vs_estimate_diff .value", capexOverEstimate("250"))
	domInside("embed with assumptions")

	// Typing recomputes, and the URL it writes keeps the prefix.
	typeInto(tab, "#in-capex_2026", "300")
	tab.WaitText("#cmp-capex_vs_estimate_diff .value", capexOverEstimate("300"))
	tab.WaitFor("the URL to carry the typed value", func() (bool, string) {
		u, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[string](`location.pathname + location.search`))
		return err == nil && u == sitePrefix+"/embed/capex?capex_2026=300", u
	})
	domInside("embed after typing")

	// The embed's link to the full comparison, with the assumptions.
	full := browsertest.Eval[string](tab, `document.querySelector("a.fullpage").href`)
	if want := base + "/?capex_2026=300"; full != want {
		t.Errorf("full comparison link: %q, want %q", full, want)
	}
	tab.Navigate(full)
	wasmReady(tab)
	tab.WaitText("#cmp-capex_vs_estimate_diff .value", capexOverEstimate("300"))
	if p := pathname(tab); p != sitePrefix+"/" {
		t.Errorf("full comparison at %q", p)
	}
	domInside("dashboard with assumptions")

	swControls(tab)
	stop() // offline for real
	for _, path := range []string{"/", "/embed/capex", "/?workforce=300000", "/embed/capex?capex_2026=250"} {
		tab.Navigate(base + path)
		wasmReady(tab)
		switch path {
		case "/?workforce=300000":
			tab.WaitText("#cmp-cut_share_total .value", "10%") // 30,000 / 300,000
		case "/embed/capex?capex_2026=250":
			tab.WaitText("#cmp-capex_vs_estimate_diff .value", capexOverEstimate("250"))
		case "/embed/capex":
			typeInto(tab, "#in-capex_2026", "175")
			tab.WaitText("#cmp-capex_vs_estimate_diff .value", capexOverEstimate("175"))
		default:
			tab.WaitText("#cmp-cut_share_total .value", "≈ 8.57%")
		}
		if p := pathname(tab); !strings.HasPrefix(p, sitePrefix+"/") {
			t.Errorf("offline %s: at %q", path, p)
		}
		domInside("offline " + path)
	}

	if bad := requestsOutside(tab, origin); len(bad) > 0 {
		t.Errorf("requests outside %s/: %q", sitePrefix, bad)
	}
	if n := len(tab.Requests()); n < 10 {
		t.Errorf("only %d requests recorded: the check saw nothing", n)
	}
	if errs := tab.ConsoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %q", errs)
	}
}

// The server with -prefix /widgets/amazon/ answers under that path, and
// nowhere else.
func TestBrowserServerUnderPrefix(t *testing.T) {
	s := startRelease(t, "", release{version: "prefix-v1", prefix: sitePrefix})
	origin := s.url()

	// Prerendered, with JavaScript off: the URL's assumptions are in the
	// HTML, and so are the links, under the prefix.
	off := browsertest.New(t, browsertest.JSDisabled())
	off.Navigate(origin + sitePrefix + "/embed/capex?capex_2026=250")
	if v := off.Text("#cmp-capex_vs_estimate_diff .value"); !strings.Contains(v, capexOverEstimate("250")) {
		t.Errorf("prerendered answer %q, want %s", v, capexOverEstimate("250"))
	}
	if bad := outsidePrefix(off); len(bad) > 0 {
		t.Errorf("prerendered links outside %s/: %q", sitePrefix, bad)
	}

	// Outside the prefix there is nothing; the prefix alone is the dashboard.
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for path, want := range map[string]int{
		"/": 404, "/embed/capex": 404, "/healthz": 404, "/web/widget.css": 404,
		sitePrefix: 308, sitePrefix + "/": 200, sitePrefix + "/healthz": 200, sitePrefix + "/embed/capex/": 308,
	} {
		res, err := noRedirect.Get(origin + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != want {
			t.Errorf("GET %s: %d, want %d", path, res.StatusCode, want)
		}
		if loc := res.Header.Get("Location"); want == 308 && !strings.HasPrefix(loc, sitePrefix+"/") {
			t.Errorf("GET %s: redirected to %q", path, loc)
		}
	}

	checkUnderPrefix(t, origin, s.stop)
}

// make static PREFIX=/widgets/amazon/ served by nginx at that path
// (testdata/nginx/prefix.conf), with nothing else on the host.
func TestBrowserStaticExportUnderPrefix(t *testing.T) {
	ng := startNginxConf(t, "testdata/nginx/prefix.conf", sitePrefix)
	checkUnderPrefix(t, ng.url, ng.stop)
}
