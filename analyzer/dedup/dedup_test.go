package dedup

import (
	"strings"
	"testing"
	"time"
)

var day0 = time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)

// cookText is a realistic posting of about 200 words.
const cookText = `Harbourfront Bistro is a busy seafood restaurant on the waterfront serving lunch and dinner seven days a week.
We are looking for an experienced line cook to join our kitchen team for the summer season and beyond.
Prepare and cook menu items according to our recipes and plating standards.
Set up and stock the grill and saute stations before each service.
Monitor food quality and portion sizes throughout service.
Clean and sanitize work areas, equipment and utensils at the end of each shift.
Receive and store deliveries and rotate stock to minimize waste.
Follow food safety and allergen procedures at all times.
Two years of experience as a line cook in a high volume restaurant.
Food Handler certificate is required.
Ability to work evenings, weekends and holidays.
Able to stand for long periods and lift up to 25 kg.
Staff meals on every shift and a share of the tip pool.
Extended health and dental benefits after three months.
Opportunities to learn from our executive chef and grow into a sous chef role.
We are an equal opportunity employer and welcome applications from all qualified candidates.
Please send your resume and tell us about your favourite dish to cook.`

func cook() Doc {
	return Doc{Key: "indeed:1", Source: "indeed", Employer: "Harbourfront Bistro Inc.", Title: "Line Cook",
		Location: "Halifax, NS", Text: cookText, PostedAt: day0}
}

// edit returns a copy of d with key and source changed by f.
func edit(d Doc, key, source string, f func(*Doc)) Doc {
	d.Key, d.Source = key, source
	if f != nil {
		f(&d)
	}
	return d
}

func TestAddRules(t *testing.T) {
	tests := []struct {
		name      string
		probe     Doc
		duplicate bool
		exact     bool
	}{
		{"exact repost on another board", edit(cook(), "jobbank:9", "jobbank", nil), true, true},
		{"same words, different case and punctuation", edit(cook(), "jobbank:9", "jobbank", func(d *Doc) {
			d.Text = strings.ToUpper(strings.ReplaceAll(d.Text, ".", " !"))
		}), true, true},
		{"a sentence changed", edit(cook(), "jobbank:9", "jobbank", func(d *Doc) {
			d.Text = strings.Replace(d.Text, "Receive and store deliveries and rotate stock to minimize waste.",
				"Help the chef develop weekly specials using local produce.", 1)
		}), true, false},
		{"a bullet moved and a line added", edit(cook(), "linkedin:3", "linkedin", func(d *Doc) {
			lines := strings.Split(d.Text, "\n")
			lines[2], lines[6] = lines[6], lines[2]
			lines = append(lines, "Only candidates selected for an interview will be contacted.")
			d.Text = strings.Join(lines, "\n")
		}), true, false},
		{"reposted 40 days later on the same board", edit(cook(), "indeed:2", "indeed", func(d *Doc) {
			d.PostedAt = day0.AddDate(0, 0, 40)
		}), true, true},
		{"arrives out of order, 20 days earlier", edit(cook(), "indeed:0", "indeed", func(d *Doc) {
			d.PostedAt = day0.AddDate(0, 0, -20)
		}), true, true},
		{"outside the window", edit(cook(), "indeed:2", "indeed", func(d *Doc) {
			d.PostedAt = day0.AddDate(0, 0, 61)
		}), false, false},
		{"same template text, different employer", edit(cook(), "jobbank:9", "jobbank", func(d *Doc) {
			d.Employer = "Dockside Grill Ltd"
		}), false, false},
		{"same employer and title, different city", edit(cook(), "jobbank:9", "jobbank", func(d *Doc) {
			d.Location = "Dartmouth, NS"
		}), false, false},
		{"same city name, different province", edit(cook(), "jobbank:9", "jobbank", func(d *Doc) {
			d.Location = "Halifax, QC"
		}), false, false},
		{"different role, same text", edit(cook(), "jobbank:9", "jobbank", func(d *Doc) {
			d.Title = "Dishwasher"
		}), false, false},
		{"employer legal form and case differ", edit(cook(), "jobbank:9", "jobbank", func(d *Doc) {
			d.Employer = "HARBOURFRONT BISTRO"
		}), true, true},
		{"employer unknown on one board", edit(cook(), "jobbank:9", "jobbank", func(d *Doc) {
			d.Employer = ""
		}), true, true},
		{"province spelled out, title tagged", edit(cook(), "jobbank:9", "jobbank", func(d *Doc) {
			d.Location, d.Title = "Halifax, Nova Scotia, Canada", "Line Cook - Full Time (H/F)"
		}), true, true},
		{"only the province known", edit(cook(), "jobbank:9", "jobbank", func(d *Doc) {
			d.Location = "NS"
		}), true, true},
		{"unrelated text, same keys", edit(cook(), "jobbank:9", "jobbank", func(d *Doc) {
			d.Text = "Join our team. We offer flexible hours and a friendly workplace in the heart of the city."
		}), false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			det := New(DefaultConfig())
			first := det.Add(cook())
			if first.Duplicate || first.Group != "indeed:1" {
				t.Fatalf("first posting: %+v, want a new group named indeed:1", first)
			}
			v := det.Add(tt.probe)
			if v.Duplicate != tt.duplicate || v.Exact != tt.exact {
				t.Fatalf("verdict %+v, want duplicate=%v exact=%v", v, tt.duplicate, tt.exact)
			}
			wantGroup := tt.probe.Key
			if tt.duplicate {
				wantGroup = "indeed:1"
				if v.Similarity < det.Config().Threshold {
					t.Errorf("similarity %.2f below threshold", v.Similarity)
				}
			}
			if v.Group != wantGroup {
				t.Errorf("group %q, want %q", v.Group, wantGroup)
			}
		})
	}
}

func TestGroupSources(t *testing.T) {
	det := New(DefaultConfig())
	det.Add(cook())
	det.Add(edit(cook(), "jobbank:9", "jobbank", nil))
	det.Add(edit(cook(), "indeed:2", "indeed", func(d *Doc) { d.PostedAt = day0.AddDate(0, 0, 30) }))
	g, ok := det.Group("indeed:1")
	if !ok {
		t.Fatal("group indeed:1 not found")
	}
	want := GroupInfo{ID: "indeed:1", Members: []string{"indeed:1", "jobbank:9", "indeed:2"}, Sources: []string{"indeed", "jobbank"}}
	if !equalInfo(g, want) {
		t.Errorf("group %+v, want %+v", g, want)
	}
	if _, ok := det.Group("jobbank:9"); ok {
		t.Error("a duplicate must not found a group of its own")
	}
}

func TestAddIsIdempotent(t *testing.T) {
	det := New(DefaultConfig())
	det.Add(cook())
	repost := edit(cook(), "jobbank:9", "jobbank", nil)
	first := det.Add(repost)
	// Replaying the stream, even with an edited text, returns the same
	// verdicts and adds no member.
	if again := det.Add(cook()); again.Duplicate || again.Group != "indeed:1" {
		t.Errorf("re-adding the first posting: %+v", again)
	}
	repost.Text = "completely different text now"
	if again := det.Add(repost); again != first {
		t.Errorf("re-add gave %+v, first time %+v", again, first)
	}
	if g, _ := det.Group("indeed:1"); len(g.Members) != 2 {
		t.Errorf("members after replay = %v, want 2", g.Members)
	}
	if det.Len() != 2 {
		t.Errorf("Len = %d, want 2", det.Len())
	}
}

func TestEmptyTextNeverMatches(t *testing.T) {
	det := New(DefaultConfig())
	a := cook()
	a.Text = " \n - "
	det.Add(a)
	if v := det.Add(edit(a, "jobbank:9", "jobbank", nil)); v.Duplicate {
		t.Errorf("postings without text matched: %+v", v)
	}
}

func TestPrune(t *testing.T) {
	det := New(DefaultConfig())
	det.Add(cook())
	det.Add(edit(cook(), "jobbank:9", "jobbank", func(d *Doc) { d.PostedAt = day0.AddDate(0, 0, 10) }))
	other := edit(cook(), "indeed:50", "indeed", func(d *Doc) {
		d.Employer, d.PostedAt = "Other Co", day0.AddDate(0, 0, 65)
	})
	det.Add(other)
	if n := det.Prune(); n != 1 {
		t.Fatalf("Prune dropped %d, want 1 (only indeed:1 is over 60 days older than the newest)", n)
	}
	g, ok := det.Group("indeed:1")
	if !ok || len(g.Members) != 1 || g.Members[0] != "jobbank:9" {
		t.Errorf("after prune group = %+v, %v; want only jobbank:9 left", g, ok)
	}
	// The survivor still matches a new copy, under the old group name.
	v := det.Add(edit(cook(), "linkedin:4", "linkedin", func(d *Doc) { d.PostedAt = day0.AddDate(0, 0, 66) }))
	if !v.Duplicate || v.Group != "indeed:1" {
		t.Errorf("copy after prune: %+v, want duplicate of group indeed:1", v)
	}
	det.Add(edit(other, "indeed:51", "indeed", func(d *Doc) { d.PostedAt = day0.AddDate(0, 0, 200) }))
	det.Prune()
	if det.Len() != 1 {
		t.Errorf("Len after second prune = %d, want 1", det.Len())
	}
	if _, ok := det.Group("indeed:1"); ok {
		t.Error("group with no members left is still listed")
	}
	if len(det.index.buckets) != det.cfg.Bands || len(det.index.byText) != 1 {
		t.Errorf("index not cleaned: %d buckets, %d text hashes; want %d and 1", len(det.index.buckets), len(det.index.byText), det.cfg.Bands)
	}
}

func TestSignatureAddSig(t *testing.T) {
	a, b := New(DefaultConfig()), New(DefaultConfig())
	a.Add(cook())
	b.AddSig(a.Signature(cook()))
	probe := edit(cook(), "jobbank:9", "jobbank", func(d *Doc) {
		d.Text = strings.Replace(d.Text, "seven days a week", "every day", 1)
	})
	if va, vb := a.Add(probe), b.Add(probe); va != vb || !va.Duplicate {
		t.Errorf("detector fed a signature disagrees: %+v vs %+v", vb, va)
	}
	// A signature of another size stands alone instead of matching wrongly.
	small := New(Config{Hashes: 40, Bands: 8})
	if v := a.AddSig(small.Signature(edit(cook(), "x:1", "x", nil))); v.Duplicate {
		t.Errorf("foreign signature matched: %+v", v)
	}
}

func TestConfigDefaults(t *testing.T) {
	c := New(Config{Hashes: 100, Bands: 30}).Config()
	if c.Hashes != 90 || c.Bands != 30 || c.Shingle != 3 || c.Window != 60*24*time.Hour || c.Threshold != 0.8 {
		t.Errorf("config %+v: want hashes cut to a multiple of bands and defaults filled", c)
	}
}

func equalInfo(a, b GroupInfo) bool {
	return a.ID == b.ID && strings.Join(a.Members, ",") == strings.Join(b.Members, ",") &&
		strings.Join(a.Sources, ",") == strings.Join(b.Sources, ",")
}

func TestConcurrentAdd(t *testing.T) {
	det := New(DefaultConfig())
	docs := corpus(9, 60)
	done := make(chan bool)
	for w := range 4 {
		go func() {
			for i := w; i < len(docs); i += 4 {
				det.Add(docs[i].doc)
				det.Group(docs[i].doc.Key)
			}
			done <- true
		}()
	}
	for range 4 {
		<-done
	}
	if det.Len() != len(docs) {
		t.Errorf("Len = %d, want %d", det.Len(), len(docs))
	}
}
