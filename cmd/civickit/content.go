package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/civickit/civickit/audit/content"
	"github.com/civickit/civickit/civic/journey"
	"github.com/civickit/civickit/internal/input"
	"github.com/civickit/civickit/internal/safe"
	"github.com/civickit/civickit/standards"
	"github.com/civickit/civickit/standards/config"
)

// contentCmd groups the democratic content audit's commands. Each ingest
// command reads the latest snapshot from --db, replaces its own source's
// items and saves the next snapshot; report audits the latest against
// the one before.
var contentCmd = &Command{
	Name:      "content",
	UsageLine: "content <command> [arguments]",
	Short:     "audit the council's democratic content: site, feeds, ModernGov, documents, reach",
	Long: `Content audits a council's democratic content as a whole. Ingest commands
(crawl, feed, moderngov, documents, analytics) each add their source to a new
snapshot in the store --db; report scores the latest snapshot against the
content standards and writes the audit: compliance by channel and type, the
pages to fix first (views × score gap), which stages of each decision a
citizen could read about, documents published only as PDF, and the change
since the previous snapshot.`,
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
	fs.StringVar(&n.db, "db", "", "the snapshot store `DIR` (required)")
	fs.DurationVar(&n.delay, "delay", time.Second, "least time between two requests (a longer robots.txt Crawl-delay wins)")
	fs.DurationVar(&n.timeout, "timeout", 30*time.Second, "time limit of each request")
	fs.StringVar(&n.userAgent, "user-agent", content.DefaultUserAgent, "the user agent sent")
	fs.Var(&n.maxBytes, "max-bytes", "skip any page larger than `SIZE`")
}

func (n *contentNet) crawler() *content.Crawler {
	return &content.Crawler{Delay: n.delay, Timeout: n.timeout, UserAgent: n.userAgent, MaxBytes: input.Max(int64(n.maxBytes))}
}

// ingest saves the next snapshot with items in place of source's.
func ingest(ctx context.Context, env *Env, db, source string, items []content.Item, views content.Views) error {
	store := &content.FileStore{Dir: db}
	prevs, err := store.LatestContent(ctx, 1)
	if err != nil {
		return err
	}
	var prev *content.Snapshot
	if len(prevs) == 1 {
		prev = &prevs[0]
	}
	next := content.Merge(prev, source, items, time.Now())
	if views != nil {
		next.Views = views
	}
	if err := store.SaveContent(ctx, next); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s: %d items; snapshot of %d items saved in %s\n", source, len(items), len(next.Items), safe.Line(db))
	return nil
}

func latest(ctx context.Context, db string) (*content.Snapshot, error) {
	prevs, err := (&content.FileStore{Dir: db}).LatestContent(ctx, 1)
	if err != nil || len(prevs) == 0 {
		return nil, err
	}
	return &prevs[0], nil
}

var contentCrawlFlags struct {
	contentNet
	maxPages int
}

var contentCrawlCmd = &Command{
	Name:      "crawl",
	UsageLine: "content crawl --db DIR [--delay 1s] [--max-pages 10000] [--timeout 30s] [--max-bytes SIZE] [--user-agent UA] SITE-OR-SITEMAP-URL",
	Short:     "fetch the council website from its sitemap, politely",
	Long: `Crawl fetches the pages a site's sitemap lists (sitemap indexes too; a site's
root URL means the sitemaps robots.txt names, else /sitemap.xml): one host,
robots.txt and its Crawl-delay obeyed, one request at a time, at most 10
redirects and never to another host, a size cap per page, and conditional
requests against the previous snapshot so that a nightly run fetches only
what changed. Pages that fail are listed on standard error.`,
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
		prev, err := latest(ctx, f.db)
		if err != nil {
			return err
		}
		c := f.crawler()
		c.MaxPages = f.maxPages
		res, err := c.Crawl(ctx, args[0], prev)
		if err != nil {
			return err
		}
		for _, e := range res.Errors {
			fmt.Fprintf(env.Stderr, "civickit content crawl: %s\n", safe.Line(e.Error()))
		}
		st := res.Stats
		fmt.Fprintf(env.Stdout, "crawl: %d requests, %d fetched, %d not modified, %d failed, %d disallowed, %d off host, %d over the page cap; delay %v\n",
			st.Requests, st.Fetched, st.NotModified, st.Failed, st.Disallowed, st.OffHost, st.Capped, st.Delay)
		return ingest(ctx, env, f.db, "site", res.Items, nil)
	},
}

var contentFeedFlags struct{ contentNet }

var contentFeedCmd = &Command{
	Name:      "feed",
	UsageLine: "content feed --db DIR [--delay 1s] [--timeout 30s] URL|FILE...",
	Short:     "read RSS or Atom feeds (news, ModernGov meetings and decisions)",
	Long: `Feed reads RSS 2.0 and Atom 1.0 feeds, from URLs (fetched politely, robots.txt
obeyed) or files, and adds their entries to the next snapshot.`,
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
		var items []content.Item
		c := f.crawler()
		for _, a := range args {
			var src []byte
			if strings.HasPrefix(a, "http://") || strings.HasPrefix(a, "https://") {
				src, _, err = c.Fetch(ctx, a)
			} else {
				src, err = readInput(env, a, int64(f.maxBytes))
			}
			if err != nil {
				return err
			}
			its, err := content.ReadFeed(bytes.NewReader(src), content.FeedOptions{File: a, MaxBytes: int64(f.maxBytes)})
			if err != nil {
				return err
			}
			items = append(items, its...)
		}
		return ingest(ctx, env, f.db, "feed", items, nil)
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
	UsageLine: "content moderngov --db DIR --base URL [--committee ID] --from DATE --to DATE [--documents]",
	Short:     "read meetings, agenda items, decisions and documents from ModernGov",
	Long: `Moderngov reads the council's Modern.Gov web service (mgWebService.asmx):
the meetings of --committee (0 for all) between --from and --to
(YYYY-MM-DD), each meeting's agenda items, their decisions (linked by
ModernGov issue id as mg-issue-N) and documents. With --documents the
reports and appendices are fetched too (same host only) so that "content
documents" can read their text.`,
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
		items, errs, err := mg.Items(ctx, f.committee, f.from, f.to)
		if err != nil {
			return err
		}
		for _, e := range errs {
			fmt.Fprintf(env.Stderr, "civickit content moderngov: %s\n", safe.Line(e.Error()))
		}
		if f.documents {
			c := f.crawler()
			for i := range items {
				it := &items[i]
				if it.Channel != content.ChannelDocument || !sameHost(it.URL, f.base) {
					continue
				}
				body, ct, err := c.Fetch(ctx, it.URL)
				if ctx.Err() != nil {
					return ctx.Err()
				}
				if err != nil {
					fmt.Fprintf(env.Stderr, "civickit content moderngov: %s\n", safe.Line(err.Error()))
					continue
				}
				it.Body, it.ContentType = body, ct
			}
		}
		return ingest(ctx, env, f.db, "moderngov", items, nil)
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
	UsageLine: "content documents --db DIR [--max-bytes SIZE] [FILE.pdf|FILE.docx...]",
	Short:     "read the text of PDF and Word documents, page by page",
	Long: `Documents extracts the text, page by page, of the PDF and Word documents
in the latest snapshot that have been fetched, and of the files given
(added as documents under their file names). PDF text needs pdftotext
(Debian's poppler-utils); Word documents are read from their XML.`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.StringVar(&contentDocumentsFlags.db, "db", "", "the snapshot store `DIR` (required)")
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
		prev, err := latest(ctx, f.db)
		if err != nil {
			return err
		}
		var items []content.Item
		if prev != nil {
			for _, it := range prev.Items {
				if it.Channel == content.ChannelDocument && len(it.Body) > 0 && len(it.Pages) == 0 {
					items = append(items, it)
				}
			}
		}
		for _, a := range args {
			b, err := readInput(env, a, int64(f.maxBytes))
			if err != nil {
				return err
			}
			items = append(items, content.Item{URL: filepath.ToSlash(a), Channel: content.ChannelDocument, Body: b, Title: strings.TrimSuffix(filepath.Base(a), filepath.Ext(a))})
		}
		failed := 0
		for i := range items {
			it := &items[i]
			var pages []content.Page
			var err error
			switch {
			case bytes.HasPrefix(it.Body, []byte("%PDF-")):
				pages, err = content.ReadPDF(ctx, it.Body, content.PDFOptions{})
			case bytes.HasPrefix(it.Body, []byte("PK\x03\x04")):
				pages, err = content.ReadDOCX(it.Body, content.DOCXOptions{MaxBytes: int64(f.maxBytes)})
			default:
				err = errors.New("neither PDF nor DOCX")
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err != nil {
				failed++
				fmt.Fprintf(env.Stderr, "civickit content documents: %s: %s\n", safe.Line(it.URL), safe.Line(err.Error()))
				continue
			}
			it.Pages = pages
		}
		if prev != nil {
			// Documents from other sources keep their source: replace
			// them in place rather than under "documents".
			byURL := map[string]content.Item{}
			for _, it := range items {
				byURL[it.URL] = it
			}
			var own []content.Item
			next := content.Snapshot{Views: prev.Views, Taken: time.Now()}
			for _, it := range prev.Items {
				if n, ok := byURL[it.URL]; ok {
					it.Pages = n.Pages
					delete(byURL, it.URL)
				}
				next.Items = append(next.Items, it)
			}
			for _, it := range items {
				if _, ok := byURL[it.URL]; ok {
					own = append(own, it)
				}
			}
			merged := content.Merge(&next, "documents", own, next.Taken)
			if err := (&content.FileStore{Dir: f.db}).SaveContent(ctx, merged); err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "documents: %d read, %d failed; snapshot of %d items saved in %s\n", len(items)-failed, failed, len(merged.Items), safe.Line(f.db))
			return nil
		}
		return ingest(ctx, env, f.db, "documents", items, nil)
	},
}

var contentAnalyticsFlags struct {
	db       string
	format   string
	maxBytes sizeFlag
}

var contentAnalyticsCmd = &Command{
	Name:      "analytics",
	UsageLine: "content analytics --db DIR --format ga4|matomo|plausible [--max-bytes SIZE] FILE...",
	Short:     "read page views from a GA4, Matomo or Plausible export",
	Long: `Analytics reads page views and joins them to content by page path: a GA4
"Pages and screens" CSV export, Matomo's Actions.getPageUrls (flat=1,
format=JSON) or Plausible's pages.csv. Several files are summed.`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.StringVar(&contentAnalyticsFlags.db, "db", "", "the snapshot store `DIR` (required)")
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
		read := map[string]func(r *bufio.Reader, o content.AnalyticsOptions) (content.Views, error){
			"ga4": func(r *bufio.Reader, o content.AnalyticsOptions) (content.Views, error) {
				return content.ReadGA4CSV(r, o)
			},
			"matomo": func(r *bufio.Reader, o content.AnalyticsOptions) (content.Views, error) {
				return content.ReadMatomoJSON(r, o)
			},
			"plausible": func(r *bufio.Reader, o content.AnalyticsOptions) (content.Views, error) {
				return content.ReadPlausibleCSV(r, o)
			},
		}[f.format]
		if read == nil {
			return usagef(cmd, "unknown format %q (want ga4, matomo or plausible)", f.format)
		}
		views := content.Views{}
		for _, a := range args {
			r, display, err := openArg(env, a)
			if err != nil {
				return err
			}
			v, err := read(bufio.NewReader(r), content.AnalyticsOptions{File: display, MaxBytes: int64(f.maxBytes)})
			r.Close()
			if err != nil {
				return err
			}
			for k, n := range v {
				views[k] += n
			}
		}
		prev, err := latest(ctx, f.db)
		if err != nil {
			return err
		}
		next := content.Snapshot{Taken: time.Now(), Views: views}
		if prev != nil {
			next.Items = prev.Items
		}
		if err := (&content.FileStore{Dir: f.db}).SaveContent(ctx, next); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "analytics: views of %d pages saved in %s\n", len(views), safe.Line(f.db))
		return nil
	},
}

var contentReportFlags struct {
	db        string
	format    string
	decisions string
	config    string
	top       int
	passMark  float64
	maxBytes  sizeFlag
	feedback  string
}

var contentReportCmd = &Command{
	Name:      "report",
	UsageLine: "content report --db DIR [--format md|json|html] [--decisions FILE] [--config FILE] [--top 20] [--pass-mark 60]",
	Short:     "write the content audit of the latest snapshot",
	Long: `Report scores every item of the latest snapshot against the content
standards (the council's --config, else the GOV.UK preset), classifies it
and links it to its decision and journey stage, then writes the audit:
compliance by channel and type, the pages to fix first (views × (100 −
score)), for each decision which stages a citizen could read about, the
documents published only as PDF or Word, and the change since the previous
snapshot. --decisions reads the council's decisions (a JSON array or
object, or a ModernGov-style CSV) for their titles and journeys.
--feedback reads citizens' answers to "Is this page clear?" from the audit
store that "civickit feedback serve" writes: a page's fix-first priority is
multiplied by 1 plus its smoothed share of "no" answers (up to 2).
Exit status 1 when a decision has an expected stage nobody could read.`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.StringVar(&contentReportFlags.db, "db", "", "the snapshot store `DIR` (required)")
		fs.StringVar(&contentReportFlags.format, "format", "md", "output format: md, json or html")
		fs.StringVar(&contentReportFlags.decisions, "decisions", "", "the council's decisions `FILE`")
		fs.StringVar(&contentReportFlags.config, "config", "", "the council's standards config `FILE` (YAML or JSON)")
		fs.IntVar(&contentReportFlags.top, "top", 20, "list `N` pages to fix first")
		fs.Float64Var(&contentReportFlags.passMark, "pass-mark", 60, "the score an item needs to pass")
		fs.StringVar(&contentReportFlags.feedback, "feedback", "", "the audit store (SQLite `DB` or postgres:// URL) with citizens' feedback")
		maxBytesFlag(fs, &contentReportFlags.maxBytes)
	},
	Run: runContentReport,
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
	snaps, err := (&content.FileStore{Dir: f.db}).LatestContent(ctx, 2)
	if err != nil {
		return err
	}
	if len(snaps) == 0 {
		return fmt.Errorf("no snapshot in %s: run an ingest command first", f.db)
	}
	var prev *content.Snapshot
	if len(snaps) == 2 {
		prev = &snaps[1]
	}
	s := &content.Scorer{Checker: checker, PassMark: f.passMark}
	if f.feedback != "" {
		if s.Feedback, err = readFeedback(ctx, cmd, f.feedback); err != nil {
			return err
		}
	}
	r, err := content.AuditSnapshots(ctx, s, &snaps[0], prev, decs, f.top)
	if err != nil {
		return err
	}
	switch f.format {
	case "json":
		err = r.WriteJSON(env.Stdout)
	case "html":
		err = r.WriteHTML(env.Stdout)
	default:
		err = r.WriteMarkdown(env.Stdout)
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
