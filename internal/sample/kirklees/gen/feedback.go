package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// FeedbackHeader is the header of content/feedback.csv, the answers
// citizens gave the sample council's pages through <civic-feedback>, as
// "civickit feedback serve" stores them.
var FeedbackHeader = []string{"received", "page", "clear", "text"}

// unclearSaid are things a resident might say a page left unclear,
// written for the sample: first about any page, then about a page on a
// decision. A few carry contact details on the reserved drama range,
// which the content audit redacts.
var unclearSaid = []string{
	"Who do I contact about this?",
	"Too many abbreviations.",
	"Please ring me back on 01632 960%03d, I couldn't follow it.",
	"Reply to resident%d@example.org please, I have a question about the dates.",
	"The map is hard to read.",
	"I couldn't find the opening times.",
	"It doesn't say if this applies to me.",
	"The link goes to a PDF that won't open on my phone.",
	"Too long, I gave up.",
}

var unclearSaidDecision = []string{
	"I still don't know when the decision will be made.",
	"What does call-in mean?",
	"I couldn't find the closing date.",
	"It says 'key decision' but not what that means for me.",
	"Which meeting is this going to and can I go?",
	"I read it twice and don't know if my street is affected.",
	"Has this already been decided?",
	"How do I comment? The form link goes nowhere.",
	"What happens next?",
	"I wanted to know what it costs and it doesn't say.",
}

// feedbackFile writes content/feedback.csv: for about half the website's
// pages, a handful of answers to "Is this page clear?" during November
// 2026, each page with its own share of "no"; a "no" comes with what
// was unclear two times in three.
func feedbackFile(files map[string][]byte, pages []item, r *rand.Rand) error {
	rows := [][]string{FeedbackHeader}
	start := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
	for _, p := range pages {
		if p.Channel != "website" || r.Float64() < 0.5 {
			continue
		}
		n := 1 + r.IntN(12)
		unclear := r.Float64() * r.Float64() * 1.6 // most pages mostly clear, a few mostly not
		for range n {
			at := start.Add(time.Duration(r.IntN(29*24*60)) * time.Minute)
			clear, text := "true", ""
			if r.Float64() < unclear {
				clear = "false"
				if r.IntN(3) < 2 {
					from := unclearSaid
					if p.DecisionID != "" {
						from = append(unclearSaidDecision[:len(unclearSaidDecision):len(unclearSaidDecision)], unclearSaid...)
					}
					text = from[r.IntN(len(from))]
					if strings.Contains(text, "%") {
						text = fmt.Sprintf(text, r.IntN(1000))
					}
				}
			}
			rows = append(rows, []string{at.Format(time.RFC3339), p.URL, clear, text})
		}
	}
	var err error
	files["content/feedback.csv"], err = csvFile(rows)
	return err
}
