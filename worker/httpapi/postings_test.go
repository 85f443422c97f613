package httpapi

// Postings pages and repost groups, checked against the records.

import (
	"net/url"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/skillpulse/skillpulse/analyzer/rank"
)

func TestPostingsPagesAgreeWithRecords(t *testing.T) {
	f := newFixture(t)
	occ := busiest(f, 2025)
	for _, filter := range []string{"noc=" + occ + "&period=2025", "region=NL&period=2024-Q3", "noc=" + occ + "&reposted=true",
		"skill=" + topSkill(f, occ) + "&noc=" + occ} {
		var keys []string
		cursor := ""
		for page := 0; ; page++ {
			var p struct {
				Postings []struct {
					ID       string `json:"id"`
					Sources  []struct{ ID, Source string }
					Evidence []struct {
						Skill, Text, Sentence string
						Start, End            int
					}
				} `json:"postings"`
				Next string `json:"next_cursor"`
			}
			get(t, "/api/v1/postings?limit=7&"+filter+"&cursor="+url.QueryEscape(cursor), 200, &p)
			for _, x := range p.Postings {
				keys = append(keys, x.ID)
				if len(x.Sources) == 0 {
					t.Errorf("%s: no sources", x.ID)
				}
				for _, ev := range x.Evidence {
					a := f.byKey(x.ID)
					if ev.Start < 0 || ev.End > len(a.Text) || a.Text[ev.Start:ev.End] != ev.Text || !strings.Contains(ev.Sentence, ev.Text) {
						t.Errorf("%s: evidence %+v not in the text", x.ID, ev)
					}
				}
			}
			if p.Next == "" || page > 500 {
				break
			}
			cursor = p.Next
		}
		want := expectPostings(t, f, filter)
		if !reflect.DeepEqual(keys, want) {
			t.Errorf("%s: %d postings paged, the records give %d\n got  %.300v\n want %.300v", filter, len(keys), len(want), keys, want)
		}
		if len(want) == 0 {
			t.Errorf("%s: nothing to page through", filter)
		}
	}
}

func topSkill(f fixture, occ string) string {
	n := map[string]int{}
	for _, r := range f.recs {
		if r.Occupation == occ {
			for _, s := range r.Skills {
				n[s.ID]++
			}
		}
	}
	best := ""
	for id, c := range n {
		if c > n[best] && c < 40 || best == "" {
			best = id
		}
	}
	return best
}

// expectPostings applies a filter to every record: the oracle.
func expectPostings(t *testing.T, f fixture, filter string) []string {
	v, _ := url.ParseQuery(filter)
	group := map[string]int{}
	for _, r := range f.recs {
		group[r.Group]++
	}
	var sel []rank.Record
	for _, r := range f.recs {
		if r.Duplicate || v.Get("noc") != "" && r.Occupation != v.Get("noc") {
			continue
		}
		if reg := v.Get("region"); reg != "" && r.Province != reg {
			continue
		}
		if per := v.Get("period"); per != "" {
			p, _ := rank.ParsePeriod(per)
			if !p.Contains(r.PostedAt) {
				continue
			}
		}
		if v.Get("reposted") == "true" && group[r.Group] < 2 {
			continue
		}
		if sk := v.Get("skill"); sk != "" && !hasSkill(r, sk) {
			continue
		}
		sel = append(sel, r)
	}
	rank.SortNewestFirst(sel)
	out := []string{}
	for _, r := range sel {
		out = append(out, r.Key)
	}
	sort.SliceStable(out, func(i, j int) bool { return false })
	return out
}

func hasSkill(r rank.Record, id string) bool {
	for _, s := range r.Skills {
		if s.ID == id {
			return true
		}
	}
	return false
}

func TestPostingShowsRepostGroup(t *testing.T) {
	f := newFixture(t)
	members := map[string][]string{}
	for _, a := range f.as {
		members[a.Duplicate.Group] = append(members[a.Duplicate.Group], a.Key)
	}
	checked := 0
	for _, a := range f.as {
		if !a.Duplicate.Duplicate || checked == 5 {
			continue
		}
		checked++
		var p struct {
			ID      string `json:"id"`
			Group   string `json:"group"`
			Text    string `json:"text"`
			Sources []struct {
				ID, Source, URL string
				PostedAt        time.Time `json:"posted_at"`
			} `json:"sources"`
		}
		get(t, "/api/v1/postings/"+url.PathEscape(a.Key), 200, &p)
		var got []string
		for _, s := range p.Sources {
			got = append(got, s.ID)
			if s.Source == "" || s.PostedAt.IsZero() {
				t.Errorf("%s: source %+v without board or date", a.Key, s)
			}
		}
		want := append([]string(nil), members[a.Duplicate.Group]...)
		sort.Strings(got)
		sort.Strings(want)
		if p.ID != a.Key || p.Group != a.Duplicate.Group || !reflect.DeepEqual(got, want) || p.Text == "" {
			t.Errorf("%s: group %s sources %v, want %v", a.Key, p.Group, got, want)
		}
	}
	if checked == 0 {
		t.Fatal("no reposts in the sample")
	}
}
