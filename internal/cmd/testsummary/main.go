// Command testsummary reads `go test -json` output on standard input,
// prints the output of every failed test, and ends with one line
// "N passed, N failed, N skipped". It exits non-zero when a test failed,
// when any test was skipped (a skipped test is never counted as a pass),
// when a package failed to build, or when fewer tests than -min-browser
// whose name starts with TestBrowser passed: the browser tests must run.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
)

type event struct {
	Action  string
	Package string
	Test    string
	Output  string
	Elapsed float64
}

func main() {
	minBrowser := flag.Int("min-browser", 1, "fewest TestBrowser* tests that must pass")
	flag.Parse()
	outputs := map[string]*strings.Builder{}
	ended := map[string]bool{} // tests that passed, failed or skipped
	var passed, failed, skipped, browser int
	var failures, skips, pkgFails []string
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		line := sc.Bytes()
		var e event
		if err := json.Unmarshal(line, &e); err != nil {
			fmt.Println(string(line)) // build errors arrive as plain text
			continue
		}
		key := e.Package + " " + e.Test
		if e.Action == "pass" || e.Action == "fail" || e.Action == "skip" {
			ended[key] = true
		}
		switch e.Action {
		case "output":
			b := outputs[key]
			if b == nil {
				b = &strings.Builder{}
				outputs[key] = b
			}
			b.WriteString(e.Output)
		case "pass":
			if e.Test == "" {
				fmt.Printf("ok   %s (%.1fs)\n", e.Package, e.Elapsed)
				continue
			}
			if !strings.Contains(e.Test, "/") {
				passed++
				if strings.HasPrefix(e.Test, "TestBrowser") {
					browser++
				}
			}
		case "fail":
			if e.Test == "" {
				pkgFails = append(pkgFails, e.Package)
				fmt.Printf("FAIL %s\n", e.Package)
				if b := outputs[key]; b != nil {
					fmt.Print(b.String())
				}
				// A test that never ended (a panic, a timeout, a killed
				// binary): its output says what happened.
				for k, b := range outputs {
					if strings.HasPrefix(k, e.Package+" ") && k != key && !ended[k] {
						fmt.Printf("--- UNFINISHED: %s\n%s", k, b.String())
					}
				}
				continue
			}
			if !strings.Contains(e.Test, "/") {
				failed++
			}
			failures = append(failures, key)
		case "skip":
			if e.Test != "" {
				skipped++
				skips = append(skips, key)
			}
		}
	}
	sort.Strings(failures)
	for _, k := range failures {
		fmt.Printf("--- FAIL: %s\n", k)
		if b := outputs[k]; b != nil {
			fmt.Print(b.String())
		}
	}
	for _, k := range skips {
		fmt.Printf("--- SKIP (not allowed): %s\n", k)
		if b := outputs[k]; b != nil {
			fmt.Print(b.String())
		}
	}
	ok := failed == 0 && skipped == 0 && len(pkgFails) == 0
	if browser < *minBrowser {
		fmt.Printf("only %d browser tests passed; at least %d must run\n", browser, *minBrowser)
		ok = false
	}
	fmt.Printf("browser tests passed: %d\n", browser)
	fmt.Printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped)
	if !ok {
		os.Exit(1)
	}
}
