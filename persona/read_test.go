package persona

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/internal/input"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// every reader of the package, fed the same bytes.
var readers = map[string]func(r io.Reader, file string, max int64) error{
	"survey csv": func(r io.Reader, f string, m int64) error {
		_, err := ReadSurveyCSV(r, SurveyOptions{File: f, MaxBytes: m})
		return err
	},
	"survey json": func(r io.Reader, f string, m int64) error {
		_, err := ReadSurveyJSON(r, SurveyOptions{File: f, MaxBytes: m})
		return err
	},
	"pilots": func(r io.Reader, f string, m int64) error {
		_, err := ReadPilots(r, ReadOptions{File: f, MaxBytes: m})
		return err
	},
	"matrix": func(r io.Reader, f string, m int64) error {
		_, _, err := ReadMatrixCSV(r, ReadOptions{File: f, MaxBytes: m})
		return err
	},
	"mapping": func(r io.Reader, f string, m int64) error {
		_, err := ReadMapping(r, ReadOptions{File: f, MaxBytes: m})
		return err
	},
	"catalogue": func(r io.Reader, f string, m int64) error {
		_, err := ReadCatalogue(r, ReadOptions{File: f, MaxBytes: m})
		return err
	},
}

// endless is an input that never ends.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

// TestReadersBadInput checks the one bad-input policy on every reader:
// errors are *civic.ParseError naming the file; endless input stops at
// the cap; UTF-16 and Latin-1 are named.
func TestReadersBadInput(t *testing.T) {
	for name, read := range readers {
		t.Run(name, func(t *testing.T) {
			err := read(endless{}, "in", 1<<16)
			var pe *civic.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "in", pe.File)
			var tl *input.TooLargeError
			assert.ErrorAs(t, err, &tl, "endless input stops at the cap")

			utf16 := []byte{0xff, 0xfe, 'a', 0, ',', 0, 'b', 0}
			err = read(bytes.NewReader(utf16), "in", 0)
			assert.ErrorContains(t, err, "UTF-16")
			require.ErrorAs(t, err, &pe)

			latin1 := []byte("a,b\ncaf\xe9,1\n")
			err = read(bytes.NewReader(latin1), "in", 0)
			assert.ErrorContains(t, err, "Latin-1")
			require.ErrorAs(t, err, &pe)
		})
	}
}

func TestReadersAcceptBOM(t *testing.T) {
	csvIn := input.BOM + surveyCSV(nil, nil)
	_, err := ReadSurveyCSV(strings.NewReader(csvIn), SurveyOptions{})
	require.NoError(t, err)
	_, err = ReadSurveyJSON(strings.NewReader(input.BOM+`[{"respondent_id":"a","conf_email":3,"use_email":1,"conf_facebook":3,"use_facebook":1,"conf_x":3,"use_x":1,"conf_instagram":3,"use_instagram":1,"conf_whatsapp":3,"use_whatsapp":1,"conf_nextdoor":3,"use_nextdoor":1,"conf_video_calls":3,"use_video_calls":1,"conf_website_blog":3,"use_website_blog":1,"conf_online_surveys":3,"use_online_surveys":1}]`), SurveyOptions{})
	require.NoError(t, err)
	_, err = ReadMapping(strings.NewReader(input.BOM+`{"separator":","}`), ReadOptions{})
	require.NoError(t, err)
	_, err = ReadCatalogue(strings.NewReader(input.BOM+`[{"id":"a","title":"A","stages":["curious"]}]`), ReadOptions{})
	require.NoError(t, err)
	_, err = ReadPilots(strings.NewReader(input.BOM+"activity,participant,attended,before,after\na,p,yes,1,2\n"), ReadOptions{})
	require.NoError(t, err)
	_, _, err = ReadMatrixCSV(strings.NewReader(input.BOM+"a\n1\n"), ReadOptions{})
	require.NoError(t, err)
}

// TestJSONUnknownKeys: a misspelt key was silently ignored; now it is an
// error with its path, line and column.
func TestJSONUnknownKeys(t *testing.T) {
	survey := "{\"responses\": [\n  {\"respondent_id\": \"a\",\n   \"conf_emial\": 4}\n]}"
	_, err := ReadSurveyJSON(strings.NewReader(survey), SurveyOptions{File: "s.json"})
	var pe *civic.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "responses[0].conf_emial", pe.Field)
	assert.Equal(t, 3, pe.Line)
	assert.Equal(t, 4, pe.Column)
	assert.Equal(t, int64(strings.Index(survey, `"conf_emial"`)), pe.Offset)
	assert.Contains(t, err.Error(), "s.json:3:4: responses[0].conf_emial: unknown key")

	_, err = ReadSurveyJSON(strings.NewReader(`{"respones": []}`), SurveyOptions{})
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "respones", pe.Field)

	_, err = ReadMapping(strings.NewReader("{\n \"colums\": {}}"), ReadOptions{File: "m.json"})
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "colums", pe.Field)
	assert.Equal(t, 2, pe.Line)
	_, err = ReadMapping(strings.NewReader(`{"columns": {"conf_emial": "Email"}}`), ReadOptions{})
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "columns.conf_emial", pe.Field)
	_, err = ReadMapping(strings.NewReader(`{"columns": {"conf_email": 3}}`), ReadOptions{})
	require.ErrorAs(t, err, &pe)

	_, err = ReadCatalogue(strings.NewReader(`[{"id":"a","title":"A"},{"id":"b","titel":"B"}]`), ReadOptions{})
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "[1].titel", pe.Field)

	_, err = ReadSurveyJSON(strings.NewReader(`[{"respondent_id": "a"`), SurveyOptions{})
	require.ErrorAs(t, err, &pe)
	assert.Contains(t, err.Error(), "JSON ends too early")
}

// TestBuildCancelled: Build returns ctx.Err() promptly once cancelled.
func TestBuildCancelled(t *testing.T) {
	s := readSurveyFile(t, "survey69.csv")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, m := range []Method{MethodKMeans, MethodKPrototypes, MethodPAM} {
		_, err := Build(ctx, s, Options{Seed: 1, Method: m})
		assert.ErrorIs(t, err, context.Canceled, "method %s", m)
	}
	// Cancelled part-way through a long run.
	big := &Survey{}
	for i := 0; i < 40; i++ {
		for _, r := range s.Responses {
			r.ID = r.ID + "-" + string(rune('a'+i%26)) + string(rune('a'+i/26))
			big.Responses = append(big.Responses, r)
		}
	}
	ctx, cancel = context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := Build(ctx, big, Options{Seed: 1, Replicates: 2000, Method: MethodKPrototypes})
	assert.True(t, errors.Is(err, context.DeadlineExceeded), "got %v", err)
	// Without the check the build runs for minutes; the bound leaves room
	// for -race (several times slower) on a shared machine. The CLI's own
	// one-second exit on Ctrl-C does not depend on it.
	assert.Less(t, time.Since(start), 5*time.Second)
}

func TestFitCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	x := blobs(500, 4, 3, 1)
	_, err := KMeans{K: 3}.Fit(ctx, x)
	assert.ErrorIs(t, err, context.Canceled)
	_, err = KPrototypes{K: 3}.Fit(ctx, x, make([][]int, 500))
	assert.ErrorIs(t, err, context.Canceled)
	_, err = Gower(ctx, x, nil, nil)
	assert.ErrorIs(t, err, context.Canceled)
	d, err := Gower(context.Background(), x, nil, nil)
	require.NoError(t, err)
	_, err = PAM{K: 3}.Fit(ctx, d)
	assert.ErrorIs(t, err, context.Canceled)
}
