package audit

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"time"
)

// Actor kinds, as the civic network names them.
const (
	KindCouncillor     = "councillor"
	KindGroup          = "group"
	KindCouncilAccount = "council_account"
	KindPartner        = "partner"
	KindCitizen        = "citizen"
)

// ItemPost is the kind of content item a social post is. The content
// audit adds its own kinds (pages, documents) to the same table.
const ItemPost = "post"

// Ward is a ward (an area id and its name).
type Ward struct {
	ID   string
	Name string
}

// Actor is a councillor, community group, council account, partner or
// citizen. A citizen's ID is a keyed pseudonym by the time it is stored.
type Actor struct {
	ID    string
	Kind  string
	Ward  string
	Label string
}

// Account is an actor's presence on one platform.
type Account struct {
	Actor      string    // the owner's actor id
	Platform   string    // mastodon, bluesky, facebook, x, website, ...
	Handle     string    // the handle on the platform, if any
	URL        string    // the account's or page's address, if any
	Followers  int64     // followers (or page likes); -1 when unknown
	Following  int64     // accounts followed; -1 when unknown
	Posts      int64     // posts the platform counts; -1 when unknown
	Members    int64     // members of a group; -1 when unknown
	LastActive time.Time // last post or activity, zero when unknown
}

// Tie is a follow, membership, mention or reply between two actors.
type Tie struct {
	Source   string
	Target   string
	Kind     string // follows, member_of, mentions, replies
	Platform string
	Weight   float64
}

// Item is a content item; for the social-media audit, a post.
type Item struct {
	ID          string
	Kind        string // ItemPost for a post
	Actor       string // the author's actor id
	Platform    string
	URL         string
	Title       string
	Text        string
	Published   time.Time
	Reach       int64 // people reached; -1 when unknown
	Impressions int64 // times shown; -1 when unknown
	Engagements int64 // reactions, replies, shares and clicks; -1 when unknown
}

// Reject is an input row that could not be used, with its position.
type Reject struct {
	File string
	Line int
	Msg  string
}

// Sink receives what a source reads. Each call may fail (a full disk, a
// cancelled context); the source then stops and returns the error.
type Sink interface {
	Ward(Ward) error
	Actor(Actor) error
	Account(Account) error
	Tie(Tie) error
	Item(Item) error
	Reject(Reject) error
}

// Source is where an ingest reads accounts, ties, posts and reach from: a
// ward register, a platform export, a live platform or a council's
// ModernGov service. Read yields everything to s, in an order where an
// actor comes before the ties and posts that name it.
type Source interface {
	// Name names the source in the store and in messages, e.g.
	// "register:wards.csv" or "mastodon:https://mastodon.example".
	Name() string
	Read(ctx context.Context, s Sink) error
}

// Pseudonymizer replaces citizens' ids by keyed pseudonyms. The key is
// never stored; the same key gives the same pseudonym in every snapshot,
// so ties can be compared over time without keeping anyone's handle.
type Pseudonymizer struct {
	key []byte
}

// ErrNoKey reports an ingest without a pseudonym key.
var ErrNoKey = errors.New("no pseudonym key: set CIVICKIT_PSEUDONYM_KEY (at least 16 characters) or give --pseudonym-key-file")

// NewPseudonymizer returns a pseudonymizer with key, which must be at least
// 16 bytes.
func NewPseudonymizer(key []byte) (*Pseudonymizer, error) {
	if len(key) < 16 {
		return nil, ErrNoKey
	}
	return &Pseudonymizer{key: append([]byte(nil), key...)}, nil
}

// ID returns the pseudonym of a citizen's id: "citizen-" and the first 12
// hex digits of HMAC-SHA256(key, lower-cased id), as the civic network's
// Pseudonymise names them.
func (p *Pseudonymizer) ID(id string) string {
	m := hmac.New(sha256.New, p.key)
	m.Write([]byte(strings.ToLower(id)))
	return "citizen-" + hex.EncodeToString(m.Sum(nil))[:12]
}

// Snapshot describes one complete ingest.
type Snapshot struct {
	ID       int64
	TakenAt  time.Time
	Label    string
	Sources  []string
	Read     int64 // records and rows read from the sources
	Stored   int64 // records stored
	Rejected int64 // rows rejected, each listed with its position
}

// Activity sums an actor's posts on one platform in a snapshot.
type Activity struct {
	Actor       string
	Platform    string
	Posts       int64     // posts in the snapshot
	Recent      int64     // posts in the 30 days before the snapshot
	Last        time.Time // the latest post, zero when none
	Reach       int64     // people reached, summed where known
	Engagements int64     // engagements, summed where known
}

// Summary is the headline of one ward or councillor in one snapshot, kept
// with the snapshot so that trends over many snapshots read cheaply.
type Summary struct {
	Scope     string // "ward" or "councillor"
	ID        string
	Ward      string
	Score     float64 // ward connectivity score, or a councillor's share reached (0 to 100)
	Followers int64
	Posts     int64
	Reached   int64 // groups reached within two steps
	Groups    int64 // the ward's groups
	// Detail lists, for a councillor, the ids of the groups reached
	// within two steps, so a later report can say which are new without
	// re-reading this snapshot's ties.
	Detail []string
}

// Data is one snapshot as the audit reads it.
type Data struct {
	Snapshot Snapshot
	Wards    []Ward
	Actors   []Actor
	Accounts []Account
	Ties     []Tie
	Activity []Activity
	// TopItems lists each councillor's and group's most engaging posts,
	// at most three each.
	TopItems map[string][]Item
	Rejects  []Reject // the first rejected rows, at most 100
}
