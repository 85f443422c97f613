package dashboards

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/skillpulse/skillpulse/indexer/elastic"
	"github.com/skillpulse/skillpulse/internal/testsvc"
)

type savedObject struct {
	ID         string          `json:"id"`
	Type       string          `json:"type"`
	Attributes json.RawMessage `json:"attributes"`
	References []struct {
		Name, Type, ID string
	} `json:"references"`
}

func loadSavedObjects(t *testing.T) []savedObject {
	t.Helper()
	b, err := os.ReadFile("kibana/skillpulse.ndjson")
	if err != nil {
		t.Fatal(err)
	}
	var out []savedObject
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var o savedObject
		if err := json.Unmarshal(sc.Bytes(), &o); err != nil {
			t.Fatalf("not NDJSON Kibana can import: %v", err)
		}
		out = append(out, o)
	}
	return out
}

// fieldsUsed returns the fields each visualization aggregates on.
func fieldsUsed(t *testing.T, o savedObject) []string {
	var attrs struct{ VisState string }
	if err := json.Unmarshal(o.Attributes, &attrs); err != nil {
		t.Fatal(err)
	}
	var vs struct {
		Aggs []struct {
			Params struct{ Field string }
		}
	}
	if err := json.Unmarshal([]byte(attrs.VisState), &vs); err != nil {
		t.Fatalf("%s: visState: %v", o.ID, err)
	}
	var out []string
	for _, a := range vs.Aggs {
		if a.Params.Field != "" {
			out = append(out, a.Params.Field)
		}
	}
	return out
}

// TestSavedObjectsMatchMapping: every reference resolves, every index
// pattern names our indices, and every field a visualization aggregates
// on is mapped with an aggregatable type.
func TestSavedObjectsMatchMapping(t *testing.T) {
	objs := loadSavedObjects(t)
	byID := map[string]savedObject{}
	for _, o := range objs {
		byID[o.Type+"/"+o.ID] = o
	}
	types := elastic.PostingsFieldTypes()
	idx := elastic.Indices{Prefix: "skillpulse"}
	aggregatable := map[string]bool{"keyword": true, "date": true, "float": true, "integer": true, "long": true, "boolean": true}
	vis := 0
	for _, o := range objs {
		for _, r := range o.References {
			if _, ok := byID[r.Type+"/"+r.ID]; !ok {
				t.Errorf("%s %s references missing %s %s", o.Type, o.ID, r.Type, r.ID)
			}
		}
		switch o.Type {
		case "index-pattern":
			var a struct{ Title string }
			json.Unmarshal(o.Attributes, &a)
			if a.Title != idx.PostingsPattern() && a.Title != idx.Aggregates() {
				t.Errorf("index pattern %q matches none of our indices", a.Title)
			}
		case "visualization":
			vis++
			for _, f := range fieldsUsed(t, o) {
				if !aggregatable[types[f]] {
					t.Errorf("%s aggregates on %q, mapped as %q", o.ID, f, types[f])
				}
			}
		}
	}
	if vis < 4 {
		t.Errorf("only %d visualizations", vis)
	}
}

// TestFieldsAggregatableOnRealNode asks the real Elasticsearch node, after
// the project's template created an index, whether each field the
// dashboards use is aggregatable.
func TestFieldsAggregatableOnRealNode(t *testing.T) {
	url := testsvc.ElasticsearchURL(t)
	c, err := elastic.New(elastic.Config{URLs: []string{url}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	n := elastic.Indices{Prefix: fmt.Sprintf("spdash%d", time.Now().UnixNano()%1e9)}
	if err := c.EnsureTemplates(ctx, n); err != nil {
		t.Fatal(err)
	}
	index := n.Postings(time.Now())
	if _, err := c.Write(ctx, []elastic.Doc{{Index: index, ID: "x", Body: []byte(`{"key":"x"}`)}}); err != nil {
		t.Fatal(err)
	}
	defer func() {
		req, _ := http.NewRequest(http.MethodDelete, url+"/"+n.Prefix+"-*", nil)
		if res, err := http.DefaultClient.Do(req); err == nil {
			res.Body.Close()
		}
	}()
	var fields []string
	for _, o := range loadSavedObjects(t) {
		if o.Type == "visualization" {
			fields = append(fields, fieldsUsed(t, o)...)
		}
	}
	res, err := http.Get(url + "/" + index + "/_field_caps?fields=" + strings.Join(fields, ","))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var caps struct {
		Fields map[string]map[string]struct{ Aggregatable bool }
	}
	json.NewDecoder(res.Body).Decode(&caps)
	for _, f := range fields {
		ok := false
		for _, c := range caps.Fields[f] {
			ok = ok || c.Aggregatable
		}
		if !ok {
			t.Errorf("field %s is not aggregatable on the real node: %v", f, caps.Fields[f])
		}
	}
}

// TestWorkbenchSavedObjects: the trend, employer and region comparison
// visualizations exist on the postings, aggregate on the fields the API
// counts by, and the workbench dashboard shows all three.
func TestWorkbenchSavedObjects(t *testing.T) {
	want := map[string][]string{
		"sp-trend":          {"posted_at", "occupation.code"},
		"sp-employers":      {"employer_name"},
		"sp-region-compare": {"region.province", "occupation.code"},
	}
	types := elastic.PostingsFieldTypes()
	var dash *savedObject
	objs := loadSavedObjects(t)
	for i, o := range objs {
		if o.Type == "dashboard" && o.ID == "skillpulse-workbench" {
			dash = &objs[i]
		}
		fields, ok := want[o.ID]
		if !ok {
			continue
		}
		got := fieldsUsed(t, o)
		if strings.Join(got, ",") != strings.Join(fields, ",") {
			t.Errorf("%s aggregates on %v, want %v", o.ID, got, fields)
		}
		for _, f := range got {
			if types[f] == "" {
				t.Errorf("%s: %s is not mapped", o.ID, f)
			}
		}
		if len(o.References) != 1 || o.References[0].ID != "skillpulse-postings" {
			t.Errorf("%s: references %+v, want the postings index pattern", o.ID, o.References)
		}
		delete(want, o.ID)
	}
	if len(want) > 0 {
		t.Errorf("missing visualizations %v", want)
	}
	if dash == nil {
		t.Fatal("no workbench dashboard")
	}
	shown := map[string]bool{}
	for _, r := range dash.References {
		shown[r.ID] = true
	}
	for _, id := range []string{"sp-trend", "sp-employers", "sp-region-compare"} {
		if !shown[id] {
			t.Errorf("the workbench dashboard does not show %s", id)
		}
	}
}
