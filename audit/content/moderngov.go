package content

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/civic/journey"
	"github.com/civickit/civickit/internal/input"
)

// ModernGov reads a council's Modern.Gov web service (mgWebService.asmx),
// which answers plain HTTP GET with XML: GetMeetings lists a committee's
// meetings between two dates, GetMeeting gives one meeting with its
// agenda items, their decisions and linked documents. The element names
// read (meetingid, meetingdate in dd/mm/yyyy, committeetitle,
// agendaitem, agendaitemtitle, isdecision, decisionpublished,
// minutesnonemptyhtmlbody, linkeddoc with attachmentid, title and url)
// are those public ModernGov readers rely on. The zero value needs only
// BaseURL.
type ModernGov struct {
	// BaseURL is the site's root, such as
	// https://democracy.example.gov.uk.
	BaseURL string
	// Client makes the requests; nil means http.DefaultClient.
	Client *http.Client
	// UserAgent is sent with every request; empty means DefaultUserAgent.
	UserAgent string
	// Delay is the least time between two requests; 0 means 1 s.
	Delay time.Duration
	// Timeout caps each request; 0 means 60 s (large meetings are slow).
	Timeout time.Duration
	// MaxBytes caps one answer; 0 means 32 MiB.
	MaxBytes int64

	last time.Time
}

// Meeting is one meeting from GetMeeting.
type Meeting struct {
	// ID is ModernGov's meeting id.
	ID string `xml:"meetingid" json:"id"`
	// CommitteeID is the committee's id, if given.
	CommitteeID string `xml:"committeeid" json:"committee_id,omitempty"`
	// Committee is the committee's title.
	Committee string `xml:"committeetitle" json:"committee,omitempty"`
	// Date is the meeting's date as ModernGov writes it (dd/mm/yyyy).
	Date string `xml:"meetingdate" json:"date,omitempty"`
	// Status is the meeting's status (such as "Confirmed").
	Status string `xml:"meetingstatus" json:"status,omitempty"`
	// MinutesPublished is "True" when the minutes are out.
	MinutesPublished string `xml:"minutepublished" json:"minutes_published,omitempty"`
	// Items are the agenda items.
	Items []AgendaItem `xml:"agendaitems>agendaitem" json:"items"`
}

// AgendaItem is one item of a meeting's agenda.
type AgendaItem struct {
	// ID is the agenda item's id, if given.
	ID string `xml:"agendaitemid" json:"id,omitempty"`
	// Number is the item's number on the agenda.
	Number string `xml:"agendaitemnumber" json:"number,omitempty"`
	// Title is the item's title.
	Title string `xml:"agendaitemtitle" json:"title"`
	// IsDecision is "True" when the item records a decision.
	IsDecision string `xml:"isdecision" json:"is_decision,omitempty"`
	// DecisionPublished is "True" when the decision has been published.
	DecisionPublished string `xml:"decisionpublished" json:"decision_published,omitempty"`
	// DecisionID is the decision's id, if given.
	DecisionID string `xml:"decisionid" json:"decision_id,omitempty"`
	// IssueID is the issue's id, which links the item to its decision
	// across meetings, if given.
	IssueID string `xml:"issueid" json:"issue_id,omitempty"`
	// Minutes is the minute's HTML body, once published.
	Minutes string `xml:"minutesnonemptyhtmlbody" json:"minutes,omitempty"`
	// Documents are the linked reports and appendices.
	Documents []LinkedDoc `xml:"linkeddocuments>linkeddoc" json:"documents,omitempty"`
}

// LinkedDoc is a document linked to an agenda item.
type LinkedDoc struct {
	// AttachmentID is the attachment's id.
	AttachmentID string `xml:"attachmentid" json:"attachment_id,omitempty"`
	// Title is the document's title.
	Title string `xml:"title" json:"title,omitempty"`
	// URL is the document's address (often mgConvert2PDF.aspx?ID=...).
	URL string `xml:"url" json:"url"`
}

// MeetingRef is one meeting listed by GetMeetings.
type MeetingRef struct {
	// ID is the meeting's id.
	ID string `xml:"meetingid" json:"id"`
	// Date is the meeting's date as written.
	Date string `xml:"meetingdate" json:"date,omitempty"`
	// Committee is the committee's title, if given.
	Committee string `xml:"committeetitle" json:"committee,omitempty"`
}

// MGOptions configures the ModernGov readers.
type MGOptions struct {
	// File names the input in errors.
	File string
	// MaxBytes caps the input; 0 means input.DefaultMaxBytes.
	MaxBytes int64
}

// ReadMeeting reads a GetMeeting answer: the first <meeting> element,
// wherever it is.
func ReadMeeting(r io.Reader, opt MGOptions) (*Meeting, error) {
	var m Meeting
	if err := decodeFirst(r, opt, "meeting", &m); err != nil {
		return nil, err
	}
	if strings.TrimSpace(m.ID) == "" {
		return nil, &civic.ParseError{File: opt.File, Field: "meetingid", Msg: "meeting has no id"}
	}
	m.trim()
	return &m, nil
}

// ReadMeetings reads a GetMeetings answer: every <meeting> element.
func ReadMeetings(r io.Reader, opt MGOptions) ([]MeetingRef, error) {
	src, err := input.ReadAll(r, opt.MaxBytes)
	if err != nil {
		return nil, &civic.ParseError{File: opt.File, Msg: "reading ModernGov answer", Err: err}
	}
	d := xml.NewDecoder(bytes.NewReader(src))
	var out []MeetingRef
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			line, _ := d.InputPos()
			return nil, &civic.ParseError{File: opt.File, Line: line, Msg: "not readable XML", Err: err}
		}
		if se, ok := tok.(xml.StartElement); ok && strings.EqualFold(se.Name.Local, "meeting") {
			var m MeetingRef
			if err := d.DecodeElement(&m, &se); err != nil {
				line, _ := d.InputPos()
				return nil, &civic.ParseError{File: opt.File, Line: line, Msg: "bad meeting", Err: err}
			}
			m.ID, m.Date, m.Committee = strings.TrimSpace(m.ID), strings.TrimSpace(m.Date), strings.TrimSpace(m.Committee)
			if m.ID != "" {
				out = append(out, m)
			}
		}
	}
}

func decodeFirst(r io.Reader, opt MGOptions, name string, v any) error {
	src, err := input.ReadAll(r, opt.MaxBytes)
	if err != nil {
		return &civic.ParseError{File: opt.File, Msg: "reading ModernGov answer", Err: err}
	}
	d := xml.NewDecoder(bytes.NewReader(src))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return &civic.ParseError{File: opt.File, Msg: "no <" + name + "> element"}
		}
		if err != nil {
			line, _ := d.InputPos()
			return &civic.ParseError{File: opt.File, Line: line, Msg: "not readable XML", Err: err}
		}
		if se, ok := tok.(xml.StartElement); ok && strings.EqualFold(se.Name.Local, name) {
			if err := d.DecodeElement(v, &se); err != nil {
				line, _ := d.InputPos()
				return &civic.ParseError{File: opt.File, Line: line, Msg: "bad " + name, Err: err}
			}
			return nil
		}
	}
}

func (m *Meeting) trim() {
	t := strings.TrimSpace
	m.ID, m.CommitteeID, m.Committee, m.Date, m.Status, m.MinutesPublished = t(m.ID), t(m.CommitteeID), t(m.Committee), t(m.Date), t(m.Status), t(m.MinutesPublished)
	for i := range m.Items {
		a := &m.Items[i]
		a.ID, a.Number, a.Title, a.IsDecision, a.DecisionPublished, a.DecisionID, a.IssueID = t(a.ID), t(a.Number), t(a.Title), t(a.IsDecision), t(a.DecisionPublished), t(a.DecisionID), t(a.IssueID)
		for j := range a.Documents {
			doc := &a.Documents[j]
			doc.AttachmentID, doc.Title, doc.URL = t(doc.AttachmentID), t(doc.Title), t(doc.URL)
		}
	}
}

// ISODate returns the meeting's date as yyyy-mm-dd, or "" when it does not
// parse.
func (m *Meeting) ISODate() string {
	for _, l := range []string{"02/01/2006", "2006-01-02", "2006-01-02T15:04:05"} {
		if t, err := time.Parse(l, strings.TrimSpace(m.Date)); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return ""
}

// DecisionKey is the decision id an agenda item's content is linked by:
// "mg-issue-N" when the item has an issue id (which follows a decision
// from notice to meeting), else "mg-decision-N", else "mg-item-M-N" for a
// decision item with neither, else "".
func (a *AgendaItem) DecisionKey(meetingID string) string {
	switch {
	case a.IssueID != "" && a.IssueID != "0":
		return "mg-issue-" + a.IssueID
	case a.DecisionID != "" && a.DecisionID != "0":
		return "mg-decision-" + a.DecisionID
	case strings.EqualFold(a.IsDecision, "true") && a.ID != "":
		return "mg-item-" + meetingID + "-" + a.ID
	}
	return ""
}

// ContentItems turns the meeting into content items: one per agenda item
// (its title and, once published, its minute, at the agenda or decision
// stage) and one per linked document (at the agenda stage; its body is
// fetched separately). base resolves relative document URLs.
func (m *Meeting) ContentItems(base string) []Item {
	bu, _ := url.Parse(base)
	date := m.ISODate()
	var out []Item
	for i, a := range m.Items {
		key := a.DecisionKey(m.ID)
		u := fmt.Sprintf("%s/ieListDocuments.aspx?MId=%s#item-%d", strings.TrimRight(base, "/"), url.QueryEscape(m.ID), i+1)
		stage := journey.StageAgendaPublished
		body := "<h1>" + xmlEscape(a.Title) + "</h1>\n"
		if strings.EqualFold(a.DecisionPublished, "true") || a.Minutes != "" && strings.EqualFold(a.IsDecision, "true") {
			stage = journey.StageDecisionPublished
		}
		body += a.Minutes
		it := Item{URL: u, Channel: ChannelModernGov, Title: a.Title, ContentType: "text/html", Body: []byte(body), Published: date, DecisionID: key, Stage: stage}
		for _, d := range a.Documents {
			du := d.URL
			if bu != nil {
				if r, err := bu.Parse(d.URL); err == nil {
					du = r.String()
				}
			}
			it.Links = append(it.Links, du)
			out = append(out, Item{URL: du, Channel: ChannelDocument, Title: d.Title, Published: date, DecisionID: key, Stage: journey.StageAgendaPublished})
		}
		it.hashBody()
		out = append(out, it)
	}
	return out
}

func (mg *ModernGov) get(ctx context.Context, op string, q url.Values) ([]byte, error) {
	if !mg.last.IsZero() {
		if d := orDefault(mg.Delay, time.Second) - time.Since(mg.last); d > 0 {
			t := time.NewTimer(d)
			select {
			case <-ctx.Done():
				t.Stop()
				return nil, ctx.Err()
			case <-t.C:
			}
		}
	}
	defer func() { mg.last = time.Now() }()
	ctx, cancel := context.WithTimeout(ctx, orDefault(mg.Timeout, 60*time.Second))
	defer cancel()
	u := strings.TrimRight(mg.BaseURL, "/") + "/mgWebService.asmx/" + op + "?" + q.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	ua := mg.UserAgent
	if ua == "" {
		ua = DefaultUserAgent
	}
	req.Header.Set("User-Agent", ua)
	cl := mg.Client
	if cl == nil {
		cl = http.DefaultClient
	}
	resp, err := cl.Do(req)
	if err != nil {
		return nil, fmt.Errorf("content: moderngov %s: %w", op, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("content: moderngov %s: %w %d", op, ErrHTTPStatus, resp.StatusCode)
	}
	max := orDefault(mg.MaxBytes, 32<<20)
	b, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, fmt.Errorf("content: moderngov %s: %w", op, err)
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("content: moderngov %s: %w", op, ErrTooLarge)
	}
	return b, nil
}

// Meetings lists committee's meetings from from to to (yyyy-mm-dd;
// ModernGov is sent dd/mm/yyyy). committee 0 asks for every committee.
func (mg *ModernGov) Meetings(ctx context.Context, committee int, from, to string) ([]MeetingRef, error) {
	q := url.Values{"lCommitteeId": {strconv.Itoa(committee)}, "sFromDate": {ukDate(from)}, "sToDate": {ukDate(to)}}
	b, err := mg.get(ctx, "GetMeetings", q)
	if err != nil {
		return nil, err
	}
	return ReadMeetings(bytes.NewReader(b), MGOptions{File: "GetMeetings"})
}

// Meeting fetches one meeting with its agenda items and documents.
func (mg *ModernGov) Meeting(ctx context.Context, id string) (*Meeting, error) {
	b, err := mg.get(ctx, "GetMeeting", url.Values{"lMeetingId": {id}})
	if err != nil {
		return nil, err
	}
	return ReadMeeting(bytes.NewReader(b), MGOptions{File: "GetMeeting " + id})
}

// Items fetches the meetings of committee from from to to and returns
// their content items; a meeting that fails is skipped and its error
// returned in errs.
func (mg *ModernGov) Items(ctx context.Context, committee int, from, to string) (items []Item, errs []error, err error) {
	refs, err := mg.Meetings(ctx, committee, from, to)
	if err != nil {
		return nil, nil, err
	}
	for _, r := range refs {
		// Some installs ignore sFromDate and sToDate and list the
		// committee's whole history: keep to the dates asked for.
		if d := (&Meeting{Date: r.Date}).ISODate(); d != "" && (from != "" && d < from || to != "" && d > to) {
			continue
		}
		m, err := mg.Meeting(ctx, r.ID)
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if m.Committee == "" {
			m.Committee = r.Committee
		}
		items = append(items, m.ContentItems(mg.BaseURL)...)
	}
	return items, errs, nil
}

func ukDate(iso string) string {
	if t, err := time.Parse("2006-01-02", iso); err == nil {
		return t.Format("02/01/2006")
	}
	return iso
}
