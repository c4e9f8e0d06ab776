package compose

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/civic/journey"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sampleDecisions are the decisions the bar is held on: the embedded
// sample council's and the journey package's test decisions, one per
// journey kind.
var sampleDecisions = []string{
	"../../../internal/sample/decisions/millbrook-library-hours.json",
	"../testdata/library-decision.json",
	"../testdata/decided-decision.json",
	"../testdata/budget.json",
	"../testdata/planning-application.json",
}

func readDecision(t testing.TB, path string) *journey.Decision {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	d, err := journey.ReadDecisionJSON(f, journey.ReadOptions{File: path})
	require.NoError(t, err)
	return d
}

// stagesOf lists the stages of d's journey kind.
func stagesOf(d *journey.Decision) []journey.StageID {
	kind := d.Journey
	if kind == "" {
		kind = journey.JourneyDecision
	}
	var out []journey.StageID
	for _, s := range journey.Stages() {
		if s.Journey == kind {
			out = append(out, s.ID)
		}
	}
	return out
}

// TestEveryStageReady holds the bar: for every stage of every sample
// decision, every channel's post is within its limit as the platform
// counts it, scores at reading age 9 or below and has no plain-English,
// jargon or passive-voice finding.
func TestEveryStageReady(t *testing.T) {
	posts := 0
	for _, path := range sampleDecisions {
		d := readDecision(t, path)
		for _, st := range stagesOf(d) {
			res, err := Compose(context.Background(), d, Options{Stage: st, Hashtags: []string{"Millbrook", "#HaveYourSay"}})
			require.NoError(t, err, "%s at %s", path, st)
			require.Len(t, res.Posts, len(Channels()))
			for _, p := range res.Posts {
				posts++
				where := filepath.Base(path) + " " + string(st) + " " + string(p.Channel)
				assert.Equal(t, Length(p.Channel, p.Text), p.Length, where)
				assert.LessOrEqual(t, p.Length, p.Limit.Max, where)
				assert.LessOrEqual(t, p.ReadingAge, float64(DefaultMaxReadingAge), where+"\n"+p.Text)
				assert.Empty(t, p.Findings, where+"\n"+p.Text)
				assert.True(t, p.Ready, where)
				assert.Contains(t, p.Text, res.Title[:min(len(res.Title), 10)], where)
			}
			assert.Contains(t, res.Web, "we are here", "%s at %s", path, st)
		}
	}
	t.Logf("%d posts ready", posts)
}

// TestPostSaysWhatWhereNextHow checks one post's content: where the
// decision is, how to have a say and by when, what is next, the link
// and the hashtags.
// TestBuiltinCoversEveryStage fails when the journey gains a stage the
// built-in templates do not word.
func TestBuiltinCoversEveryStage(t *testing.T) {
	b := Builtin()
	for _, s := range journey.Stages() {
		st, ok := b.Stages[s.ID]
		if assert.True(t, ok, "no built-in wording for stage %s", s.ID) {
			assert.NotNil(t, st.Now, s.ID)
			assert.NotNil(t, st.Say, s.ID)
		}
	}
	for _, c := range Channels() {
		assert.NotNil(t, b.Channels[c], c)
	}
}

func TestPostSaysWhatWhereNextHow(t *testing.T) {
	d := readDecision(t, "../testdata/library-decision.json")
	res, err := Compose(context.Background(), d, Options{Stage: journey.StageAgendaPublished, Hashtags: []string{"Northtown"}})
	require.NoError(t, err)
	var mastodon Post
	for _, p := range res.Posts {
		if p.Channel == Mastodon {
			mastodon = p
		}
	}
	assert.Contains(t, mastodon.Text, "The papers for the meeting are out now.")
	assert.Contains(t, mastodon.Text, "tell your ward councillor what you think by ")
	assert.Contains(t, mastodon.Text, "Next: ")
	assert.Contains(t, mastodon.Text, d.URL)
	assert.Contains(t, mastodon.Text, "#Northtown")
	assert.Equal(t, "Agenda and report published", res.StageTitle)
}

func TestLength(t *testing.T) {
	tests := []struct {
		c    Channel
		text string
		want int
	}{
		{X, "hello", 5},
		{X, "see https://example.gov.uk/a/very/long/path/that/is/longer/than/twenty-three", 4 + 23},
		{X, "café", 4},
		{X, "日本", 4},                // CJK counts 2 each
		{X, "👍", 2},                 // an emoji counts 2
		{X, "👨‍👩‍👧‍👦", 2},           // a family sequence is one emoji
		{X, "“quoted” – dash…", 17}, // U+2026 lies outside the weight-1 ranges
		{Bluesky, "👨‍👩‍👧‍👦 hi", 4},  // graphemes
		{Bluesky, "e\u0301", 1},
		{Mastodon, "hi @council@mastodon.social https://example.gov.uk/x", 3 + 8 + 1 + 23},
		{Email, "café", 4},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, Length(tc.c, tc.text), "%s %q", tc.c, tc.text)
	}
}

// TestHostileTitles gives valid, within-limit posts for titles that are
// markup, very long, emoji or right-to-left, and output that escapes
// them.
func TestHostileTitles(t *testing.T) {
	base := readDecision(t, "../testdata/library-decision.json")
	titles := map[string]string{
		"script": `<script>alert("x")</script> & "quotes" 'too'`,
		"long":   strings.Repeat("Northtown library plans ", 84), // about 2,000 characters
		"emoji":  "📚 New library 🎉👨‍👩‍👧‍👦 for Northtown 🇬🇧",
		"rtl":    "مكتبة جديدة \u202eevil\u202c for Northtown",
		"ctrl":   "Library\x1b[31m red\x00 \u2028 plans",
	}
	for name, title := range titles {
		t.Run(name, func(t *testing.T) {
			d := *base
			d.Title = title
			d.URL = "javascript:alert(1)"
			res, err := Compose(context.Background(), &d, Options{})
			require.NoError(t, err)
			for _, p := range res.Posts {
				assert.LessOrEqual(t, Length(p.Channel, p.Text), p.Limit.Max, "%s", p.Channel)
				assert.True(t, utf8.ValidString(p.Text))
				assert.NotContains(t, p.Text, "javascript:")
				assert.NotContains(t, p.Text, "\x1b")
				assert.NotContains(t, p.Text, "\u202e", "bidi override would reverse the text after it")
			}
			var md strings.Builder
			require.NoError(t, res.WriteMarkdown(&md))
			assert.NotContains(t, strings.ReplaceAll(md.String(), "```text\n", ""), "<script>\n")
			var js strings.Builder
			require.NoError(t, res.WriteJSON(&js))
			assert.True(t, json.Valid([]byte(js.String())))
			if name == "long" {
				for _, p := range res.Posts {
					if p.Channel == X {
						assert.True(t, p.Shortened)
						assert.Contains(t, p.Text, "…")
					}
				}
			}
		})
	}
}

func TestTitleAdvice(t *testing.T) {
	d := readDecision(t, "../testdata/library-decision.json")
	d.Title = "Utilisation of the Northtown facility"
	res, err := Compose(context.Background(), d, Options{})
	require.NoError(t, err)
	require.NotNil(t, res.TitleAdvice)
	assert.Equal(t, "Utilisation of the Northtown facility", res.TitleAdvice.Original)
	assert.NotEqual(t, res.TitleAdvice.Original, res.TitleAdvice.Plainer)
	assert.Equal(t, res.TitleAdvice.Plainer, res.Title)
	assert.NotContains(t, res.Posts[0].Text, "Utilisation")
}

func TestTemplateErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"unknown placeholder", "channels:\n  x: \"{title} {titel}\"\n", `t.yaml:2:15: channels.x: unknown placeholder "{titel}"`},
		{"unknown stage", "stages:\n  consulation:\n    now: \"x\"\n", "t.yaml:2:3: stages.consulation: unknown stage"},
		{"unknown channel", "channels:\n  twitter: \"{title}\"\n", "t.yaml:2:3: channels.twitter: unknown channel"},
		{"unclosed", "channels:\n  x: \"{title} [{url}\"\n", "channels.x: [ without ]"},
		{"stray close", "channels:\n  x: \"{title}]\"\n", "channels.x: ] without ["},
		{"unknown key", "chanels: {}\n", "t.yaml:1:1: chanels: unknown key"},
		{"not text", "channels:\n  x: [1, 2]\n", "channels.x: want a text"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadTemplates(strings.NewReader(tc.in), ReadOptions{File: "t.yaml"})
			var pe *civic.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	// A council's wording replaces the built-in one and keeps the rest.
	tp, err := ReadTemplates(strings.NewReader("stages:\n  consultation:\n    now: \"Tell us what you think of {{the plan}}.\"\n"), ReadOptions{File: "t.yaml"})
	require.NoError(t, err)
	assert.Equal(t, "Tell us what you think of {the plan}.", tp.Stages[journey.StageConsultation].Now.render(nil, 0))
	assert.NotNil(t, tp.Stages[journey.StageProposal].Now)
}

func TestWelsh(t *testing.T) {
	d := readDecision(t, "../testdata/library-decision.json")
	_, err := Compose(context.Background(), d, Options{Welsh: true})
	require.ErrorContains(t, err, "does not translate")
	cy := "welsh:\n  stages:\n"
	for _, s := range journey.Stages() {
		cy += "    " + string(s.ID) + ":\n      now: \"Rydym yn gweithio ar hyn.\"\n      say: \"Dywedwch wrthym\"\n"
	}
	cy += "  channels:\n"
	for _, c := range Channels() {
		cy += "    " + string(c) + ": \"{title}\\n\\n{now} {say}[ erbyn {by}].\"\n"
	}
	tp, err := ReadTemplates(strings.NewReader(cy), ReadOptions{File: "cy.yaml"})
	require.NoError(t, err)
	res, err := Compose(context.Background(), d, Options{Welsh: true, Templates: tp, Stage: journey.StageConsultation})
	require.NoError(t, err)
	require.Len(t, res.Posts, 2*len(Channels()))
	cyPost := res.Posts[len(Channels())]
	assert.Equal(t, "cy", cyPost.Language)
	assert.Contains(t, cyPost.Text, "Rydym yn gweithio ar hyn.")
	assert.Regexp(t, `erbyn \d+ (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr)`, cyPost.Text)
}

func TestAltText(t *testing.T) {
	d := readDecision(t, "../testdata/library-decision.json")
	res, err := Compose(context.Background(), d, Options{Image: true})
	require.NoError(t, err)
	assert.True(t, res.AltTextNeeded)
	res, err = Compose(context.Background(), d, Options{Image: true, AltText: "Plan of the new library"})
	require.NoError(t, err)
	assert.False(t, res.AltTextNeeded)
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Compose(ctx, readDecision(t, "../testdata/library-decision.json"), Options{})
	require.ErrorIs(t, err, context.Canceled)
}

func FuzzReadTemplates(f *testing.F) {
	f.Add([]byte("channels:\n  x: \"{title} [{url}]\"\n"))
	f.Add([]byte("stages:\n  proposal:\n    now: \"[[{{\"\n"))
	f.Add(builtinYAML)
	f.Fuzz(func(t *testing.T, b []byte) {
		tp, err := ReadTemplates(strings.NewReader(string(b)), ReadOptions{File: "f.yaml"})
		if err != nil {
			var pe *civic.ParseError
			if !errorsAs(err, &pe) {
				t.Fatalf("error is not a *civic.ParseError: %v", err)
			}
			return
		}
		for _, c := range tp.Channels {
			_ = c.render(map[string]string{"title": "T"}, 0)
		}
	})
}

func FuzzComposeTitle(f *testing.F) {
	d := readDecision(f, "../testdata/library-decision.json")
	f.Add("New library")
	f.Add("<script>")
	f.Add(strings.Repeat("é", 500))
	f.Fuzz(func(t *testing.T, title string) {
		dd := *d
		dd.Title = title
		res, err := Compose(context.Background(), &dd, Options{Channels: []Channel{X, Bluesky, Mastodon}})
		if err != nil {
			return
		}
		for _, p := range res.Posts {
			if Length(p.Channel, p.Text) > p.Limit.Max {
				t.Fatalf("%s post over its limit: %q", p.Channel, p.Text)
			}
		}
	})
}

func BenchmarkCompose(b *testing.B) {
	d := readDecision(b, "../testdata/library-decision.json")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compose(context.Background(), d, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }
