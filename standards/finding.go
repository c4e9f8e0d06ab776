package standards

// Severity is how much a finding matters.
type Severity uint8

// The severities, from least to most serious.
const (
	SeveritySuggestion Severity = iota + 1
	SeverityWarning
	SeverityError
)

var severityNames = [...]string{"", "suggestion", "warning", "error"}

// String returns the severity's name: suggestion, warning or error.
func (s Severity) String() string {
	if int(s) < len(severityNames) && s != 0 {
		return severityNames[s]
	}
	return "unknown"
}

// ParseSeverity reads a severity name.
func ParseSeverity(s string) (Severity, bool) {
	for i, n := range severityNames {
		if n == s && i > 0 {
			return Severity(i), true
		}
	}
	return 0, false
}

// MarshalText encodes the severity as its name.
func (s Severity) MarshalText() ([]byte, error) {
	if s < SeveritySuggestion || s > SeverityError {
		return nil, &Error{Msg: "invalid severity " + itoa(int(s))}
	}
	return []byte(s.String()), nil
}

// UnmarshalText decodes a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, ok := ParseSeverity(string(b))
	if !ok {
		return &Error{Msg: "unknown severity " + quoteInput(string(b)) + " (want error, warning or suggestion)"}
	}
	*s = v
	return nil
}

// Finding is one problem found in a document, with its position in the
// source file.
type Finding struct {
	Rule       string   `json:"rule" jsonschema:"description=stable kebab-case rule id such as plain-english"`
	Severity   Severity `json:"severity" jsonschema:"type=string,enum=error,enum=warning,enum=suggestion"`
	Message    string   `json:"message"`
	Suggestion string   `json:"suggestion"`
	Match      string   `json:"match,omitempty" jsonschema:"description=the matched text"`
	Line       int      `json:"line" jsonschema:"description=1-based line in the source file"`
	Column     int      `json:"column" jsonschema:"description=1-based column in characters"`
	Offset     int      `json:"offset" jsonschema:"description=byte offset in the source file"`
	Length     int      `json:"length" jsonschema:"description=length in bytes in the source file"`
}

// Error is an error from package standards. Line and Column are set when the
// error points into user input.
type Error struct {
	File   string `json:"file,omitempty"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
	Msg    string `json:"msg,omitempty"`
	Err    error  `json:"-"`
}

// Error formats the error as file:line:col: standards: msg.
func (e *Error) Error() string {
	s := ""
	if e.File != "" {
		s = e.File + ":"
		if e.Line > 0 {
			s += itoa(e.Line) + ":"
			if e.Column > 0 {
				s += itoa(e.Column) + ":"
			}
		}
		s += " "
	}
	s += "standards: " + e.Msg
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }
