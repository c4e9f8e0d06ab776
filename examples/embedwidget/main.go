// Embedwidget puts civickit's widgets on a council web page: it builds
// them (WebAssembly compiled from civickit's source, so it needs the go
// command), writes a page for a decision with the journey widget showing
// where the decision is and the readability checker under a comment box,
// and serves the folder with the headers the widgets need.
//
//	go run ./examples/embedwidget -out site -serve 127.0.0.1:8080
//
// Run it from within civickit's source. On a real site, copy the built
// folder to the site (say as /civickit/) and add its two lines to a page.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"html/template"
	"io"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/civickit/civickit/civic/calendar"
	"github.com/civickit/civickit/civic/journey"
	"github.com/civickit/civickit/wasm"
)

func main() {
	out := flag.String("out", "widget-site", "the folder to write")
	addr := flag.String("serve", "", "serve the folder at this address (e.g. 127.0.0.1:8080)")
	flag.Parse()
	if err := run(context.Background(), os.Stdout, *out, 0); err != nil {
		log.Fatal(err)
	}
	if *addr != "" {
		fmt.Printf("serving %s at http://%s/decision.html\n", *out, *addr)
		srv := &http.Server{Addr: *addr, Handler: wasm.Handler(*out), ReadHeaderTimeout: 10 * time.Second}
		log.Fatal(srv.ListenAndServe())
	}
}

// page is the council's own page: its policy is the one the widgets are
// built to run under, and the summary goes in as JSON, which the
// template escapes for the script element.
var page = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<title>{{.Title}}</title>
<script type="module" src="civickit.js"></script>
</head>
<body>
<main>
<h1>{{.Title}}</h1>
<civic-journey>
<script type="application/json">{{.Summary}}</script>
<p>Where this decision is: see the council's website.</p>
</civic-journey>
<h2>Tell us what you think</h2>
<label for="comment">Your comment</label>
<textarea id="comment" name="comment" rows="6"></textarea>
<civic-readability for="comment" preset="govuk" label="How easy your comment is to read"></civic-readability>
</main>
</body>
</html>
`))

// run builds the widgets into out and writes decision.html there.
// brotli is the quality of the .br files: 0 means 11, the smallest files
// for a site, which takes a few seconds more than 1.
func run(ctx context.Context, w io.Writer, out string, brotli int) error {
	files, err := wasm.Build(ctx, wasm.BuildOptions{Out: out, BrotliQuality: brotli})
	if err != nil {
		return err
	}
	for _, f := range files {
		fmt.Fprintf(w, "%-36s %8d bytes, %8d with brotli\n", f.Name, f.Size, f.Brotli)
	}

	dec := &journey.Decision{
		ID:          "2026-041",
		Title:       "A new crossing on Station Road",
		Summary:     "The cabinet member for highways will decide whether to build a zebra crossing outside the primary school.",
		KeyDecision: false,
	}
	if err := dec.Advance(journey.StageProposal, calendar.NewDate(2026, time.October, 5), "Highways programme"); err != nil {
		return err
	}
	if err := dec.Advance(journey.StageConsultation, calendar.NewDate(2026, time.November, 2), "Consultation page"); err != nil {
		return err
	}
	c, err := journey.Profile("kirklees")
	if err != nil {
		return err
	}
	sum, err := json.Marshal(dec.Explain(&c))
	if err != nil {
		return err
	}
	var b bytes.Buffer
	err = page.Execute(&b, struct {
		Title, CSP string
		Summary    template.JS
	}{dec.Title, wasm.ContentSecurityPolicy, template.JS(sum)}) // json.Marshal escapes <, > and &
	if err != nil {
		return err
	}
	name := filepath.Join(out, "decision.html")
	fmt.Fprintf(w, "wrote %s\n", name)
	return os.WriteFile(name, b.Bytes(), 0o644)
}
