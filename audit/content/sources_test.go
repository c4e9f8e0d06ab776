package content

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"errors"
	"hash/crc32"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/civickit/civickit/civic"
	"github.com/civickit/civickit/civic/journey"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return b
}

func TestReadFeedRSS(t *testing.T) {
	items, err := ReadFeed(bytes.NewReader(readFixture(t, "feeds/news.rss")), FeedOptions{File: "news.rss"})
	require.NoError(t, err)
	require.Len(t, items, 2, "the entry without a link is left out")
	assert.Equal(t, "https://www.millbrook.gov.uk/news/library-hours-consultation", items[0].URL)
	assert.Equal(t, "2026-11-02T09:00:00Z", items[0].Published)
	assert.Equal(t, ChannelFeed, items[0].Channel)
	assert.Contains(t, string(items[0].Body), "consultation closes")
	assert.Contains(t, string(items[1].Body), "<strong>a day later</strong>", "content:encoded wins over description")
	assert.Equal(t, "2026-11-17T12:30:00Z", items[1].Published)
}

func TestReadFeedAtom(t *testing.T) {
	items, err := ReadFeed(bytes.NewReader(readFixture(t, "feeds/decisions.atom")), FeedOptions{})
	require.NoError(t, err)
	require.Len(t, items, 1)
	assert.Equal(t, "https://democracy.millbrook.gov.uk/ieDecisionDetails.aspx?ID=501", items[0].URL, "rel=alternate, not rel=edit")
	assert.Contains(t, string(items[0].Body), "<p>Cabinet agreed")
}

func TestReadFeedErrors(t *testing.T) {
	for name, src := range map[string]string{
		"html":      "<html><body>not a feed</body></html>",
		"empty":     "",
		"truncated": "<rss><channel><item><title>x",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ReadFeed(strings.NewReader(src), FeedOptions{File: "f.xml"})
			var pe *civic.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "f.xml", pe.File)
		})
	}
	_, err := ReadFeed(strings.NewReader("<rss>"+strings.Repeat("x", 100)+"</rss>"), FeedOptions{MaxBytes: 50})
	assert.Error(t, err, "the size cap")
}

func TestModernGov(t *testing.T) {
	mux := http.NewServeMux()
	var uas []string
	mux.HandleFunc("/mgWebService.asmx/GetMeetings", func(w http.ResponseWriter, r *http.Request) {
		uas = append(uas, r.UserAgent())
		assert.Equal(t, "130", r.URL.Query().Get("lCommitteeId"))
		assert.Equal(t, "01/11/2026", r.URL.Query().Get("sFromDate"), "ModernGov takes dd/mm/yyyy")
		w.Write(readFixture(t, "moderngov/getmeetings.xml"))
	})
	mux.HandleFunc("/mgWebService.asmx/GetMeeting", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("lMeetingId") {
		case "4021":
			w.Write(readFixture(t, "moderngov/getmeeting-4021.xml"))
		default:
			http.Error(w, "boom", http.StatusInternalServerError)
		}
	})
	base := newServer(t, mux)
	mg := ModernGov{BaseURL: base, Delay: time.Millisecond}
	items, errs, err := mg.Items(context.Background(), 130, "2026-11-01", "2026-11-30")
	require.NoError(t, err)
	require.Len(t, errs, 1, "meeting 4022 fails with a 500 and is skipped; 1187 of 2019, listed by an install that ignores the dates, is not asked for")
	assert.ErrorIs(t, errs[0], ErrHTTPStatus)
	require.Len(t, items, 4, "two agenda items and two linked documents")
	var decision, report Item
	for _, it := range items {
		if it.Title == "Library opening hours" {
			decision = it
		}
		if it.Title == "Library opening hours report" {
			report = it
		}
	}
	assert.Equal(t, "mg-issue-777", decision.DecisionID)
	assert.Equal(t, journey.StageDecisionPublished, decision.Stage)
	assert.Equal(t, "2026-11-18", decision.Published)
	assert.Contains(t, string(decision.Body), "Cabinet agreed")
	assert.Equal(t, base+"/mgConvert2PDF.aspx?ID=55101", report.URL, "a relative document URL is resolved")
	assert.Equal(t, "mg-issue-777", report.DecisionID)
	assert.Equal(t, ChannelDocument, report.Channel)
	assert.Equal(t, []string{DefaultUserAgent}, uas)
}

func TestReadMeetingErrors(t *testing.T) {
	_, err := ReadMeeting(strings.NewReader("<meeting><agendaitems/></meeting>"), MGOptions{File: "m.xml"})
	var pe *civic.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "meetingid", pe.Field)
	_, err = ReadMeeting(strings.NewReader("<html/>"), MGOptions{})
	assert.Error(t, err)
}

func TestReadPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("CI installs poppler-utils; pdftotext is missing")
		}
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	pages, err := ReadPDF(context.Background(), readFixture(t, "documents/report.pdf"), PDFOptions{})
	require.NoError(t, err)
	require.Len(t, pages, 2)
	assert.Equal(t, 1, pages[0].Number)
	assert.Contains(t, pages[0].Text, "Page one")
	assert.Equal(t, 2, pages[1].Number)
	assert.Contains(t, pages[1].Text, "Recommendation")

	_, err = ReadPDF(context.Background(), []byte("<html>"), PDFOptions{})
	assert.Error(t, err)
	_, err = ReadPDF(context.Background(), readFixture(t, "documents/report.pdf"), PDFOptions{MaxBytes: 10})
	assert.ErrorIs(t, err, ErrTooLarge)
	_, err = ReadPDF(context.Background(), nil, PDFOptions{Command: "no-such-pdftotext"})
	assert.ErrorIs(t, err, ErrNoPDFTool)
}

func TestSplitPages(t *testing.T) {
	assert.Nil(t, SplitPages(""))
	assert.Equal(t, []Page{{1, "a"}, {2, ""}, {3, "c"}}, SplitPages("a\f\fc\f"))
}

// docx builds a Word document from the XML of its body.
func docx(t testing.TB, body string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.Create("word/document.xml")
	require.NoError(t, err)
	w.Write([]byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`))
	require.NoError(t, zw.Close())
	return b.Bytes()
}

func TestReadDOCX(t *testing.T) {
	src := docx(t, `<w:p><w:r><w:t>Cabinet report</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Item </w:t><w:tab/><w:t>one</w:t><w:br/><w:t>next line</w:t></w:r></w:p>
<w:p><w:r><w:br w:type="page"/><w:t>Recommendations</w:t></w:r></w:p>
<w:p><w:r><w:lastRenderedPageBreak/><w:t>Appendix</w:t><w:delText>deleted</w:delText></w:r></w:p>`)
	pages, err := ReadDOCX(src, DOCXOptions{})
	require.NoError(t, err)
	require.Len(t, pages, 3)
	assert.Equal(t, "Cabinet report\nItem \tone\nnext line", pages[0].Text)
	assert.Equal(t, "Recommendations", pages[1].Text)
	assert.Equal(t, Page{3, "Appendix"}, pages[2], "deleted text is left out")

	_, err = ReadDOCX([]byte("not a zip"), DOCXOptions{})
	assert.ErrorIs(t, err, ErrNotDOCX)
}

// TestReadDOCXZipBomb: 16 MiB of zeros that deflate to a few KiB, once
// with an honest header and once with a header that claims 10 bytes.
func TestReadDOCXZipBomb(t *testing.T) {
	big := bytes.Repeat([]byte{'a'}, 16<<20)
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestSpeed)
	fw.Write(big)
	fw.Close()
	for _, lie := range []bool{false, true} {
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		h := &zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(big), CompressedSize64: uint64(comp.Len()), UncompressedSize64: uint64(len(big))}
		if lie {
			h.UncompressedSize64 = 10
		}
		w, err := zw.CreateRaw(h)
		require.NoError(t, err)
		w.Write(comp.Bytes())
		require.NoError(t, zw.Close())
		start := time.Now()
		_, err = ReadDOCX(b.Bytes(), DOCXOptions{MaxBytes: 1 << 20})
		if lie {
			assert.Error(t, err, "a lying header is caught by the limit reader or the zip checks")
		} else {
			assert.ErrorIs(t, err, ErrTooLarge)
		}
		assert.Less(t, time.Since(start), 2*time.Second)
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for i := 0; i < 20; i++ {
		zw.Create("f" + strings.Repeat("x", i))
	}
	zw.Close()
	_, err := ReadDOCX(b.Bytes(), DOCXOptions{MaxFiles: 10})
	assert.ErrorIs(t, err, ErrNotDOCX)
}

func TestAnalytics(t *testing.T) {
	ga, err := ReadGA4CSV(bytes.NewReader(readFixture(t, "analytics/ga4.csv")), AnalyticsOptions{File: "ga4.csv"})
	require.NoError(t, err)
	// From ga4.csv: the grand-total row (no page) is skipped; "4,100" is 4100.
	assert.Equal(t, Views{"/news/library-hours-consultation": 4100, "/bins": 3900, "/council/decisions/library-hours": 800}, ga)
	assert.Equal(t, int64(3900), ga.Of("https://www.millbrook.gov.uk/bins/?utm=x#top"))

	pl, err := ReadPlausibleCSV(bytes.NewReader(readFixture(t, "analytics/plausible-pages.csv")), AnalyticsOptions{})
	require.NoError(t, err)
	assert.Equal(t, Views{"/news/library-hours-consultation": 3950, "/bins": 3800}, pl)

	mt, err := ReadMatomoJSON(bytes.NewReader(readFixture(t, "analytics/matomo.json")), AnalyticsOptions{})
	require.NoError(t, err)
	assert.Equal(t, Views{"/news/library-hours-consultation": 4000, "/bins": 3850, "/council/decisions/library-hours": 790}, mt)

	byDate := `{"2026-11-01":[{"label":"/a","nb_hits":2}],"2026-11-02":[{"label":"/a","nb_hits":3}]}`
	mt, err = ReadMatomoJSON(strings.NewReader(byDate), AnalyticsOptions{})
	require.NoError(t, err)
	assert.Equal(t, Views{"/a": 5}, mt)
}

func TestAnalyticsErrors(t *testing.T) {
	for name, tc := range map[string]struct {
		read func() error
		line int
	}{
		"ga4 no views column": {func() error {
			_, err := ReadGA4CSV(strings.NewReader("# c\nPage path,Users\n/a,1\n"), AnalyticsOptions{File: "x.csv"})
			return err
		}, 2},
		"ga4 bad number": {func() error {
			_, err := ReadGA4CSV(strings.NewReader("# c\n# d\nPage path,Views\n/a,1\n/b,many\n"), AnalyticsOptions{File: "x.csv"})
			return err
		}, 5},
		"plausible latin-1": {func() error {
			_, err := ReadPlausibleCSV(strings.NewReader("name,pageviews\n/caf\xe9,1\n"), AnalyticsOptions{File: "x.csv"})
			return err
		}, 0},
		"matomo error": {func() error {
			_, err := ReadMatomoJSON(strings.NewReader(`{"result":"error","message":"token"}`), AnalyticsOptions{File: "x.json"})
			return err
		}, 0},
		"matomo syntax": {func() error {
			_, err := ReadMatomoJSON(strings.NewReader("[\n{\"label\":\n}]"), AnalyticsOptions{File: "x.json"})
			return err
		}, 3},
	} {
		t.Run(name, func(t *testing.T) {
			err := tc.read()
			var pe *civic.ParseError
			require.True(t, errors.As(err, &pe), "%v", err)
			assert.Equal(t, tc.line, pe.Line, pe.Error())
		})
	}
}

func TestPageKey(t *testing.T) {
	for in, want := range map[string]string{
		"https://www.x.gov.uk/Bins/?a=1#b": "/bins", "/": "/", "": "", "bins": "/bins",
		"https://x.gov.uk": "/", "/a//": "/a",
	} {
		assert.Equal(t, want, PageKey(in), in)
	}
}

func TestSitemapParse(t *testing.T) {
	sm, err := ParseSitemap([]byte(`<urlset><url><loc> https://a/x </loc><lastmod>2026-01-01</lastmod></url><url><loc></loc></url></urlset>`), 0)
	require.NoError(t, err)
	assert.Equal(t, []SitemapURL{{Loc: "https://a/x", LastMod: "2026-01-01"}}, sm.URLs)
	_, err = ParseSitemap([]byte(`<html></html>`), 0)
	assert.Error(t, err)
	_, err = ParseSitemap([]byte(`<urlset>`+strings.Repeat("<url><loc>https://a/</loc></url>", 100)+`</urlset>`), 200)
	assert.Error(t, err, "the size cap")
}

func TestSitemapGzip(t *testing.T) {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(`<urlset><url><loc>https://a/x</loc></url></urlset>`))
	zw.Close()
	sm, err := ParseSitemap(b.Bytes(), 0)
	require.NoError(t, err)
	assert.Len(t, sm.URLs, 1)
	// A gzip bomb: 8 MiB of spaces read through a 1 MiB cap.
	b.Reset()
	zw = gzip.NewWriter(&b)
	zw.Write([]byte("<urlset>"))
	zw.Write(bytes.Repeat([]byte(" "), 8<<20))
	zw.Close()
	_, err = ParseSitemap(b.Bytes(), 1<<20)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "larger than")
}
