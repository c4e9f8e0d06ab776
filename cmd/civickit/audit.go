package main

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/civickit/civickit/audit"
	"github.com/civickit/civickit/audit/content"
	"github.com/civickit/civickit/audit/source"
	"github.com/civickit/civickit/audit/store"
	"github.com/civickit/civickit/internal/input"
	"github.com/civickit/civickit/internal/safe"
	"github.com/civickit/civickit/persona"
)

// auditCmd groups the social-media audit's commands.
var auditCmd = &Command{
	Name:      "audit",
	UsageLine: "audit <command> [arguments]",
	Short:     "the live social media audit of each ward and councillor",
	Long: `Audit keeps a history of the council's social media in a store (a SQLite
file, or PostgreSQL with a postgres:// URL) and reports, per ward and per
councillor, the tools used, activity, followers and reach, connectivity to
the ward's community groups and what changed since the previous snapshot.

Run "civickit audit ingest" as often as you like (a nightly job): each run
is one snapshot, written in one transaction. Citizens' handles are replaced
by keyed pseudonyms before anything is stored; the key comes from the
CIVICKIT_PSEUDONYM_KEY environment variable (or --pseudonym-key-file) and is never
stored. Keep the same key from run to run so snapshots compare.

The same store holds the democratic content audit: "civickit audit ingest
--source site=URL" (and feed, moderngov with dates, documents, analytics)
takes a content snapshot, and "civickit audit content" reports it with the
social snapshots' posts.`,
	Sub: []*Command{auditContentCmd, auditDiffCmd, auditIngestCmd, auditPruneCmd, auditReportCmd, auditServeCmd},
}

// sourceList is a repeatable --source flag.
type sourceList []string

func (s *sourceList) String() string     { return strings.Join(*s, " ") }
func (s *sourceList) Set(v string) error { *s = append(*s, v); return nil }

var auditIngestFlags struct {
	db       string
	sources  sourceList
	label    string
	keyFile  string
	maxBytes sizeFlag
	net      contentNet
	taken    string
}

var auditIngestCmd = &Command{
	Name:      "ingest",
	UsageLine: "audit ingest --db DB --source register|export|mastodon|bluesky|moderngov|site|feed|documents|analytics[=ARG][,key=value...] ... [--label TEXT] [--pseudonym-key-file FILE] [--delay 1s] [--timeout 30s]",
	Short:     "read the sources into a new snapshot",
	Long: `Ingest reads every --source, in the order given, into one new snapshot.
If any source fails (a missing file, a server error after retries), nothing
of the snapshot is kept and earlier snapshots are untouched; run it again.
Rows that cannot be used are kept out, reported with their line numbers,
and counted: read = stored + rejected.

Sources:

  register=FILE           the ward register, CSV or Excel (.xlsx, first
                          sheet): name, kind (councillor,
                          group, council_account, partner), ward_id,
                          ward_name, actor_id, platform, handle, url,
                          followers, members, last_active (YYYY-MM-DD),
                          links (actor ids separated by ;)
  export=FILE[,format=posts|meta|x][,actor=ID]
                          a platform export: the generic posts CSV
                          (actor, platform, published, post_id, text, url,
                          reach, impressions, engagements), Meta Business
                          Suite's content export or X analytics' post
                          export (detected from the header; an X export
                          needs actor=ID)
  mastodon[=@user@server][,actor=ID][,server=URL]
                          Mastodon accounts: followers, following and
                          statuses; without a handle, every Mastodon
                          account the register lists
  bluesky[=HANDLE][,actor=ID][,api=URL]
                          Bluesky accounts through the public AppView
                          (https://public.api.bsky.app); without a handle,
                          every Bluesky account the register lists
  moderngov=URL[,committees=yes]
                          councillors by ward from the council's ModernGov
                          web service (mgWebService.asmx); with
                          committees=yes its current committees too, as
                          the council's actors mg-committee-ID

Content sources (the democratic content audit; see "civickit audit content"):

  site=URL[,max-pages=N]  the council website from its sitemap (a site's
                          root means the sitemaps robots.txt names):
                          robots.txt and its Crawl-delay obeyed, one host,
                          conditional requests against the previous content
                          snapshot, --delay between requests
  feed=URL|FILE           an RSS or Atom feed (news, ModernGov meetings and
                          decisions)
  moderngov=URL,from=DATE[,to=DATE][,committee=ID][,documents=yes]
                          meetings, agenda items, decisions and (with
                          documents=yes) their documents from ModernGov,
                          between two dates (YYYY-MM-DD; to defaults to
                          today)
  documents[=FILE]        read the text, page by page, of the PDF and Word
                          documents fetched, and of FILE (PDF needs
                          pdftotext, Debian's poppler-utils)
  analytics=FILE,format=ga4|matomo|plausible
                          page views: GA4's Pages and screens CSV, Matomo's
                          Actions.getPageUrls JSON, Plausible's pages.csv

Social sources make one snapshot of the social audit; content sources make
one content snapshot, carrying over what the other content sources read
last time. Each is written in one transaction; a citizen's pseudonym key
is needed only for social sources.

Put the register first: later sources join what they find to its actors.
A FILE of "-" is standard input. Progress goes to standard error when it
is a terminal.`,
	SetFlags: func(fs *flag.FlagSet) {
		auditIngestFlags.sources = nil
		fs.StringVar(&auditIngestFlags.db, "db", "", "the store: a SQLite `FILE` or a postgres:// URL")
		fs.Var(&auditIngestFlags.sources, "source", "a `SOURCE` to read (repeat for several)")
		fs.StringVar(&auditIngestFlags.label, "label", "", "a label for the snapshot")
		fs.StringVar(&auditIngestFlags.keyFile, "pseudonym-key-file", "", "read the pseudonym key from `FILE` instead of CIVICKIT_PSEUDONYM_KEY")
		fs.StringVar(&auditIngestFlags.taken, "taken", "", "date the snapshots `WHEN` (2026-11-02 or an RFC 3339 time) instead of now, for exports read after the day they describe")
		maxBytesFlag(fs, &auditIngestFlags.maxBytes)
		auditIngestFlags.net.setNet(fs)
	},
	Run: runAuditIngest,
}

// auditPseudonymizer reads the key from --key-file or the environment.
func auditPseudonymizer(file string) (*audit.Pseudonymizer, error) {
	key := []byte(os.Getenv("CIVICKIT_PSEUDONYM_KEY"))
	if file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		key = []byte(strings.TrimSpace(string(b)))
	}
	return audit.NewPseudonymizer(key)
}

// parseSource turns KIND[=ARG][,key=value...] into a source. Files are
// opened here and closed by the caller through closers.
func parseSource(env *Env, spec string, maxBytes int64, closers *[]io.Closer) (audit.Source, error) {
	kind, arg, opts, err := splitSource(spec)
	if err != nil {
		return nil, err
	}
	allow := func(keys ...string) error {
		for k := range opts {
			ok := false
			for _, a := range keys {
				ok = ok || k == a
			}
			if !ok {
				return fmt.Errorf("source %s: unknown option %s", safe.Quote(spec), safe.Quote(k))
			}
		}
		return nil
	}
	open := func() (io.Reader, string, error) {
		if arg == "" {
			return nil, "", fmt.Errorf("source %s needs a file: %s=FILE", kind, kind)
		}
		r, name, err := openArg(env, arg)
		if err != nil {
			return nil, "", err
		}
		*closers = append(*closers, r)
		return r, name, nil
	}
	account := func(platform string) []audit.Account {
		if arg == "" {
			return nil
		}
		return []audit.Account{{Actor: cmpOr(opts["actor"], source.Slug(arg)), Platform: platform, Handle: arg}}
	}
	switch kind {
	case "register":
		if err := allow(); err != nil {
			return nil, err
		}
		r, name, err := open()
		if err != nil {
			return nil, err
		}
		if strings.HasSuffix(strings.ToLower(name), ".xlsx") {
			if r, err = source.XLSX(r, maxBytes); err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
		}
		return &source.Register{R: r, File: name, MaxBytes: maxBytes}, nil
	case "export":
		if err := allow("format", "actor"); err != nil {
			return nil, err
		}
		r, name, err := open()
		if err != nil {
			return nil, err
		}
		return &source.Export{R: r, File: name, MaxBytes: maxBytes, Format: source.ExportFormat(opts["format"]), Actor: opts["actor"]}, nil
	case "mastodon":
		if err := allow("actor", "server"); err != nil {
			return nil, err
		}
		return &source.Mastodon{Base: opts["server"], Accounts: account("mastodon")}, nil
	case "bluesky":
		if err := allow("actor", "api"); err != nil {
			return nil, err
		}
		return &source.Bluesky{Base: opts["api"], Accounts: account("bluesky")}, nil
	case "moderngov":
		if err := allow("committees"); err != nil {
			return nil, err
		}
		if !strings.HasPrefix(arg, "https://") && !strings.HasPrefix(arg, "http://") {
			return nil, fmt.Errorf("source moderngov needs the site's address: moderngov=https://democracy.example.gov.uk")
		}
		committees := false
		switch opts["committees"] {
		case "", "no", "false", "0":
		case "yes", "true", "1":
			committees = true
		default:
			return nil, fmt.Errorf("source %s: committees wants yes or no", safe.Quote(spec))
		}
		return &source.ModernGov{Base: arg, Committees: committees}, nil
	}
	return nil, fmt.Errorf("unknown source %s (want register, export, mastodon, bluesky, moderngov, site, feed, documents or analytics)", safe.Quote(kind))
}

// splitSource splits KIND[=ARG][,key=value...].
func splitSource(spec string) (kind, arg string, opts map[string]string, err error) {
	head, rest, _ := strings.Cut(spec, ",")
	kind, arg, _ = strings.Cut(head, "=")
	opts = map[string]string{}
	if rest != "" {
		for kv := range strings.SplitSeq(rest, ",") {
			k, v, ok := strings.Cut(kv, "=")
			if !ok {
				return "", "", nil, fmt.Errorf("source %s: option %s is not key=value", safe.Quote(spec), safe.Quote(kv))
			}
			opts[k] = v
		}
	}
	return kind, arg, opts, nil
}

// contentStep reads one content source into an ingest.
type contentStep func(ctx context.Context, env *Env, b *contentBuild) error

// isContentSource reports whether spec names a content audit source: site,
// feed, documents, analytics, or moderngov with a from= date (without, it
// is the councillors by ward).
func isContentSource(spec string) bool {
	kind, _, opts, err := splitSource(spec)
	if err != nil {
		return false
	}
	switch kind {
	case "site", "feed", "documents", "analytics":
		return true
	case "moderngov":
		_, ok := opts["from"]
		return ok
	}
	return false
}

// parseContentSource turns a content source's spec into a step.
func parseContentSource(spec string, net *contentNet, maxBytes int64) (contentStep, error) {
	kind, arg, opts, err := splitSource(spec)
	if err != nil {
		return nil, err
	}
	allow := func(keys ...string) error {
		for k := range opts {
			if !slices.Contains(keys, k) {
				return fmt.Errorf("source %s: unknown option %s", safe.Quote(spec), safe.Quote(k))
			}
		}
		return nil
	}
	need := func(what string) error {
		if arg == "" {
			return fmt.Errorf("source %s needs %s: %s=%s", kind, what, kind, strings.ToUpper(what))
		}
		return nil
	}
	crawler := func() *content.Crawler {
		c := net.crawler()
		c.MaxBytes = input.Max(maxBytes)
		return c
	}
	switch kind {
	case "site":
		if err := cmp.Or(allow("max-pages"), need("url")); err != nil {
			return nil, err
		}
		pages := 10000
		if v, ok := opts["max-pages"]; ok {
			if pages, err = strconv.Atoi(v); err != nil || pages <= 0 {
				return nil, fmt.Errorf("source %s: max-pages wants a whole number above 0", safe.Quote(spec))
			}
		}
		return func(ctx context.Context, env *Env, b *contentBuild) error {
			c := crawler()
			c.MaxPages = pages
			items, err := crawlSite(ctx, env, c, arg, b.prev)
			if err == nil {
				b.add("site", items)
			}
			return err
		}, nil
	case "feed":
		if err := cmp.Or(allow(), need("url")); err != nil {
			return nil, err
		}
		return func(ctx context.Context, env *Env, b *contentBuild) error {
			items, err := readFeeds(ctx, env, crawler(), []string{arg}, maxBytes)
			if err == nil {
				b.add("feed", items)
			}
			return err
		}, nil
	case "moderngov":
		if err := cmp.Or(allow("from", "to", "committee", "documents"), need("url")); err != nil {
			return nil, err
		}
		committee := 0
		if v, ok := opts["committee"]; ok {
			if committee, err = strconv.Atoi(v); err != nil || committee < 0 {
				return nil, fmt.Errorf("source %s: committee wants a committee id", safe.Quote(spec))
			}
		}
		from, to := opts["from"], opts["to"]
		if to == "" {
			to = time.Now().Format(time.DateOnly)
		}
		docs := opts["documents"] == "yes" || opts["documents"] == "true" || opts["documents"] == "1"
		return func(ctx context.Context, env *Env, b *contentBuild) error {
			mg := content.ModernGov{BaseURL: arg, Delay: net.delay, Timeout: net.timeout, UserAgent: net.userAgent, MaxBytes: maxBytes}
			items, err := readModernGovContent(ctx, env, mg, committee, from, to, docs, crawler())
			if err == nil {
				b.add("moderngov", items)
			}
			return err
		}, nil
	case "documents":
		if err := allow(); err != nil {
			return nil, err
		}
		return func(ctx context.Context, env *Env, b *contentBuild) error {
			b.documents = true
			if arg != "" {
				b.docFiles = append(b.docFiles, arg)
			}
			return nil
		}, nil
	case "analytics":
		if err := cmp.Or(allow("format"), need("file")); err != nil {
			return nil, err
		}
		format := opts["format"]
		if analyticsReaders[format] == nil {
			return nil, fmt.Errorf("source %s: format wants ga4, matomo or plausible", safe.Quote(spec))
		}
		return func(ctx context.Context, env *Env, b *contentBuild) error {
			views, err := readAnalytics(env, format, []string{arg}, maxBytes)
			if err == nil {
				b.addViews(views)
			}
			return err
		}, nil
	}
	return nil, fmt.Errorf("unknown source %s", safe.Quote(kind))
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func runAuditIngest(ctx context.Context, env *Env, cmd *Command, args []string) error {
	args, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	f := auditIngestFlags
	if len(args) > 0 {
		return usagef(cmd, "unexpected argument %s", safe.Quote(args[0]))
	}
	if f.db == "" {
		return usagef(cmd, "--db is required")
	}
	if len(f.sources) == 0 {
		return usagef(cmd, "give at least one --source")
	}
	taken := time.Now()
	if f.taken != "" {
		if taken, err = parseTaken(f.taken, taken); err != nil {
			return usagef(cmd, "--taken: %v", err)
		}
	}
	var closers []io.Closer
	defer func() {
		for _, c := range closers {
			c.Close()
		}
	}()
	var sources []audit.Source
	var steps []contentStep
	for _, spec := range f.sources {
		if isContentSource(spec) {
			step, err := parseContentSource(spec, &f.net, int64(f.maxBytes))
			if err != nil {
				return usagef(cmd, "%v", err)
			}
			steps = append(steps, step)
			continue
		}
		s, err := parseSource(env, spec, int64(f.maxBytes), &closers)
		if err != nil {
			return usagef(cmd, "%v", err)
		}
		sources = append(sources, s)
	}
	var p *audit.Pseudonymizer
	if len(sources) > 0 {
		if p, err = auditPseudonymizer(f.keyFile); err != nil {
			return err
		}
	}
	// The content sources are read first (the site is crawled against
	// the previous content snapshot) and saved last, in their own
	// transaction, once the social snapshot is in.
	var b *contentBuild
	if len(steps) > 0 {
		if b, err = openContent(ctx, f.db); err != nil {
			return err
		}
		defer b.close()
		b.taken = taken
		if b.prev != nil && b.prev.Taken.After(taken) {
			return fmt.Errorf("the latest content snapshot was taken %s, after %s: snapshots are kept in the order they were taken, so ingest older exports first", b.prev.Taken.Format(time.RFC3339), taken.Format(time.RFC3339))
		}
		for _, step := range steps {
			if err := step(ctx, env, b); err != nil {
				return err
			}
		}
	}
	if len(sources) > 0 {
		if err := ingestSocial(ctx, env, f.db, f.label, taken, sources, p); err != nil {
			return err
		}
	}
	if b != nil {
		return b.save(ctx, env, int64(f.maxBytes))
	}
	return nil
}

// ingestSocial reads the social sources into one new snapshot.
func ingestSocial(ctx context.Context, env *Env, db, label string, taken time.Time, sources []audit.Source, p *audit.Pseudonymizer) error {
	st, err := store.Open(ctx, db, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	all, err := st.Snapshots(ctx)
	if err != nil {
		return err
	}
	if n := len(all); n > 0 && all[n-1].TakenAt.After(taken) {
		return fmt.Errorf("snapshot %d was taken %s, after %s: snapshots are kept in the order they were taken, so ingest older exports first", all[n-1].ID, all[n-1].TakenAt.Format(time.RFC3339), taken.Format(time.RFC3339))
	}
	var progress func(int64)
	start := time.Now()
	if isTerminal(env.Stderr) {
		progress = func(n int64) {
			fmt.Fprintf(env.Stderr, "\r%d records read in %.0f s", n, time.Since(start).Seconds())
		}
	}
	sn, err := st.Ingest(ctx, label, taken, sources, p, progress)
	if progress != nil {
		fmt.Fprintln(env.Stderr)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "snapshot %d: read %d records: %d stored, %d rejected\n", sn.ID, sn.Read, sn.Stored, sn.Rejected)
	if sn.Rejected > 0 {
		d, err := st.Load(ctx, sn.ID)
		if err != nil {
			return err
		}
		for _, r := range d.Rejects {
			fmt.Fprintf(env.Stderr, "%s:%d: %s\n", safe.Line(r.File), r.Line, safe.Line(r.Msg))
		}
	}
	return nil
}

var auditContentCmd = &Command{
	Name:      "content",
	UsageLine: "audit content --db DB [--format md|json|html] [--out DIR] [--decisions FILE] [--config FILE] [--top 20] [--pass-mark 60] [--no-social]",
	Short:     "the democratic content audit of the latest content snapshot",
	Long:      "Content " + contentReportLong,
	SetFlags:  setContentReportFlags,
	Run:       runContentReport,
}

var auditReportFlags struct {
	db       string
	ward     string
	format   string
	out      string
	snapshot int64
	survey   surveyFlags
}

// surveyFlags name the councillors' digital-skills survey whose personas
// join the council overview.
type surveyFlags struct {
	file    string
	forms   bool
	seed    uint64
	minSize int
	small   bool
}

func (f *surveyFlags) set(fs *flag.FlagSet) {
	fs.StringVar(&f.file, "survey", "", "the councillors' digital-skills survey `FILE` (CSV, JSON or .xlsx, as civickit personas reads it)")
	fs.BoolVar(&f.forms, "survey-forms", false, "the survey is a Microsoft Forms, Google Forms or SurveyMonkey export with the shipped wording")
	fs.Uint64Var(&f.seed, "survey-seed", 1, "the personas' random `SEED`")
	fs.IntVar(&f.minSize, "survey-min-size", persona.DefaultMinSize, "fewest respondents a persona or figure may rest on")
	fs.BoolVar(&f.small, "allow-small-groups", false, "allow a --survey-min-size below the default (never below 3)")
}

// personas builds the personas of the survey, or returns nil when none was
// given. Too few respondents for any persona is not an error: the overview
// says so and shows no figure.
func (f *surveyFlags) personas(ctx context.Context, env *Env, cmd *Command) (*persona.Report, error) {
	if f.file == "" {
		return nil, nil
	}
	if err := persona.CheckMinSize(f.minSize, persona.DefaultMinSize, f.small); err != nil {
		return nil, usagef(cmd, "--survey-min-size: %v", err)
	}
	var mapping *persona.Mapping
	if f.forms {
		mapping = persona.FormsMapping()
	}
	survey, err := readParsed(env, f.file, func(r io.Reader, file string) (*persona.Survey, error) {
		o := persona.SurveyOptions{File: file, Mapping: mapping}
		switch lower := strings.ToLower(f.file); {
		case strings.HasSuffix(lower, ".json"):
			return persona.ReadSurveyJSON(r, o)
		case strings.HasSuffix(lower, ".xlsx"):
			return persona.ReadSurveyXLSX(r, o)
		}
		return persona.ReadSurveyCSV(r, o)
	})
	if err != nil {
		return nil, err
	}
	rep, err := persona.Build(ctx, survey, persona.Options{Seed: f.seed, MinSize: f.minSize, AllowSmallGroups: f.small})
	if errors.Is(err, persona.ErrTooFew) || errors.Is(err, persona.ErrTooFewDistinct) {
		return &persona.Report{MinSize: f.minSize}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.file, err)
	}
	return rep, nil
}

var auditReportCmd = &Command{
	Name:      "report",
	UsageLine: "audit report --db DB [--ward ID] [--format json|md|html] [--out DIR] [--snapshot ID] [--survey FILE [--survey-forms] [--survey-seed 1] [--survey-min-size 10 [--allow-small-groups]]]",
	Short:     "report the latest snapshot per ward and councillor",
	Long: `Report writes the audit of the latest snapshot (or --snapshot), compared
with the one before it: per ward, the connectivity score and its trend,
the community groups and who reaches them, groups nobody reaches and who
could introduce them; per councillor, the tools used, activity, followers,
reach, groups reached directly and at two steps, ties gained and lost, and
what to do next.

--survey joins the councillors' digital-skills survey to the council
overview: the personas' stage mix (reluctant, curious, practising,
champion) and learning needs, as "civickit personas" builds them. No
figure rests on fewer than --survey-min-size respondents (default 10), and
no persona is ever tied to a councillor; with too few respondents the
overview says so and shows no figure.

--format html with --out DIR writes a self-contained site (index.html, a
page per ward and per councillor) to open in a browser; without --out it
writes the overview page to standard output. json and md write to
standard output, or to report.json or report.md in --out DIR.`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.StringVar(&auditReportFlags.db, "db", "", "the store: a SQLite `FILE` or a postgres:// URL")
		fs.StringVar(&auditReportFlags.ward, "ward", "", "report only the ward with this `ID`")
		fs.StringVar(&auditReportFlags.format, "format", "md", "output format: json, md or html")
		fs.StringVar(&auditReportFlags.out, "out", "", "write files into `DIR` instead of standard output")
		fs.Int64Var(&auditReportFlags.snapshot, "snapshot", 0, "report snapshot `ID` instead of the latest")
		auditReportFlags.survey.set(fs)
	},
	Run: runAuditReport,
}

func openReadOnly(ctx context.Context, cmd *Command, db string) (*store.Store, error) {
	if db == "" {
		return nil, usagef(cmd, "--db is required")
	}
	if !store.IsPostgres(db) {
		if err := notADirectory(db); err != nil {
			return nil, err
		}
		if _, err := os.Stat(db); err != nil {
			return nil, fmt.Errorf("no audit store at %s: run civickit audit ingest first", db)
		}
	}
	return store.Open(ctx, db, store.Options{ReadOnly: true})
}

func runAuditReport(ctx context.Context, env *Env, cmd *Command, args []string) error {
	args, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	f := auditReportFlags
	if len(args) > 0 {
		return usagef(cmd, "unexpected argument %s", safe.Quote(args[0]))
	}
	switch f.format {
	case "json", "md", "html":
	default:
		return usagef(cmd, "unknown format %s (want json, md or html)", safe.Quote(f.format))
	}
	pr, err := f.survey.personas(ctx, env, cmd)
	if err != nil {
		return err
	}
	st, err := openReadOnly(ctx, cmd, f.db)
	if err != nil {
		return err
	}
	defer st.Close()
	r, err := st.Report(ctx, f.snapshot)
	if err != nil {
		return err
	}
	if pr != nil {
		if err := r.JoinPersonas(pr); err != nil {
			return err
		}
	}
	if f.format == "html" && f.out != "" && f.ward == "" {
		// The site carries the content audit when the store has one.
		cr, err := siteContent(ctx, st)
		if err != nil {
			return err
		}
		if cr != nil {
			if err := writeFile(filepath.Join(f.out, "content.html"), func(w io.Writer) error { return cr.WriteHTMLPage(w, "index.html") }); err != nil {
				return err
			}
			r.ContentPage = "content.html"
		}
	}
	return writeReport(env, cmd, r, f.ward, f.format, f.out)
}

func writeReport(env *Env, cmd *Command, r *audit.Report, ward, format, out string) error {
	if ward != "" {
		w, ok := r.Ward(ward)
		if !ok {
			return fmt.Errorf("no ward %s in snapshot %d", safe.Quote(ward), r.Snapshot.ID)
		}
		r = w
	}
	if out == "" {
		switch format {
		case "json":
			return r.WriteJSON(env.Stdout)
		case "md":
			return r.WriteMarkdown(env.Stdout)
		}
		return r.WriteHTML(env.Stdout)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	write := func(name string, f func(io.Writer) error) error {
		fh, err := os.Create(filepath.Join(out, name))
		if err != nil {
			return err
		}
		if err := f(fh); err != nil {
			fh.Close()
			return err
		}
		return fh.Close()
	}
	switch format {
	case "json":
		return write("report.json", r.WriteJSON)
	case "md":
		return write("report.md", r.WriteMarkdown)
	}
	pages, err := r.HTMLPages()
	if err != nil {
		return err
	}
	for _, p := range pages {
		if err := write(p.Name, func(w io.Writer) error { _, err := w.Write(p.HTML); return err }); err != nil {
			return err
		}
	}
	fmt.Fprintf(env.Stdout, "wrote %d pages to %s; open %s\n", len(pages), out, filepath.Join(out, "index.html"))
	return nil
}

var auditDiffFlags struct {
	db     string
	format string
}

var auditDiffCmd = &Command{
	Name:      "diff",
	UsageLine: "audit diff --db DB [--format md|json] SNAPSHOT SNAPSHOT",
	Short:     "what changed between two snapshots",
	Long: `Diff reports the second snapshot compared with the first: each ward's
score change and newly reached groups, each councillor's ties gained and
lost, groups newly reached and follower growth.`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.StringVar(&auditDiffFlags.db, "db", "", "the store: a SQLite `FILE` or a postgres:// URL")
		fs.StringVar(&auditDiffFlags.format, "format", "md", "output format: md or json")
	},
	Run: runAuditDiff,
}

func runAuditDiff(ctx context.Context, env *Env, cmd *Command, args []string) error {
	args, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	f := auditDiffFlags
	if len(args) != 2 {
		return usagef(cmd, "want two snapshot ids, got %d arguments", len(args))
	}
	var ids [2]int64
	for i, a := range args {
		if ids[i], err = strconv.ParseInt(a, 10, 64); err != nil || ids[i] <= 0 {
			return usagef(cmd, "snapshot %s is not a snapshot id", safe.Quote(a))
		}
	}
	if f.format != "md" && f.format != "json" {
		return usagef(cmd, "unknown format %s (want md or json)", safe.Quote(f.format))
	}
	st, err := openReadOnly(ctx, cmd, f.db)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, id := range ids {
		if _, err := st.Snapshot(ctx, id); err != nil {
			return err
		}
	}
	r, err := st.Compare(ctx, ids[0], ids[1])
	if err != nil {
		return err
	}
	if f.format == "json" {
		return r.WriteJSON(env.Stdout)
	}
	return r.WriteDiff(env.Stdout)
}

var auditPruneFlags struct {
	db   string
	keep string
}

var auditPruneCmd = &Command{
	Name:      "prune",
	UsageLine: "audit prune --db DB --keep AGE",
	Short:     "delete snapshots older than the retention period",
	Long: `Prune deletes the snapshots taken more than --keep ago (13mo, 2y, 90d,
6w), in one transaction; the latest snapshot is always kept. Retention is
the council's choice: set it in the council's privacy notice and run prune
after each ingest.`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.StringVar(&auditPruneFlags.db, "db", "", "the store: a SQLite `FILE` or a postgres:// URL")
		fs.StringVar(&auditPruneFlags.keep, "keep", "", "keep snapshots younger than `AGE` (e.g. 13mo)")
	},
	Run: runAuditPrune,
}

// parseAge reads 13mo, 2y, 90d or 6w and returns the cutoff before now.
func parseAge(s string, now time.Time) (time.Time, error) {
	for _, u := range []struct {
		suffix string
		f      func(int) time.Time
	}{
		{"mo", func(n int) time.Time { return now.AddDate(0, -n, 0) }},
		{"y", func(n int) time.Time { return now.AddDate(-n, 0, 0) }},
		{"w", func(n int) time.Time { return now.AddDate(0, 0, -7*n) }},
		{"d", func(n int) time.Time { return now.AddDate(0, 0, -n) }},
	} {
		if v, ok := strings.CutSuffix(s, u.suffix); ok {
			n, err := strconv.Atoi(v)
			if err != nil || n <= 0 {
				break
			}
			return u.f(n), nil
		}
	}
	return time.Time{}, fmt.Errorf("--keep %s: want a whole number and mo, y, w or d (13mo)", safe.Quote(s))
}

func runAuditPrune(ctx context.Context, env *Env, cmd *Command, args []string) error {
	args, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	f := auditPruneFlags
	if len(args) > 0 {
		return usagef(cmd, "unexpected argument %s", safe.Quote(args[0]))
	}
	if f.db == "" || f.keep == "" {
		return usagef(cmd, "--db and --keep are required")
	}
	cutoff, err := parseAge(f.keep, time.Now())
	if err != nil {
		return usagef(cmd, "%v", err)
	}
	st, err := store.Open(ctx, f.db, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	n, err := st.Prune(ctx, cutoff)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "deleted %d snapshots taken before %s\n", n, cutoff.UTC().Format("2 January 2006"))
	return nil
}

var auditServeFlags struct {
	db     string
	addr   string
	survey surveyFlags
}

var auditServeCmd = &Command{
	Name:      "serve",
	UsageLine: "audit serve --db DB [--addr 127.0.0.1:8080] [--survey FILE ...]",
	Short:     "serve the latest report read-only over HTTP",
	Long: `Serve serves the HTML report of the latest snapshot, and the content
audit of the latest content snapshot at /content.html, rebuilt when a new
snapshot lands. It only reads: the store is opened read-only and any
method but GET and HEAD is refused. Every response carries a strict
Content-Security-Policy (no script, frame-ancestors 'none'),
X-Content-Type-Options: nosniff and no-referrer.

It has no sign-in of its own and listens on 127.0.0.1 by default: put it
behind the council's sign-in proxy (the reverse proxy that fronts the
intranet with single sign-on, for example nginx with auth_request or an
identity-aware proxy) and let only the proxy reach the port.`,
	SetFlags: func(fs *flag.FlagSet) {
		fs.StringVar(&auditServeFlags.db, "db", "", "the store: a SQLite `FILE` or a postgres:// URL")
		fs.StringVar(&auditServeFlags.addr, "addr", "127.0.0.1:8080", "listen on `ADDR`")
		auditServeFlags.survey.set(fs)
	},
	Run: runAuditServe,
}

// auditSite serves the HTML pages of the latest snapshot.
type auditSite struct {
	st *store.Store
	mu sync.Mutex
	id int64
	// contentID is the latest content snapshot's, 0 when none.
	contentID int64
	pages     map[string][]byte
	// personas, when not nil, join the overview (audit serve --survey).
	personas *persona.Report

	cmu         sync.Mutex
	contentKey  [2]int64 // the social and content snapshots of contentPage
	contentPage []byte
}

// securityHeaders are sent with every response of audit serve.
var securityHeaders = map[string]string{
	"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
	"X-Content-Type-Options":  "nosniff",
	"X-Frame-Options":         "DENY",
	"Referrer-Policy":         "no-referrer",
	"Cache-Control":           "no-store",
}

func (s *auditSite) current(ctx context.Context) (map[string][]byte, error) {
	latest, _, err := s.st.Latest(ctx)
	if err != nil {
		return nil, err
	}
	contentID, err := s.st.LatestContentID(ctx)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.pages != nil && s.id == latest.ID && s.contentID == contentID {
		return s.pages, nil
	}
	r, err := s.st.Report(ctx, latest.ID)
	if err != nil {
		return nil, err
	}
	if s.personas != nil {
		if err := r.JoinPersonas(s.personas); err != nil {
			return nil, err
		}
	}
	if contentID != 0 {
		r.ContentPage = "content.html"
	}
	pages, err := r.HTMLPages()
	if err != nil {
		return nil, err
	}
	all := map[string][]byte{}
	for _, p := range pages {
		all[p.Name] = p.HTML
	}
	s.pages, s.id, s.contentID = all, latest.ID, contentID
	return s.pages, nil
}

// content returns the content audit's page, built on first asking after a
// new social or content snapshot (scoring a large site takes a while, so
// the social pages never wait for it); nil when there is no content.
func (s *auditSite) content(ctx context.Context) ([]byte, error) {
	latest, _, err := s.st.Latest(ctx)
	if err != nil && !errors.Is(err, store.ErrNoSnapshot) {
		return nil, err
	}
	contentID, err := s.st.LatestContentID(ctx)
	if err != nil {
		return nil, err
	}
	s.cmu.Lock()
	defer s.cmu.Unlock()
	key := [2]int64{latest.ID, contentID}
	if s.contentPage != nil && s.contentKey == key {
		return s.contentPage, nil
	}
	cr, err := siteContent(ctx, s.st)
	if err != nil || cr == nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := cr.WriteHTMLPage(&b, "index.html"); err != nil {
		return nil, err
	}
	s.contentPage, s.contentKey = b.Bytes(), key
	return s.contentPage, nil
}

func (s *auditSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for k, v := range securityHeaders {
		w.Header().Set(k, v)
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "read-only: only GET and HEAD", http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(r.URL.Path, "/")
	if name == "" {
		name = "index.html"
	}
	if name == "content.html" {
		page, err := s.content(r.Context())
		switch {
		case err != nil:
			http.Error(w, "the content audit could not be built", http.StatusInternalServerError)
		case page == nil:
			http.NotFound(w, r)
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
		}
		return
	}
	pages, err := s.current(r.Context())
	if err != nil {
		if errors.Is(err, store.ErrNoSnapshot) {
			http.Error(w, "no snapshot yet: run civickit audit ingest", http.StatusServiceUnavailable)
			return
		}
		http.Error(w, "the report could not be built", http.StatusInternalServerError)
		return
	}
	page, ok := pages[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(page)
}

func runAuditServe(ctx context.Context, env *Env, cmd *Command, args []string) error {
	args, err := parseFlags(cmd, cmd.FlagSet(), args)
	if err != nil {
		return err
	}
	f := auditServeFlags
	if len(args) > 0 {
		return usagef(cmd, "unexpected argument %s", safe.Quote(args[0]))
	}
	pr, err := f.survey.personas(ctx, env, cmd)
	if err != nil {
		return err
	}
	st, err := openReadOnly(ctx, cmd, f.db)
	if err != nil {
		return err
	}
	defer st.Close()
	srv := &http.Server{Handler: &auditSite{st: st, personas: pr}, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second, WriteTimeout: 60 * time.Second}
	return serveUntilDone(ctx, env, srv, f.addr, "serving the audit read-only on http://%s/ (Ctrl-C stops)")
}

// parseTaken reads --taken: a date (midnight UTC) or an RFC 3339 time,
// not after now (a snapshot from the future would hide every later one).
func parseTaken(v string, now time.Time) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		var derr error
		if t, derr = time.Parse(time.DateOnly, v); derr != nil {
			return time.Time{}, fmt.Errorf("%s is neither a date (2026-11-02) nor an RFC 3339 time (2026-11-02T09:00:00Z)", safe.Quote(v))
		}
	}
	if t.After(now) {
		return time.Time{}, fmt.Errorf("%s is in the future", safe.Quote(v))
	}
	return t.UTC(), nil
}
