package input

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

func TestReadAllCapsEndlessInput(t *testing.T) {
	_, err := ReadAll(endless{}, 1<<16)
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.Max != 1<<16 {
		t.Fatalf("err = %v, want TooLargeError of 64 KiB", err)
	}
	if !strings.Contains(err.Error(), "64 KiB") {
		t.Errorf("message %q does not name the limit", err)
	}
	b, err := ReadAll(strings.NewReader("abc"), 3)
	if err != nil || string(b) != "abc" {
		t.Errorf("ReadAll at the limit = %q, %v", b, err)
	}
}

func TestLimitStreams(t *testing.T) {
	n, err := io.Copy(io.Discard, Limit(endless{}, 10000))
	var tl *TooLargeError
	if !errors.As(err, &tl) || n != 10000 {
		t.Fatalf("copied %d, err %v", n, err)
	}
	b, err := io.ReadAll(Limit(strings.NewReader("0123456789"), 10))
	if err != nil || len(b) != 10 {
		t.Errorf("exactly at the limit: %q, %v", b, err)
	}
}

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []byte
		want string // "" for no error, else a substring
	}{
		{"ascii", []byte("id,kind\n"), ""},
		{"utf8", []byte("Café,Ŵ\n"), ""},
		{"bom", []byte(BOM + "id\n"), ""},
		{"cut sequence", []byte("ab\xc3"), ""},
		{"utf16le bom", []byte{0xff, 0xfe, 'i', 0}, "UTF-16 (little-endian)"},
		{"utf16be bom", []byte{0xfe, 0xff, 0, 'i'}, "UTF-16 (big-endian)"},
		{"utf16le no bom", []byte{'i', 0, 'd', 0, ',', 0}, "UTF-16 (little-endian)"},
		{"utf32", []byte{0xff, 0xfe, 0, 0, 'i', 0, 0, 0}, "UTF-32"},
		{"latin1 at end", []byte("Caf\xe9"), "Latin-1"},
		{"latin1", []byte("Caf\xe9,x\n"), "Latin-1 or Windows-1252, not UTF-8 (first seen at byte 3)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Check(tc.in, tc.name != "cut sequence")
			if tc.want == "" {
				if err != nil {
					t.Fatalf("Check = %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Check = %v, want %q", err, tc.want)
			}
		})
	}
}

func TestReader(t *testing.T) {
	r, err := Reader(strings.NewReader(BOM+"id,kind\n"), 0)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(r)
	if string(b) != "id,kind\n" {
		t.Errorf("BOM not skipped: %q", b)
	}
	if _, err := Reader(bytes.NewReader([]byte{0xff, 0xfe, 'a', 0}), 0); err == nil {
		t.Error("UTF-16 accepted")
	}
	r, err = Reader(endless{}, 5000)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadAll(r); err == nil {
		t.Error("endless input read without error")
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"64MB": 64 << 20, "64MiB": 64 << 20, "200k": 200 << 10, "1048576": 1 << 20, "2 GB": 2 << 30} {
		got, err := ParseSize(in)
		if err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MB", "12XB", "99999999999999999999"} {
		if _, err := ParseSize(in); err == nil {
			t.Errorf("ParseSize(%q) accepted", in)
		}
	}
	if Size(64<<20) != "64 MiB" || Size(1500) != "1500 bytes" {
		t.Error("Size")
	}
}
