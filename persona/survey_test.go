package persona

import (
	"bytes"
	"errors"
	"github.com/civickit/civickit/civic"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// surveyCSV builds a CSV survey with the required columns plus extra,
// one line per row of cells given as "column=value" overrides.
func surveyCSV(extra []string, rows ...map[string]string) string {
	head := []string{"respondent_id"}
	for _, t := range Tools {
		head = append(head, "conf_"+t, "use_"+t)
	}
	head = append(head, extra...)
	var b strings.Builder
	b.WriteString(strings.Join(head, ",") + "\n")
	for i, r := range rows {
		cells := make([]string, len(head))
		for j, h := range head {
			switch {
			case h == "respondent_id":
				cells[j] = "r" + string(rune('a'+i))
			case strings.HasPrefix(h, "conf_"):
				cells[j] = "3"
			case strings.HasPrefix(h, "use_"):
				cells[j] = "weekly"
			}
			if v, ok := r[h]; ok {
				cells[j] = v
			}
		}
		b.WriteString(strings.Join(cells, ",") + "\n")
	}
	return b.String()
}

func TestReadCSVErrors(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		row     int
		column  string
		msg     string
		mapping *Mapping
	}{
		{name: "rating above range", in: surveyCSV(nil, nil, map[string]string{"conf_x": "6"}), row: 3, column: "conf_x", msg: "from 1 to 5"},
		{name: "rating zero", in: surveyCSV(nil, map[string]string{"conf_email": "0"}), row: 2, column: "conf_email", msg: "from 1 to 5"},
		{name: "rating not a number", in: surveyCSV(nil, map[string]string{"conf_email": "lots"}), row: 2, column: "conf_email", msg: `"lots"`},
		{name: "bad frequency", in: surveyCSV(nil, map[string]string{"use_nextdoor": "hourly"}), row: 2, column: "use_nextdoor", msg: "never, rarely"},
		{name: "bad choice", in: surveyCSV([]string{"barriers"}, map[string]string{"barriers": "time;dragons"}), row: 2, column: "barriers", msg: `"dragons"`},
		{name: "years out of range", in: surveyCSV([]string{"years_served"}, map[string]string{"years_served": "99"}), row: 2, column: "years_served", msg: "from 0 to 60"},
		{name: "duplicate respondent", in: surveyCSV(nil, map[string]string{"respondent_id": "a1"}, nil, map[string]string{"respondent_id": "a1"}), row: 4, column: "respondent_id", msg: "same id as line 2"},
		{name: "blank respondent", in: surveyCSV(nil, map[string]string{"respondent_id": ""}), row: 2, column: "respondent_id", msg: "blank"},
		{name: "missing columns", in: "respondent_id,conf_email\nr1,3\n", row: 1, column: "use_email", msg: `missing column`},
		{name: "empty", in: "", row: 1, msg: "empty file"},
		{name: "misspelt question", in: surveyCSV([]string{"att_serves_wards"}, nil), row: 1, column: "att_serves_wards", msg: "unknown survey question"},
		{name: "header only", in: surveyCSV(nil), row: 2, msg: "no responses"},
		{name: "ragged row", in: surveyCSV(nil, nil) + "x,1\n", row: 3, msg: "wrong number of fields"},
		{name: "mapped column named in error", in: strings.Replace(surveyCSV(nil, map[string]string{"conf_email": "9"}), "conf_email", "Email confidence", 1),
			mapping: &Mapping{Columns: map[string]string{"conf_email": "Email confidence"}}, row: 2, column: "email confidence", msg: "from 1 to 5"},
		{name: "hexadecimal is not a spreadsheet number", in: surveyCSV(nil, map[string]string{"conf_email": "0x3"}), row: 2, column: "conf_email", msg: "not a whole number"},
		{name: "underscore is not a spreadsheet number", in: surveyCSV([]string{"years_served"}, map[string]string{"years_served": "1_0"}), row: 2, column: "years_served", msg: "not a whole number"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadSurveyCSV(strings.NewReader(tc.in), SurveyOptions{Mapping: tc.mapping})
			var pe *civic.ParseError
			require.True(t, errors.As(err, &pe), "want a ParseError, got %v", err)
			assert.Equal(t, tc.row, pe.Line)
			assert.Equal(t, tc.column, pe.Field)
			assert.Contains(t, pe.Error(), tc.msg)
		})
	}
}

func TestReadCSVAnswers(t *testing.T) {
	in := surveyCSV([]string{"mode_email", "att_want_more", "learn", "aims", "barriers", "years_served", "role", "ward", "comments"},
		map[string]string{"conf_email": "", "use_email": "NA", "mode_email": "two way", "att_want_more": "4", "learn": "video_calls; engaging_content", "aims": "none", "barriers": "", "years_served": "3", "role": "Cabinet", "ward": "Somewhere", "comments": "free text"},
		map[string]string{"conf_email": "5", "use_email": "4", "learn": "Prefer not to say"})
	s, err := ReadSurveyCSV(strings.NewReader(in), SurveyOptions{})
	require.NoError(t, err)
	require.Len(t, s.Responses, 2)
	r := s.Responses[0]
	assert.Equal(t, NoAnswer, r.Confidence[0], "blank is no answer, not zero")
	assert.Equal(t, NoAnswer, r.Use[0], "NA is no answer")
	assert.Equal(t, Answer(2), r.Mode[0], "two way → two_way")
	assert.Equal(t, Answer(4), r.Attitude[3])
	assert.Equal(t, NoAnswer, r.Attitude[0], "absent column is no answer")
	assert.Equal(t, Choices{"engaging_content", "video_calls"}, r.Learn, "in LearnTopics order")
	assert.True(t, r.Aims.Answered())
	assert.Empty(t, r.Aims)
	assert.False(t, r.Barriers.Answered())
	assert.Equal(t, Answer(3), r.YearsServed)
	assert.Equal(t, Answer(2), r.Role)
	assert.Equal(t, Answer(5), s.Responses[1].Confidence[0])
	assert.Equal(t, Answer(4), s.Responses[1].Use[0], "numeric frequency")
	assert.False(t, s.Responses[1].Learn.Answered())
}

func TestMappingValues(t *testing.T) {
	in := strings.Replace(surveyCSV(nil, map[string]string{"conf_email": "Very confident", "use_email": "Every day"}), "use_email", "How often: email", 1)
	m := &Mapping{
		Columns: map[string]string{"use_email": "How often: email"},
		Values:  map[string]string{"very confident": "5", "EVERY DAY": "daily"},
	}
	s, err := ReadSurveyCSV(strings.NewReader(in), SurveyOptions{Mapping: m})
	require.NoError(t, err)
	assert.Equal(t, Answer(5), s.Responses[0].Confidence[0])
	assert.Equal(t, Answer(4), s.Responses[0].Use[0])
}

func TestReadJSONMatchesCSV(t *testing.T) {
	csvIn := surveyCSV([]string{"learn"}, map[string]string{"conf_x": "", "learn": "ideas_boards;video_calls"}, map[string]string{"learn": "none"})
	a, err := ReadSurveyCSV(strings.NewReader(csvIn), SurveyOptions{})
	require.NoError(t, err)
	rec := func(id string, learn string, confX string) string {
		var b strings.Builder
		b.WriteString(`{"respondent_id":"` + id + `"`)
		for _, t := range Tools {
			c := "3"
			if t == "x" {
				c = confX
			}
			b.WriteString(`,"conf_` + t + `":` + c + `,"use_` + t + `":"weekly"`)
		}
		b.WriteString(`,"learn":` + learn + `}`)
		return b.String()
	}
	js := `{"responses":[` + rec("ra", `["ideas_boards","video_calls"]`, "null") + "," + rec("rb", `[]`, "3") + `]}`
	b, err := ReadSurveyJSON(strings.NewReader(js), SurveyOptions{})
	require.NoError(t, err)
	for i := range a.Responses {
		a.Responses[i].Line, b.Responses[i].Line = 0, 0
	}
	assert.Equal(t, a, b)

	_, err = ReadSurveyJSON(strings.NewReader(`[`+rec("ra", `[1]`, "3")+`]`), SurveyOptions{})
	var pe *civic.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 1, pe.Line)
	assert.Equal(t, "[0].learn", pe.Field)
	_, err = ReadSurveyJSON(strings.NewReader(`[`+rec("ra", `[]`, "7")+`]`), SurveyOptions{})
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "[0].conf_x", pe.Field)
}

func TestReadMatrixCSVErrors(t *testing.T) {
	tests := []struct{ name, in, msg string }{
		{"not a number", "a,b\n1,2\n3,x\n", `data.csv:3:3: b: "x" is not a finite number`},
		{"hexadecimal", "a\n0x1p4\n", "not a finite number"},
		{"underscore", "a\n1_000\n", "not a finite number"},
		{"overflow", "a\n1e400\n", "not a finite number"},
		{"NaN", "a\nNaN\n", "not a finite number"},
		{"no rows", "a,b\n", "no data rows"},
		{"ragged", "a,b\n1,2\n3\n", "wrong number of fields"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := ReadMatrixCSV(strings.NewReader(tc.in), ReadOptions{})
			require.Error(t, err)
			var pe *civic.ParseError
			require.ErrorAs(t, err, &pe)
			pe.File = "data.csv"
			assert.Contains(t, pe.Error(), tc.msg)
		})
	}
}

// FuzzReadCSV checks the survey reader never panics and that whatever it
// accepts is well formed.
func FuzzReadCSV(f *testing.F) {
	seed, err := os.ReadFile("testdata/survey69.csv")
	require.NoError(f, err)
	f.Add(string(seed[:2000]))
	f.Add(surveyCSV([]string{"learn", "role"}, map[string]string{"learn": "a;;b", "role": "9"}))
	f.Add("respondent_id\n\"x\n")
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ReadSurveyCSV(strings.NewReader(in), SurveyOptions{})
		if err != nil {
			var pe *civic.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error is not a ParseError: %v", err)
			}
			return
		}
		ids := map[string]bool{}
		for _, r := range s.Responses {
			if r.ID == "" || ids[r.ID] {
				t.Fatalf("bad or duplicate id %q", r.ID)
			}
			ids[r.ID] = true
			for _, a := range r.Confidence {
				if a != NoAnswer && (a < 1 || a > 5) {
					t.Fatalf("confidence %d out of range", a)
				}
			}
		}
		_ = s.Encode()
	})
}

// FuzzReadJSON checks the JSON survey reader never panics.
func FuzzReadJSON(f *testing.F) {
	f.Add(`[{"respondent_id":"a","conf_email":3}]`)
	f.Add(`{"responses":[{"respondent_id":null}]}`)
	f.Fuzz(func(t *testing.T, in string) {
		_, _ = ReadSurveyJSON(bytes.NewReader([]byte(in)), SurveyOptions{})
	})
}

// FuzzReadPilots checks the pilots reader never panics.
func FuzzReadPilots(f *testing.F) {
	seed, err := os.ReadFile("testdata/pilots.csv")
	require.NoError(f, err)
	f.Add(string(seed[:600]))
	f.Fuzz(func(t *testing.T, in string) {
		recs, err := ReadPilots(strings.NewReader(in), ReadOptions{})
		if err == nil {
			_, _ = EvaluatePilots(recs, PilotOptions{})
		}
	})
}

// FuzzReadMatrixCSV checks the numeric CSV reader never panics.
func FuzzReadMatrixCSV(f *testing.F) {
	f.Add("a,b\n1,2\n3,4\n")
	f.Fuzz(func(t *testing.T, in string) {
		m, _, err := ReadMatrixCSV(strings.NewReader(in), ReadOptions{})
		if err == nil && len(m.Data) != m.Rows*m.Cols {
			t.Fatalf("malformed matrix")
		}
	})
}

func TestReadJSONExample(t *testing.T) {
	f, err := os.Open("testdata/survey_example.json")
	require.NoError(t, err)
	defer f.Close()
	s, err := ReadSurveyJSON(f, SurveyOptions{})
	require.NoError(t, err)
	require.Len(t, s.Responses, 2)
	a, b := s.Responses[0], s.Responses[1]
	assert.Equal(t, NoAnswer, a.Confidence[2], "null is no answer")
	assert.Equal(t, Choices{"engaging_content", "video_calls"}, a.Learn)
	assert.True(t, a.Barriers.Answered())
	assert.Empty(t, a.Barriers, "[] is none")
	assert.False(t, b.Learn.Answered(), "null multi-select is no answer")
	assert.False(t, b.Aims.Answered(), "absent key is no answer")
	assert.Equal(t, Answer(4), b.Use[0])
	assert.Equal(t, Answer(2), b.Role)
}
