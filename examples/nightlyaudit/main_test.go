package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/civickit/civickit/audit"
)

// TestRun runs three nights: the second a month after the first, with a
// councillor newly linked to a group, and the third fourteen months on,
// when the retention period has passed for the first two.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	reg, err := os.ReadFile("wards.csv")
	if err != nil {
		t.Fatal(err)
	}
	// a month on, Cllr Ben Moss sits on the choir's committee
	later := strings.Replace(string(reg), "2026-10-02,\n", "2026-11-30,grp-choir\n", 1)
	if later == string(reg) {
		t.Fatal("the register's Ben Moss row has changed: update the test")
	}
	second := filepath.Join(dir, "wards-later.csv")
	if err := os.WriteFile(second, []byte(later), 0o644); err != nil {
		t.Fatal(err)
	}
	c := config{DB: filepath.Join(dir, "audit.db"), Site: filepath.Join(dir, "site"), Key: []byte("a test key, not a secret one"),
		Keep: 365 * 24 * time.Hour, Register: "wards.csv", Now: time.Date(2026, 11, 2, 2, 0, 0, 0, time.UTC)}
	night := func(c config) string {
		t.Helper()
		var out strings.Builder
		if err := run(context.Background(), &out, c); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	first := night(c)
	if !strings.Contains(first, "Millbrook Central") || !strings.Contains(first, "(new)") {
		t.Errorf("first night:\n%s", first)
	}
	c.Register, c.Now = second, c.Now.AddDate(0, 1, 0)
	out := night(c)
	var line string
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "Millbrook Central") {
			line = l
		}
	}
	if !strings.Contains(line, "(+") {
		t.Errorf("second night: Millbrook Central's score did not rise:\n%s", out)
	}
	for _, name := range []string{"index.html", audit.PageName("ward", "E05990001"), audit.PageName("councillor", "cllr-ben-moss")} {
		if _, err := os.Stat(filepath.Join(c.Site, name)); err != nil {
			t.Error(err)
		}
	}
	c.Now = c.Now.AddDate(1, 2, 0)
	if out := night(c); !strings.Contains(out, "deleted 2 snapshots") {
		t.Errorf("third night: want the first two snapshots deleted:\n%s", out)
	}
	c.Key = nil
	if err := run(context.Background(), &strings.Builder{}, c); !errors.Is(err, audit.ErrNoKey) {
		t.Errorf("without a key: %v, want ErrNoKey", err)
	}
}
