package standards

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/civickit/civickit/internal/sample"
)

// cardJSON is the scorecard of text as Checker.CheckDocument gives it, or
// as d gives it when d is not nil, written as JSON.
func cardJSON(t testing.TB, c *Checker, d *Draft, text string) []byte {
	t.Helper()
	doc, err := ExtractText([]byte(text))
	require.NoError(t, err)
	var card *Scorecard
	if d != nil {
		card = d.Check("draft", doc)
	} else {
		card = c.CheckDocument("draft", doc)
	}
	var b bytes.Buffer
	require.NoError(t, card.WriteJSON(&b))
	return b.Bytes()
}

// draftTexts are the texts the Draft tests edit: the sample council's
// content and the real council pages of the precision set.
func draftTexts(t testing.TB) []string {
	t.Helper()
	var texts []string
	for _, name := range []string{"content/minutes.txt", "content/consultation.md", "content/social-post.txt"} {
		b, err := sample.FS.ReadFile(name)
		require.NoError(t, err)
		texts = append(texts, string(b))
	}
	real, err := filepath.Glob("testdata/real/*.txt")
	require.NoError(t, err)
	for _, name := range real {
		b, err := os.ReadFile(name)
		require.NoError(t, err)
		texts = append(texts, string(b))
	}
	return texts
}

// edit changes text as an editor might: a word typed or deleted, a
// paragraph split, joined, copied or moved.
func edit(r *rand.Rand, text string) string {
	if text == "" {
		return "Draft"
	}
	at := r.IntN(len(text) + 1)
	for at < len(text) && at > 0 && text[at]&0xC0 == 0x80 {
		at++ // not inside a UTF-8 sequence
	}
	words := []string{"the", " council", " will", " decide.", "\n", "\n\n", " Have your say by 3 April.", "Cllr", ". It", "utilise", " was approved", "- ", "# Next steps\n\n", "£2.5m", "é"}
	switch r.IntN(6) {
	case 0, 1: // type
		return text[:at] + words[r.IntN(len(words))] + text[at:]
	case 2: // delete
		end := min(len(text), at+r.IntN(40))
		for end < len(text) && text[end]&0xC0 == 0x80 {
			end++
		}
		return text[:at] + text[end:]
	case 3: // copy a paragraph to the end: two blocks with one text
		paras := strings.Split(text, "\n\n")
		return text + "\n\n" + paras[r.IntN(len(paras))]
	case 4: // move the first paragraph to the end
		first, rest, ok := strings.Cut(text, "\n\n")
		if !ok {
			return text + "\n\n" + text
		}
		return rest + "\n\n" + first
	default: // split a paragraph
		return text[:at] + "\n\n" + text[at:]
	}
}

// TestDraftMatchesChecker holds Draft.Check to Checker.CheckDocument,
// byte for byte, over random edits of council texts.
func TestDraftMatchesChecker(t *testing.T) {
	c := &Checker{Format: FormatText}
	r := rand.New(rand.NewPCG(1, 2))
	texts := draftTexts(t)
	steps := 0
	for i, text := range texts {
		d := &Draft{Checker: c}
		for n := 0; n < 12; n++ {
			want := cardJSON(t, c, nil, text)
			got := cardJSON(t, nil, d, text)
			if !bytes.Equal(got, want) {
				t.Fatalf("text %d after %d edits: the draft's scorecard differs from the checker's:\n%s", i, n, firstDiff(got, want))
			}
			steps++
			text = edit(r, text)
		}
	}
	t.Logf("%d versions of %d texts scored alike", steps, len(texts))
}

// TestDraftPresets: a Draft scores with its Checker's preset, and its zero
// value with GOV.UK's.
func TestDraftPresets(t *testing.T) {
	text := "It was decided by the committee that the utilisation of resources would be commenced."
	for _, preset := range []string{"", "govuk", "nhs", "plain-english-campaign"} {
		c := &Checker{Preset: preset, Format: FormatText}
		require.Equal(t, string(cardJSON(t, c, nil, text)), string(cardJSON(t, nil, &Draft{Checker: c}, text)), preset)
	}
	require.Equal(t, string(cardJSON(t, &Checker{}, nil, text)), string(cardJSON(t, nil, &Draft{}, text)))
}

// FuzzDraft holds a Draft that scored one text and then another to a
// fresh check of the second.
func FuzzDraft(f *testing.F) {
	f.Add("The cabinet will decide.\n\nHave your say.", "The cabinet will decide.\n\nHave your say by 3 April.\n\nThe cabinet will decide.")
	f.Add("# Title\n\n- one\n- two", "- two\n- one\n\n# Title")
	c := &Checker{Format: FormatText}
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, s := range []string{a, b} {
			if _, err := ExtractText([]byte(s)); err != nil {
				t.Skip("not text: ", err) // binary input is refused before any scoring
			}
		}
		d := &Draft{Checker: c}
		cardJSON(t, nil, d, a)
		if got, want := cardJSON(t, nil, d, b), cardJSON(t, c, nil, b); !bytes.Equal(got, want) {
			t.Fatalf("after %q, %q scored differently:\n%s", a, b, firstDiff(got, want))
		}
	})
}

// firstDiff shows where a and b first differ.
func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-200)
	return "got:  ..." + string(a[lo:min(len(a), i+200)]) + "\nwant: ..." + string(b[lo:min(len(b), i+200)])
}

// BenchmarkDraft measures what the browser widget does on each score as
// an editor types at the end of about 2,000 words (12 KB): the plain-text
// reader and a Draft's scorecard ("draft"), against Checker.CheckDocument,
// which analyses every block each time ("fresh").
func BenchmarkDraft(b *testing.B) {
	src := string(councilText(b, 12<<10).Source)
	c := &Checker{Format: FormatText}
	d := &Draft{Checker: c}
	for _, bc := range []struct {
		name  string
		check func(*Document)
	}{
		{"draft", func(doc *Document) { d.Check("draft", doc) }},
		{"fresh", func(doc *Document) { c.CheckDocument("draft", doc) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				i++
				doc, err := ExtractText([]byte(src + strings.Repeat(" word", i%7)))
				if err != nil {
					b.Fatal(err)
				}
				bc.check(doc)
			}
		})
	}
}
