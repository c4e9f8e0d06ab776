package content_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/civickit/civickit/audit/content"
)

// Score two pages, join their views and list the page to fix first.
func Example() {
	items, _ := content.ReadFeed(strings.NewReader(`<rss><channel>
<item><title>Have your say on library hours</title><link>https://www.example.gov.uk/news/library-hours</link>
<description>&lt;p&gt;We want to hear what you think about library hours. The consultation closes on 30 November.&lt;/p&gt;</description></item>
<item><title>Notice</title><link>https://www.example.gov.uk/news/notice</link>
<description>&lt;p&gt;It is hereby notified that, pursuant to the provisions of the regulations, the undermentioned determination shall be effected notwithstanding any representations received in relation thereto.&lt;/p&gt;</description></item>
</channel></rss>`), content.FeedOptions{})
	scored, _ := (&content.Scorer{}).Score(context.Background(), items)
	views := content.Views{}
	views.Add("/news/library-hours", 500)
	views.Add("/news/notice", 2000)
	r := content.Audit(content.AuditInput{Items: scored, Views: views})
	for _, f := range r.FixFirst {
		fmt.Println(f.URL, f.Type, f.Views)
	}
	// Output:
	// https://www.example.gov.uk/news/notice news 2000
	// https://www.example.gov.uk/news/library-hours news 500
}
