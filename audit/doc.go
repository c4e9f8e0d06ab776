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
// compact arrays so that a council's million ties report in seconds. Each
// ward's communities ([CommunityReport]) come from civic/network's Louvain
// method on the ward's named actors, tied by their own ties and by the
// citizens they share; citizens are counted in them, never named.
//
// [Report.JoinPersonas] adds the councillors' digital-skills survey to the
// council overview ([PersonaMix]): the personas' stage mix and learning
// needs, from the personas' own figures (package persona), none resting on
// fewer respondents than the privacy floor, and none tied to a councillor.
//
// The store also keeps the democratic content audit's snapshots (package
// audit/content): the store implements content.Store, and a social
// snapshot's posts become content items of the social channel.
package audit
