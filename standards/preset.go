package standards

// Thresholds are the limits the standards are scored against. In a
// [Config], a zero field keeps the preset's value.
type Thresholds struct {
	// ReadingAge is the highest UK reading age (Flesch–Kincaid grade + 5)
	// that passes.
	ReadingAge float64 `json:"reading_age,omitempty" jsonschema:"minimum=0,description=highest UK reading age that passes"`
	// MaxSentenceWords is the most words a sentence may have.
	MaxSentenceWords int `json:"max_sentence_words,omitempty" jsonschema:"minimum=0"`
	// MaxAverageSentenceWords is the highest average sentence length that
	// scores in full; 0 leaves the average unchecked.
	MaxAverageSentenceWords float64 `json:"max_average_sentence_words,omitempty" jsonschema:"minimum=0"`
	// MaxParagraphSentences and MaxParagraphWords bound a paragraph.
	MaxParagraphSentences int `json:"max_paragraph_sentences,omitempty" jsonschema:"minimum=0"`
	MaxParagraphWords     int `json:"max_paragraph_words,omitempty" jsonschema:"minimum=0"`
	// MaxPassiveShare is the share of sentences (0 to 1) in the passive
	// voice that scores in full.
	MaxPassiveShare float64 `json:"max_passive_share,omitempty" jsonschema:"minimum=0,maximum=1"`
	// MaxSummaryWords is the most words the first paragraph, the summary,
	// may have.
	MaxSummaryWords int `json:"max_summary_words,omitempty" jsonschema:"minimum=0"`
	// PassMark is the score (0 to 100) at or above which a standard passes,
	// except readability, which passes at or below ReadingAge.
	PassMark float64 `json:"pass_mark,omitempty" jsonschema:"minimum=0,maximum=100"`
}

// Preset is a named house style: the thresholds the standards are scored
// against.
type Preset struct {
	Name  string `json:"name" jsonschema:"description=kebab-case name used by --preset"`
	Title string `json:"title"`
	// Source cites the guidance the thresholds come from.
	Source string `json:"source"`
	Thresholds
}

// DefaultPreset is the preset used when none is named.
const DefaultPreset = "govuk"

// presets are the built-in presets. Numbers the guidance gives are cited in
// Source; the others (paragraph limits, passive share, summary length,
// pass mark) are civickit's own and the same for every preset unless noted.
var presets = []Preset{
	{
		Name:   "govuk",
		Title:  "GOV.UK content design",
		Source: "GOV.UK content design: writing for GOV.UK (aim for a reading age of 9; sentences of 25 words or fewer)",
		Thresholds: Thresholds{
			ReadingAge: 9, MaxSentenceWords: 25, MaxParagraphSentences: 5, MaxParagraphWords: 100,
			MaxPassiveShare: 0.1, MaxSummaryWords: 50, PassMark: 80,
		},
	},
	{
		Name:   "nhs",
		Title:  "NHS digital service manual",
		Source: "NHS digital service manual, content style guide, how we write (aim for a reading age of 9 to 11; keep sentences short); the limit of 25 words a sentence is civickit's reading",
		Thresholds: Thresholds{
			ReadingAge: 11, MaxSentenceWords: 25, MaxAverageSentenceWords: 20, MaxParagraphSentences: 5,
			MaxParagraphWords: 100, MaxPassiveShare: 0.1, MaxSummaryWords: 50, PassMark: 80,
		},
	},
	{
		Name:   "plain-english-campaign",
		Title:  "Plain English Campaign",
		Source: "Plain English Campaign, How to write in plain English (average sentence length of 15 to 20 words; prefer active verbs); the reading age of 12 and the 30-word limit are civickit's reading",
		Thresholds: Thresholds{
			ReadingAge: 12, MaxSentenceWords: 30, MaxAverageSentenceWords: 20, MaxParagraphSentences: 6,
			MaxParagraphWords: 120, MaxPassiveShare: 0.2, MaxSummaryWords: 60, PassMark: 80,
		},
	},
}

// Presets returns the built-in presets: govuk (the default), nhs and
// plain-english-campaign.
func Presets() []Preset {
	return append([]Preset(nil), presets...)
}

// LookupPreset returns the preset named name; "" names the default.
func LookupPreset(name string) (Preset, bool) {
	if name == "" {
		name = DefaultPreset
	}
	for _, p := range presets {
		if p.Name == name {
			return p, true
		}
	}
	return Preset{}, false
}

// merge returns t with the non-zero fields of o laid over it.
func (t Thresholds) merge(o Thresholds) Thresholds {
	if o.ReadingAge > 0 {
		t.ReadingAge = o.ReadingAge
	}
	if o.MaxSentenceWords > 0 {
		t.MaxSentenceWords = o.MaxSentenceWords
	}
	if o.MaxAverageSentenceWords > 0 {
		t.MaxAverageSentenceWords = o.MaxAverageSentenceWords
	}
	if o.MaxParagraphSentences > 0 {
		t.MaxParagraphSentences = o.MaxParagraphSentences
	}
	if o.MaxParagraphWords > 0 {
		t.MaxParagraphWords = o.MaxParagraphWords
	}
	if o.MaxPassiveShare > 0 {
		t.MaxPassiveShare = o.MaxPassiveShare
	}
	if o.MaxSummaryWords > 0 {
		t.MaxSummaryWords = o.MaxSummaryWords
	}
	if o.PassMark > 0 {
		t.PassMark = o.PassMark
	}
	return t
}
