package standards

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// brief renders blocks compactly: kind (and level) and text, one per
// line, links as [text](href) after the text.
func brief(doc *Document) string {
	var sb strings.Builder
	for _, b := range doc.Blocks {
		sb.WriteString(b.Kind.String())
		if b.Level > 0 {
			sb.WriteString(itoa(b.Level))
		}
		sb.WriteString(": " + b.Text)
		for _, l := range b.Links {
			sb.WriteString(" [" + b.Text[l.Start:l.End] + "](" + l.Href + ")")
		}
		sb.WriteString("\n")
	}
	return sb.String()
}

// The expected blocks follow the rules documented on Extract, html.go and
// markdown.go; the Markdown cases follow the CommonMark 0.31 spec examples
// they name.
var extractCases = []struct {
	name string
	f    Format
	src  string
	want string
}{
	// plain text
	{"text paragraphs", FormatText, "First line\nsecond line.\n\n\nNext para.", "paragraph: First line\nsecond line.\nparagraph: Next para.\n"},
	{"text list markers", FormatText, "Items:\n- one\n* two\n• three\n1. four\na) five\n(ii) six\n", "paragraph: Items:\nlist-item: one\nlist-item: two\nlist-item: three\nlist-item: four\nlist-item: five\nlist-item: six\n"},
	{"text list continuation", FormatText, "- one\n  more\n- two", "list-item: one\nmore\nlist-item: two\n"},
	{"text headings", FormatText, "Title\n=====\n\nSub\n---\n\nSHOUTED LINE\nBody text.\n\nShort heading\n\nBody.", "heading1: Title\nheading2: Sub\nheading2: SHOUTED LINE\nparagraph: Body text.\nheading3: Short heading\nparagraph: Body.\n"},
	{"text numbered heading", FormatText, "4. Planning applications\n\nText.", "heading3: 4. Planning applications\nparagraph: Text.\n"},
	{"text crlf", FormatText, "a\r\nb\r\n\r\nc.\r\n", "paragraph: a\nb\nparagraph: c.\n"},
	{"text label value lines", FormatText, "Cabinet\nDate: Tuesday 14 January 2025\nTime: 6.30pm\nThe plan includes:\n- roads\n", "heading3: Cabinet\nlist-item: Date: Tuesday 14 January 2025\nlist-item: Time: 6.30pm\nparagraph: The plan includes:\nlist-item: roads\n"},
	{"text resolution is no label", FormatText, "RESOLVED: That the comments be forwarded to Cabinet.\n", "paragraph: RESOLVED: That the comments be forwarded to Cabinet.\n"},
	{"text label wrapped", FormatText, "Note: the meeting will be\nheld in public.\n", "paragraph: Note: the meeting will be\nheld in public.\n"},
	{"text table rows", FormatText, "Item\tSubject\n1\tApologies\n| a | b |\nContact: Jo | 01234 567890\n", "table-cell: Item\ntable-cell: Subject\ntable-cell: 1\ntable-cell: Apologies\ntable-cell: a\ntable-cell: b\ntable-cell: Contact: Jo\ntable-cell: 01234 567890\n"},
	{"text bullets", FormatText, "Agenda items\n· Minutes\n• Budget\n▪ Plan\n– Other\n", "heading3: Agenda items\nlist-item: Minutes\nlist-item: Budget\nlist-item: Plan\nlist-item: Other\n"},
	{"text numbered item heads its minute", FormatText, "1. Election of Chair\nCllr Wilson was elected Chair.\n2. Declarations of interest\n\nThere were none.\n", "heading3: 1. Election of Chair\nparagraph: Cllr Wilson was elected Chair.\nheading3: 2. Declarations of interest\nparagraph: There were none.\n"},
	{"text long numbered item title", FormatText, "5. Application for a summary review of a premises licence: The Crown, 14 High Street, Egham\n\nThe officer went through the report.\n", "heading3: 5. Application for a summary review of a premises licence: The Crown, 14 High Street, Egham\nparagraph: The officer went through the report.\n"},
	{"text numbered labels", FormatText, "Option 1: To continue the grant at the current level of £22,000 a year until March.\nOption 2: To reduce the grant by 25% from April, with notice given now.\n", "list-item: Option 1: To continue the grant at the current level of £22,000 a year until March.\nlist-item: Option 2: To reduce the grant by 25% from April, with notice given now.\n"},
	{"text item then paragraph", FormatText, "1. Apologies\n2. Declarations of interest\nThe cabinet will consider the report.\n", "list-item: Apologies\nlist-item: Declarations of interest\nparagraph: The cabinet will consider the report.\n"},
	{"text short lines as headings", FormatText, "Key decisions\nThese are decisions that cost a lot.\nUrgent key decisions\nSometimes there are urgent ones.\n", "heading3: Key decisions\nparagraph: These are decisions that cost a lot.\nheading3: Urgent key decisions\nparagraph: Sometimes there are urgent ones.\n"},
	{"text wrapped paragraph", FormatText, "The council will consider the report\nat its meeting on 5 May.\n", "paragraph: The council will consider the report\nat its meeting on 5 May.\n"},
	{"text cr only", FormatText, "Bins\rYou can put your bin out by 7am.\rWe collect it on Monday.\r", "heading3: Bins\nparagraph: You can put your bin out by 7am.\nWe collect it on Monday.\n"},
	{"text not markers", FormatText, "e.g. this\n-not a list\n10.30 am start.", "paragraph: e.g. this\n-not a list\n10.30 am start.\n"},

	// Markdown
	{"md atx", FormatMarkdown, "# One\n###### Six ###\n####### seven\n#no", "heading1: One\nheading6: Six\nparagraph: ####### seven\n#no\n"},             // examples 62, 63, 64, 71
	{"md setext", FormatMarkdown, "Foo *bar*\n=========\n\nFoo\n---\n", "heading1: Foo bar\nheading2: Foo\n"},                                            // example 80
	{"md emphasis", FormatMarkdown, "*a* **b** _c_ __d__ ***e*** ~~f~~ snake_case_name 2 * 3 * 4", "paragraph: a b c d e f snake_case_name 2 * 3 * 4\n"}, // examples 350, 355, 378
	{"md unpaired", FormatMarkdown, "a * b and *c", "paragraph: a * b and *c\n"},
	{"md code", FormatMarkdown, "Use `x = 1` or `` a`b `` here", "paragraph: Use x = 1 or a`b here\n"}, // examples 328, 329
	{"md escapes entities", FormatMarkdown, "\\*x\\* &amp; &copy; &#35; &#x22; &bogus; &copy", "paragraph: *x* & © # \" &bogus; &copy\n"},
	{"md links", FormatMarkdown, "[a](/u \"t\") [b](<c d>) [c][r] [r][] [r] [none] <https://x.y/z> <me@x.org>\n\n[r]: /ref", "paragraph: a b c r r [none] https://x.y/z me@x.org [a](/u) [b](c d) [c](/ref) [r](/ref) [r](/ref) [https://x.y/z](https://x.y/z) [me@x.org](mailto:me@x.org)\n"},
	{"md image dropped", FormatMarkdown, "Before ![alt text](i.png) after", "paragraph: Before  after\n"},
	{"md hard breaks", FormatMarkdown, "a  \nb\\\nc\nd<br>e", "paragraph: a\nb\nc\nd\ne\n"}, // examples 633, 634
	{"md lists", FormatMarkdown, "- a\n  - b\n    c\n- d\n\n  second para\n1) e\n", "list-item: a\nlist-item: b\nc\nlist-item: d\nlist-item: second para\nlist-item: e\n"},
	{"md list interrupt", FormatMarkdown, "The number\n14. is not a list\n", "paragraph: The number\n14. is not a list\n"}, // example 304
	{"md quote lazy", FormatMarkdown, "> a\nb\n\n> - c\n", "quote: a\nb\nlist-item: c\n"},                                  // example 233
	{"md code blocks", FormatMarkdown, "    code\n\n```\nfenced\n```\n~~~\nx\n~~~~\ntext", "paragraph: text\n"},
	{"md unclosed fence", FormatMarkdown, "```\ncode to the end", ""},
	{"md table", FormatMarkdown, "| a | b |\n| - | :-: |\n| `c|d` | e \\| f |\n\nafter", "table-cell: a\ntable-cell: b\ntable-cell: c|d\ntable-cell: e | f\nparagraph: after\n"},
	{"md not table", FormatMarkdown, "a | b\n-- | -- | --\n", "paragraph: a | b\n-- | -- | --\n"},
	{"md html block", FormatMarkdown, "<div>\n<p>Hi <b>there</b></p>\n</div>\n\n<!-- note -->\ntext", "paragraph: Hi there\nparagraph: text\n"},
	{"md front matter", FormatMarkdown, "---\ntitle: x\n---\nBody", "paragraph: Body\n"},
	{"md thematic", FormatMarkdown, "a\n\n***\n- - -\nb", "paragraph: a\nparagraph: b\n"},
	{"md ref def only", FormatMarkdown, "[x]: /y\n", ""},

	// HTML
	{"html main only", FormatHTML, "<header>H</header><nav>N</nav><main><p>M</p></main><footer>F</footer>", "paragraph: M\n"},
	{"html articles", FormatHTML, "<p>side</p><article><p>A</p></article><div>mid</div><article><h2>B</h2></article>", "paragraph: A\nheading2: B\n"},
	{"html body", FormatHTML, "<body><header>H</header><div class=cookie-consent>Cookies?</div><aside>Related</aside><div>Text <span>more</span></div><footer>F</footer>", "paragraph: Text more\n"},
	{"html header in article: its heading kept, the footer not", FormatHTML, "<article><header><h1>T</h1><p>By the press office</p></header><p>x</p><footer>Published 1 May</footer></article>", "heading1: T\nparagraph: x\n"},
	{"html excluded", FormatHTML, "<div>a<script>b</script><style>c</style><noscript>d</noscript><template>e</template><svg><text>f</text></svg><select><option>g</select><button>h</button><textarea>i</textarea><pre>j</pre><span hidden>k</span><span aria-hidden=\"true\">l</span><div role=navigation>m</div>n</div>", "paragraph: a\nparagraph: n\n"},
	{"html whitespace", FormatHTML, "<p>\n  a \t b\n  <b>c</b> d<i>e</i>  </p>", "paragraph: a b c de\n"},
	{"html br", FormatHTML, "<p><br>a<br>b<br><br><br><br>c<br></p>", "paragraph: a\nb\n\nc\n"},
	{"html div text", FormatHTML, "<div>before<p>para</p>after</div>", "paragraph: before\nparagraph: para\nparagraph: after\n"},
	{"html kinds", FormatHTML, "<blockquote><p>q</p></blockquote><dl><dt>t<dd>d</dl><table><caption>cap</caption><tr><th>h<td>c</table><figure><figcaption>fig</figcaption></figure><ul><li><p>lp</p></ul>", "quote: q\nlist-item: t\nlist-item: d\nparagraph: cap\ntable-cell: h\ntable-cell: c\nparagraph: fig\nlist-item: lp\n"},
	{"html entities", FormatHTML, "<p>&amp;&lt;&gt;&quot;&apos;&#39;&#x27;&pound;&euro;&hellip;&copy2025 &notit; &nonsense; &#0; &#150; &#x110000;</p>", "paragraph: &<>\"'''£€…©2025 ¬it; &nonsense; \ufffd – \ufffd\n"},
	{"html links", FormatHTML, "<p>See <a href=\"/a?x=1&amp;y=2\"> the page </a>, <a href=/b>b</a><a>no href</a></p><a href=/c><p>block link</p></a>", "paragraph: See the page , bno href [the page](/a?x=1&y=2) [b](/b)\nparagraph: block link [block link](/c)\n"},
	{"html malformed", FormatHTML, "</p><p>a<p>b</div><li>c<li>d</span></li><div><div>e", "paragraph: a\nparagraph: b\nlist-item: c\nlist-item: d\nparagraph: e\n"},
	{"html comments", FormatHTML, "<p>a<!-- x <p>y</p> -->b<!-->c<!--->d</p><!doctype html><?xml x?>", "paragraph: abcd\n"},
	{"html raw end", FormatHTML, "<script>x</scripty></script ><p>a</p><title>t</title>", "paragraph: a\n"},
	{"html self-closing svg", FormatHTML, "<p><svg/>a<br/>b</p>", "paragraph: a\nb\n"},
	{"html lone lt", FormatHTML, "<p>1 < 2 and 3 <> 4</p>", "paragraph: 1 < 2 and 3 <> 4\n"},
	{"html unclosed head", FormatHTML, "<html><head><title>T</title><body><p>x</p>", "paragraph: x\n"},
}

func TestExtractCases(t *testing.T) {
	for _, tt := range extractCases {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Extract([]byte(tt.src), tt.f)
			require.NoError(t, err)
			checkMap(t, []byte(tt.src), doc, tt.f == FormatText)
			assert.Equal(t, tt.want, brief(doc))
		})
	}
}

// TestExtractMapPoints checks the offsets of made bytes: decoded
// references and collapsed white space.
func TestExtractMapPoints(t *testing.T) {
	src := "<p>caf&eacute; &amp;\n  x</p>"
	doc, err := Extract([]byte(src), FormatHTML)
	require.NoError(t, err)
	b := &doc.Blocks[0]
	require.Equal(t, "café & x", b.Text)
	amp := strings.Index(src, "&eacute;")
	assert.Equal(t, amp, b.SourceOffset(3), "first byte of é maps to its '&'")
	assert.Equal(t, amp+len("&eacute;")-1, b.SourceOffset(4), "last byte of é maps to its ';'")
	assert.Equal(t, strings.Index(src, "&amp;"), b.SourceOffset(6), "& maps to its reference")
	assert.Equal(t, strings.Index(src, "\n"), b.SourceOffset(7), "collapsed space maps to the run's first byte")
	assert.Equal(t, strings.Index(src, "x"), b.SourceOffset(8))
}
