package panel

import (
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/internal/input"
	"github.com/civickit/civickit/internal/safe"
	"github.com/civickit/civickit/internal/table"
)

// Volunteer is one person in the pool, known only by a pseudonymous id.
type Volunteer struct {
	ID string // the pseudonymous id from the sign-up export
	// Household groups people who live together: at most one person of a
	// household is chosen. "" means the volunteer is a household alone.
	// It is used for grouping only and never written to any output.
	Household string
	Values    []string // the feature values, in the order of [Pool.Features]
	Line      int      // the line of the volunteer's record in the pool file
}

// Pool is the volunteers who signed up, with the features the council
// stratifies on (age band, gender, ward, digital confidence, ...).
type Pool struct {
	File       string      // the file name, for messages
	Features   []string    // the feature columns, lower case, in file order
	Volunteers []Volunteer // in file order
}

// Feature returns the index of feature name in p.Features, or -1.
func (p *Pool) Feature(name string) int {
	for i, f := range p.Features {
		if f == name {
			return i
		}
	}
	return -1
}

// PoolOptions configures [ReadPool].
type PoolOptions struct {
	File     string // the file name in errors; "" for none
	MaxBytes int64  // the size cap; 0 means input.DefaultMaxBytes
	// Household names the column that groups volunteers of one household
	// or address; "" means "household". The column is optional.
	Household string
	Sheet     string // ReadPoolXLSX: the worksheet to read; "" for the first
}

// personalColumns are column names that hold personal data. A pool for
// selection needs pseudonymous ids and the stratifying features only, so
// ReadPool refuses these rather than carry them into reports.
var personalColumns = map[string]bool{
	"name": true, "first name": true, "first_name": true, "firstname": true, "last name": true,
	"last_name": true, "lastname": true, "surname": true, "full name": true, "full_name": true,
	"email": true, "e-mail": true, "email address": true, "email_address": true, "phone": true,
	"telephone": true, "mobile": true, "phone number": true, "phone_number": true, "address": true,
	"street": true, "postcode": true, "post code": true, "date of birth": true, "date_of_birth": true,
	"dob": true, "birthday": true,
}

// MaxVolunteers is the largest pool ReadPool accepts. Councils' panels
// draw on a few thousand volunteers; the selection's linear programmes
// grow with the pool.
const MaxVolunteers = 100_000

// ReadPool reads volunteers from a sign-up export in CSV with a header row.
// The column "id" (a pseudonymous reference, never a name or an e-mail
// address) is required; the household column (see [PoolOptions]) is
// optional; every other column is a feature. Columns of personal data
// (name, e-mail, phone, address, postcode, date of birth) are refused.
// Errors are *civic.ParseError with file, line, column and field.
func ReadPool(r io.Reader, opt PoolOptions) (*Pool, error) {
	household := table.Name(opt.Household)
	if household == "" {
		household = "household"
	}
	in, err := input.Reader(r, opt.MaxBytes)
	if err != nil {
		return nil, &civic.ParseError{File: opt.File, Msg: "cannot read the pool", Err: err}
	}
	t := table.NewReader(in, opt.File)
	if err := t.ReadHeader([]string{"id"}, []string{household}, false); err != nil {
		return nil, wrapInput(err)
	}
	p := &Pool{File: opt.File}
	var cols []string
	seenFeature := map[string]bool{}
	for i, h := range t.Header {
		name := table.Name(h)
		if personalColumns[name] {
			return nil, &civic.ParseError{File: opt.File, Line: 1, Column: i + 1, Field: name,
				Msg: "personal data: export pseudonymous ids and the stratifying features only"}
		}
		if name == "id" || name == household {
			continue
		}
		if name == "" {
			return nil, &civic.ParseError{File: opt.File, Line: 1, Column: i + 1, Msg: "column without a name"}
		}
		if seenFeature[name] {
			return nil, &civic.ParseError{File: opt.File, Line: 1, Column: i + 1, Field: name, Msg: "column appears twice"}
		}
		seenFeature[name] = true
		p.Features = append(p.Features, name)
		cols = append(cols, name)
	}
	ids := map[string]int{}
	for {
		rec, err := t.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, wrapInput(err)
		}
		id, line, _ := t.Field(rec, "id")
		if id == "" {
			return nil, t.Error(rec, "id", "empty id")
		}
		if strings.ContainsAny(id, "@") {
			return nil, t.Error(rec, "id", "the id "+safe.Quote(id)+" looks like an e-mail address: use a pseudonymous reference")
		}
		if prev, dup := ids[id]; dup {
			return nil, t.Error(rec, "id", "id "+safe.Quote(id)+" appears twice (first on line "+strconv.Itoa(prev)+")")
		}
		for _, c := range t.Header {
			if val, _, _ := t.Field(rec, table.Name(c)); hasControl(val) {
				return nil, t.Error(rec, table.Name(c), "control character in "+safe.Quote(val))
			}
		}
		ids[id] = line
		if len(p.Volunteers) >= MaxVolunteers {
			return nil, t.Error(rec, "id", "more than "+strconv.Itoa(MaxVolunteers)+" volunteers")
		}
		v := Volunteer{ID: id, Line: line, Values: make([]string, len(cols))}
		v.Household, _, _ = t.Field(rec, household)
		for j, c := range cols {
			v.Values[j], _, _ = t.Field(rec, c)
		}
		p.Volunteers = append(p.Volunteers, v)
	}
	if len(p.Volunteers) == 0 {
		return nil, &civic.ParseError{File: opt.File, Line: 1, Msg: "no volunteers after the header row"}
	}
	return p, nil
}

// wrapInput turns the input policy's errors into a ParseError; a
// ParseError passes unchanged.
func wrapInput(err error) error {
	var pe *civic.ParseError
	if errors.As(err, &pe) {
		var tl *input.TooLargeError
		var ee *input.EncodingError
		if pe.Err != nil && (errors.As(pe.Err, &tl) || errors.As(pe.Err, &ee)) {
			pe.Msg = "cannot read the pool"
		}
		return pe
	}
	return &civic.ParseError{Msg: "cannot read the pool", Err: err}
}

// hasControl reports whether s holds a control or format character (a
// terminal escape, a bidirectional override), which no id or feature
// value needs and which could rewrite a terminal or a report.
func hasControl(s string) bool {
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return true
		}
	}
	return false
}
