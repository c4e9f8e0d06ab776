package standards

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var updateExtract = flag.Bool("update-extract", false, "rewrite the extraction golden files in testdata/extract")

// checkMap checks a document's source maps: every block has a first anchor
// at 0, anchors in order, and every byte of its text maps into the source;
// a byte that differs from the source byte it maps to must be one the
// readers make: a space or newline standing for white space or a <br>,
// or part of a decoded character reference.
func checkMap(t testing.TB, src []byte, doc *Document, strict bool) {
	t.Helper()
	for bi := range doc.Blocks {
		b := &doc.Blocks[bi]
		if len(b.Map) == 0 || b.Map[0].Text != 0 {
			t.Fatalf("block %d %q: map %v does not start at text offset 0", bi, b.Text, b.Map)
		}
		if b.Text == "" {
			t.Fatalf("block %d is empty", bi)
		}
		for k := 1; k < len(b.Map); k++ {
			if b.Map[k].Text <= b.Map[k-1].Text || b.Map[k].Text >= len(b.Text) {
				t.Fatalf("block %d %q: anchors out of order or past the text: %v", bi, b.Text, b.Map)
			}
		}
		for i := 0; i < len(b.Text); i++ {
			o := b.SourceOffset(i)
			if o < 0 || o >= len(src) {
				t.Fatalf("block %d %q: text byte %d maps to %d, outside the source (%d bytes)", bi, b.Text, i, o, len(src))
			}
			c := b.Text[i]
			if src[o] == c || c == '\n' && src[o] == '\r' { // a line break at a lone CR
				continue
			}
			if !strict && madeByte(src, o, c) {
				continue
			}
			t.Fatalf("block %d %q: text byte %d %q maps to source byte %d %q", bi, b.Text, i, c, o, src[o])
		}
		for _, l := range b.Links {
			if l.Start < 0 || l.Start >= l.End || l.End > len(b.Text) {
				t.Fatalf("block %d %q: bad link %+v", bi, b.Text, l)
			}
		}
	}
}

// madeByte reports whether text byte c, mapped to src[o], is one a reader
// makes rather than copies.
func madeByte(src []byte, o int, c byte) bool {
	if (c == ' ' || c == '\n') && (htmlSpace[src[o]] || src[o] == '<') {
		return true
	}
	for p := o; p >= 0; p-- { // a numeric reference may have any number of leading zeros
		switch d := src[p]; {
		case d == '&':
			return true
		case isAlnumByte(d) || d == '#' || d == ';':
		default:
			return false
		}
	}
	return false
}

// render writes blocks one per line, with their links and the source
// line and column of their first byte, for golden files.
func render(doc *Document) string {
	var sb strings.Builder
	for _, b := range doc.Blocks {
		line, col := doc.Position(b.SourceOffset(0))
		sb.WriteString(strconv.Itoa(line) + ":" + strconv.Itoa(col) + " " + b.Kind.String())
		if b.Level > 0 {
			sb.WriteString(strconv.Itoa(b.Level))
		}
		sb.WriteString(" " + strconv.Quote(b.Text) + "\n")
		for _, l := range b.Links {
			sb.WriteString("\tlink " + strconv.Quote(b.Text[l.Start:l.End]) + " -> " + l.Href + "\n")
		}
	}
	return sb.String()
}

// TestExtractGolden extracts the council pages in testdata/extract; the
// expected blocks are the golden files, checked by reading them against
// the inputs (rewrite with -update-extract and review the diff).
func TestExtractGolden(t *testing.T) {
	for _, name := range []string{"decision-notice.html", "consultation.md", "minutes.txt"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", "extract", name)
			src, err := os.ReadFile(path)
			require.NoError(t, err)
			f := DetectFormat(name, src)
			assert.Equal(t, f, DetectFormat("", src), "sniffing agrees with the extension")
			doc, err := Extract(src, f)
			require.NoError(t, err)
			checkMap(t, src, doc, f == FormatText)
			got := render(doc)
			golden := path + ".golden"
			if *updateExtract {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err)
			assert.Equal(t, string(want), got)
		})
	}
}

func TestExtractEmpty(t *testing.T) {
	for _, f := range []Format{FormatAuto, FormatText, FormatMarkdown, FormatHTML} {
		for _, src := range []string{"", "\n\n  \n", "\xef\xbb\xbf", "\xef\xbb\xbf\r\n"} {
			doc, err := Extract([]byte(src), f)
			require.NoError(t, err)
			assert.Empty(t, doc.Blocks, "%s %q", f, src)
		}
	}
	doc, err := Extract([]byte("<html><head><title>T</title></head><body>\n</body></html>"), FormatHTML)
	require.NoError(t, err)
	assert.Empty(t, doc.Blocks)
}

func TestExtractBinary(t *testing.T) {
	tests := []struct {
		name   string
		src    []byte
		offset int
	}{
		{"nul", []byte("hello\x00world"), 5},
		{"utf16", []byte("\xff\xfeh\x00i\x00"), 3},
		{"controls", bytes.Repeat([]byte("a\x01\x02\x03"), 100), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extract(tt.src, FormatText)
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrBinary))
			var be *BinaryError
			require.True(t, errors.As(err, &be))
			assert.Equal(t, tt.offset, be.Offset)
			assert.Contains(t, err.Error(), "standards: input looks binary")
		})
	}
	// a few stray control characters are text
	_, err := Extract([]byte("Page 1\x0cPage 2 \x1b[1mbold\x1b[0m \x07"), FormatText)
	assert.NoError(t, err)
}

func TestExtractInvalidUTF8(t *testing.T) {
	srcs := map[Format]string{
		FormatText:     "Caf\xe9 open\n\nLine \xff\xfe two",
		FormatMarkdown: "# Caf\xe9\n\n*Bad \xc3 byte* here",
		FormatHTML:     "<p>Caf\xe9 &amp; \xff</p>",
	}
	for f, s := range srcs {
		doc, err := Extract([]byte(s), f)
		require.NoError(t, err)
		require.NotEmpty(t, doc.Blocks)
		checkMap(t, []byte(s), doc, false)
		assert.Contains(t, doc.Blocks[0].Text, "Caf\xe9", "bytes kept as written")
	}
}

func TestParseFormat(t *testing.T) {
	for s, want := range map[string]Format{"auto": FormatAuto, "": FormatAuto, "text": FormatText, "TXT": FormatText,
		"markdown": FormatMarkdown, "md": FormatMarkdown, "html": FormatHTML, " HTM ": FormatHTML} {
		got, err := ParseFormat(s)
		require.NoError(t, err, s)
		assert.Equal(t, want, got, s)
	}
	_, err := ParseFormat("docx")
	require.EqualError(t, err, `standards: unknown format "docx" (want auto, text, markdown or html)`)
	_, err = Extract(nil, Format(9))
	assert.Error(t, err)
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		name, file, src string
		want            Format
	}{
		{"html ext", "a/notice.HTML", "plain words", FormatHTML},
		{"htm ext", "notice.htm", "", FormatHTML},
		{"md ext", "README.md", "<p>x</p>", FormatMarkdown},
		{"markdown ext", "x.markdown", "", FormatMarkdown},
		{"txt ext", "minutes.txt", "# not a heading", FormatText},
		{"dir dot", "v1.2/notes", "Just text.", FormatText},
		{"doctype", "", "\n  <!DOCTYPE html><p>x", FormatHTML},
		{"tags", "", "Intro <p>para</p> and <a href=x>y</a>", FormatHTML},
		{"one tag", "", "Use <b> for bold", FormatText},
		{"atx", "", "Intro\n\n## Heading\n", FormatMarkdown},
		{"hashtag", "", "#council news today", FormatText},
		{"fence", "", "```\ncode\n```", FormatMarkdown},
		{"link", "", "See [the report](r.pdf).", FormatMarkdown},
		{"front matter", "", "---\ntitle: x\n---\nBody", FormatMarkdown},
		{"setext", "", "Title\n=====\n", FormatMarkdown},
		{"text", "", "MINUTES\n\n1. Apologies\n- item", FormatText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, DetectFormat(tt.file, []byte(tt.src)))
		})
	}
}

// within fails the test if f takes longer than d: a guard against
// quadratic time on hostile input.
// within fails when f takes longer than d. The bounds catch quadratic
// blow-ups on hostile input (which take hours), not speed: they leave room
// for -race, several times slower, on a shared machine.
func within(t *testing.T, d time.Duration, f func()) {
	t.Helper()
	start := time.Now()
	f()
	if el := time.Since(start); el > d {
		t.Fatalf("took %v, want under %v", el, d)
	}
}

func TestExtractHostile(t *testing.T) {
	deep := 100000
	tests := []struct {
		name string
		f    Format
		src  []byte
	}{
		{"html deep divs", FormatHTML, []byte(strings.Repeat("<div>", deep) + "deep text" + strings.Repeat("</div>", deep))},
		{"html deep unclosed", FormatHTML, []byte(strings.Repeat("<div><p>x", deep))},
		{"html deep inline", FormatHTML, []byte(strings.Repeat("<span hidden><b>", deep) + "x")},
		{"html stray end tags", FormatHTML, []byte(strings.Repeat("<div>", deep) + strings.Repeat("</p></span></li>", deep))},
		{"html unclosed comment", FormatHTML, []byte("<p>a<!-- " + strings.Repeat("x", 1<<20))},
		{"html many lt", FormatHTML, bytes.Repeat([]byte("<a <b "), deep)},
		{"html long line", FormatHTML, []byte("<p>" + strings.Repeat("word ", 200000) + "</p>")},
		{"md deep quotes", FormatMarkdown, []byte(strings.Repeat(">", deep) + " deep\n" + strings.Repeat("> ", 1000) + "x\n")},
		{"md deep lists", FormatMarkdown, []byte(strings.Repeat("- ", deep) + "x\n")},
		{"md brackets", FormatMarkdown, []byte(strings.Repeat("[", deep) + strings.Repeat("]", deep))},
		{"md link openers", FormatMarkdown, bytes.Repeat([]byte("[a]("), deep)},
		{"md backticks", FormatMarkdown, []byte(strings.Repeat("`a``b", deep))},
		{"md emphasis", FormatMarkdown, bytes.Repeat([]byte("*a _b "), deep)},
		{"md angle", FormatMarkdown, bytes.Repeat([]byte("<a <!-- "), deep)},
		{"md long line", FormatMarkdown, []byte(strings.Repeat("word ", 200000))},
		{"text long line", FormatText, []byte(strings.Repeat("word ", 200000))},
		{"text many lines", FormatText, bytes.Repeat([]byte("- x\nY\n\n"), deep)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			within(t, 20*time.Second, func() {
				doc, err := Extract(tt.src, tt.f)
				require.NoError(t, err)
				checkMap(t, tt.src, doc, false)
			})
		})
	}
}

func TestExtractLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB input")
	}
	page, err := os.ReadFile(filepath.Join("testdata", "extract", "decision-notice.html"))
	require.NoError(t, err)
	src := bytes.Repeat(page, 50<<20/len(page)+1)
	within(t, 40*time.Second, func() {
		doc, err := Extract(src, FormatHTML)
		require.NoError(t, err)
		assert.Greater(t, len(doc.Blocks), 1000)
	})
}

// TestExtractWasmDeps checks that extraction keeps fmt, regexp,
// encoding/json and the stemmer out of the browser build.
func TestExtractWasmDeps(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool")
	}
	cmd := exec.Command(goTool, "list", "-deps", ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	require.NoError(t, err)
	for dep := range strings.FieldsSeq(string(out)) {
		switch {
		case dep == "fmt", dep == "regexp", dep == "encoding/json", strings.Contains(dep, "snowball"), dep == "golang.org/x/net/html":
			t.Errorf("standards imports %s in the wasm build", dep)
		}
	}
}

// TestExtractText checks that ExtractText reads as Extract does with
// FormatText: on every sample page whatever its markup (the plain-text
// reader takes any text), on empty input and on binary input.
func TestExtractText(t *testing.T) {
	cases := map[string][]byte{"empty": nil, "binary": []byte("a\x00b"), "bom": []byte("\xef\xbb\xbfTitle\n\nBody text.")}
	for _, name := range []string{"decision-notice.html", "consultation.md", "minutes.txt"} {
		src, err := os.ReadFile(filepath.Join("testdata", "extract", name))
		require.NoError(t, err)
		cases[name] = src
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			want, werr := Extract(src, FormatText)
			got, gerr := ExtractText(src)
			assert.Equal(t, werr, gerr)
			assert.Equal(t, want, got)
			if name == "minutes.txt" {
				require.NoError(t, gerr)
				assert.NotEmpty(t, got.Blocks)
			}
		})
	}
}
