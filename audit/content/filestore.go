package content

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// FileStore is a [Store] in a directory: one JSON file per snapshot
// (snapshot-000001.json, ...), bodies included, each written to a
// temporary file and renamed into place so that a reader never sees half
// a snapshot. The audit store (package audit/store) is the one the CLI
// uses; FileStore suits a quick local run without a database.
type FileStore struct {
	// Dir is the directory; it is created on the first save.
	Dir string
}

// storedItem is an Item with its body, for the file.
type storedItem struct {
	Item
	Body []byte `json:"body,omitempty"`
}

type storedSnapshot struct {
	ID    string       `json:"id"`
	Taken string       `json:"taken"`
	Items []storedItem `json:"items"`
	Views Views        `json:"views,omitempty"`
}

func (f *FileStore) names() ([]string, error) {
	m, err := filepath.Glob(filepath.Join(f.Dir, "snapshot-*.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(m)
	return m, nil
}

// SaveContent writes s as the next snapshot, giving it an id if it has
// none.
func (f *FileStore) SaveContent(ctx context.Context, s Snapshot) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := os.MkdirAll(f.Dir, 0o755); err != nil {
		return fmt.Errorf("content: store: %w", err)
	}
	names, err := f.names()
	if err != nil {
		return err
	}
	n := len(names) + 1
	if s.ID == "" {
		s.ID = fmt.Sprintf("%06d", n)
	}
	ss := storedSnapshot{ID: s.ID, Views: s.Views}
	if !s.Taken.IsZero() {
		ss.Taken = s.Taken.UTC().Format(time.RFC3339)
	}
	for _, it := range s.Items {
		ss.Items = append(ss.Items, storedItem{Item: it, Body: it.Body})
	}
	b, err := json.Marshal(ss)
	if err != nil {
		return err
	}
	name := filepath.Join(f.Dir, fmt.Sprintf("snapshot-%06d.json", n))
	tmp, err := os.CreateTemp(f.Dir, ".snapshot-*.tmp")
	if err != nil {
		return fmt.Errorf("content: store: %w", err)
	}
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("content: store: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("content: store: %w", err)
	}
	tmp.Close()
	if err := os.Rename(tmp.Name(), name); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("content: store: %w", err)
	}
	return nil
}

// LatestContent reads up to n snapshots, newest first.
func (f *FileStore) LatestContent(ctx context.Context, n int) ([]Snapshot, error) {
	names, err := f.names()
	if err != nil {
		return nil, err
	}
	var out []Snapshot
	for i := len(names) - 1; i >= 0 && len(out) < n; i-- {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		b, err := os.ReadFile(names[i])
		if err != nil {
			return nil, fmt.Errorf("content: store: %w", err)
		}
		var ss storedSnapshot
		if err := json.Unmarshal(b, &ss); err != nil {
			return nil, fmt.Errorf("content: store: %s: %w", filepath.Base(names[i]), err)
		}
		s := Snapshot{ID: ss.ID, Views: ss.Views}
		if ss.Taken != "" {
			s.Taken, _ = time.Parse(time.RFC3339, strings.TrimSpace(ss.Taken))
		}
		for _, it := range ss.Items {
			item := it.Item
			item.Body = it.Body
			s.Items = append(s.Items, item)
		}
		out = append(out, s)
	}
	return out, nil
}
