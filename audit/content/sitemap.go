package content

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// SitemapURL is one page listed in a sitemap.
type SitemapURL struct {
	// Loc is the page's address.
	Loc string `json:"loc"`
	// LastMod is the sitemap's lastmod, as written.
	LastMod string `json:"lastmod,omitempty"`
}

// Sitemap is a parsed sitemap (urlset) or sitemap index.
type Sitemap struct {
	// URLs are the pages of a urlset.
	URLs []SitemapURL
	// Sitemaps are the child sitemaps of a sitemap index.
	Sitemaps []string
}

// maxSitemapEntries caps the entries read from one sitemap: the protocol
// allows 50,000 (sitemaps.org).
const maxSitemapEntries = 50000

// ParseSitemap reads a sitemap or sitemap index (sitemaps.org protocol
// 0.9), gzip-compressed or not, reading at most max bytes after
// decompression.
func ParseSitemap(src []byte, max int64) (*Sitemap, error) {
	var r io.Reader = bytes.NewReader(src)
	if len(src) > 2 && src[0] == 0x1f && src[1] == 0x8b {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("content: sitemap: %w", err)
		}
		r = zr
	}
	if max <= 0 {
		max = 50 << 20 // the protocol's 50 MB uncompressed
	}
	lr := &io.LimitedReader{R: r, N: max + 1}
	d := xml.NewDecoder(lr)
	d.Strict = false
	sm := &Sitemap{}
	var root string
	var cur *SitemapURL
	var inSitemap bool
	var field string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if lr.N <= 0 {
				return nil, fmt.Errorf("content: sitemap larger than %d bytes", max)
			}
			return nil, fmt.Errorf("content: sitemap: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			switch {
			case root == "":
				root = name
				if root != "urlset" && root != "sitemapindex" {
					return nil, errors.New("content: not a sitemap: the root element is " + quoteName(t.Name.Local))
				}
			case name == "url" && root == "urlset":
				cur = &SitemapURL{}
			case name == "sitemap" && root == "sitemapindex":
				cur, inSitemap = &SitemapURL{}, true
			case cur != nil && (name == "loc" || name == "lastmod"):
				field = name
			}
		case xml.CharData:
			switch field {
			case "loc":
				cur.Loc += string(t)
			case "lastmod":
				cur.LastMod += string(t)
			}
		case xml.EndElement:
			name := strings.ToLower(t.Name.Local)
			switch {
			case name == field:
				field = ""
			case cur != nil && (name == "url" || name == "sitemap"):
				loc := strings.TrimSpace(cur.Loc)
				if loc != "" {
					if inSitemap {
						sm.Sitemaps = append(sm.Sitemaps, loc)
					} else {
						sm.URLs = append(sm.URLs, SitemapURL{Loc: loc, LastMod: strings.TrimSpace(cur.LastMod)})
					}
				}
				cur, inSitemap = nil, false
				if len(sm.URLs)+len(sm.Sitemaps) > maxSitemapEntries {
					return nil, fmt.Errorf("content: sitemap has more than %d entries", maxSitemapEntries)
				}
			}
		}
	}
	if root == "" {
		return nil, errors.New("content: not a sitemap: no root element")
	}
	return sm, nil
}

func quoteName(s string) string {
	if len(s) > 40 {
		s = s[:40]
	}
	return fmt.Sprintf("%q", s)
}
