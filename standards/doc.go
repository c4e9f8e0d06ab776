// Package standards scores democratic content — web pages, committee
// reports, decision notices and social posts — against clear-language,
// journey-signposting and citizen-needs standards, like a prose linter.
//
// Content comes in as plain text, Markdown or HTML ([Extract]); one pass
// tokenises it into sentences, words and syllables ([Analyze]); readability
// formulas are computed from those counts exactly as their papers define
// them; and rules, which are data, report [Finding]s with positions and
// suggestions. A [Checker] joins the steps into a [Scorecard]:
//
//	var c standards.Checker // the zero value uses the GOV.UK preset
//	card, err := c.Check("notice.md", src)
//	if err != nil { ... }
//	for _, f := range card.Findings {
//		println(f.Line, f.Column, f.Rule, f.Message)
//	}
//
// The same presentation civickit check prints is a [Report] of scorecards
// and its writers, one method per format, each returning the first write
// error:
//
//	report := standards.Report{card}
//	err = report.WriteText(os.Stdout)  // file:line:col: severity: message [rule], then the scorecard
//	err = report.WriteJSON(w)          // an array; card.WriteJSON(w) writes one object
//	err = report.WriteSARIF(w)         // SARIF 2.1.0, uris percent-encoded
//
// [Checker.CheckContext] stops a long check when its context is done.
// The scorecard names the kind of document it read (agenda, minutes,
// decision notice, consultation, report, explainer, news or other) and
// why; journey signposting applies only to content about one decision.
//
// Besides the standards' own rules, a rule set runs the checks editors
// know from Yoast SEO's readability analysis, the Hemingway editor and
// GOV.UK's guidance, each with a stable id: subheadings, sentence-starts,
// hard-sentence, inclusive-language (data/inclusive.txt, from GOV.UK's
// inclusive language guidance on disability), accessibility (with the
// markup of HTML and Markdown: alt text, heading levels, table headers,
// empty links) and govuk-style (dates, times, ampersands, "e.g." and
// "etc."). Their standards are listed in the scorecard with weight 0.
//
// Identifiers are spelt the American way (Analyze), as across the module;
// prose and messages the British way.
//
// [Extract] reads one document into [Block]s of prose, each with a map back
// to the bytes of the source, so that a finding in a block's text points
// at the line and column of the original file:
//
//	doc, err := standards.Extract(src, standards.DetectFormat(name, src))
//	if err != nil { ... } // errors.Is(err, standards.ErrBinary) for non-text input
//	for _, b := range doc.Blocks {
//		line, col := doc.Position(b.SourceOffset(0))
//		println(b.Kind.String(), line, col, b.Text)
//	}
//
// The scoring path imports neither fmt, regexp nor encoding/json, and needs
// no stemmer at run time, so that it compiles to a small WebAssembly module
// for the browser widget. Config parsing lives in a separate package. A
// program that reads only plain text calls [ExtractText], which links
// neither the Markdown nor the HTML reader.
package standards
