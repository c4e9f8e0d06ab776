package card

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/civickit/civickit/standards"
)

// jsonEncoder writes JSON text, each scalar as encoding/json writes it.
type jsonEncoder struct {
	buf   bytes.Buffer
	first []bool // per open container: no member written yet
}

func (e *jsonEncoder) sep() {
	if n := len(e.first); n > 0 {
		if !e.first[n-1] {
			e.buf.WriteByte(',')
		}
		e.first[n-1] = false
	}
}

func (e *jsonEncoder) scalar(v any) {
	e.sep()
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	e.buf.Write(b)
}

func (e *jsonEncoder) open(c byte) {
	e.sep()
	e.buf.WriteByte(c)
	e.first = append(e.first, true)
}

func (e *jsonEncoder) close(c byte) {
	e.buf.WriteByte(c)
	e.first = e.first[:len(e.first)-1]
}

func (e *jsonEncoder) BeginObject() { e.open('{') }
func (e *jsonEncoder) EndObject()   { e.close('}') }
func (e *jsonEncoder) BeginArray()  { e.open('[') }
func (e *jsonEncoder) EndArray()    { e.close(']') }
func (e *jsonEncoder) Key(k string) {
	e.scalar(k)
	e.buf.WriteByte(':')
	e.first[len(e.first)-1] = true // the value follows without a comma
}
func (e *jsonEncoder) String(s string)  { e.scalar(s) }
func (e *jsonEncoder) Number(x float64) { e.scalar(x) }
func (e *jsonEncoder) Bool(b bool)      { e.scalar(b) }
func (e *jsonEncoder) Null()            { e.scalar(nil) }

var texts = []string{
	"",
	"The Cabinet will decide on 12 March. Have your say by 1 April.",
	"It was decided by the committee that the utilisation of resources would be commenced in order to facilitate the SEND review. " +
		"Click here for more information about the proposals which have been put forward by officers following the consultation exercise that was undertaken over the summer months of last year across the borough.",
	"<script>alert(1)</script> \"quotes\" & ampersands, emoji 🏛️👩🏽‍⚖️, right-to-left مرحبا بالعالم, zero\u200bwidth\u200d joiners.\n\nA second paragraph. Another sentence here.",
	strings.Repeat("The council will consult residents on the new plan before it decides. ", 300),
}

// TestScorecardMatchesEncodingJSON: the object the widget builds is the
// one "civickit check --format json" prints, byte for byte once both are
// compact. A Scorecard field this package does not write fails here.
func TestScorecardMatchesEncodingJSON(t *testing.T) {
	for _, preset := range []string{"", "nhs", "plain-english-campaign"} {
		c := &standards.Checker{Preset: preset, Format: standards.FormatText}
		for _, text := range texts {
			doc, err := standards.ExtractText([]byte(text))
			if err != nil {
				t.Fatal(err)
			}
			sc := c.CheckDocument("draft", doc)
			want, err := json.Marshal(sc)
			if err != nil {
				t.Fatal(err)
			}
			if got := asJSON(t, sc); got != string(want) {
				t.Errorf("preset %q, text %.30q:\n got %s\nwant %s", preset, text, got, want)
			}
		}
	}
	// nil slices are null, as encoding/json writes them
	sc := &standards.Scorecard{}
	want, _ := json.Marshal(sc)
	if got := asJSON(t, sc); got != string(want) {
		t.Errorf("zero Scorecard:\n got %s\nwant %s", got, want)
	}
}

func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }

func TestUTF16Spans(t *testing.T) {
	c := &standards.Checker{Format: standards.FormatText}
	for _, text := range texts {
		doc, err := standards.ExtractText([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		sc := c.CheckDocument("draft", doc)
		spans := UTF16Spans(text, sc.Findings)
		for i, f := range sc.Findings {
			ws, we := utf16Len(text[:f.Offset]), utf16Len(text[:f.Offset+f.Length])
			if spans[2*i] != ws || spans[2*i+1] != we {
				t.Errorf("finding %d (%s at %d+%d): spans %d..%d, want %d..%d", i, f.Rule, f.Offset, f.Length, spans[2*i], spans[2*i+1], ws, we)
			}
		}
	}
	// by hand: astral characters take two units, invalid bytes one,
	// offsets past the end stop at it, and out-of-order findings work
	src := "a😀b\xffé"
	fs := []standards.Finding{{Offset: 5, Length: 1}, {Offset: 1, Length: 4}, {Offset: 7, Length: 10}}
	got := UTF16Spans(src, fs)
	want := []int{3, 4, 1, 3, 5, 6}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("UTF16Spans(%q) = %v, want %v", src, got, want)
		}
	}
}

func BenchmarkUTF16Spans(b *testing.B) {
	text := strings.Repeat(texts[3]+" ", 50)
	doc, _ := standards.ExtractText([]byte(text))
	var c standards.Checker
	sc := c.CheckDocument("draft", doc)
	b.ReportAllocs()
	for b.Loop() {
		UTF16Spans(text, sc.Findings)
	}
}

// asJSON writes sc on a tape and replays it as JSON text.
func asJSON(t *testing.T, sc *standards.Scorecard) string {
	t.Helper()
	var tape Tape
	Scorecard(&tape, sc)
	var e jsonEncoder
	decodeTape(t, tape.Bytes(), &e)
	return e.buf.String()
}

// decodeTape is the worker's decodeTape in Go: it replays a tape into
// the JSON writer.
func decodeTape(t *testing.T, b []byte, e *jsonEncoder) {
	t.Helper()
	for i := 0; i < len(b); {
		op := b[i]
		i++
		switch op {
		case '{':
			e.BeginObject()
		case '}':
			e.EndObject()
		case '[':
			e.BeginArray()
		case ']':
			e.EndArray()
		case 'k', 's':
			n, w := binary.Uvarint(b[i:])
			i += w
			s := string(b[i : i+int(n)])
			i += int(n)
			if op == 'k' {
				e.Key(s)
			} else {
				e.String(s)
			}
		case 'n':
			e.Number(math.Float64frombits(binary.LittleEndian.Uint64(b[i:])))
			i += 8
		case 't', 'f':
			e.Bool(op == 't')
		case 'z':
			e.Null()
		default:
			t.Fatalf("bad op %q at %d", op, i-1)
		}
	}
}

func TestTape(t *testing.T) {
	var c standards.Checker
	var tape Tape
	for _, text := range texts {
		doc, _ := standards.ExtractText([]byte(text))
		sc := c.CheckDocument("<stdin>", doc)
		tape.Reset()
		Scorecard(&tape, sc)
		var e jsonEncoder
		decodeTape(t, tape.Bytes(), &e)
		want, _ := json.Marshal(sc)
		if e.buf.String() != string(want) {
			t.Errorf("text %.30q: the tape replays as\n%s\nwant\n%s", text, e.buf.String(), want)
		}
	}
}

func BenchmarkTape(b *testing.B) {
	doc, _ := standards.ExtractText([]byte(texts[4]))
	var c standards.Checker
	sc := c.CheckDocument("draft", doc)
	var tape Tape
	b.ReportAllocs()
	for b.Loop() {
		tape.Reset()
		Scorecard(&tape, sc)
	}
}
