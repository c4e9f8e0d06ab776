package source

import (
	"context"
	"net/url"
	"strings"
	"time"

	"github.com/civickit/civickit/audit"
)

// BlueskyAppView is the public AppView's address: it serves profiles,
// follows, followers and author feeds without a sign-in.
const BlueskyAppView = "https://public.api.bsky.app"

// Bluesky reads public accounts through the Bluesky AppView XRPC API:
// app.bsky.actor.getProfile, app.bsky.graph.getFollowers and getFollows,
// app.bsky.feed.getAuthorFeed, following each list's cursor.
type Bluesky struct {
	Base     string          // the AppView; "" means [BlueskyAppView]
	Accounts []audit.Account // to read; nil reads the register's Bluesky accounts
	Client   *Client
	MaxPages int // pages read of each list; 0 means 20

	known map[string]string // handle or DID (lower case) → actor id
}

// Name implements [audit.Source].
func (b *Bluesky) Name() string { return "bluesky:" + b.base() }

func (b *Bluesky) base() string {
	if b.Base == "" {
		return BlueskyAppView
	}
	return strings.TrimRight(b.Base, "/")
}

func normHandle(h string) string {
	return strings.ToLower(strings.TrimPrefix(strings.TrimSpace(h), "@"))
}

// Seed implements [audit.Seeded].
func (b *Bluesky) Seed(s *audit.Seed) {
	b.known = map[string]string{}
	explicit := len(b.Accounts) > 0
	for _, a := range s.Accounts {
		if a.Platform != "bluesky" || a.Handle == "" {
			continue
		}
		b.known[normHandle(a.Handle)] = a.Actor
		if !explicit {
			b.Accounts = append(b.Accounts, a)
		}
	}
}

type bskyActor struct {
	DID         string `json:"did"`
	Handle      string `json:"handle"`
	DisplayName string `json:"displayName"`
}

type bskyProfile struct {
	bskyActor
	FollowersCount int64 `json:"followersCount"`
	FollowsCount   int64 `json:"followsCount"`
	PostsCount     int64 `json:"postsCount"`
}

type bskyFeed struct {
	Cursor string `json:"cursor"`
	Feed   []struct {
		Post struct {
			URI    string    `json:"uri"`
			Author bskyActor `json:"author"`
			Record struct {
				Text      string `json:"text"`
				CreatedAt string `json:"createdAt"`
				Reply     *struct {
					Parent struct {
						URI string `json:"uri"`
					} `json:"parent"`
				} `json:"reply"`
				Facets []struct {
					Index struct {
						ByteStart int `json:"byteStart"`
						ByteEnd   int `json:"byteEnd"`
					} `json:"index"`
					Features []struct {
						Type string `json:"$type"`
						DID  string `json:"did"`
					} `json:"features"`
				} `json:"facets"`
			} `json:"record"`
			ReplyCount  int64 `json:"replyCount"`
			RepostCount int64 `json:"repostCount"`
			LikeCount   int64 `json:"likeCount"`
			QuoteCount  int64 `json:"quoteCount"`
		} `json:"post"`
	} `json:"feed"`
}

// Read implements [audit.Source].
func (b *Bluesky) Read(ctx context.Context, s audit.Sink) error {
	c := b.Client
	if c == nil {
		c = &Client{}
	}
	if b.known == nil {
		b.known = map[string]string{}
	}
	pages := b.MaxPages
	if pages == 0 {
		pages = 20
	}
	xrpc := func(method string, q url.Values) string { return b.base() + "/xrpc/" + method + "?" + q.Encode() }
	// Profiles first, so every account's DID is known before the lists.
	profiles := make([]bskyProfile, len(b.Accounts))
	for i, acc := range b.Accounts {
		b.known[normHandle(acc.Handle)] = acc.Actor
		if _, err := c.getJSON(ctx, xrpc("app.bsky.actor.getProfile", url.Values{"actor": {normHandle(acc.Handle)}}), &profiles[i]); err != nil {
			return err
		}
		b.known[strings.ToLower(profiles[i].DID)] = acc.Actor
	}
	other := func(x bskyActor) (string, error) {
		if id, ok := b.known[strings.ToLower(x.DID)]; ok {
			return id, nil
		}
		if id, ok := b.known[normHandle(x.Handle)]; ok && x.Handle != "" {
			return id, nil
		}
		id := "bluesky:" + strings.ToLower(x.DID)
		return id, s.Actor(audit.Actor{ID: id, Kind: audit.KindCitizen})
	}
	for i, acc := range b.Accounts {
		p := profiles[i]
		var last time.Time
		err := cursorPages(ctx, pages, func(cursor string) (string, error) {
			q := url.Values{"actor": {p.DID}, "limit": {"100"}}
			if cursor != "" {
				q.Set("cursor", cursor)
			}
			var feed bskyFeed
			if _, err := c.getJSON(ctx, xrpc("app.bsky.feed.getAuthorFeed", q), &feed); err != nil {
				return "", err
			}
			for _, f := range feed.Feed {
				post := f.Post
				if post.Author.DID != p.DID {
					continue // a repost of someone else's post
				}
				pub, _ := time.Parse(time.RFC3339, post.Record.CreatedAt)
				pub = pub.UTC()
				if pub.After(last) {
					last = pub
				}
				// A mention of someone who is not a public actor is
				// replaced in the text: no citizen's handle is stored.
				text := []byte(post.Record.Text)
				for k := len(post.Record.Facets) - 1; k >= 0; k-- {
					fc := post.Record.Facets[k]
					for _, ft := range fc.Features {
						_, public := b.known[strings.ToLower(ft.DID)]
						i, j := fc.Index.ByteStart, fc.Index.ByteEnd
						if ft.Type == "app.bsky.richtext.facet#mention" && !public && 0 <= i && i < j && j <= len(text) {
							text = append(text[:i:i], append([]byte(Redacted), text[j:]...)...)
						}
					}
				}
				if err := s.Item(audit.Item{ID: post.URI, Kind: audit.ItemPost, Actor: acc.Actor, Platform: "bluesky",
					URL: postURL(p.Handle, post.URI), Text: string(text), Published: pub, Reach: -1, Impressions: -1,
					Engagements: post.ReplyCount + post.RepostCount + post.LikeCount + post.QuoteCount}); err != nil {
					return "", err
				}
				for _, fc := range post.Record.Facets {
					for _, ft := range fc.Features {
						if ft.Type != "app.bsky.richtext.facet#mention" || ft.DID == "" {
							continue
						}
						id, err := other(bskyActor{DID: ft.DID})
						if err != nil {
							return "", err
						}
						kind := "mentions"
						if post.Record.Reply != nil && strings.HasPrefix(post.Record.Reply.Parent.URI, "at://"+ft.DID+"/") {
							kind = "replies"
						}
						if err := s.Tie(audit.Tie{Source: acc.Actor, Target: id, Kind: kind, Platform: "bluesky"}); err != nil {
							return "", err
						}
					}
				}
			}
			return feed.Cursor, nil
		})
		if err != nil {
			return err
		}
		if err := s.Account(audit.Account{Actor: acc.Actor, Platform: "bluesky", Handle: "@" + p.Handle, URL: "https://bsky.app/profile/" + url.PathEscape(p.Handle),
			Followers: p.FollowersCount, Following: p.FollowsCount, Posts: p.PostsCount, Members: -1, LastActive: last}); err != nil {
			return err
		}
		for _, dir := range []string{"followers", "follows"} {
			method := map[string]string{"followers": "app.bsky.graph.getFollowers", "follows": "app.bsky.graph.getFollows"}[dir]
			err := cursorPages(ctx, pages, func(cursor string) (string, error) {
				q := url.Values{"actor": {p.DID}, "limit": {"100"}}
				if cursor != "" {
					q.Set("cursor", cursor)
				}
				var page struct {
					Cursor    string      `json:"cursor"`
					Followers []bskyActor `json:"followers"`
					Follows   []bskyActor `json:"follows"`
				}
				if _, err := c.getJSON(ctx, xrpc(method, q), &page); err != nil {
					return "", err
				}
				for _, x := range append(page.Followers, page.Follows...) {
					id, err := other(x)
					if err != nil {
						return "", err
					}
					t := audit.Tie{Source: id, Target: acc.Actor, Kind: "follows", Platform: "bluesky"}
					if dir == "follows" {
						t.Source, t.Target = acc.Actor, id
					}
					if err := s.Tie(t); err != nil {
						return "", err
					}
				}
				return page.Cursor, nil
			})
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// cursorPages calls page with each cursor until it returns none or pages
// pages are read.
func cursorPages(ctx context.Context, pages int, page func(cursor string) (string, error)) error {
	cursor := ""
	for i := 0; i < pages; i++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		next, err := page(cursor)
		if err != nil {
			return err
		}
		if next == "" || next == cursor {
			return nil
		}
		cursor = next
	}
	return nil
}

// postURL is a post's address on bsky.app: at://did/app.bsky.feed.post/rkey
// becomes https://bsky.app/profile/handle/post/rkey.
func postURL(handle, uri string) string {
	i := strings.LastIndex(uri, "/")
	if i < 0 || !strings.HasPrefix(uri, "at://") {
		return ""
	}
	return "https://bsky.app/profile/" + url.PathEscape(handle) + "/post/" + url.PathEscape(uri[i+1:])
}
