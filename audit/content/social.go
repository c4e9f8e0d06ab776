package content

import "time"

// SocialPost is a post from the social media audit's snapshots, as the
// content audit needs it: its address, its text and its reach. The audit
// store's posts map onto it one field each.
type SocialPost struct {
	// URL is the post's address.
	URL string
	// Text is the post's text.
	Text string
	// Published is when it was posted.
	Published time.Time
	// Impressions is how many times it was seen, from the platform's
	// export; 0 when unknown.
	Impressions int64
	// DecisionID is the decision it is about, if known.
	DecisionID string
}

// PostItems turns posts into items of the social channel, and their
// impressions into views, so that posts are scored, typed as posts,
// linked to decisions and ranked for fixing like pages.
func PostItems(posts []SocialPost) ([]Item, Views) {
	items := make([]Item, 0, len(posts))
	views := Views{}
	for _, p := range posts {
		it := Item{URL: p.URL, Channel: ChannelSocial, ContentType: "text/plain", Body: []byte(p.Text), DecisionID: p.DecisionID}
		if !p.Published.IsZero() {
			it.Published = p.Published.UTC().Format(time.RFC3339)
		}
		it.hashBody()
		items = append(items, it)
		views.Add(p.URL, p.Impressions)
	}
	return items, views
}
