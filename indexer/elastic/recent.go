package elastic

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/elastic/go-elasticsearch/v8/esapi"

	"github.com/skillpulse/skillpulse/analyzer"
)

var recentFields = []string{"key", "source", "employer", "title", "region.key", "region.province", "text",
	"posted_at", "duplicate"}

// Analyzed calls fn for every posting analyzed since the given time, oldest
// posting first, with the fields duplicate detection needs. The worker
// uses it at start-up to remember the groups it had formed before.
func (r *Records) Analyzed(ctx context.Context, since time.Time, fn func(a *analyzer.Analysis)) error {
	q := fmt.Sprintf(`{"query":{"range":{"analyzed_at":{"gte":%q}}},"sort":[{"posted_at":"asc"},{"key":"asc"}]}`, since.UTC().Format(time.RFC3339))
	return r.scrollPostings(ctx, esapi.SearchRequest{Body: strings.NewReader(q), SourceIncludes: recentFields}, fn)
}
