package content

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"time"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/internal/input"
)

// FeedOptions configures [ReadFeed].
type FeedOptions struct {
	// File names the input in errors.
	File string
	// MaxBytes caps the input; 0 means input.DefaultMaxBytes.
	MaxBytes int64
	// MaxEntries caps the entries read; 0 means 10,000.
	MaxEntries int
}

// ReadFeed reads an RSS 2.0 (or RSS 0.9x/1.0) or Atom 1.0 feed, such as a
// council's news feed or a ModernGov meetings or decisions feed, into
// items of the feed channel: link, title, the entry's HTML as the body,
// and its date in RFC 3339 when it parses. Entries without a link are
// left out.
func ReadFeed(r io.Reader, opt FeedOptions) ([]Item, error) {
	src, err := input.ReadAll(r, opt.MaxBytes)
	if err != nil {
		return nil, &civic.ParseError{File: opt.File, Msg: "reading feed", Err: err}
	}
	src, _ = input.TrimBOM(src)
	maxEntries := orDefault(opt.MaxEntries, 10000)
	d := xml.NewDecoder(bytes.NewReader(src))
	d.Strict = false
	d.CharsetReader = nil
	var items []Item
	var root string
	var cur *feedEntry
	var field string
	var text strings.Builder
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := d.InputPos()
			return nil, &civic.ParseError{File: opt.File, Line: line, Msg: "not a readable feed", Err: err}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > 64 {
				line, _ := d.InputPos()
				return nil, &civic.ParseError{File: opt.File, Line: line, Msg: "feed nested too deeply"}
			}
			name := strings.ToLower(t.Name.Local)
			if root == "" {
				root = name
				if root != "rss" && root != "feed" && root != "rdf" {
					return nil, &civic.ParseError{File: opt.File, Line: 1, Msg: "not an RSS or Atom feed: the root element is " + quoteName(t.Name.Local)}
				}
				continue
			}
			if name == "item" || name == "entry" {
				cur = &feedEntry{}
				continue
			}
			if cur == nil {
				continue
			}
			if name == "link" {
				// Atom: <link rel="alternate" href="..."/>; RSS: <link>url</link>.
				var href, rel string
				for _, a := range t.Attr {
					switch strings.ToLower(a.Name.Local) {
					case "href":
						href = a.Value
					case "rel":
						rel = a.Value
					}
				}
				if href != "" && (rel == "" || rel == "alternate") && cur.link == "" {
					cur.link = href
				}
			}
			switch name {
			case "title", "link", "description", "summary", "content", "encoded", "pubdate", "published", "updated", "date", "guid", "id":
				field = name
				text.Reset()
			}
		case xml.CharData:
			if field != "" && text.Len() < 4<<20 {
				text.Write(t)
			}
		case xml.EndElement:
			depth--
			name := strings.ToLower(t.Name.Local)
			if cur != nil && (name == "item" || name == "entry") {
				if it, ok := cur.item(); ok {
					items = append(items, it)
					if len(items) >= maxEntries {
						return items, nil
					}
				}
				cur = nil
				continue
			}
			if cur != nil && name == field {
				v := strings.TrimSpace(text.String())
				switch name {
				case "title":
					cur.title = v
				case "link":
					if cur.link == "" {
						cur.link = v
					}
				case "guid", "id":
					cur.guid = v
				case "description", "summary":
					if cur.body == "" {
						cur.body = v
					}
				case "content", "encoded":
					cur.body = v
				case "pubdate", "published", "date":
					cur.date = v
				case "updated":
					if cur.date == "" {
						cur.date = v
					}
				}
				field = ""
			}
		}
	}
	if root == "" {
		return nil, &civic.ParseError{File: opt.File, Msg: "not an RSS or Atom feed: empty"}
	}
	return items, nil
}

type feedEntry struct {
	title, link, guid, body, date string
}

func (e *feedEntry) item() (Item, bool) {
	link := e.link
	if link == "" && (strings.HasPrefix(e.guid, "http://") || strings.HasPrefix(e.guid, "https://")) {
		link = e.guid
	}
	if link == "" {
		return Item{}, false
	}
	body := e.body
	if body == "" {
		body = e.title
	}
	it := Item{URL: link, Channel: ChannelFeed, Title: e.title, ContentType: "text/html", Body: []byte("<h1>" + xmlEscape(e.title) + "</h1>\n" + body)}
	it.Published = feedDate(e.date)
	it.hashBody()
	return it, true
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// feedDate returns the date in RFC 3339, or as written when no layout fits.
func feedDate(s string) string {
	s = strings.TrimSpace(s)
	for _, l := range []string{time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", "2 Jan 2006 15:04:05 -0700", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC().Format(time.RFC3339)
		}
	}
	if len(s) > 64 {
		s = s[:64]
	}
	return s
}
