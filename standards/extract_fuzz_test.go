package standards

import (
	"os"
	"path/filepath"
	"testing"
)

// fuzzSeeds adds the golden inputs and a few malformed snippets.
func fuzzSeeds(f *testing.F, golden string, extra ...string) {
	if src, err := os.ReadFile(filepath.Join("testdata", "extract", golden)); err == nil {
		f.Add(src)
	}
	for _, s := range extra {
		f.Add([]byte(s))
	}
}

// fuzzExtract extracts src and checks the source-map invariant.
func fuzzExtract(t *testing.T, src []byte, f Format) {
	doc, err := Extract(src, f)
	if err != nil {
		return // binary input
	}
	checkMap(t, src, doc, f == FormatText)
	// every rule, the accessibility rule's markup readers among them,
	// over what the reader made of it
	var c Checker
	card := c.CheckDocument("fuzz", doc)
	for _, fd := range card.Findings {
		if fd.Offset < 0 || fd.Length < 0 || fd.Offset+fd.Length > len(src) || fd.Line < 1 || fd.Column < 1 {
			t.Fatalf("finding %+v out of range in %q", fd, src)
		}
	}
}

func FuzzExtractHTML(f *testing.F) {
	fuzzSeeds(f, "decision-notice.html",
		"<p>a &amp b &#x41; &notin; &#99999999999;</p>",
		"<div><p>x<li>y<td>z</table></p></div></span>",
		"<!-- x --><!--><!---><![CDATA[x]]><?php ?>",
		"<a href='x&amp;y'>a<p>b</a>c",
		"<main></main><article>a</article><article>b</article>",
		"<script>a</scrip</script>b<style x>c</STYLE >d",
		"<svg/><p hidden>x</p><br/><br><br><br>y",
		"a\r\n<b\n>c</b\n>&", "<", "<p", "<p a='", "&", "&#", "&#x", "<plaintext>x",
		"<a class=skip href=#c>Skip</a><a class='skip-link' href=#>x</", "<div role=main><header><h1>t</h1>x</header><footer>f</footer></div>",
		"<div class=content><p>long text, with commas, more than 25 bytes</p></div><div id=cookie>c</div><div class=sidebar><li>a, b, c, d, e, f, g, h</li>",
		"<body><div><div><div><p>a paragraph of more than twenty-five bytes, in three divs</p></div></div></div><div><h1>T</h1>",
		"<p>x <img src=a> <a href=b></a> <a href=c><img alt=''></a><table><tr><td>y</table><a href='d.pdf'>e</a></p>",
		"<p>a<img alt<a href=x>&nbsp;</a<table role=none><th</p><h1>b</h1><h4>c</h4>", "<p>x<a href=y><!--")
	f.Fuzz(func(t *testing.T, src []byte) { fuzzExtract(t, src, FormatHTML) })
}

func FuzzExtractMarkdown(f *testing.F) {
	fuzzSeeds(f, "consultation.md",
		"# h #\n\n* a\n  * b\n\n> q\nlazy\n\n1) x\n2) y\n",
		"a *b _c_ d* e ~~f~~ `g` ``h`i`` \\* &amp; &#35; &bogus;",
		"[a](b \"t\") [c][d] [e] ![f](g) <http://x> <a@b.co> <br> <!-- c -->\n\n[d]: /d\n[e]: </e>",
		"| a | b |\n|---|---|\n| c \\| d | `e|f` |\n",
		"```\ncode\n```\n\n    indented\n\n~~~\nunclosed",
		"---\nfm: 1\n---\ntext", "<div>\n*x*\n</div>\n\ntext",
		"a  \nb\\\nc", "\t- a\n\t\t- b", ">", "-", "1.", "[", "`", "*", "<", "&",
		"![](a) [](b) \\[](c) []( ![x](y.pdf) [doc](z.docx) <img src=q>\n\n# A\n\n### B\n", "[](")
	f.Fuzz(func(t *testing.T, src []byte) { fuzzExtract(t, src, FormatMarkdown) })
}

func FuzzExtractText(f *testing.F) {
	fuzzSeeds(f, "minutes.txt",
		"TITLE\n=====\n\nShort line\n\nA para.\n- a\n* b\n• c\n1. d\na) e\n(iv) f\n",
		"2. Item\n---\n\n\r\n\r\nx\r\n", "-", "• ", "1.", "\n\n")
	f.Fuzz(func(t *testing.T, src []byte) { fuzzExtract(t, src, FormatText) })
}
