package elastic

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/skillpulse/skillpulse/analyzer/rank"
)

// The rollup's recompute counts low-confidence postings and employers
// (only in the cells of one occupation), from the fields the sink writes.
func TestCellsCountLowConfidenceAndEmployers(t *testing.T) {
	c, n := realIndices(t, "splow")
	ctx := context.Background()
	day := time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)
	var batch []Doc
	for i := 0; i < 30; i++ {
		low := ""
		if i%3 == 0 {
			low = `"low_confidence":true,`
		}
		emp := ""
		if i%5 != 0 {
			emp = fmt.Sprintf(`"employer_key":"employer %d","employer_name":"Employer %d",`, i%2, i%2)
		}
		batch = append(batch, Doc{Index: n.Postings(day), ID: fmt.Sprint(i), Stamp: true, Body: []byte(fmt.Sprintf(
			`{%s%s"key":"%d","posted_at":%q,"occupation":{"code":"12111"},"region":{"key":"1010","province":"NL"}}`,
			low, emp, i, day.Add(time.Duration(i)*time.Hour).Format(time.RFC3339)))})
	}
	if dead, err := c.Write(ctx, batch); err != nil || len(dead) > 0 {
		t.Fatal(dead, err)
	}
	c.Refresh(ctx, n.PostingsPattern())
	m := rank.MonthOf(day)
	if _, err := c.RecomputeCells(ctx, n, []Dirty{{"12111", m}, {rank.AllOccupations, m}}, nil, time.Now()); err != nil {
		t.Fatal(err)
	}
	c.Refresh(ctx, n.Aggregates())
	for _, occ := range []string{"12111", rank.AllOccupations} {
		for _, scope := range []string{"1010", "NL", "CA"} {
			k := rank.CellKey{Occupation: occ, Scope: scope, Month: m}
			cells, err := (&CellStore{Client: c, Indices: n}).Cells(ctx, []rank.CellKey{k})
			if err != nil {
				t.Fatal(err)
			}
			cell := cells[k]
			if cell == nil || cell.Postings != 30 || cell.LowConfidence != 10 {
				t.Fatalf("cell %s: %+v, want 30 postings, 10 of low confidence", k.ID(), cell)
			}
			want := map[string]int{"employer 0": 12, "employer 1": 12}
			if occ == rank.AllOccupations {
				want = map[string]int{}
			}
			if fmt.Sprint(cell.Employers) != fmt.Sprint(want) {
				t.Errorf("cell %s: employers %v, want %v", k.ID(), cell.Employers, want)
			}
		}
	}
}
