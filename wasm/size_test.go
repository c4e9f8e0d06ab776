package wasm

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var (
	wasmSize = flag.Bool("wasmsize", false, "build the size-check programs for js/wasm and report their raw and brotli sizes")
	wasmSyms = flag.Int("wasmsize.syms", 0, "with -wasmsize, also list this many of the check program's largest packages and functions")
)

// scoreBudget is the most the plain-text scoring program may weigh,
// brotli -q 11, in bytes, built as the widget is (buildEnv, buildFlags);
// the browser widget's goal is 500 KB, and doc.go says where the bytes
// over it go. scoreBudgetPlain is its ceiling
// built with -ldflags='-s -w' alone, and checkBudget that of the
// Checker.Check program, which also links the Markdown and HTML readers.
// Each sits just above today's figure, so that growth is a deliberate
// decision, with room for the about 1 KB by which brotli's output moves
// with the name of the folder the program is built from.
//
// Raised by 14 KB when the scoring path learnt the structure of plain text
// (label lines, table rows, bullets, headings as units), the document
// classifier that keeps journey signposting to decision content, the
// acronym and jargon judgement tested on real council pages, and
// cancellation inside the tokeniser: each measured, none avoidable
// without losing precision that editors asked for.
//
// Raised again, by 12.5 KB (score widget), 19 KB (score plain), 30.5 KB
// (check plain) and 16 KB (the readability widget), for the six checks
// editors know from Yoast SEO, Hemingway and GOV.UK guidance (issue 9):
// subheadings, sentence-starts, hard-sentence, inclusive-language,
// accessibility and govuk-style, written with byte-level matching and no
// regexp or fmt. The markup half of accessibility (alt text, empty links,
// table headers, heading levels, document links) links only with the
// HTML and Markdown readers, hence the larger rise of the check program.
//
// Raised a third time, by 14 KB (score widget and plain), 15 KB (check
// plain) and 11.5 KB (the readability widget), when the rules were held
// to 90% precision on 628 hand-judged findings from 43 real council pages
// (issue 9, standards/testdata/real): about 4 KB is data (a jargon list of
// 200 democratic-services terms, council acronyms with their expansions,
// plain-English entries with their sources, journey cues), the rest the
// judgement that keeps the rules quiet on real pages (quoted terms, form
// labels and values, names after an article, resolutions, naming
// passives, numbered minute headings). Windows-1252 decoding stays out:
// package internal/input/decode is linked by the command line only.
//
// The same source built in two folders has given brotli sizes 1.7 KB
// apart with raw sizes equal to the byte (the build id differs), so each
// ceiling now sits about 1.5–2 KB above the largest figure seen.
//
// Lowered when the widgets were built without bounds checks (-B, see
// doc.go): the score widget program from 558.1 KB to 539.6 KB, the
// readability module as shipped from 503.7 KB to 482.7 KB, its payload
// from 512.2 KB to 491.2 KB, under the 500 KB, and the journey
// module from 507.8 KB to 499.6 KB. Raised by 2.5 KB when the third
// held-out check's fixes and the widget's standards.Draft (which analyses
// only the paragraphs changed since the last score) joined, and by 1.5 KB
// more when the Draft kept word ids, counts and buffers and the rule set
// was built from flat tables: the payload 494.9 KB, the module 486.3 KB,
// each ceiling about 2 KB above them. The programs built with
// -ldflags='-s -w' alone (score plain 616.3 KB, check plain 683.7 KB),
// which nothing ships, rose past theirs with the same work and the
// tokeniser's letter counts, and their ceilings with them. When the
// tokeniser took over the word-id lookup from prepare (one cache lookup
// per word for syllables, case and ids), the shipped module fell by
// 1.1 KB, to 487.0 KB, and the score program built plain rose to 619.0 KB:
// its ceiling is 620.5 KB. Every program is now built with -trimpath, so
// its size no longer depends on the folder the source is in (it moved by
// up to 1.7 KB); the file paths it keeps are the module's, a little
// longer than a short checkout's: the readability module is 488.3 KB and
// its payload 496.8 KB, the score program built as the widget 545.7 KB,
// whose ceiling is 547 KB.
const (
	scoreBudget      = 547_000
	scoreBudgetPlain = 620_500
	checkBudget      = 686_000
	// widgetProgramBudget is the ceiling of the readability widget's own
	// program, wasm/readability, as [Build] ships it: built as the widget
	// is (the scoring path plus the exported functions, the tape and the
	// UTF-16 spans, about 5 KB) and with the traceback tables blanked
	// (stripTables). widgetBudget is that of the whole widget's payload,
	// the program with its worker, loader and styles, as "civickit widgets
	// build" writes them; the issue's budget for it is 500 KB (widgetGoal).
	// The program was 556 KB after the real-page precision work of issue 9,
	// 538 KB once it stopped using syscall/js (reflectcall, finalizers and
	// the map iterator came with it) and wrote the card on a concrete tape,
	// 562 KB once the editors' checks and the real-page precision work of
	// issue 9 joined it (the rises of the scoring programs above), and
	// 502 KB once stripTables blanked the names, positions and argument
	// layouts; the payload 510.6 KB, its loader without the journey code
	// and its worker started by wasm-runtime.js, not wasm_exec.js.
	widgetProgramBudget = 488_500
	widgetBudget        = 497_000
	widgetGoal          = 500_000
	// journeySummaryGoal is the budget for <civic-journey> given
	// a summary: the loader, journey.js and the styles, no wasm.
	journeySummaryGoal = 10_000
	// journeyProgramBudget is the ceiling of wasm/journey as shipped,
	// which <civic-journey> loads only for a raw decision: the journey
	// package, which reads the decision and writes the summary: 892 KB
	// after the journey merge of issues 8 and 10, 714 KB once the
	// summary's HTML view (html/template, whose init links regexp and
	// text/template) was left out of the js build, 634 KB with the
	// traceback tables blanked (633,547 bytes), 510,932 bytes once the js
	// build read the decision and wrote the summary with the package's
	// hand-written codec rather than encoding/json, 508,061 bytes with
	// the CSV reader (encoding/csv) left out of it. Excel reading lives
	// in internal/table/xlsx, apart from internal/table, which the
	// journey package links: in table it brought the excelize library
	// into this program (1,279 KB); the hand-written reader that
	// replaced it would bring archive/zip and encoding/xml.
	journeyProgramBudget = 501_500
)

// sizePrograms are the programs measured: an empty main (the Go runtime's
// own weight); a main calling standards.Analyze on a document built by
// hand; the scoring path for plain text as the widget runs it
// (ExtractText, then the rules and scores of Checker.CheckDocument); and a
// main calling Checker.Check, which also reads Markdown and HTML.
var sizePrograms = []struct{ name, src string }{
	{"empty", `package main

func main() {}
`},
	{"analyse", `package main

import "github.com/civickit/civickit/standards"

// text is a variable so that the call is not folded away.
var text = "The Cabinet will decide on 12 March. Have your say by 1 April."

func main() {
	doc := &standards.Document{Blocks: []standards.Block{{Text: text}}}
	a := standards.Analyze(doc)
	println(a.Stats.Words, a.Readability.FleschReadingEase)
}
`},
	{"score", `package main

import "github.com/civickit/civickit/standards"

// text is a variable so that the call is not folded away.
var text = "The Cabinet will decide on 12 March. Have your say by 1 April."

func main() {
	doc, err := standards.ExtractText([]byte(text))
	if err != nil {
		println(err.Error())
		return
	}
	var c standards.Checker
	card := c.CheckDocument("draft", doc)
	println(card.Score, len(card.Findings))
}
`},
	{"check", `package main

import "github.com/civickit/civickit/standards"

// text is a variable so that the call is not folded away.
var text = "The Cabinet will decide on 12 March. Have your say by 1 April."

func main() {
	var c standards.Checker
	card, err := c.Check("page.html", []byte(text))
	if err != nil {
		println(err.Error())
		return
	}
	println(card.Score, len(card.Findings))
}
`},
}

// TestWasmSize builds each program with GOOS=js GOARCH=wasm go build
// -trimpath, once with -ldflags='-s -w' alone ("plain") and once as the
// widget is built (buildEnv and buildFlags, "widget"), compresses each with brotli -q 11 and
// reports the sizes; it fails if a program exceeds its budget. It runs only
// with -wasmsize (it takes about a minute and needs brotli):
//
//	go test ./wasm -run WasmSize -wasmsize -v
//	go test ./wasm -run WasmSize -wasmsize -wasmsize.syms 30 -v
func TestWasmSize(t *testing.T) {
	if !*wasmSize {
		t.Skip("run with -wasmsize")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not available")
	}
	if _, err := exec.LookPath("brotli"); err != nil {
		t.Fatal("brotli not found: apt-get install -y brotli")
	}
	// The programs live inside the module, in a folder whose name starts
	// with an underscore so that ./... skips it, to build against the
	// working tree.
	dir, err := os.MkdirTemp(".", "_size")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	out := t.TempDir()
	build := func(name, variant string, env, flags []string) string {
		src := filepath.Join(dir, name)
		bin := filepath.Join(out, name+variant+".wasm")
		args := append([]string{"build", "-trimpath", "-o", bin}, flags...)
		cmd := exec.Command(gobin, append(args, "./"+src)...)
		cmd.Env = append(append(cmd.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0"), env...)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("build %s: %v\n%s", name, err, b)
		}
		return bin
	}
	brotli := func(bin string) (raw, br int) {
		b, err := os.ReadFile(bin)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		cmd := exec.Command("brotli", "-q", "11", "-c", bin)
		cmd.Stdout = &buf
		if err := cmd.Run(); err != nil {
			t.Fatalf("brotli: %v", err)
		}
		return len(b), buf.Len()
	}
	budgets := map[string]int{"score widget": scoreBudget, "score plain": scoreBudgetPlain, "check plain": checkBudget}
	base := map[string]int{}
	t.Logf("%-8s %-7s %10s %10s %10s", "program", "flags", "raw", "brotli", "over empty")
	for _, p := range sizePrograms {
		if err := os.MkdirAll(filepath.Join(dir, p.name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p.name, "main.go"), []byte(p.src), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, v := range []struct {
			name       string
			env, flags []string
		}{{"plain", nil, []string{"-trimpath", "-ldflags=-s -w"}}, {"widget", buildEnv, buildFlags}} {
			raw, br := brotli(build(p.name, v.name, v.env, v.flags))
			if p.name == "empty" {
				base[v.name] = br
			}
			t.Logf("%-8s %-7s %10d %10d %10d", p.name, v.name, raw, br, br-base[v.name])
			if max, ok := budgets[p.name+" "+v.name]; ok && br > max {
				t.Errorf("the %s program built %s is %d bytes brotli, over its budget of %d", p.name, v.name, br, max)
			}
		}
	}
	// the widgets' own programs, from the module's source, before and
	// after stripTables
	for _, p := range []struct {
		name   string
		budget int
	}{{"readability", widgetProgramBudget}, {"journey", journeyProgramBudget}} {
		bin := filepath.Join(out, p.name+".wasm")
		args := append([]string{"build", "-trimpath", "-o", bin}, buildFlags...)
		cmd := exec.Command(gobin, append(args, "./"+p.name)...)
		cmd.Env = append(append(cmd.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0"), buildEnv...)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("build %s: %v\n%s", p.name, err, b)
		}
		raw, br := brotli(bin)
		t.Logf("%-11s %-9s %10d %10d %10d", p.name, "widget", raw, br, br-base["widget"])
		b, err := os.ReadFile(bin)
		if err != nil {
			t.Fatal(err)
		}
		if err := stripTables(b); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(bin, b, 0o644); err != nil {
			t.Fatal(err)
		}
		raw, br = brotli(bin)
		t.Logf("%-11s %-9s %10d %10d %10d", p.name, "stripped", raw, br, br-base["widget"])
		if br > p.budget {
			t.Errorf("the %s widget's program is %d bytes brotli as shipped, over its budget of %d", p.name, br, p.budget)
		}
	}
	// what a page downloads, as "civickit widgets build" writes it
	files, err := Build(context.Background(), BuildOptions{Out: filepath.Join(out, "built"), Module: ".."})
	if err != nil {
		t.Fatal(err)
	}
	var payload, journey, summary int
	for _, f := range files {
		name := f.Name
		loader := name == "civickit.js" || strings.HasPrefix(name, "civickit.") && strings.HasSuffix(name, ".css")
		if loader || strings.HasPrefix(name, "readability.") || strings.HasPrefix(name, "readability-worker.") {
			t.Logf("readability widget: %-34s %8d bytes brotli", name, f.Brotli)
			payload += f.Brotli
		}
		if loader || strings.HasPrefix(name, "journey.") && strings.HasSuffix(name, ".js") {
			summary += f.Brotli
		}
		if strings.HasPrefix(name, "journey.") && strings.HasSuffix(name, ".wasm") {
			journey = f.Brotli
		}
	}
	t.Logf("the journey widget on a summary (loader, journey.js and styles): %d bytes brotli; the issue's budget %d", summary, journeySummaryGoal)
	if summary > journeySummaryGoal {
		t.Errorf("the journey widget on a summary is %d bytes brotli, over the issue's budget of %d", summary, journeySummaryGoal)
	}
	t.Logf("the readability widget's payload (wasm, worker, loader and styles, brotli -q 11): %d bytes; the issue's budget %d", payload, widgetGoal)
	t.Logf("the journey widget's module for a raw decision: %d bytes brotli", journey)
	if payload > widgetBudget {
		t.Errorf("the readability widget's payload is %d bytes brotli, over its budget of %d", payload, widgetBudget)
	}
	if payload > widgetGoal {
		t.Errorf("the readability widget's payload is %d bytes brotli, over the issue's budget of %d", payload, widgetGoal)
	}
	if journey > journeyProgramBudget {
		t.Errorf("the journey module as built is %d bytes brotli, over its budget of %d", journey, journeyProgramBudget)
	}
	if *wasmSyms > 0 {
		b, err := os.ReadFile(build("score", "-names", buildEnv, buildFlags[1:])) // with its name section
		if err != nil {
			t.Fatal(err)
		}
		funcs, data, err := wasmFuncSizes(b)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("score program built with %v %v, without -s -w: data segments: %d bytes", buildEnv, buildFlags[1:], data)
		t.Log("largest packages (code bytes):\n" + topSizes(funcs, *wasmSyms, packageOf))
		t.Log("largest functions (code bytes):\n" + topSizes(funcs, *wasmSyms, func(s string) string { return s }))
	}
}

// topSizes sums sizes by key(name) and formats the n largest.
func topSizes(funcs map[string]int, n int, key func(string) string) string {
	sum := map[string]int{}
	for name, s := range funcs {
		sum[key(name)] += s
	}
	keys := make([]string, 0, len(sum))
	for k := range sum {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return sum[keys[i]] > sum[keys[j]] || sum[keys[i]] == sum[keys[j]] && keys[i] < keys[j]
	})
	var sb strings.Builder
	for i, k := range keys {
		if i == n {
			break
		}
		fmt.Fprintf(&sb, "%9d  %s\n", sum[k], k)
	}
	return sb.String()
}

// packageOf returns the package path of a function's symbol name.
func packageOf(sym string) string {
	// The wasm name section spells github.com/x/y.F as github.com_x_y.F:
	// skip a leading domain before looking for the dot.
	from := 0
	if d, u := strings.IndexByte(sym, '.'), strings.IndexByte(sym, '_'); d > 0 && u > d {
		switch sym[d+1 : u] {
		case "com", "org", "net", "io", "in", "dev":
			from = u
		}
	}
	if d := strings.IndexByte(sym[from:], '.'); d >= 0 {
		return sym[:from+d]
	}
	return sym
}

// wasmFuncSizes reads a WebAssembly module's code section and name
// section: the body size of each named function, and the total size of
// the data section.
func wasmFuncSizes(b []byte) (map[string]int, int, error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, 0, fmt.Errorf("wasm: not a WebAssembly module")
	}
	r := &wasmReader{b: b, i: 8}
	var bodies []int
	names := map[int]string{}
	imported, data := 0, 0
	for r.i < len(b) && r.err == nil {
		id := r.byte()
		n := r.uleb()
		end := r.i + n
		if end > len(b) || r.err != nil {
			return nil, 0, fmt.Errorf("wasm: section %d overruns the file", id)
		}
		switch id {
		case 2: // imports: function imports take the first indexes
			for range r.uleb() {
				r.skip(r.uleb())
				r.skip(r.uleb())
				switch r.byte() {
				case 0:
					r.uleb()
					imported++
				case 1:
					r.byte()
					r.limits()
				case 2:
					r.limits()
				case 3:
					r.skip(2)
				}
			}
		case 10: // code
			for range r.uleb() {
				s := r.uleb()
				bodies = append(bodies, s)
				r.skip(s)
			}
		case 11:
			data = n
		case 0:
			if r.name() == "name" {
				for r.i < end && r.err == nil {
					sub := r.byte()
					sn := r.uleb()
					subEnd := r.i + sn
					if sub == 1 {
						for range r.uleb() {
							idx := r.uleb()
							names[idx] = r.name()
						}
					}
					r.i = subEnd
				}
			}
		}
		r.i = end
	}
	if r.err != nil {
		return nil, 0, r.err
	}
	funcs := make(map[string]int, len(bodies))
	for k, s := range bodies {
		name, ok := names[imported+k]
		if !ok {
			name = fmt.Sprintf("func%d", imported+k)
		}
		funcs[name] += s
	}
	return funcs, data, nil
}
