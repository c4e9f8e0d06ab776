// Package content audits a council's democratic content as a whole: its
// web pages (from the sitemap), news and meeting feeds, ModernGov
// meetings and decisions, committee reports in PDF and Word, and social
// posts; scores each item against the content standards, classifies it,
// links it to its decision and journey stage, joins the reach from web
// analytics exports, and reports compliance by channel and type, the
// pages to fix first, and for each decision which stages a citizen could
// read about.
//
// Sources ([Crawler], [ReadFeed], [ModernGov], [ReadPDF], [ReadDOCX],
// [ReadGA4CSV], [ReadMatomoJSON], [ReadPlausibleCSV]) yield [Item]s; a
// [Snapshot] holds one run's items and is kept in a [Store], so that the
// next run fetches only what changed and the audit reports the change:
//
//	store, _ := store.Open(ctx, "audit.db", store.Options{}) // package audit/store; or a FileStore, a MemStore
//	prev, _ := store.LatestContent(ctx, 1)             // validators for conditional requests
//	c := content.Crawler{UserAgent: "civickit-content (+https://www.example.gov.uk/bot)"}
//	res, err := c.Crawl(ctx, "https://www.example.gov.uk/", &prev[0]) // nil on the first run
//	if err != nil { ... }
//	snap := content.Merge(&prev[0], "site", res.Items, time.Now())
//	snap.Views, _ = content.ReadGA4CSV(ga4, content.AnalyticsOptions{File: "ga4.csv"})
//	err = store.SaveContent(ctx, snap)
//	s := &content.Scorer{Checker: &checker} // the council's standards config
//	rep, err := content.AuditSnapshots(ctx, s, &snap, &prev[0], decisions, 20)
//	err = rep.WriteHTML(w) // or WriteMarkdown, WriteJSON
//
// Classification is rule-based and transparent ([DefaultRules], [Classify]):
// each item names the rule and phrase that typed it. Journey coverage
// gathers the journey's stages into six a citizen should be able to read
// about ([CoverageStages]): notice, consultation, agenda, decision,
// call-in and outcome.
package content
