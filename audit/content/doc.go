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
//	c := content.Crawler{UserAgent: "civickit-content (+https://example.gov.uk/bot)"}
//	res, err := c.Crawl(ctx, "https://www.example.gov.uk/sitemap.xml", prev)
//	if err != nil { ... }
//	snap := content.Snapshot{Taken: time.Now(), Items: res.Items}
//	scored, err := content.Score(ctx, &checker, snap.Items)
//	rep := content.Audit(content.AuditInput{Items: scored, Views: views, Decisions: decs, Previous: prevScored})
//	err = rep.WriteHTML(w)
package content
