package content

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"sync"
	"time"

	"github.com/civickit/civickit/civic/journey"
)

// Channel is where a content item was published.
type Channel string

// The channels content comes from.
const (
	ChannelWeb       Channel = "web"       // a page of the council website
	ChannelFeed      Channel = "feed"      // an entry of an RSS or Atom feed
	ChannelModernGov Channel = "moderngov" // a meeting, agenda item or decision in ModernGov
	ChannelDocument  Channel = "document"  // a PDF or Word document
	ChannelSocial    Channel = "social"    // a social-media post
)

// Page is the text of one page of a document, numbered from 1, so that a
// finding can name the page it is on.
type Page struct {
	// Number is the 1-based page number.
	Number int `json:"number"`
	// Text is the page's extracted text.
	Text string `json:"text"`
}

// Item is one piece of democratic content: a web page, a feed entry, a
// ModernGov agenda item or decision, a document or a post.
type Item struct {
	// URL is the item's address, its key within a snapshot.
	URL string `json:"url"`
	// Channel is where the item was published.
	Channel Channel `json:"channel"`
	// Title is the item's title or first heading, if known.
	Title string `json:"title,omitempty"`
	// ContentType is the media type the server gave, without parameters.
	ContentType string `json:"content_type,omitempty"`
	// Body is the raw content (HTML, text, PDF or DOCX bytes); it is not
	// written to JSON.
	Body []byte `json:"-"`
	// Pages holds the extracted text of a PDF or DOCX page by page.
	Pages []Page `json:"pages,omitempty"`
	// Published is when the item was published or last modified, in
	// RFC 3339, if known.
	Published string `json:"published,omitempty"`
	// ETag is the server's entity tag, sent back as If-None-Match.
	ETag string `json:"etag,omitempty"`
	// LastModified is the server's Last-Modified, sent back as
	// If-Modified-Since.
	LastModified string `json:"last_modified,omitempty"`
	// Hash is the SHA-256 of Body in hex, so a change is seen even when
	// the server sends no validators.
	Hash string `json:"hash,omitempty"`
	// DecisionID is the decision the item is about, if known (a ModernGov
	// decision or issue id, or a council's own decision id).
	DecisionID string `json:"decision_id,omitempty"`
	// Stage is the journey stage the item speaks to, if known.
	Stage journey.StageID `json:"stage,omitempty"`
	// Links are the documents the item links to (for PDF-only checks).
	Links []string `json:"links,omitempty"`
	// Unchanged is true when the server answered 304 Not Modified and the
	// body was carried over from the previous snapshot.
	Unchanged bool `json:"unchanged,omitempty"`
	// Source names the ingest that brought the item in ("site", "feed",
	// "moderngov", "documents", "social"); a new ingest of a source
	// replaces that source's items in the next snapshot.
	Source string `json:"source,omitempty"`
}

// hashBody sets it.Hash from it.Body.
func (it *Item) hashBody() {
	s := sha256.Sum256(it.Body)
	it.Hash = hex.EncodeToString(s[:])
}

// Snapshot is the content of one run.
type Snapshot struct {
	// ID names the snapshot in its store.
	ID string `json:"id"`
	// Taken is when the run began.
	Taken time.Time `json:"taken"`
	// Items are the snapshot's items, sorted by URL.
	Items []Item `json:"items"`
	// Views are the page views from the analytics exports, by page key.
	Views Views `json:"views,omitempty"`
}

// ByURL returns the snapshot's items keyed by URL.
func (s *Snapshot) ByURL() map[string]*Item {
	m := make(map[string]*Item, len(s.Items))
	for i := range s.Items {
		m[s.Items[i].URL] = &s.Items[i]
	}
	return m
}

// Store keeps content snapshots. The audit store (package audit/store,
// SQLite or PostgreSQL) implements it; [FileStore] keeps them in a
// directory and [MemStore] in memory.
type Store interface {
	// SaveContent writes a snapshot's items in one transaction.
	SaveContent(ctx context.Context, s Snapshot) error
	// LatestContent returns up to n saved snapshots, newest first, with
	// their items' bodies and validators (ETag, Last-Modified): the
	// crawler asks for 1, the audit for 2 (to report the change).
	LatestContent(ctx context.Context, n int) ([]Snapshot, error)
}

// MemStore is a [Store] in memory. The zero value is empty and ready.
type MemStore struct {
	mu    sync.Mutex
	snaps []Snapshot
}

// SaveContent keeps a copy of s, its items sorted by URL.
func (m *MemStore) SaveContent(ctx context.Context, s Snapshot) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.Items = append([]Item(nil), s.Items...)
	sort.Slice(s.Items, func(i, j int) bool { return s.Items[i].URL < s.Items[j].URL })
	m.mu.Lock()
	defer m.mu.Unlock()
	m.snaps = append(m.snaps, s)
	return nil
}

// LatestContent returns up to n snapshots, newest first.
func (m *MemStore) LatestContent(ctx context.Context, n int) ([]Snapshot, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []Snapshot
	for i := len(m.snaps) - 1; i >= 0 && len(out) < n; i-- {
		out = append(out, m.snaps[i])
	}
	return out, nil
}
