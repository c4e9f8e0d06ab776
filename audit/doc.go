// Package audit builds the live social-media audit of a council's wards:
// which tools each councillor uses and how actively, their followers and
// reach, how strongly they are connected to their ward's community groups
// (directly, at two steps, the share reached, the groups nobody reaches
// and who could introduce them), and what changed since the previous
// snapshot.
//
// Sources ([Source]: the ward register, platform exports, Mastodon,
// Bluesky and ModernGov, in package audit/source) yield actors, accounts,
// ties, posts and reach to a [Sink]. [Ingest] runs them in order and
// replaces every citizen's handle by a keyed pseudonym ([Pseudonymizer])
// before anything reaches the sink, so the store (package audit/store)
// never holds one. [Build] turns a stored snapshot, the one before it and
// the stored summaries into a [Report], written as JSON, Markdown or a
// self-contained HTML site ([Report.HTMLPages]).
//
// Connectivity follows the definitions of the civic network's ward view
// (civic/network, Network.Ward) and is checked against it, computed on
// compact arrays so that a council's million ties report in seconds.
//
// The store's items table is shared with the content audit: a post is an
// item of kind "post"; pages and documents are items of their own kinds.
package audit
