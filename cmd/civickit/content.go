package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/civickit/civickit/audit/content"
	"github.com/civickit/civickit/audit/store"
	"github.com/civickit/civickit/civic/journey"
	"github.com/civickit/civickit/internal/input"
	"github.com/civickit/civickit/internal/safe"
	"github.com/civickit/civickit/standards"
	"github.com/civickit/civickit/standards/config"
)

// contentCmd groups the democratic content audit's commands under their
// first names; each is also a source of "civickit audit ingest", and
// report is "civickit audit content". They share the audit's store.
var contentCmd = &Command{
	Name:      "content",
	UsageLine: "content <command> [arguments]",
	Short:     "the democratic content audit's commands (also under civickit audit)",
	Long: `Content audits a council's democratic content as a whole. Ingest commands
(crawl, feed, moderngov, documents, analytics) each add their source to a new
content snapshot in the audit's store --db (a SQLite file or a postgres://
URL); report scores the latest snapshot against the content standards and
writes the audit: compliance by channel and type, the pages to fix first
(views × score gap), which stages of each decision a citizen could read
about, documents published only as PDF, and the change since the previous
snapshot. They are the same as "civickit audit ingest --source
site|feed|moderngov|documents|analytics" and "civickit audit content".`,
	Sub: []*Command{contentCrawlCmd, contentFeedCmd, contentModernGovCmd, contentDocumentsCmd, contentAnalyticsCmd, contentReportCmd},
}

// contentNet are the flags of the commands that fetch over the network.
type contentNet struct {
	db        string
	delay     time.Duration
	timeout   time.Duration
	userAgent string
	maxBytes  sizeFlag
}

func (n *contentNet) set(fs *flag.FlagSet) {
	fs.StringVar(&n.db, "db", "", "the store: a SQLite `FILE` or a postgres:// URL (required)")
	n.setNet(fs)
	fs.Var(&n.maxBytes, "max-bytes", "skip any page larger than `SIZE`")
}

// setNet sets the network flags alone (audit ingest has its own --db and
// --max-bytes).
func (n *contentNet) setNet(fs *flag.FlagSet) {
	fs.DurationVar(&n.delay, "delay", time.Second, "least time between two requests (a longer robots.txt Crawl-delay wins)")
	fs.DurationVar(&n.timeout, "timeout", 30*time.Second, "time limit of each request")
	fs.StringVar(&n.userAgent, "user-agent", content.DefaultUserAgent, "the user agent sent")
}

func (n *contentNet) crawler() *content.Crawler {
	return &content.Crawler{Delay: n.delay, Timeout: n.timeout, UserAgent: n.userAgent, MaxBytes: input.Max(int64(n.maxBytes))}
}

// contentBuild gathers one content ingest: what each source read, in the
// order given, then the next snapshot saved in one transaction. Each
// source's items replace that source's items of the previous snapshot;
// the other sources' items are carried over.
type contentBuild struct {
	st    *store.Store
	prev  *content.Snapshot
	order []string
	items map[string][]content.Item
	// views, when not nil, replace the previous snapshot's.
	views content.Views
	// documents: read the text of the documents fetched, and of docFiles.
	documents bool
	docFiles  []string
	// taken dates the snapshot (--taken); zero means now.
	taken time.Time
}

// openContent opens the store for a content ingest and reads its latest
// content snapshot.
func openContent(ctx context.Context, db string) (*contentBuild, error) {
	if err := notADirectory(db); err != nil {
		return nil, err
	}
	st, err := store.Open(ctx, db, store.Options{})
	if err != nil {
		return nil, err
	}
	b := &contentBuild{st: st, items: map[string][]content.Item{}}
	prevs, err := st.LatestContent(ctx, 1)
	if err != nil {
		st.Close()
		return nil, err
	}
	if len(prevs) == 1 {
		b.prev = &prevs[0]
	}
	return b, nil
}

func (b *contentBuild) close() { b.st.Close() }

// add records what source read; several reads of one source add up.
func (b *contentBuild) add(source string, items []content.Item) {
	if _, ok := b.items[source]; !ok {
		b.order = append(b.order, source)
	}
	b.items[source] = append(b.items[source], items...)
}

// addViews sums views into the ones the ingest will save.
func (b *contentBuild) addViews(v content.Views) {
	if b.views == nil {
		b.views = content.Views{}
	}
	for k, n := range v {
		b.views[k] += n
	}
}

// save merges what was read into the next snapshot, reads the documents'
// text when asked, saves it and says so on standard output.
func (b *contentBuild) save(ctx context.Context, env *Env, maxBytes int64) error {
	now := b.taken
	if now.IsZero() {
		now = time.Now()
	}
	next := content.Snapshot{Taken: now}
	if b.prev != nil {
		next.Items, next.Views = b.prev.Items, b.prev.Views
	}
	for _, src := range b.order {
		next = content.Merge(&next, src, b.items[src], now)
		fmt.Fprintf(env.Stdout, "%s: %d items\n", src, len(b.items[src]))
	}
	if b.views != nil {
		next.Views = b.views
		fmt.Fprintf(env.Stdout, "analytics: views of %d pages\n", len(b.views))
	}
	if b.documents {
		if err := readDocuments(ctx, env, &next, b.docFiles, maxBytes); err != nil {
			return err
		}
	}
	if err := b.st.SaveContent(ctx, next); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "content snapshot of %d items saved\n", len(next.Items))
	return nil
}

// crawlSite fetches a site from its sitemap against prev's validators.
func crawlSite(ctx context.Context, env *Env, c *content.Crawler, site string, prev *content.Snapshot) ([]content.Item, error) {
	res, err := c.Crawl(ctx, site, prev)
	if err != nil {
		return nil, err
	}
	for _, e := range res.Errors {
		fmt.Fprintf(env.Stderr, "civickit: crawl: %s\n", safe.Line(e.Error()))
	}
	st := res.Stats
	fmt.Fprintf(env.Stdout, "crawl: %d requests, %d fetched, %d not modified, %d failed, %d disallowed, %d off host, %d over the page cap; delay %v\n",
		st.Requests, st.Fetched, st.NotModified, st.Failed, st.Disallowed, st.OffHost, st.Capped, st.Delay)
	return res.Items, nil
}

// readFeeds reads RSS or Atom feeds from URLs or files.
func readFeeds(ctx context.Context, env *Env, c *content.Crawler, feeds []string, maxBytes int64) ([]content.Item, error) {
	var items []content.Item
	for _, a := range feeds {
		var src []byte
		var err error
		if strings.HasPrefix(a, "http://") || strings.HasPrefix(a, "https://") {
			src, _, err = c.Fetch(ctx, a)
		} else {
			src, err = readInput(env, a, maxBytes)
		}
		if err != nil {
			return nil, err
		}
		its, err := content.ReadFeed(bytes.NewReader(src), content.FeedOptions{File: a, MaxBytes: maxBytes})
		if err != nil {
			return nil, err
		}
		items = append(items, its...)
	}
	return items, nil
}

// readModernGovContent reads meetings, agenda items, decisions and
// documents from ModernGov; with documents, the documents on the same host
// are fetched too.
func readModernGovContent(ctx context.Context, env *Env, mg content.ModernGov, committee int, from, to string, documents bool, c *content.Crawler) ([]content.Item, error) {
	items, errs, err := mg.Items(ctx, committee, from, to)
	if err != nil {
		return nil, err
	}
	for _, e := range errs {
		fmt.Fprintf(env.Stderr, "civickit: moderngov: %s\n", safe.Line(e.Error()))
	}
	if !documents {
		return items, nil
	}
	for i := range items {
		it := &items[i]
		if it.Channel != content.ChannelDocument || !sameHost(it.URL, mg.BaseURL) {
			continue
		}
		body, ct, err := c.Fetch(ctx, it.URL)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if err != nil {
			fmt.Fprintf(env.Stderr, "civickit: moderngov: %s\n", safe.Line(err.Error()))
			continue
		}
		it.Body, it.ContentType = body, ct
	}
	return items, nil
}

// readDocuments extracts, page by page, the text of the PDF and Word
// documents in snap that have a body and no text yet (they keep their
// source), and adds files as documents of the source "documents".
func readDocuments(ctx context.Context, env *Env, snap *content.Snapshot, files []string, maxBytes int64) error {
	extract := func(it *content.Item) error {
		var err error
		switch {
		case bytes.HasPrefix(it.Body, []byte("%PDF-")):
			it.Pages, err = content.ReadPDF(ctx, it.Body, content.PDFOptions{})
		case bytes.HasPrefix(it.Body, []byte("PK\x03\x04")):
			it.Pages, err = content.ReadDOCX(it.Body, content.DOCXOptions{MaxBytes: maxBytes})
		default:
			err = errors.New("neither PDF nor DOCX")
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			fmt.Fprintf(env.Stderr, "civickit: documents: %s: %s\n", safe.Line(it.URL), safe.Line(err.Error()))
		}
		return err
	}
	read, failed := 0, 0
	count := func(err error) {
		if err != nil {
			failed++
		} else {
			read++
		}
	}
	// Copy the items: the previous snapshot's slice is not this one's.
	snap.Items = append([]content.Item(nil), snap.Items...)
	for i := range snap.Items {
		it := &snap.Items[i]
		if it.Channel == content.ChannelDocument && len(it.Body) > 0 && len(it.Pages) == 0 {
			if err := extract(it); ctx.Err() != nil {
				return err
			} else {
				count(err)
			}
		}
	}
	if len(files) > 0 {
		var own []content.Item
		for _, a := range files {
			b, err := readInput(env, a, maxBytes)
			if err != nil {
				return err
			}
			it := content.Item{URL: filepath.ToSlash(a), Channel: content.ChannelDocument, Body: b, Title: strings.TrimSuffix(filepath.Base(a), filepath.Ext(a))}
			if err := extract(&it); ctx.Err() != nil {
				return err
			} else {
				count(err)
			}
			own = append(own, it)
		}
		*snap = content.Merge(snap, "documents", own, snap.Taken)
	}
	fmt.Fprintf(env.Stdout, "documents: %d read, %d failed\n", read, failed)
	return nil
}

// analyticsReaders are the page-view exports read by format.
var analyticsReaders = map[string]func(r io.Reader, o content.AnalyticsOptions) (content.Views, error){
	"ga4":       content.ReadGA4CSV,
	"matomo":    content.ReadMatomoJSON,
	"plausible": content.ReadPlausibleCSV,
}

// readAnalytics reads and sums page views from files of one format.
func readAnalytics(env *Env, format string, files []string, maxBytes int64) (content.Views, error) {
	read := analyticsReaders[format]
	if read == nil {
		return nil, fmt.Errorf("unknown analytics format %s (want ga4, matomo or plausible)", safe.Quote(format))
	}
	views := content.Views{}
	for _, a := range files {
		r, display, err := openArg(env, a)
		if err != nil {
			return nil, err
		}
		v, err := read(bufio.NewReader(r), content.AnalyticsOptions{File: display, MaxBytes: maxBytes})
		r.Close()
		if err != nil {
			return nil, err
		}
		for k, n := range v {
			views[k] += n
		}
	}
	return views, nil
}

var contentCrawlFlags struct {
	contentNet
	maxPages int
}

var contentCrawlCmd = &Command{
	Name:      "crawl",
	UsageLine: "content crawl --db DB [--delay 1s] [--max-pages 10000] [--timeout 30s] [--max-bytes SIZE] [--user-agent UA] SITE-OR-SITEMAP-URL",
	Short:     "fetch the council website from its sitemap, politely (audit ingest --source site)",
	Long: `Crawl fetches the pages a site's sitemap lists (sitemap indexes too; a site's
root URL means the sitemaps robots.txt names, else /sitemap.xml): one host,
robots.txt and its Crawl-delay obeyed, one request at a time, at most 10
redirects and never to another host, a size cap per page, and conditional
requests against the previous snapshot so that a nightly run fetches only
what changed. Pages that fail are listed on standard error. It is
"civickit audit ingest --source site=URL".`,
	SetFlags: func(fs *flag.FlagSet) {
		contentCrawlFlags.set(fs)
		fs.IntVar(&contentCrawlFlags.maxPages, "max-pages", 10000, "fetch at most `N` pages")
	},
	Run: func(ctx context.Context, env *Env, cmd *Command, args []string) error {
		args, err := parseFlags(cmd, cmd.FlagSet(), args)
		if err != nil {
			return err
		}
		f := contentCrawlFlags
		if f.db == "" || len(args) != 1 {
			return usagef(cmd, "want --db and one URL")
		}
		b, err := openContent(ctx, f.db)
		if err != nil {
			return err
		}
		defer b.close()
		c := f.crawler()
		c.MaxPages = f.maxPages
		items, err := crawlSite(ctx, env, c, args[0], b.prev)
		if err != nil {
			return err
		}
		b.add("site", items)
		return b.save(ctx, env, int64(f.maxBytes))
	},
}

var contentFeedFlags struct{ contentNet }

var contentFeedCmd = &Command{
	Name:      "feed",
	UsageLine: "content feed --db DB [--delay 1s] [--timeout 30s] URL|FILE...",
	Short:     "read RSS or Atom feeds (audit ingest --source feed)",
	Long: `Feed reads RSS 2.0 and Atom 1.0 feeds, from URLs (fetched politely, robots.txt
obeyed) or files, and adds their entries to the next snapshot. It is
"civickit audit ingest --source feed=URL".`,
	SetFlags: func(fs *flag.FlagSet) { contentFeedFlags.set(fs) },
	Run: func(ctx context.Context, env *Env, cmd *Command, args []string) error {
		args, err := parseFlags(cmd, cmd.FlagSet(), args)
		if err != nil {
			return err
		}
		f := contentFeedFlags
		if f.db == "" || len(args) == 0 {
			return usagef(cmd, "want --db and at least one feed")
		}
		items, err := readFeeds(ctx, env, f.crawler(), args, int64(f.maxBytes))
		if err != nil {
			return err
		}
		b, err := openContent(ctx, f.db)
		if err != nil {
			return err
		}
		defer b.close()
		b.add("feed", items)
		return b.save(ctx, env, int64(f.maxBytes))
	},
}

var contentMGFlags struct {
	contentNet
	base      string
	committee int
	from, to  string
	documents bool
}

var contentModernGovCmd = &Command{
	Name:      "moderngov",
	UsageLine: "content moderngov --db DB --base URL [--committee ID] --from DATE --to DATE [--documents]",
	Short:     "read meetings, agenda items, decisions and documents from ModernGov",
	Long: `Moderngov reads the council's Modern.Gov web service (mgWebService.asmx):
the meetings of --committee (0 for all) between --from and --to
(YYYY-MM-DD), each meeting's agenda items, their decisions (linked by
ModernGov issue id as mg-issue-N) and documents. With --documents the
reports and appendices are fetched too (same host only) so that "content
documents" can read their text. It is "civickit audit ingest --source
moderngov=URL,from=DATE,to=DATE".`,
	SetFlags: func(fs *flag.FlagSet) {
		contentMGFlags.set(fs)
		fs.StringVar(&contentMGFlags.base, "base", "", "the ModernGov site, e.g. https://democracy.example.gov.uk (required)")
		fs.IntVar(&contentMGFlags.committee, "committee", 0, "committee `ID`, 0 for all")
		fs.StringVar(&contentMGFlags.from, "from", "", "first meeting date, YYYY-MM-DD (required)")
		fs.StringVar(&contentMGFlags.to, "to", "", "last meeting date, YYYY-MM-DD (required)")
		fs.BoolVar(&contentMGFlags.documents, "documents", false, "fetch the linked documents too")
	},
	Run: func(ctx context.Context, env *Env, cmd *Command, args []string) error {
		args, err := parseFlags(cmd, cmd.FlagSet(), args)
		if err != nil {
			return err
		}
		f := contentMGFlags
		if f.db == "" || f.base == "" || f.from == "" || f.to == "" || len(args) != 0 {
			return usagef(cmd, "want --db, --base, --from and --to")
		}
		mg := content.ModernGov{BaseURL: f.base, Delay: f.delay, Timeout: f.timeout, UserAgent: f.userAgent, MaxBytes: int64(f.maxBytes)}
		items, err := readModernGovContent(ctx, env, mg, f.committee, f.from, f.to, f.documents, f.crawler())
		if err != nil {
			return err
		}
		b, err := openContent(ctx, f.db)
		if err != nil {
			return err
		}
		defer b.close()
		b.add("moderngov", items)
		return b.save(ctx, env, int64(f.maxBytes))
	},
}

func sameHost(a, b string) bool {
	host := func(s string) string {
		s = s[strings.Index(s, "://")+3:]
		if i := strings.IndexAny(s, "/?#"); i >= 0 {
			s = s[:i]
		}
		return strings.ToLower(s)
	}
	return strings.Contains(a, "://") && strings.Contains(b, "://") && host(a) == host(b)
}

var contentDocumentsFlags struct {
	db       string
	maxBytes sizeFlag
}

var contentDocumentsCmd = &Command{
	Name:      "documents",
	UsageLine: "content documents --db DB [--max-bytes SIZE] [FILE.pdf|FILE.docx...]",
	Short:     "read the text of PDF and Word documents, page by page",
	Long: `Documents extracts the text, page by page, of the PDF and Word documents
in the latest snapshot that have been fetched, and of the files given
(added as documents under their file names). PDF text needs pdftotext
(Debian's poppler-utils); Word documents are read from their XML. It is
"civickit audit ingest --source documents[=FILE]".`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.StringVar(&contentDocumentsFlags.db, "db", "", "the store: a SQLite `FILE` or a postgres:// URL (required)")
		maxBytesFlag(fs, &contentDocumentsFlags.maxBytes)
	},
	Run: func(ctx context.Context, env *Env, cmd *Command, args []string) error {
		args, err := parseFlags(cmd, cmd.FlagSet(), args)
		if err != nil {
			return err
		}
		f := contentDocumentsFlags
		if f.db == "" {
			return usagef(cmd, "want --db")
		}
		b, err := openContent(ctx, f.db)
		if err != nil {
			return err
		}
		defer b.close()
		b.documents, b.docFiles = true, args
		return b.save(ctx, env, int64(f.maxBytes))
	},
}

var contentAnalyticsFlags struct {
	db       string
	format   string
	maxBytes sizeFlag
}

var contentAnalyticsCmd = &Command{
	Name:      "analytics",
	UsageLine: "content analytics --db DB --format ga4|matomo|plausible [--max-bytes SIZE] FILE...",
	Short:     "read page views from a GA4, Matomo or Plausible export",
	Long: `Analytics reads page views and joins them to content by page path: a GA4
"Pages and screens" CSV export, Matomo's Actions.getPageUrls (flat=1,
format=JSON) or Plausible's pages.csv. Several files are summed. It is
"civickit audit ingest --source analytics=FILE,format=ga4".`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.StringVar(&contentAnalyticsFlags.db, "db", "", "the store: a SQLite `FILE` or a postgres:// URL (required)")
		fs.StringVar(&contentAnalyticsFlags.format, "format", "", "ga4, matomo or plausible (required)")
		maxBytesFlag(fs, &contentAnalyticsFlags.maxBytes)
	},
	Run: func(ctx context.Context, env *Env, cmd *Command, args []string) error {
		args, err := parseFlags(cmd, cmd.FlagSet(), args)
		if err != nil {
			return err
		}
		f := contentAnalyticsFlags
		if f.db == "" || len(args) == 0 {
			return usagef(cmd, "want --db and at least one file")
		}
		if analyticsReaders[f.format] == nil {
			return usagef(cmd, "unknown format %q (want ga4, matomo or plausible)", f.format)
		}
		views, err := readAnalytics(env, f.format, args, int64(f.maxBytes))
		if err != nil {
			return err
		}
		b, err := openContent(ctx, f.db)
		if err != nil {
			return err
		}
		defer b.close()
		b.addViews(views)
		return b.save(ctx, env, int64(f.maxBytes))
	},
}

var contentReportFlags struct {
	db        string
	format    string
	out       string
	decisions string
	config    string
	top       int
	passMark  float64
	noSocial  bool
	maxBytes  sizeFlag
}

func setContentReportFlags(fs *flag.FlagSet) {
	f := &contentReportFlags
	fs.StringVar(&f.db, "db", "", "the store: a SQLite `FILE` or a postgres:// URL (required)")
	fs.StringVar(&f.format, "format", "md", "output format: md, json or html")
	fs.StringVar(&f.out, "out", "", "write content.md, content.json or content.html into `DIR` instead of standard output")
	fs.StringVar(&f.decisions, "decisions", "", "the council's decisions `FILE`")
	fs.StringVar(&f.config, "config", "", "the council's standards config `FILE` (YAML or JSON)")
	fs.IntVar(&f.top, "top", 20, "list `N` pages to fix first")
	fs.Float64Var(&f.passMark, "pass-mark", 60, "the score an item needs to pass")
	fs.BoolVar(&f.noSocial, "no-social", false, "leave out the social audit's posts")
	maxBytesFlag(fs, &f.maxBytes)
}

const contentReportLong = `scores every item of the latest content snapshot, and the posts of the
latest social snapshot, against the content standards (the council's
--config, else the GOV.UK preset), classifies it and links it to its
decision and journey stage, then writes the audit: compliance by channel
and type, the pages to fix first (views × (100 − score)), for each decision
which stages a citizen could read about, the documents published only as
PDF or Word, and the change since the previous snapshot. Every item is
listed with its findings and their positions (page, line and column).
--decisions reads the council's decisions (a JSON array or object, or a
ModernGov-style CSV) for their titles and journeys. Citizens' answers to
"Is this page clear?", which "civickit feedback serve" keeps in the same
store, weigh fix first: a page's priority is multiplied by 1 plus its
smoothed share of "no" answers (up to 2). Exit status 1 when a decision
has an expected stage nobody could read.`

var contentReportCmd = &Command{
	Name:      "report",
	UsageLine: "content report --db DB [--format md|json|html] [--out DIR] [--decisions FILE] [--config FILE] [--top 20] [--pass-mark 60] [--no-social]",
	Short:     "write the content audit of the latest snapshot (audit content)",
	Long:      "Report " + contentReportLong + ` It is "civickit audit content".`,
	SetFlags:  setContentReportFlags,
	Run:       runContentReport,
}

// notADirectory refuses a --db that is a directory, as the content
// commands' own file store once took.
func notADirectory(db string) error {
	if fi, err := os.Stat(db); err == nil && fi.IsDir() {
		return fmt.Errorf("%s is a directory: --db is the audit store, a SQLite file (such as audit.db) or a postgres:// URL", safe.Quote(db))
	}
	return nil
}

// errNoContent reports a store without content snapshots or posts.
var errNoContent = errors.New("no content snapshot yet: run civickit audit ingest --source site=URL (or feed, moderngov, documents, analytics) first")

// siteContent is the content audit for the audit's HTML site, with the
// default standards and no decisions file; nil when the store has no
// content snapshot (posts alone do not make the site score them: run
// civickit audit content for that).
func siteContent(ctx context.Context, st *store.Store) (*content.Report, error) {
	if id, err := st.LatestContentID(ctx); err != nil || id == 0 {
		return nil, err
	}
	s := &content.Scorer{Checker: &standards.Checker{Stemmer: config.Snowball{}}, PassMark: 60}
	r, err := contentAudit(ctx, st, s, nil, 20, false)
	if errors.Is(err, errNoContent) {
		return nil, nil
	}
	return r, err
}

// contentAudit builds the content audit of the store's latest content
// snapshot against the one before it; unless noSocial, the latest social
// snapshot's posts join the first and the social snapshot before that
// the second.
func contentAudit(ctx context.Context, st *store.Store, s *content.Scorer, decs []journey.Decision, top int, noSocial bool) (*content.Report, error) {
	snaps, err := st.LatestContent(ctx, 2)
	if err != nil {
		return nil, err
	}
	var cur, prev *content.Snapshot
	if len(snaps) > 0 {
		cur = &snaps[0]
	}
	if len(snaps) == 2 {
		prev = &snaps[1]
	}
	if !noSocial {
		latest, previous, err := st.Latest(ctx)
		if err != nil && !errors.Is(err, store.ErrNoSnapshot) {
			return nil, err
		}
		withPosts := func(sn *content.Snapshot, id int64) (*content.Snapshot, error) {
			if id == 0 {
				return sn, nil
			}
			posts, err := st.Posts(ctx, id)
			if err != nil {
				return nil, err
			}
			items, views := content.PostItems(posts)
			if sn == nil && len(items) == 0 {
				return nil, nil
			}
			next := content.Merge(sn, "social", items, latest.TakenAt)
			if sn != nil {
				next.ID, next.Taken = sn.ID, sn.Taken
			}
			all := content.Views{}
			for k, n := range next.Views {
				all[k] += n
			}
			for k, n := range views {
				all[k] += n
			}
			next.Views = all
			return &next, nil
		}
		if cur, err = withPosts(cur, latest.ID); err != nil {
			return nil, err
		}
		if prev != nil || previous.ID != 0 {
			if prev, err = withPosts(prev, previous.ID); err != nil {
				return nil, err
			}
		}
	}
	if cur == nil {
		return nil, errNoContent
	}
	if s.Feedback == nil {
		if s.Feedback, err = storeFeedback(ctx, st); err != nil {
			return nil, err
		}
	}
	return content.AuditSnapshots(ctx, s, cur, prev, decs, top)
}

func runContentReport(ctx context.Context, env *Env, cmd *Command, args []string) error {
	args, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	f := contentReportFlags
	if f.db == "" || len(args) != 0 {
		return usagef(cmd, "want --db and no arguments")
	}
	switch f.format {
	case "md", "json", "html":
	default:
		return usagef(cmd, "unknown format %q (want md, json or html)", f.format)
	}
	checker := &standards.Checker{Stemmer: config.Snowball{}}
	if f.config != "" {
		data, err := readInput(env, f.config, int64(f.maxBytes))
		if err != nil {
			return err
		}
		cfg, err := config.Parse(f.config, data)
		if err != nil {
			return err
		}
		checker.Config = cfg
	}
	var decs []journey.Decision
	if f.decisions != "" {
		ds, err := readDecisionsFile(env, f.decisions, int64(f.maxBytes))
		if err != nil {
			return err
		}
		for _, d := range ds {
			decs = append(decs, *d)
		}
	}
	st, err := openReadOnly(ctx, cmd, f.db)
	if err != nil {
		return err
	}
	defer st.Close()
	s := &content.Scorer{Checker: checker, PassMark: f.passMark}
	r, err := contentAudit(ctx, st, s, decs, f.top, f.noSocial)
	if err != nil {
		return err
	}
	write := map[string]func(io.Writer) error{"json": r.WriteJSON, "html": r.WriteHTML, "md": r.WriteMarkdown}[f.format]
	if f.out == "" {
		err = write(env.Stdout)
	} else {
		if f.format == "html" {
			// In the social audit's site, the page links home.
			if _, err := os.Stat(filepath.Join(f.out, "index.html")); err == nil {
				write = func(w io.Writer) error { return r.WriteHTMLPage(w, "index.html") }
			}
		}
		err = writeFile(filepath.Join(f.out, "content."+f.format), write)
	}
	if err != nil {
		return err
	}
	for _, j := range r.Journeys {
		if len(j.Gaps) > 0 {
			return errFindings
		}
	}
	return nil
}

// writeFile writes a file through write, creating its directory.
func writeFile(name string, write func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	fh, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := write(fh); err != nil {
		fh.Close()
		return err
	}
	return fh.Close()
}

// readDecisionsFile reads decisions: a JSON array, a JSON object, or a
// ModernGov-style CSV.
func readDecisionsFile(env *Env, name string, maxBytes int64) ([]*journey.Decision, error) {
	b, err := readInput(env, name, maxBytes)
	if err != nil {
		return nil, err
	}
	display := name
	if name == "-" {
		display = "<stdin>"
	}
	head := bytes.TrimLeft(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")), " \t\r\n")
	switch {
	case len(head) > 0 && head[0] == '[':
		return journey.ReadDecisionsJSON(bytes.NewReader(b), journey.ReadOptions{File: display, MaxBytes: maxBytes})
	case len(head) > 0 && head[0] == '{':
		d, err := journey.ReadDecisionJSON(bytes.NewReader(b), journey.ReadOptions{File: display, MaxBytes: maxBytes})
		if err != nil {
			return nil, err
		}
		return []*journey.Decision{d}, nil
	}
	return journey.ReadDecisionsCSV(bytes.NewReader(b), journey.CSVOptions{File: display, MaxBytes: maxBytes})
}
