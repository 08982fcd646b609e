// Package browsertest runs browser tests against one shared headless
// Chromium per test binary: Debian's /usr/bin/chromium, started with the
// flags this workplace requires and a fresh profile directory, and shut down
// when the tests end. Each test gets its own tab (or its own incognito-like
// browser context), with the console and the network requests recorded.
//
// A missing browser fails the tests with a message saying how to install
// it; nothing is ever skipped.
package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

var (
	mu         sync.Mutex
	browserCtx context.Context
	cancelAll  []context.CancelFunc
	profileDir string
	startErr   error
)

// ExecPath is the browser binary: $CHROMIUM, else /usr/bin/chromium.
func ExecPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// Main runs the tests of a package that uses this one: call it from
// TestMain. It stops the shared browser and removes its profile at the end.
func Main(m *testing.M) {
	code := m.Run()
	mu.Lock()
	for i := len(cancelAll) - 1; i >= 0; i-- {
		cancelAll[i]()
	}
	if profileDir != "" {
		os.RemoveAll(profileDir)
	}
	mu.Unlock()
	os.Exit(code)
}

// browser starts the shared browser on first use.
func browser(t testing.TB) context.Context {
	t.Helper()
	mu.Lock()
	defer mu.Unlock()
	if browserCtx != nil || startErr != nil {
		if startErr != nil {
			t.Fatal(startErr)
		}
		return browserCtx
	}
	if _, err := os.Stat(ExecPath()); err != nil {
		startErr = fmt.Errorf("no browser at %s (%v): run `bash scripts/deps.sh` (installs Debian's chromium package)", ExecPath(), err)
		t.Fatal(startErr)
	}
	dir, err := os.MkdirTemp("", "browsertest-profile-")
	if err != nil {
		t.Fatal(err)
	}
	profileDir = dir
	actx, cancel1 := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(ExecPath()),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(dir),
	)
	bctx, cancel2 := chromedp.NewContext(actx)
	// The first Run starts the browser; it must not carry a timeout.
	if err := chromedp.Do(bctx); err != nil {
		cancel2()
		cancel1()
		startErr = fmt.Errorf("start %s: %w", ExecPath(), err)
		t.Fatal(startErr)
	}
	cancelAll = append(cancelAll, cancel1, cancel2)
	browserCtx = bctx
	return bctx
}

// Option configures a Tab.
type Option func(*options)

type options struct {
	jsOff      bool
	width      int64
	height     int64
	scheme     string
	timeout    time.Duration
	newContext bool
	noScripts  bool
	sibling    *Tab
}

// JSDisabled turns off JavaScript in the tab, as for a reader without it.
func JSDisabled() Option { return func(o *options) { o.jsOff = true } }

// Viewport sets the tab's viewport size in CSS pixels.
func Viewport(w, h int) Option {
	return func(o *options) { o.width, o.height = int64(w), int64(h) }
}

// DarkScheme emulates prefers-color-scheme: dark.
func DarkScheme() Option { return func(o *options) { o.scheme = "dark" } }

// LightScheme emulates prefers-color-scheme: light.
func LightScheme() Option { return func(o *options) { o.scheme = "light" } }

// NoScripts blocks every .js and .wasm request: the page renders as
// without JavaScript, while DevTools can still evaluate in it (which
// JSDisabled prevents).
func NoScripts() Option { return func(o *options) { o.noScripts = true } }

// Timeout bounds everything the tab does (default 60 s).
func Timeout(d time.Duration) Option { return func(o *options) { o.timeout = d } }

// Fresh opens the tab in a new browser context: its own cookies, storage,
// cache and service workers, as for a first-time reader.
func Fresh() Option { return func(o *options) { o.newContext = true } }

// Beside opens the tab in the browser context of another tab: a second
// tab of the same reader, sharing its storage and service workers.
func Beside(other *Tab) Option { return func(o *options) { o.sibling = other } }

// Tab is one browser tab for one test.
type Tab struct {
	t   testing.TB
	Ctx context.Context

	mu       sync.Mutex
	console  []chromedp.ConsoleMessage
	requests []string

	close func()
}

// Close closes the tab now, and its browser context with it if it has its
// own (Fresh): its pages stop, its service workers too. A benchmark closes
// each tab once measured, so that what a tab does later (a worker's
// install, a collection, V8's background compilation) does not fall on the
// next measurement. The test's end closes any tab left open; Close twice
// is harmless.
func (tab *Tab) Close() { tab.close() }

// New opens a tab in the shared browser. The tab closes when the test ends.
func New(t testing.TB, opts ...Option) *Tab {
	t.Helper()
	o := options{timeout: 60 * time.Second, width: 1280, height: 900}
	for _, f := range opts {
		f(&o)
	}
	parent := browser(t)
	if o.sibling != nil {
		parent = o.sibling.Ctx
	}
	var copts []chromedp.ContextOption
	if o.newContext && o.sibling == nil {
		copts = append(copts, chromedp.WithNewBrowserContext())
	}
	tctx, cancel := chromedp.NewContext(parent, copts...)
	tab := &Tab{t: t}
	// Open the target (no timeout on this first Run), then bound the rest.
	if err := chromedp.Do(tctx); err != nil {
		cancel()
		t.Fatalf("open tab: %v", err)
	}
	msgs := chromedp.Console(tctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			tab.mu.Lock()
			tab.console = append(tab.console, m)
			tab.mu.Unlock()
		}
	}()
	if err := chromedp.Listen(tctx, func(ev any) {
		var u string
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			u = e.Request.URL
		case network.EventRequestWillBeSent:
			u = e.Request.URL
		default:
			return
		}
		tab.mu.Lock()
		tab.requests = append(tab.requests, u)
		tab.mu.Unlock()
	}); err != nil {
		cancel()
		t.Fatal(err)
	}
	ctx, cancel2 := context.WithTimeout(tctx, o.timeout)
	tab.Ctx = ctx
	tab.close = func() { cancel2(); cancel() }
	t.Cleanup(tab.Close)

	setup := []chromedp.Action[chromedp.Void]{
		chromedp.EmulateViewport(o.width, o.height),
	}
	if o.noScripts {
		setup = append(setup, call(network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: []*network.BlockPattern{
			{URLPattern: "*://*:*/*.js", Block: true},
			{URLPattern: "*://*:*/*.wasm", Block: true},
		}}))
	}
	if o.jsOff {
		setup = append(setup, call(emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}))
	}
	var features []*emulation.MediaFeature
	if o.scheme != "" {
		features = append(features, &emulation.MediaFeature{Name: "prefers-color-scheme", Value: o.scheme})
	}
	if len(features) > 0 {
		setup = append(setup, call(emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: features}))
	}
	tab.Run(setup...)
	return tab
}

// call makes an action of a DevTools command whose answer is not needed.
func call[P, R any](c cdp.Command[P, R], p P) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, c, p)
		return err
	})
}

// Call runs a DevTools command in the tab and fails the test on error.
func Call[P, R any](tab *Tab, c cdp.Command[P, R], p P) R {
	tab.t.Helper()
	r, err := chromedp.Run(tab.Ctx, func(ctx context.Context, t *chromedp.Target) (R, error) {
		return cdp.Call(ctx, t, c, p)
	})
	if err != nil {
		tab.t.Fatalf("%s: %v", c.Method, err)
	}
	return r
}

// Run runs actions in the tab and fails the test on error.
func (tab *Tab) Run(actions ...chromedp.Action[chromedp.Void]) {
	tab.t.Helper()
	if err := chromedp.Do(tab.Ctx, actions...); err != nil {
		tab.t.Fatalf("browser: %v", err)
	}
}

// Navigate loads a URL and waits for its load event.
func (tab *Tab) Navigate(u string) {
	tab.t.Helper()
	tab.Run(chromedp.Navigate(u))
}

// Eval evaluates a JavaScript expression in the page and returns its value;
// a promise is awaited.
func Eval[T any](tab *Tab, expr string) T {
	tab.t.Helper()
	v, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tab.t.Fatalf("eval %s: %v", expr, err)
	}
	return v
}

// Text returns the text content of the first element matching the CSS
// selector, or "" when there is none.
func (tab *Tab) Text(sel string) string {
	tab.t.Helper()
	return Eval[string](tab, fmt.Sprintf(`(() => { const e = document.querySelector(%q); return e ? e.textContent.replace(/\s+/g, " ").trim() : ""; })()`, sel))
}

// WaitText polls until the text of the element matching sel contains
// substr, and fails with the last text seen when it does not within 20 s.
func (tab *Tab) WaitText(sel, substr string) {
	tab.t.Helper()
	tab.WaitFor(fmt.Sprintf("text of %s contains %q", sel, substr), func() (bool, string) {
		got := tab.Text(sel)
		return strings.Contains(got, substr), got
	})
}

// WaitFor polls cond every 50 ms for up to 20 s; cond returns whether it
// holds and what it saw, for the failure message.
func (tab *Tab) WaitFor(what string, cond func() (bool, string)) {
	tab.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var seen string
	for {
		ok, s := cond()
		if ok {
			return
		}
		seen = s
		if time.Now().After(deadline) || tab.Ctx.Err() != nil {
			tab.t.Fatalf("timed out waiting for %s; last seen: %q", what, seen)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// ConsoleErrors returns the console errors and uncaught exceptions so far.
func (tab *Tab) ConsoleErrors() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	var out []string
	for _, m := range tab.console {
		if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
			out = append(out, m.String()+" @ "+m.URL)
		}
	}
	return out
}

// Console returns every console message so far.
func (tab *Tab) Console() []chromedp.ConsoleMessage {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]chromedp.ConsoleMessage(nil), tab.console...)
}

// Requests returns every URL the tab requested so far.
func (tab *Tab) Requests() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]string(nil), tab.requests...)
}

// ForeignRequests returns the requests to origins other than the allowed
// ones (scheme://host:port); data:, blob: and about: URLs do not count.
func (tab *Tab) ForeignRequests(allowed ...string) []string {
	var out []string
	for _, r := range tab.Requests() {
		u, err := url.Parse(r)
		if err != nil {
			out = append(out, r)
			continue
		}
		switch u.Scheme {
		case "data", "blob", "about", "chrome-extension":
			continue
		}
		origin := u.Scheme + "://" + u.Host
		ok := false
		for _, a := range allowed {
			if strings.TrimSuffix(a, "/") == origin {
				ok = true
			}
		}
		if !ok {
			out = append(out, r)
		}
	}
	return out
}

// Fatalf fails the tab's test now, for helpers that act on a tab without
// holding its testing.T.
func (tab *Tab) Fatalf(format string, args ...any) {
	tab.t.Helper()
	tab.t.Fatalf(format, args...)
}

// Screenshot writes a full-page PNG named name.png into $SCREENSHOT_DIR, or
// testdata/screenshots at the module root, and logs its path.
func (tab *Tab) Screenshot(name string) string {
	tab.t.Helper()
	png, err := chromedp.Run(tab.Ctx, chromedp.FullScreenshot(100))
	if err != nil {
		tab.t.Fatalf("screenshot: %v", err)
	}
	dir := os.Getenv("SCREENSHOT_DIR")
	if dir == "" {
		dir = filepath.Join(moduleRoot(), "testdata", "screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tab.t.Fatal(err)
	}
	p := filepath.Join(dir, name+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		tab.t.Fatal(err)
	}
	tab.t.Logf("screenshot: %s", p)
	return p
}

func moduleRoot() string {
	dir, _ := os.Getwd()
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}

// EvalInFrame evaluates a JavaScript expression inside the first frame
// (at any depth) whose URL contains urlPart, in an isolated world of that
// frame, so it works across origins. The value must be JSON-serialisable.
func EvalInFrame[T any](tab *Tab, urlPart, expr string) T {
	tab.t.Helper()
	v, err := TryEvalInFrame[T](tab, urlPart, expr)
	if err != nil {
		tab.t.Fatal(err)
	}
	return v
}

// TryEvalInFrame is EvalInFrame that returns an error, for polling while
// the frame may not exist yet.
func TryEvalInFrame[T any](tab *Tab, urlPart, expr string) (T, error) {
	var v T
	tree, err := chromedp.Run(tab.Ctx, func(ctx context.Context, t *chromedp.Target) (page.GetFrameTreeResult, error) {
		return cdp.Call(ctx, t, page.GetFrameTree, cdp.Empty{})
	})
	if err != nil {
		return v, err
	}
	var find func(ft *page.FrameTree) *cdp.Frame
	find = func(ft *page.FrameTree) *cdp.Frame {
		if ft == nil {
			return nil
		}
		if ft.Frame != nil && ft.Frame.ParentID != "" && strings.Contains(ft.Frame.URL+ft.Frame.URLFragment, urlPart) {
			return ft.Frame
		}
		for _, c := range ft.ChildFrames {
			if f := find(c); f != nil {
				return f
			}
		}
		return nil
	}
	f := find(tree.FrameTree)
	if f == nil {
		return evalInOOPIF[T](tab, urlPart, expr)
	}
	res, err := chromedp.Run(tab.Ctx, func(ctx context.Context, t *chromedp.Target) (runtime.EvaluateResult, error) {
		world, err := cdp.Call(ctx, t, page.CreateIsolatedWorld, page.CreateIsolatedWorldParams{FrameID: f.ID, WorldName: "browsertest"})
		if err != nil {
			return runtime.EvaluateResult{}, err
		}
		yes := true
		return cdp.Call(ctx, t, runtime.Evaluate, runtime.EvaluateParams{
			Expression: expr, ContextID: world.ExecutionContextID, ReturnByValue: &yes, AwaitPromise: &yes,
		})
	})
	if err != nil {
		return v, fmt.Errorf("eval in frame %s: %w", f.URL, err)
	}
	if res.ExceptionDetails != nil {
		return v, fmt.Errorf("eval in frame %s: %s %v", f.URL, res.ExceptionDetails.Text, res.ExceptionDetails.Exception)
	}
	if res.Result == nil || len(res.Result.Value) == 0 {
		return v, nil
	}
	if err := json.Unmarshal([]byte(res.Result.Value), &v); err != nil {
		return v, fmt.Errorf("eval in frame %s: %v (%s)", f.URL, err, res.Result.Value)
	}
	return v, nil
}

// evalInOOPIF evaluates in a frame that Chromium runs in a process of its
// own (an out-of-process iframe, such as a sandboxed frame with an opaque
// origin), by attaching to its target.
func evalInOOPIF[T any](tab *Tab, urlPart, expr string) (T, error) {
	var v T
	infos, err := chromedp.Targets(tab.Ctx)
	if err != nil {
		return v, err
	}
	for _, ti := range infos {
		if ti.Type != "iframe" || !strings.Contains(ti.URL, urlPart) {
			continue
		}
		mu.Lock()
		bctx := browserCtx
		mu.Unlock()
		fctx, cancel := chromedp.NewContext(bctx, chromedp.WithTargetID(ti.TargetID), chromedp.WithDetachOnCancel())
		defer cancel()
		if err := chromedp.Do(fctx); err != nil {
			return v, err
		}
		return chromedp.Run(fctx, chromedp.Evaluate[T](expr))
	}
	return v, fmt.Errorf("no frame with URL containing %q", urlPart)
}
