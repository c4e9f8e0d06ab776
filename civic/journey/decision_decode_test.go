package journey

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/civickit/civickit/civic"
)

// decisionReaders are the two readers of the decision format: the
// encoding/json one the CLI uses and the hand-written one the js/wasm
// build uses. The tests below hold them to the same results.
var decisionReaders = []struct {
	name string
	read func(io.Reader, ReadOptions) ([]*Decision, error)
}{
	{"encoding-json", readDecisionsStd},
	{"hand-written", decodeDecisionsJSON},
}

// readDecisionsStd is the encoding/json reader in every build but js,
// where ReadDecisionsJSON is the hand-written one; the differential tests
// run natively.
var readDecisionsStd = ReadDecisionsJSON

// summaryJSONStd is what encoding/json writes for s with the CLI's
// indentation: the non-js Summary.WriteJSON.
func summaryJSONStd(t testing.TB, s *Summary) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// decisionFixtures are every decision document in the repository's test
// data and sample data.
func decisionFixtures(t testing.TB) map[string][]byte {
	t.Helper()
	var names []string
	for _, pat := range []string{"testdata/*.json", "../../internal/sample/kirklees/decisions/*.json"} {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, m...)
	}
	if len(names) < 10 {
		t.Fatalf("found %d decision fixtures, want the package's and the Kirklees sample's", len(names))
	}
	out := map[string][]byte{}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		out[n] = b
	}
	return out
}

// sameDecoding reads in with both readers, with the schema check and
// without it (as in the js/wasm build), and fails t unless both refuse it
// or both read deep-equal decisions whose summaries are the same bytes.
// It reports whether the input was read without the schema check.
func sameDecoding(t testing.TB, in []byte) bool {
	t.Helper()
	read := false
	for _, schema := range []bool{true, false} {
		opt := ReadOptions{File: "f.json", noSchema: !schema}
		want, werr := readDecisionsStd(bytes.NewReader(in), opt)
		got, gerr := decodeDecisionsJSON(bytes.NewReader(in), opt)
		if (werr == nil) != (gerr == nil) {
			t.Fatalf("schema check %v\nencoding/json reader: %v\nhand-written reader: %v\ninput: %q", schema, werr, gerr, in)
		}
		if werr != nil {
			var pw, pg *civic.ParseError
			if !errors.As(gerr, &pg) || pg.File != "f.json" {
				t.Fatalf("hand-written reader's error %T does not name the file: %v", gerr, gerr)
			}
			// Past the JSON syntax (whose messages are encoding/json's
			// own), the errors are the same: place, field and message.
			if errors.As(werr, &pw) && !syntaxMsg(pw.Msg) && (pw.Line != pg.Line || pw.Column != pg.Column || pw.Field != pg.Field || pw.Msg != pg.Msg || pw.Offset != pg.Offset) {
				t.Fatalf("the readers' errors differ on %q:\nencoding/json %v\nhand-written  %v", in, werr, gerr)
			}
			continue
		}
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("the readers differ on %q:\nencoding/json %+v\nhand-written  %+v", in, want, got)
		}
		for _, d := range got {
			c := d.CouncilFor()
			s := d.Explain(&c)
			if w, g := summaryJSONStd(t, &s), s.appendJSON(nil); !bytes.Equal(w, g) {
				t.Fatalf("summary JSON differs:\nencoding/json %s\nhand-written  %s", w, g)
			}
		}
		read = !schema
	}
	return read
}

// syntaxMsg reports whether msg is one of the JSON syntax errors, whose
// columns and wording come from encoding/json's scanner.
func syntaxMsg(msg string) bool {
	switch msg {
	case "invalid JSON", "unexpected end of JSON", "unexpected data after the JSON value", "nested too deeply":
		return true
	}
	return false
}

func TestDecodeDecisionsFixtures(t *testing.T) {
	for name, b := range decisionFixtures(t) {
		t.Run(filepath.Base(name), func(t *testing.T) {
			if !sameDecoding(t, b) {
				t.Fatal("a fixture was refused")
			}
		})
	}
}

// TestDecodeDecisionsCases covers what encoding/json does that a
// hand-written reader might not: escapes, nulls, repeated keys, numbers,
// nesting, and wards in every form.
func TestDecodeDecisionsCases(t *testing.T) {
	const ev = `{"stage":"proposal","date":"2026-01-05"}`
	ok := func(extra string) string {
		return `{"title":"x",` + extra + `"history":[` + ev + `]}`
	}
	cases := []struct {
		in   string
		read bool // whether the readers accept it (to keep the test honest)
	}{
		{ok(``), true},
		{ok(`"summary":"a\"b\\c\/d\b\f\n\r\t\u00e9\u20AC\ud83d\ude00 <&> \u2028",`), true},
		{ok(`"summary":"lone \ud83d high, lone \ude00 low, \ud83d\u0041 broken pair, \ud83d\ud83d\ude00",`), true},
		{ok(`"summary":"raw é € 😀 ",`), true},
		{ok(`"summary":"bad \x escape",`), false},
		{ok(`"summary":"bad \u12 escape",`), false},
		{ok("\"summary\":\"tab\tinside\","), false},
		{ok(`"summary":null,"title":null,`), true},
		{`{"title":"x","title":"y","history":[` + ev + `]}`, true},
		{`{"title":"x","history":[` + ev + `,{"stage":"decided","date":"2026-01-09"}],"history":[{"note":"merged"}]}`, true},
		{`{"title":"x","history":[` + ev + `,{"stage":"decided","date":"2026-01-09"}],"history":[null],"history":[null,null]}`, true},
		{`{"title":"x","history":[` + ev + `],"history":[]}`, true},
		{`{"title":"x","history":[` + ev + `],"history":null}`, true},
		{`{"title":"x","history":[null]}`, false},
		{ok(`"value_gbp":500000,"financial_year":2026,`), true},
		{ok(`"exempt_paragraph":3,`), false},
		{ok(`"value_gbp":-0,`), true},
		{ok(`"value_gbp":1.5,`), false},
		{ok(`"value_gbp":1e3,`), false},
		{ok(`"value_gbp":9223372036854775808,`), false},
		{ok(`"value_gbp":"5",`), false},
		{ok(`"value_gbp":01,`), false},
		{ok(`"value_gbp":-,`), false},
		{ok(`"value_gbp":null,`), true},
		{ok(`"key_decision":true,"urgent":false,"private":null,`), true},
		{ok(`"key_decision":"yes",`), false},
		{ok(`"key_decision":tru,`), false},
		{ok(`"wards_affected":["Northtown","E05001396"," All Wards ",{"id":"E05000001","name":"Dalton","valid_from":"2018-05-03","valid_until":null,"classification":""}],`), true},
		{ok(`"wards_affected":[{"id":"E05000001","valid_from":""}],`), true},
		{ok(`"wards_affected":[{"id":"E05000001","valid_from":"2018-13-01"}],`), false},
		{ok(`"wards_affected":[{"id":"E05000001","valid_from":3}],`), false},
		{ok(`"wards_affected":[{"name":""}],`), false},
		{ok(`"wards_affected":[{"Name":"x"}],`), false},
		{ok(`"wards_affected":[{"name":"x","a.name":"y"}],`), false},
		{ok(`"wards_affected":["  "],`), false},
		{ok(`"wards_affected":[null],`), false},
		{ok(`"wards_affected":[1],`), false},
		{ok(`"wards_affected":null,`), true},
		{ok(`"wards_affected":"Northtown",`), false},
		{ok(`"Title":"y",`), false},
		{ok(`"a.title":"y",`), false},
		{ok(`"titl\u0065":"y",`), true},
		{`[` + ok(``) + `,null]`, false},
		{`[` + ok(``) + `,` + ok(`"id":"2",`) + `]`, true},
		{`[` + ok(``) + `,[]]`, false},
		{`[]`, true},
		{`[` + ok(``) + `,]`, false},
		{ok(``) + ` `, true},
		{ok(``) + ` x`, false},
		{"\ufeff" + ok(``), true},
		{"\u00a0" + ok(``), false},
		{`{"title":"x","history":[` + ev + `]`, false},
		{`{"title":"x","history":[` + ev + `],}`, false},
		{`{"title" "x"}`, false},
		{`{"title":"x",,}`, false},
		{ok(`"summary":` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `,`), false},
		{`[` + strings.Repeat("[", 31) + strings.Repeat("]", 31) + `]`, false},
		{`[` + strings.Repeat("[", 32) + strings.Repeat("]", 32) + `]`, false},
		{`[` + strings.Repeat("[", 31) + "1" + strings.Repeat("]", 31) + `]`, false},
		{`[` + strings.Repeat("[", 32) + "1" + strings.Repeat("]", 32) + `]`, false},
	}
	for _, c := range cases {
		if got := sameDecoding(t, []byte(c.in)); got != c.read {
			t.Errorf("read %v, want %v: %s", got, c.read, c.in)
		}
	}
}

// TestSummaryJSONStrings checks the hand-written writer's escaping
// against encoding/json for every ASCII byte and the characters it
// treats specially.
func TestSummaryJSONStrings(t *testing.T) {
	var all strings.Builder
	for c := 0; c < 0x80; c++ {
		all.WriteByte(byte(c))
	}
	for _, s := range []string{all.String(), "\u2028\u2029 é 😀 \xff\xfe bad \xe2\x80 utf-8", "", "</script><!--"} {
		sum := Summary{Title: s, Summary: s, Council: s, Journey: Kind(s), Current: StageID(s), Next: []StageID{StageID(s), "b"},
			HaveYourSay: s, Contact: s, URL: s, Since: d("2026-03-01"),
			Steps: []Step{{Number: 1, Logic: s, Stage: StageID(s), Title: s, Description: s, HaveYourSay: s, Status: StepStatus(s),
				Optional: true, Date: d("2026-03-01"), Due: d("2026-03-04"), DueLabel: s, Source: s, Basis: s}, {}},
			Deadlines: []Deadline{{ID: s, Label: s, Stage: StageID(s), Basis: s, Statutory: true}, {Date: d("2026-03-04")}},
		}
		if w, g := summaryJSONStd(t, &sum), sum.appendJSON(nil); !bytes.Equal(w, g) {
			t.Errorf("summary JSON differs:\nencoding/json %s\nhand-written  %s", w, g)
		}
	}
	for _, sum := range []Summary{{}, {Steps: []Step{}}} {
		if w, g := summaryJSONStd(t, &sum), sum.appendJSON(nil); !bytes.Equal(w, g) {
			t.Errorf("summary JSON differs:\nencoding/json %s\nhand-written  %s", w, g)
		}
	}
}

// FuzzDecodeDecisions feeds the same bytes to both readers: both refuse
// them, or both read the same decisions, whose summaries are the same
// bytes.
func FuzzDecodeDecisions(f *testing.F) {
	for _, b := range decisionFixtures(f) {
		f.Add(b)
	}
	f.Add([]byte(`{"title":"x","history":[{"stage":"proposal","date":"2026-01-05"}],"history":[{"note":"\ud83d\u0041"}]}`))
	f.Add([]byte(`[{"title":"x","wards_affected":["All",{"id":"E05000001"}],"history":[]},null]`))
	f.Add([]byte(`{"title":"x","value_gbp":1e3,"history":[]}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		sameDecoding(t, in)
	})
}

// FuzzSummaryJSON holds the hand-written summary writer to encoding/json
// for arbitrary strings.
func FuzzSummaryJSON(f *testing.F) {
	f.Add("Library <hours> & \u2028 \x00", "proposal")
	f.Fuzz(func(t *testing.T, a, b string) {
		s := Summary{Title: a, Summary: b, Council: a, Journey: Kind(b), Next: []StageID{StageID(a)}, HaveYourSay: b,
			Steps: []Step{{Number: len(a), Title: a, Description: b, DueLabel: a}}, Deadlines: []Deadline{{Label: b}}}
		if w, g := summaryJSONStd(t, &s), s.appendJSON(nil); !bytes.Equal(w, g) {
			t.Fatalf("summary JSON differs:\nencoding/json %s\nhand-written  %s", w, g)
		}
	})
}
