package repost

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/skillpulse/skillpulse/analyzer/geo"
	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/analyzer/sample"
	"github.com/skillpulse/skillpulse/analyzer/textnorm"
)

var day = time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)

const body = `We are hiring a health information management professional to join our records team.
Responsibilities include coding inpatient charts with ICD-10-CA, abstracting to the Discharge Abstract Database,
maintaining data quality and responding to release of information requests under PHIPA.
You bring two years of acute care experience, strong attention to detail and excellent communication skills.
Experience with Meditech is an asset. Shifts are Monday to Friday, days.`

func doc(key, employer, title, loc, text string, at time.Time) Doc {
	return Doc{Key: key, Source: strings.Split(key, ":")[0], Employer: employer, Title: title, Location: loc, Text: text, PostedAt: at}
}

func TestRules(t *testing.T) {
	edited := strings.Replace(body, "Shifts are Monday to Friday, days.", "This is a permanent full-time position with rotating shifts.", 1)
	cases := []struct {
		name      string
		first     Doc
		second    Doc
		duplicate bool
		exact     bool
	}{
		{"exact repost on another board", doc("jobbank:1", "Eastern Health", "HIM Professional", "1010", body, day),
			doc("indeed:9", "Eastern Health", "HIM Professional", "1010", body, day.AddDate(0, 0, 2)), true, true},
		{"repost with a sentence changed", doc("jobbank:1", "Eastern Health", "HIM Professional", "1010", body, day),
			doc("linkedin:4", "Eastern Health", "Sr. HIM Professional", "1010", edited, day.AddDate(0, 0, 10)), true, false},
		{"same text, different employer", doc("jobbank:1", "Eastern Health", "HIM Professional", "1010", body, day),
			doc("jobbank:2", "Western Health", "HIM Professional", "1010", body, day), false, false},
		{"same employer and title, different city", doc("jobbank:1", "Eastern Health", "HIM Professional", "1010", body, day),
			doc("jobbank:3", "Eastern Health", "HIM Professional", "1030", body, day), false, false},
		{"outside the window", doc("jobbank:1", "Eastern Health", "HIM Professional", "1010", body, day),
			doc("jobbank:5", "Eastern Health", "HIM Professional", "1010", body, day.AddDate(0, 6, 0)), false, false},
		{"same employer, another role sharing boilerplate", doc("jobbank:1", "Eastern Health", "HIM Professional", "1010", body, day),
			doc("jobbank:6", "Eastern Health", "Registered Nurse", "1010", "Provide direct patient care on a medical unit. Administer medications. "+body[strings.Index(body, "You bring"):], day), false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := New(DefaultConfig())
			v1 := d.Add(c.first)
			if v1.Duplicate || v1.Group != c.first.Key {
				t.Fatalf("first posting: %+v", v1)
			}
			v2 := d.Add(c.second)
			if v2.Duplicate != c.duplicate || v2.Exact != c.exact {
				t.Fatalf("verdict %+v, want duplicate=%v exact=%v", v2, c.duplicate, c.exact)
			}
			if c.duplicate {
				if v2.Group != c.first.Key {
					t.Errorf("group %s, want %s", v2.Group, c.first.Key)
				}
				g, _ := d.Group(v2.Group)
				if len(g.Members) != 2 || len(g.Sources) != 2 {
					t.Errorf("group %+v: want 2 members from 2 sources", g)
				}
			}
			if again := d.Add(c.second); again != v2 {
				t.Errorf("re-adding the same key changed the verdict: %+v then %+v", v2, again)
			}
		})
	}
}

func TestSnapshotRestore(t *testing.T) {
	d := New(DefaultConfig())
	d.Add(doc("jobbank:1", "E", "HIM", "1010", body, day))
	b, err := d.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	r := New(DefaultConfig())
	if err := r.Restore(b); err != nil {
		t.Fatal(err)
	}
	if v := r.Add(doc("indeed:2", "E", "HIM", "1010", body, day)); !v.Duplicate || v.Group != "jobbank:1" {
		t.Errorf("after restore a repost is not recognized: %+v", v)
	}
	if err := New(Config{Hashes: 32, Bands: 8}).Restore(b); !errors.Is(err, ErrIncompatibleSnapshot) {
		t.Errorf("restoring into a different signature config: %v, want ErrIncompatibleSnapshot", err)
	}
	// A snapshot of an older signature scheme (before schemes were named).
	old := bytes.Replace(b, []byte(`"signature":"`+signatureScheme+`"`), []byte(`"signature":""`), 1)
	if bytes.Equal(old, b) {
		t.Fatal("snapshot does not name its signature scheme")
	}
	if err := New(DefaultConfig()).Restore(old); !errors.Is(err, ErrIncompatibleSnapshot) {
		t.Errorf("restoring a snapshot of another signature scheme: %v, want ErrIncompatibleSnapshot", err)
	}
}

// TestPrecisionRecallOnGeneratedReposts scores detection on the sample
// generator's ground truth: reposts on other boards and later edited
// reposts must be found; originals and same-employer siblings must not.
func TestPrecisionRecallOnGeneratedReposts(t *testing.T) {
	cfg := sample.DefaultConfig()
	cfg.Count = 4000
	places := geo.NewBuiltin()
	d := New(DefaultConfig())
	var tp, fp, fn, siblingsFlagged int
	group := map[string]string{}
	err := sample.GenerateWithTruth(cfg, func(p *posting.Posting, tr sample.Truth) error {
		r := places.Resolve(p.Location)
		v := d.Add(Doc{Key: p.Key(), Source: p.Source, Employer: p.Employer, Title: textnorm.Clean(p.Title),
			Location: r.Key(), Province: r.Province, Text: textnorm.Clean(p.Description), PostedAt: p.PostedAt})
		group[p.Key()] = v.Group
		switch {
		case tr.OriginalKey != "" && v.Duplicate && v.Group == group[tr.OriginalKey]:
			tp++
		case tr.OriginalKey != "":
			fn++
		case v.Duplicate:
			fp++
			if tr.SiblingOf != "" {
				siblingsFlagged++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	precision := float64(tp) / float64(tp+fp)
	recall := float64(tp) / float64(tp+fn)
	t.Logf("reposts: TP %d FP %d (siblings %d) FN %d: precision %.3f recall %.3f", tp, fp, siblingsFlagged, fn, precision, recall)
	if tp < 200 {
		t.Fatalf("only %d reposts in the sample: the test would prove little", tp)
	}
	if precision < 0.95 || recall < 0.95 {
		t.Errorf("precision %.3f recall %.3f, want both ≥ 0.95", precision, recall)
	}
}

func BenchmarkAdd(b *testing.B) {
	d := New(DefaultConfig())
	text := strings.Repeat(body+" ", 5)[:2048]
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		d.Add(doc(fmt.Sprintf("b:%d", i), "E", "HIM", "1010", text, day))
	}
}

func TestRememberKeepsEarlierGroups(t *testing.T) {
	d := New(DefaultConfig())
	// After a restart the store says indeed:9 founded the group and
	// jobbank:1 repeated it; a replay of jobbank:1 must keep that verdict.
	d.Remember(doc("indeed:9", "E", "HIM", "1010", body, day), Verdict{Group: "indeed:9"})
	d.Remember(doc("jobbank:1", "E", "HIM", "1010", body, day), Verdict{Group: "indeed:9", Duplicate: true, Exact: true, Similarity: 1})
	if v := d.Add(doc("jobbank:1", "E", "HIM", "1010", body, day)); !v.Duplicate || v.Group != "indeed:9" {
		t.Errorf("replayed posting got %+v", v)
	}
	if v := d.Add(doc("linkedin:2", "E", "HIM", "1010", body, day)); !v.Duplicate || v.Group != "indeed:9" {
		t.Errorf("new repost got %+v", v)
	}
}

// TestSignInParallelAddInOrder checks the contract the ingest pipeline
// relies on: signing concurrently and adding in arrival order gives the
// verdicts of plain sequential Adds.
func TestSignInParallelAddInOrder(t *testing.T) {
	cfg := sample.DefaultConfig()
	cfg.Count = 1500
	var docs []Doc
	err := sample.GenerateWithTruth(cfg, func(p *posting.Posting, _ sample.Truth) error {
		docs = append(docs, Doc{Key: p.Key(), Source: p.Source, Employer: p.Employer, Title: textnorm.Clean(p.Title),
			Text: textnorm.Clean(p.Description), PostedAt: p.PostedAt})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	seq, par := New(DefaultConfig()), New(DefaultConfig())
	signed := make([]Signed, len(docs))
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(docs); i += 4 {
				signed[i] = par.Sign(docs[i])
			}
		}()
	}
	wg.Wait()
	dups := 0
	for i, d := range docs {
		want, got := seq.Add(d), par.AddSigned(signed[i])
		if want != got {
			t.Fatalf("posting %d: signed-then-added verdict %+v, sequential %+v", i, got, want)
		}
		if want.Duplicate {
			dups++
		}
	}
	if dups == 0 {
		t.Fatal("no duplicates in the sample: the comparison would prove little")
	}
}

func TestPartitionKey(t *testing.T) {
	cases := []struct{ employer, title, want string }{
		{"Eastern Health", "Health Records Technician", "employer:eastern health"},
		{"  EASTERN-HEALTH ", "Clerk", "employer:eastern health"}, // spelled as the detector compares employers
		{"", "Sr. Health Records Technician", "title:sr health records technician"},
		{"—", "Cook", "title:cook"},
	}
	for _, c := range cases {
		if got := PartitionKey(c.employer, c.title); got != c.want {
			t.Errorf("PartitionKey(%q, %q) = %q, want %q", c.employer, c.title, got, c.want)
		}
	}
}
