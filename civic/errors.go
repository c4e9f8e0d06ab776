package civic

import "strconv"

// ParseError reports bad input at a place in a file: the file, 1-based line
// and column (0 when unknown), the field, and what was wrong. The CLI prints
// it as file:line:col: message.
type ParseError struct {
	File   string `json:"file,omitempty"`   // file name, or "" for an unnamed reader
	Line   int    `json:"line,omitempty"`   // 1-based line, or 0
	Column int    `json:"column,omitempty"` // 1-based column, or 0
	Field  string `json:"field,omitempty"`  // the field or column name, or ""
	Msg    string `json:"msg,omitempty"`    // what is wrong
	Err    error  `json:"-"`                // the underlying error, if any
}

// Error formats the error as "file:line:col: civic: field: msg: err".
func (e *ParseError) Error() string {
	s := ""
	if e.File != "" {
		s += e.File + ":"
	}
	if e.Line > 0 {
		s += strconv.Itoa(e.Line) + ":"
		if e.Column > 0 {
			s += strconv.Itoa(e.Column) + ":"
		}
	}
	if s != "" {
		s += " "
	}
	s += "civic: "
	if e.Field != "" {
		s += e.Field + ": "
	}
	s += e.Msg
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }
