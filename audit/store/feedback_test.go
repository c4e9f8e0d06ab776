package store

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestFeedbackRoundTrip stores answers, reads them back per page, and
// blanks the texts past the retention while keeping the counts.
func TestFeedbackRoundTrip(t *testing.T) {
	eachBackend(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		st, err := Open(ctx, dsn, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		day := func(d int) time.Time { return time.Date(2026, 11, d, 9, 0, 0, 0, time.UTC) }
		hostile := `<script>alert("x")</script> ' OR 1=1 --`
		for _, f := range []Feedback{
			{Page: "https://council.example/bins", Clear: false, Text: "which day is my collection?", Received: day(1)},
			{Page: "https://council.example/bins", Clear: true, Text: "dropped: a yes keeps no text", Received: day(2)},
			{Page: "https://council.example/bins", Clear: false, Text: hostile, Received: day(20)},
			{Page: "https://council.example/parking", Clear: true, Received: day(21)},
		} {
			if err := st.AddFeedback(ctx, f); err != nil {
				t.Fatal(err)
			}
		}
		got, err := st.FeedbackByPage(ctx, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		want := []PageFeedback{
			{Page: "https://council.example/bins", Clear: 1, Unclear: 2, Texts: []string{hostile, "which day is my collection?"}},
			{Page: "https://council.example/parking", Clear: 1},
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("got %+v\nwant %+v", got, want)
		}
		n, err := st.ExpireFeedback(ctx, day(10))
		if err != nil || n != 1 {
			t.Fatalf("expired %d, %v: want 1", n, err)
		}
		got, _ = st.FeedbackByPage(ctx, time.Time{})
		want[0].Texts = []string{hostile}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("after expiry got %+v\nwant %+v", got, want)
		}
		got, _ = st.FeedbackByPage(ctx, day(15))
		if len(got) != 2 || got[0].Unclear != 1 || got[0].Clear != 0 {
			t.Fatalf("since day 15: %+v", got)
		}
		for _, bad := range []Feedback{{Page: ""}, {Page: strings.Repeat("x", MaxFeedbackPage+1)}, {Page: "p", Text: strings.Repeat("x", MaxFeedbackText+1)}, {Page: "p", Text: "\xff"}} {
			if err := st.AddFeedback(ctx, bad); !errors.Is(err, ErrFeedback) {
				t.Errorf("AddFeedback(%.20q...) = %v, want ErrFeedback", bad.Page, err)
			}
		}
	})
}
