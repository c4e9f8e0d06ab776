package standards

import (
	"math"
)

// StandardScore is one standard's score on a document.
type StandardScore struct {
	ID     string  `json:"id" jsonschema:"description=stable kebab-case standard id such as readability or plain-english"`
	Name   string  `json:"name"`
	Score  float64 `json:"score" jsonschema:"minimum=0,maximum=100"`
	Passed bool    `json:"passed" jsonschema:"description=whether the score meets the preset's threshold"`
	Detail string  `json:"detail,omitempty" jsonschema:"description=what the score rests on"`
	// Weight is the standard's weight in the overall score.
	Weight float64 `json:"weight" jsonschema:"minimum=0"`
}

// Scorecard is a document's scores against the standards, with its
// statistics, readability and findings.
type Scorecard struct {
	File   string `json:"file"`
	Format string `json:"format" jsonschema:"enum=text,enum=markdown,enum=html"`
	// Kind is what the document reads as: agenda, minutes, decision
	// notice, consultation, report, explainer, news or other. Journey
	// signposting applies only to a decision notice or a consultation.
	// It is empty when the journey-signposting rule is disabled.
	Kind string `json:"kind,omitempty" jsonschema:"enum=agenda,enum=minutes,enum=decision notice,enum=consultation,enum=report,enum=explainer,enum=news,enum=other"`
	// KindReason says which cues decided Kind.
	KindReason  string          `json:"kind_reason,omitempty"`
	Stats       Stats           `json:"stats"`
	Readability Readability     `json:"readability"`
	Standards   []StandardScore `json:"standards"`
	Findings    []Finding       `json:"findings"`
	// Score is the weighted mean of the standards' scores.
	Score float64 `json:"score" jsonschema:"minimum=0,maximum=100"`
	// Preset names the preset the scores were computed against.
	Preset string `json:"preset"`
}

// The standard ids. Each rule scores its own standard, except jargon,
// whose findings count towards plain-english, and readability, which has
// no rule.
const StandardReadability = "readability"

// standardInfos lists the standards in scorecard order with their weights
// in the overall score: readability 3, plain-english 2, sentence-length
// 2, journey-signposting 2, citizen-needs 2, and paragraph-length,
// passive-voice, acronym and link-text 1 each (a total of 15).
var standardInfos = []struct {
	id, name string
	weight   float64
}{
	{StandardReadability, "Readability", 3},
	{RulePlainEnglish, "Plain English", 2},
	{RuleSentenceLength, "Sentence length", 2},
	{RuleParagraphLength, "Paragraph length", 1},
	{RulePassiveVoice, "Active voice", 1},
	{RuleAcronym, "Acronyms explained", 1},
	{RuleLinkText, "Link text", 1},
	{RuleJourneySignposting, "Journey signposting", 2},
	{RuleCitizenNeeds, "Citizen needs", 2},
	// The editors' checks are scored and listed, with no weight in the
	// overall score, which stays comparable with earlier scorecards.
	{RuleSubheadings, "Subheadings", 0},
	{RuleSentenceStarts, "Varied sentence starts", 0},
	{RuleHardSentence, "Hard sentences", 0},
	{RuleInclusiveLanguage, "Inclusive language", 0},
	{RuleAccessibility, "Accessibility", 0},
	{RuleGOVUKStyle, "GOV.UK style", 0},
}

// score computes the standards and the overall score from the rules'
// tallies. Every score is clamped to 0–100 and rounded to one decimal
// place, so that the same input gives the same bytes of output. With p
// the preset's thresholds and the pass mark M (80):
//
//   - readability: 100 when the reading age R is at most p.ReadingAge,
//     else 100 − 10·(R − p.ReadingAge); passes when R ≤ p.ReadingAge. A
//     text with no sentences scores 0 and fails.
//   - plain-english: 100 − 20·r, with r the plain-English findings plus
//     half the jargon findings per 100 words.
//   - sentence-length: 100 − 200·l − 5·max(0, A − p.MaxAverageSentenceWords),
//     with l the share of sentences over p.MaxSentenceWords and A the
//     average sentence length (the second term only when the preset sets
//     an average).
//   - paragraph-length: 100 − 100·(share of paragraphs too long).
//   - passive-voice: 100 − 400·max(0, s − p.MaxPassiveShare), with s the
//     share of sentences with a passive.
//   - acronym: 100 − 20·(unexplained acronyms).
//   - link-text: 100 − 25·(unclear links and bare addresses).
//   - journey-signposting: 100·(elements present)/5; 100 when the text is
//     not about a decision.
//   - citizen-needs: 100·(checks passed)/3; 100 for a text with no words.
//   - subheadings: 100 − 25·(sections over 300 words, or a long text
//     with no subheading).
//   - sentence-starts: 100 − 20·(runs of three or more sentences
//     starting with the same word).
//   - hard-sentence: 100 − (50·h + 200·v)/n, with h the hard and v the
//     very hard sentences of n: a hard sentence now and then is fine.
//   - inclusive-language: 100 − 25·(findings).
//   - accessibility: 100 − 20·(findings).
//   - govuk-style: 100 − 10·(findings).
//
// The last six have weight 0: they are listed, and pass or fail, without
// moving the overall score.
//
// Every standard but readability passes at a score of at least M, and
// only when it meets the target its detail names (the share of passive
// sentences, the preset's average sentence length): the scorecard never
// shows "pass" beside a missed target. A
// document with no words scores 0 on every standard and overall, and
// fails each (the checker adds a no-text error). The
// overall score is the mean of the enabled standards' scores weighted as
// in standardInfos; disabling a rule drops its standard.
func score(rs *RuleSet, a *Analysis, tallies map[string]tally) ([]StandardScore, float64) {
	th := rs.Preset.Thresholds
	var out []StandardScore
	var sum, wsum float64
	for _, info := range standardInfos {
		var s StandardScore
		s.ID, s.Name, s.Weight = info.id, info.name, info.weight
		missed := false // a target the detail names is missed: never "pass" beside it
		t, enabled := tallies[info.id]
		switch info.id {
		case StandardReadability:
			enabled = true
			r := a.Readability.ReadingAge
			switch {
			case len(a.Sentences) == 0 || a.Stats.Words == 0 || math.IsNaN(r) || math.IsInf(r, 0):
				s.Score, s.Detail = 0, "no text to score"
			case r <= th.ReadingAge:
				s.Score, s.Passed = 100, true
			default:
				s.Score = 100 - 10*(r-th.ReadingAge)
			}
			if s.Detail == "" {
				s.Detail = "reading age " + fmt1(r) + ", target " + fmt1(th.ReadingAge) + " or below"
			}
		case RulePlainEnglish:
			j, jok := tallies[RuleJargon]
			if !enabled && !jok {
				continue
			}
			enabled = true
			n := float64(t.bad) + 0.5*float64(j.bad)
			rate := 0.0
			if a.Stats.Words > 0 {
				rate = 100 * n / float64(a.Stats.Words)
			}
			s.Score = 100 - 20*rate
			s.Detail = itoa(t.bad) + " plain-English and " + itoa(j.bad) + " jargon findings in " + itoa(a.Stats.Words) + " words"
		case RuleSentenceLength:
			share, avg := ratio(t.bad, t.total), 0.0
			if len(a.Sentences) > 0 {
				avg = float64(a.Stats.Words) / float64(len(a.Sentences))
			}
			s.Score = 100 - 200*share
			s.Detail = itoa(t.bad) + " of " + itoa(t.total) + " sentences over " +
				itoa(th.MaxSentenceWords) + " words; average " + fmt1(avg) + " words"
			if th.MaxAverageSentenceWords > 0 {
				if avg > th.MaxAverageSentenceWords {
					s.Score -= 5 * (avg - th.MaxAverageSentenceWords)
					missed = true
				}
				s.Detail += ", target " + fmt1(th.MaxAverageSentenceWords) + " or fewer"
			}
		case RuleParagraphLength:
			s.Score = 100 - 100*ratio(t.bad, t.total)
			s.Detail = itoa(t.bad) + " of " + itoa(t.total) + " paragraphs too long"
		case RulePassiveVoice:
			share := ratio(t.bad, t.total)
			s.Score = 100 - 400*math.Max(0, share-th.MaxPassiveShare)
			s.Detail = itoa(t.bad) + " of " + itoa(t.total) + " sentences passive (" +
				fmt1(100*share) + "%, target " + fmt1(100*th.MaxPassiveShare) + "% or less)"
			missed = share > th.MaxPassiveShare
		case RuleAcronym:
			s.Score = 100 - 20*float64(t.bad)
			s.Detail = itoa(t.bad) + " of " + itoa(t.total) + " acronyms not explained"
		case RuleLinkText:
			s.Score = 100 - 25*float64(t.bad)
			s.Detail = itoa(t.bad) + " unclear links or bare web addresses"
		case RuleSubheadings:
			s.Score = 100 - 25*float64(t.bad)
			s.Detail = itoa(t.bad) + " of " + itoa(t.total) + " sections too long"
		case RuleSentenceStarts:
			s.Score = 100 - 20*float64(t.bad)
			s.Detail = count(t.bad, "run") + " of three or more sentences starting the same way"
		case RuleHardSentence:
			s.Score = 100 - 50*ratio(t.bad, t.total)
			s.Detail = t.detail
		case RuleInclusiveLanguage:
			s.Score = 100 - 25*float64(t.bad)
			s.Detail = count(t.bad, "word") + " to avoid"
		case RuleAccessibility:
			s.Score = 100 - 20*float64(t.bad)
			s.Detail = count(t.bad, "problem")
		case RuleGOVUKStyle:
			s.Score = 100 - 10*float64(t.bad)
			s.Detail = count(t.bad, "departure") + " from the style guide"
		case RuleJourneySignposting, RuleCitizenNeeds:
			if t.skip || t.total == 0 {
				s.Score = 100
			} else {
				s.Score = 100 * float64(t.total-t.bad) / float64(t.total)
			}
			s.Detail = t.detail
		}
		if !enabled {
			continue
		}
		s.Score = round1(clamp(s.Score))
		if info.id != StandardReadability {
			s.Passed = s.Score >= th.PassMark && !missed
		}
		out = append(out, s)
		sum += s.Weight * s.Score
		wsum += s.Weight
	}
	overall := 0.0
	if wsum > 0 {
		overall = round1(sum / wsum)
	}
	if a.Stats.Words == 0 {
		// nothing to score is no pass: every standard fails at 0
		for i := range out {
			out[i].Score, out[i].Passed, out[i].Detail = 0, false, "no text to score"
		}
		overall = 0
	}
	return out, overall
}

// count returns n and the noun, plural unless n is 1: "1 problem", "2
// problems".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return itoa(n) + " " + noun + "s"
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func clamp(x float64) float64 {
	switch {
	case math.IsNaN(x) || x < 0:
		return 0
	case x > 100:
		return 100
	}
	return x
}

// round1 rounds x to one decimal place.
func round1(x float64) float64 { return math.Round(x*10) / 10 }
