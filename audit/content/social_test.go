package content

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPostItems(t *testing.T) {
	items, views := PostItems([]SocialPost{
		{URL: "https://mastodon.example/@millbrook/1", Text: "Have your say on library hours by 30 November: https://www.millbrook.gov.uk/library", Published: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC), Impressions: 1200, DecisionID: "MB-2026-101"},
	})
	require.Len(t, items, 1)
	assert.Equal(t, "2026-11-02T09:00:00Z", items[0].Published)
	assert.Equal(t, int64(1200), views.Of("https://mastodon.example/@millbrook/1"))
	scored, err := (&Scorer{}).Score(context.Background(), items)
	require.NoError(t, err)
	assert.Equal(t, TypePost, scored[0].Class.Type)
	assert.Equal(t, "MB-2026-101", scored[0].DecisionID)
}
