package source

import (
	"context"
	"fmt"
	"html"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/civickit/civickit/audit"
)

// Mastodon reads public accounts through the Mastodon REST API, without a
// token: account lookup, followers, following and statuses
// (/api/v1/accounts/lookup, /api/v1/accounts/:id/followers, /following,
// /statuses), following each list's Link rel="next" pages.
type Mastodon struct {
	// Base is the server's address; "" takes it from each handle's domain
	// (https://domain). Tests point it at a local server.
	Base string
	// Accounts to read; nil reads the Mastodon accounts earlier sources
	// (the register) listed.
	Accounts []audit.Account
	Client   *Client
	MaxPages int // pages read of each list; 0 means 20

	known map[string]string // acct (user@domain, lower case) → actor id
}

// Name implements [audit.Source].
func (m *Mastodon) Name() string {
	if m.Base != "" {
		return "mastodon:" + m.Base
	}
	return "mastodon"
}

// Seed implements [audit.Seeded]: the register's Mastodon accounts are
// read (unless Accounts names some), and every known handle maps to its
// actor.
func (m *Mastodon) Seed(s *audit.Seed) {
	m.known = map[string]string{}
	explicit := len(m.Accounts) > 0
	for _, a := range s.Accounts {
		if a.Platform != "mastodon" || a.Handle == "" {
			continue
		}
		if acct := normAcct(a.Handle, ""); acct != "" {
			m.known[acct] = a.Actor
			if !explicit {
				m.Accounts = append(m.Accounts, a)
			}
		}
	}
}

// normAcct returns "user@domain" in lower case from "@user@domain",
// "user@domain" or, with the account's own domain, "user".
func normAcct(h, domain string) string {
	h = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(h), "@"))
	if h == "" {
		return ""
	}
	if !strings.Contains(h, "@") {
		if domain == "" {
			return ""
		}
		h += "@" + strings.ToLower(domain)
	}
	return h
}

type mastoAccount struct {
	ID             string `json:"id"`
	Username       string `json:"username"`
	Acct           string `json:"acct"`
	DisplayName    string `json:"display_name"`
	URL            string `json:"url"`
	FollowersCount int64  `json:"followers_count"`
	FollowingCount int64  `json:"following_count"`
	StatusesCount  int64  `json:"statuses_count"`
	LastStatusAt   string `json:"last_status_at"`
}

type mastoStatus struct {
	ID                 string  `json:"id"`
	CreatedAt          string  `json:"created_at"`
	InReplyToAccountID *string `json:"in_reply_to_account_id"`
	Visibility         string  `json:"visibility"`
	URL                string  `json:"url"`
	Content            string  `json:"content"`
	RepliesCount       int64   `json:"replies_count"`
	ReblogsCount       int64   `json:"reblogs_count"`
	FavouritesCount    int64   `json:"favourites_count"`
	Reblog             *struct {
		ID string `json:"id"`
	} `json:"reblog"`
	Mentions []struct {
		ID       string `json:"id"`
		Username string `json:"username"`
		Acct     string `json:"acct"`
	} `json:"mentions"`
}

// Read implements [audit.Source].
func (m *Mastodon) Read(ctx context.Context, s audit.Sink) error {
	c := m.Client
	if c == nil {
		c = &Client{}
	}
	if m.known == nil {
		m.known = map[string]string{}
	}
	pages := m.MaxPages
	if pages == 0 {
		pages = 20
	}
	for _, acc := range m.Accounts {
		acct := normAcct(acc.Handle, "")
		if acct == "" {
			return fmt.Errorf("mastodon handle %q: want @user@server", acc.Handle)
		}
		m.known[acct] = acc.Actor
	}
	for _, acc := range m.Accounts {
		acct := normAcct(acc.Handle, "")
		domain := acct[strings.LastIndex(acct, "@")+1:]
		base := m.Base
		if base == "" {
			base = "https://" + domain
		}
		var a mastoAccount
		if _, err := c.getJSON(ctx, base+"/api/v1/accounts/lookup?"+url.Values{"acct": {acct}}.Encode(), &a); err != nil {
			return err
		}
		last, _ := time.Parse("2006-01-02", a.LastStatusAt)
		u, _ := webURL(a.URL)
		if err := s.Account(audit.Account{Actor: acc.Actor, Platform: "mastodon", Handle: "@" + acct, URL: u,
			Followers: a.FollowersCount, Following: a.FollowingCount, Posts: a.StatusesCount, Members: -1, LastActive: last}); err != nil {
			return err
		}
		// The people at the other end: a known account's actor, or a
		// citizen (pseudonymised by the ingest before it is stored).
		other := func(x mastoAccount) (string, error) {
			xa := normAcct(x.Acct, domain)
			if id, ok := m.known[xa]; ok {
				return id, nil
			}
			id := "mastodon:" + xa
			return id, s.Actor(audit.Actor{ID: id, Kind: audit.KindCitizen})
		}
		for _, dir := range []string{"followers", "following"} {
			err := paginate(ctx, c, base+"/api/v1/accounts/"+url.PathEscape(a.ID)+"/"+dir+"?limit=80", pages, func(page []mastoAccount) error {
				for _, x := range page {
					id, err := other(x)
					if err != nil {
						return err
					}
					t := audit.Tie{Source: id, Target: acc.Actor, Kind: "follows", Platform: "mastodon"}
					if dir == "following" {
						t.Source, t.Target = acc.Actor, id
					}
					if err := s.Tie(t); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		err := paginate(ctx, c, base+"/api/v1/accounts/"+url.PathEscape(a.ID)+"/statuses?limit=40", pages, func(page []mastoStatus) error {
			for _, st := range page {
				if st.Reblog != nil || st.Visibility != "" && st.Visibility != "public" && st.Visibility != "unlisted" {
					continue
				}
				pub, _ := time.Parse(time.RFC3339, st.CreatedAt)
				u, _ := webURL(st.URL)
				text := htmlText(st.Content)
				for _, men := range st.Mentions {
					if _, public := m.known[normAcct(men.Acct, domain)]; !public {
						text = redact(text, men.Acct)
					}
				}
				if err := s.Item(audit.Item{ID: st.ID, Kind: audit.ItemPost, Actor: acc.Actor, Platform: "mastodon", URL: u,
					Text: text, Published: pub.UTC(), Reach: -1, Impressions: -1,
					Engagements: st.RepliesCount + st.ReblogsCount + st.FavouritesCount}); err != nil {
					return err
				}
				for _, men := range st.Mentions {
					id, err := other(mastoAccount{Acct: men.Acct})
					if err != nil {
						return err
					}
					kind := "mentions"
					if st.InReplyToAccountID != nil && *st.InReplyToAccountID == men.ID {
						kind = "replies"
					}
					if err := s.Tie(audit.Tie{Source: acc.Actor, Target: id, Kind: kind, Platform: "mastodon"}); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// paginate reads up to pages pages of a list, following Link rel="next".
func paginate[T any](ctx context.Context, c *Client, u string, pages int, f func([]T) error) error {
	for i := 0; i < pages && u != ""; i++ {
		var page []T
		h, err := c.getJSON(ctx, u, &page)
		if err != nil {
			return err
		}
		if err := f(page); err != nil {
			return err
		}
		if len(page) == 0 {
			return nil
		}
		if u, err = nextLink(h, u); err != nil {
			return err
		}
	}
	return nil
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// htmlText turns a post's HTML into plain text: paragraphs and breaks
// become line breaks, tags go, entities are decoded. The report escapes
// the text again wherever it shows it.
func htmlText(s string) string {
	s = strings.NewReplacer("<br>", "\n", "<br/>", "\n", "<br />", "\n", "</p><p>", "\n\n").Replace(s)
	return strings.TrimSpace(html.UnescapeString(tagRE.ReplaceAllString(s, "")))
}

// Redacted replaces a citizen's handle in a post's text.
const Redacted = "@resident"

// redact replaces @acct, and @user alone, in text by [Redacted].
func redact(text, acct string) string {
	user, _, _ := strings.Cut(acct, "@")
	text = strings.ReplaceAll(text, "@"+acct, Redacted)
	re := regexp.MustCompile(`@` + regexp.QuoteMeta(user) + `\b`)
	return re.ReplaceAllLiteralString(text, Redacted)
}
