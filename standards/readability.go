package standards

// Readability holds the classic readability formulas, each computed from
// [Stats] exactly as its paper defines it, with no intermediate rounding.
type Readability struct {
	FleschReadingEase  float64 `json:"flesch_reading_ease"`
	FleschKincaidGrade float64 `json:"flesch_kincaid_grade"`
	GunningFog         float64 `json:"gunning_fog"`
	SMOG               float64 `json:"smog"`
	ColemanLiau        float64 `json:"coleman_liau"`
	ARI                float64 `json:"ari"`
	// ReadingAge is the UK reading age in years: the Flesch–Kincaid grade
	// plus 5.
	ReadingAge float64 `json:"reading_age"`
	// Notes flag scores resting on too small a sample, such as SMOG on
	// fewer than 30 sentences.
	Notes []string `json:"notes,omitempty"`
}
