package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/civickit/civickit/internal/input"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCheckJSONContract checks the keys that other tools read from
// civickit check --format json: one object for one file, an array for
// several, offsets in bytes of the input file.
func TestCheckJSONContract(t *testing.T) {
	dir := t.TempDir()
	src := "# Bin days\n\nWe will utilise new routes in order to empty every bin on time.\n"
	file := filepath.Join(dir, "bins.md")
	require.NoError(t, os.WriteFile(file, []byte(src), 0o644))

	out, stderr, code := runCLI(t, "", "check", "--format", "json", file)
	require.Equal(t, 0, code, stderr)
	var card map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &card), out)
	for _, k := range []string{"file", "stats", "readability", "standards", "findings", "score"} {
		assert.Contains(t, card, k)
	}
	stats := card["stats"].(map[string]any)
	for _, k := range []string{"sentences", "words", "syllables", "letters", "characters", "polysyllables"} {
		assert.Contains(t, stats, k)
	}
	read := card["readability"].(map[string]any)
	for _, k := range []string{"flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog", "coleman_liau", "ari", "reading_age"} {
		assert.Contains(t, read, k)
	}
	for _, s := range card["standards"].([]any) {
		for _, k := range []string{"id", "name", "score", "passed"} {
			assert.Contains(t, s, k)
		}
	}
	found := map[string]bool{}
	for _, f := range card["findings"].([]any) {
		f := f.(map[string]any)
		for _, k := range []string{"rule", "severity", "message", "suggestion", "line", "column", "offset", "length"} {
			assert.Contains(t, f, k)
		}
		off, n := int(f["offset"].(float64)), int(f["length"].(float64))
		if f["rule"] == "plain-english" {
			// A word-level finding spans just the word or phrase.
			found[src[off:off+n]] = true
			assert.Equal(t, 3, int(f["line"].(float64)))
		}
	}
	assert.True(t, found["utilise"], "utilise found at its bytes: %v", found)
	assert.True(t, found["in order to"], "in order to found at its bytes: %v", found)

	out, stderr, code = runCLI(t, "", "check", "--format", "json", file, file)
	require.Equal(t, 0, code, stderr)
	var cards []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &cards), out)
	assert.Len(t, cards, 2)
}

// TestCheckEncodings checks that a file in UTF-16, or with bytes that are
// neither UTF-8 nor Windows-1252, is an error naming the file and the
// encoding, while the other files are still checked and, with two files
// named, printed as a JSON array.
func TestCheckEncodings(t *testing.T) {
	dir := t.TempDir()
	ok := filepath.Join(dir, "ok.txt")
	latin1 := filepath.Join(dir, "latin1.txt")
	utf16 := filepath.Join(dir, "utf16.txt")
	require.NoError(t, os.WriteFile(ok, []byte("You can tell us what you think of the plan until 5 May.\n"), 0o644))
	require.NoError(t, os.WriteFile(latin1, []byte("Caf\xe9 opening hours are 9am to 5pm.\x81\n"), 0o644))
	require.NoError(t, os.WriteFile(utf16, []byte("\xff\xfeY\x00o\x00u\x00\n\x00"), 0o644))

	out, stderr, code := runCLI(t, "", "check", "--format", "json", latin1, ok)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "latin1.txt: input is Latin-1 or Windows-1252, not UTF-8")
	var cards []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &cards), "an array although one file failed: %s", out)
	require.Len(t, cards, 1)
	assert.Equal(t, ok, cards[0]["file"])

	_, stderr, code = runCLI(t, "", "check", utf16)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "utf16.txt: input is UTF-16 (little-endian), not UTF-8")
}

// TestCheckDirSkipsFIFO checks that a directory walk reads regular files
// only: a FIFO named like content, which no one writes to, would block
// the check for ever.
func TestCheckDirSkipsFIFO(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.md"), []byte("# Bins\n\nYou can put your bin out by 7am.\n"), 0o644))
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan struct{})
	var out, stderr string
	var code int
	go func() {
		defer close(done)
		out, stderr, code = runCLI(t, "", "check", "--format", "json", dir)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("check DIR blocked on a FIFO")
	}
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "a.md")
	assert.NotContains(t, out, "pipe.md")
}

// TestCheckWindows1252 checks that text saved by Word in Windows-1252
// (curly quotes, an en dash, £) is decoded with a note, not refused and
// not turned into U+FFFD, and that findings keep the file's lines and
// columns.
func TestCheckWindows1252(t *testing.T) {
	file := filepath.Join(t.TempDir(), "notice.txt")
	src := "Parking charges\r\n\r\nThe council \x96 after the consultation \x96 will utilise the \x93new\x94 \xa35 charge.\r\n"
	require.NoError(t, os.WriteFile(file, []byte(src), 0o644))
	out, stderr, code := runCLI(t, "", "check", "--format", "json", "--fail-on", "never", file)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "notice.txt: not UTF-8: read as Windows-1252")
	assert.NotContains(t, out, "\ufffd")
	var card struct {
		Findings []struct {
			Rule, Match  string
			Line, Column int
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &card), out)
	found := false
	for _, f := range card.Findings {
		if f.Match == "utilise" {
			found = true
			assert.Equal(t, 3, f.Line)
			assert.Equal(t, 45, f.Column, "columns count characters, as in the file")
		}
	}
	assert.True(t, found, "want the plain-English finding on \"utilise\": %s", out)
}

// TestCheckBadInput checks the bad input of issue 9's adversarial pass:
// old Mac line endings, standard input named twice, a JSON array when one
// of two files fails, percent-encoded SARIF uris, and a page with no text.
func TestCheckBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
		return p
	}

	t.Run("CR line endings", func(t *testing.T) {
		file := write("old-mac.txt", "Bins\rYou can put your bin out by 7am.\rWe will utilise new lorries.\r")
		out, stderr, code := runCLI(t, "", "check", "--format", "json", file)
		require.Equal(t, 0, code, stderr)
		var card struct {
			Findings []struct {
				Rule  string `json:"rule"`
				Match string `json:"match"`
				Line  int    `json:"line"`
			} `json:"findings"`
		}
		require.NoError(t, json.Unmarshal([]byte(out), &card), out)
		found := false
		for _, f := range card.Findings {
			if f.Match == "utilise" {
				found = true
				assert.Equal(t, 3, f.Line, "a lone CR ends a line")
			}
		}
		assert.True(t, found, out)
	})

	t.Run("standard input twice", func(t *testing.T) {
		out, stderr, code := runCLI(t, "You can pay online.", "check", "-", "-")
		assert.Equal(t, 2, code)
		assert.Empty(t, out)
		assert.Contains(t, stderr, "standard input) given 2 times; it can be read only once")
	})

	t.Run("JSON array when one of two fails", func(t *testing.T) {
		ok := write("ok.txt", "You can tell us what you think of the plan until 5 May.\n")
		out, stderr, code := runCLI(t, "", "check", "--format", "json", filepath.Join(dir, "missing.txt"), ok)
		assert.Equal(t, 2, code)
		assert.Contains(t, stderr, "missing.txt")
		var cards []map[string]any
		require.NoError(t, json.Unmarshal([]byte(out), &cards), "an array: %s", out)
		require.Len(t, cards, 1)
		assert.Equal(t, ok, cards[0]["file"])
	})

	t.Run("SARIF uri percent-encoded", func(t *testing.T) {
		file := write("bin days #1 100%.txt", "We will utilise new lorries.\n")
		out, stderr, code := runCLI(t, "", "check", "--format", "sarif", file)
		require.Equal(t, 0, code, stderr)
		var log struct {
			Runs []struct {
				Results []struct {
					Locations []struct {
						Physical struct {
							Artifact struct {
								URI string `json:"uri"`
							} `json:"artifactLocation"`
						} `json:"physicalLocation"`
					} `json:"locations"`
				} `json:"results"`
			} `json:"runs"`
		}
		require.NoError(t, json.Unmarshal([]byte(out), &log), out)
		require.NotEmpty(t, log.Runs)
		require.NotEmpty(t, log.Runs[0].Results)
		uri := log.Runs[0].Results[0].Locations[0].Physical.Artifact.URI
		assert.True(t, strings.HasSuffix(uri, "bin%20days%20%231%20100%25.txt"), uri)
		assert.NotContains(t, uri, " ")
	})

	t.Run("no text", func(t *testing.T) {
		page := write("scripts.html", "<html><head><script>var x = 1;</script></head><body><script>go()</script><nav><a href='/'>Home</a></nav></body></html>")
		empty := write("empty.txt", "")
		for _, file := range []string{page, empty} {
			out, _, code := runCLI(t, "", "check", "--fail-on", "suggestion", file)
			assert.Equal(t, 1, code, "nothing to score is an error: %s", out)
			assert.Contains(t, out, "there is no text to score")
			assert.Contains(t, out, "[no-text]")
			_, _, code = runCLI(t, "", "check", file)
			assert.Equal(t, 1, code, "an error at the default --fail-on")
		}
	})
}

// TestCheckCollectLate checks the collector settings of a check: off
// until the first collection, which switches to the given percentage,
// and the old settings back afterwards.
func TestCheckCollectLate(t *testing.T) {
	old := debug.SetGCPercent(100)
	defer debug.SetGCPercent(old)
	restore := collectLate(math.MaxInt64, 400)
	require.Equal(t, -1, debug.SetGCPercent(-1), "off until the first collection")
	runtime.GC()
	require.Eventually(t, func() bool {
		runtime.GC()
		p := debug.SetGCPercent(-1)
		debug.SetGCPercent(p)
		return p == 400
	}, 5*time.Second, time.Millisecond, "a collection switches to 400")
	require.Equal(t, int64(math.MaxInt64), debug.SetMemoryLimit(-1), "the limit is lifted")
	restore()
	require.Equal(t, 100, debug.SetGCPercent(100), "the old percentage is back")
}

// TestCheckReadSized checks that a regular file is read whole, and that
// one over --max-bytes fails as before.
func TestCheckReadSized(t *testing.T) {
	file := filepath.Join(t.TempDir(), "page.txt")
	src := strings.Repeat("The council meets on Tuesday. ", 1000)
	require.NoError(t, os.WriteFile(file, []byte(src), 0o644))
	for _, max := range []int64{0, int64(len(src))} {
		f, err := os.Open(file)
		require.NoError(t, err)
		b, err := readSized(f, max)
		f.Close()
		require.NoError(t, err)
		require.Equal(t, src, string(b))
	}
	f, err := os.Open(file)
	require.NoError(t, err)
	defer f.Close()
	_, err = readSized(f, int64(len(src))-1)
	var tl *input.TooLargeError
	require.ErrorAs(t, err, &tl)
}
