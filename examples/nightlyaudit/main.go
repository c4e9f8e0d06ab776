// Nightlyaudit is the social-media audit as a council runs it every
// night: it reads the ward register into a new snapshot of the audit
// store, builds the audit against the snapshot before, writes the HTML
// site (an overview, a page per ward and per councillor) and deletes
// the snapshots older than the retention period.
//
//	CIVICKIT_PSEUDONYM_KEY=... go run ./examples/nightlyaudit -db audit.db -register wards.csv -site site
//
// The register is the CSV that source.Register reads; without -register
// the example reads the small register next to it (run it from the
// repository's root). -db takes a SQLite file or a postgres:// URL.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/civickit/civickit/audit"
	"github.com/civickit/civickit/audit/source"
	"github.com/civickit/civickit/audit/store"
)

// config is one night's run.
type config struct {
	DB, Register, Site string
	Key                []byte        // the pseudonym key, kept out of the code
	Keep               time.Duration // how long snapshots are kept
	Now                time.Time     // when the snapshot is taken
}

func main() {
	var c config
	flag.StringVar(&c.DB, "db", "audit.db", "the audit store: a SQLite file or a postgres:// URL")
	flag.StringVar(&c.Register, "register", "examples/nightlyaudit/wards.csv", "the ward register (CSV)")
	flag.StringVar(&c.Site, "site", "audit-site", "the folder to write the HTML site to")
	flag.DurationVar(&c.Keep, "keep", 13*30*24*time.Hour, "delete snapshots older than this")
	flag.Parse()
	c.Key, c.Now = []byte(os.Getenv("CIVICKIT_PSEUDONYM_KEY")), time.Now()
	if err := run(context.Background(), os.Stdout, c); err != nil {
		log.Fatal(err)
	}
}

// run ingests the register, writes the site and prunes the store.
func run(ctx context.Context, w io.Writer, c config) error {
	p, err := audit.NewPseudonymizer(c.Key)
	if err != nil {
		return err // audit.ErrNoKey without a key: citizens are never stored in clear
	}
	st, err := store.Open(ctx, c.DB, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()

	f, err := os.Open(c.Register)
	if err != nil {
		return err
	}
	defer f.Close()
	src := &source.Register{R: f, File: filepath.Base(c.Register)}
	sn, err := st.Ingest(ctx, "nightly", c.Now, []audit.Source{src}, p, nil)
	if err != nil {
		return err // nothing of a failed ingest is kept
	}
	fmt.Fprintf(w, "snapshot %d: %d records stored, %d rows rejected\n", sn.ID, sn.Stored, sn.Rejected)

	r, err := st.Report(ctx, 0) // the latest, against the one before
	if err != nil {
		return err
	}
	pages, err := r.HTMLPages()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(c.Site, 0o755); err != nil {
		return err
	}
	for _, pg := range pages {
		if err := os.WriteFile(filepath.Join(c.Site, pg.Name), pg.HTML, 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "%d wards, mean score %.1f; wrote %d pages to %s\n", r.Overview.Wards, r.Overview.MeanScore, len(pages), c.Site)
	for _, wd := range r.Wards {
		change := "new"
		if wd.ScoreChange != nil {
			change = fmt.Sprintf("%+.1f", *wd.ScoreChange)
		}
		fmt.Fprintf(w, "  %-20s %5.1f (%s)\n", wd.Name, wd.Score, change)
	}

	n, err := st.Prune(ctx, c.Now.Add(-c.Keep))
	if err != nil {
		return fmt.Errorf("pruning: %w", err)
	}
	fmt.Fprintf(w, "deleted %d snapshots older than %s\n", n, c.Now.Add(-c.Keep).Format("2 January 2006"))
	return nil
}
