package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestTableCurrent regenerates data/lexicon.txt in memory and fails when
// the committed table is stale. It needs the word list, and skips without
// it (apt-get install wbritish-large).
func TestTableCurrent(t *testing.T) {
	if _, err := os.Stat(DefaultWords); err != nil {
		t.Skip("word list not installed: " + DefaultWords)
	}
	got, err := generateFiles(DefaultWords, "../../../data")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../../data/lexicon.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("data/lexicon.txt is stale: run go generate ./standards")
	}
}

// The forms below are the regular inflections of each word that appear
// in any English word list.
func TestExpand(t *testing.T) {
	forms, err := readForms(strings.NewReader("utilise\nutilised\nutilises\nutilising\nutilisation\nresident\nresidents\nreside\nresides\nresidence\nnotify\nnotifies\nnotified\nwith\nwithed\n"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		word     string
		inPhrase bool
		want     string
	}{
		{"utilise", false, "utilise utilised utilises utilising"}, // utilisation is derived, not inflected
		{"reside", false, "reside resides"},                       // residents share the stem, not the meaning
		{"notify", false, "notified notifies notify"},
		{"with", true, "with"},
	}
	for _, tc := range tests {
		got := strings.Join(expand(forms, tc.word, entry{}, tc.inPhrase), " ")
		if got != tc.want {
			t.Errorf("expand(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, src := range []string{"utilise | use", "utilise | use | sometimes", " | use |", "utilise | use | source=a-blog"} {
		if _, err := parse("x.txt", []byte(src)); err == nil || !strings.HasPrefix(err.Error(), "x.txt:1: ") {
			t.Errorf("parse(%q) error = %v, want x.txt:1: ...", src, err)
		}
	}
	// every entry of the plain-English list cites its source
	if _, err := parse("plain.txt", []byte("utilise | use |")); err == nil {
		t.Error("an entry of plain.txt without source= parsed")
	}
	if _, err := parse("plain.txt", []byte("utilise | use | source=govuk-words-to-avoid")); err != nil {
		t.Error(err)
	}
}
