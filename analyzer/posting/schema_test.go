package posting_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/skillpulse/skillpulse/analyzer/posting"
	"github.com/skillpulse/skillpulse/analyzer/sample"
)

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(posting.Schema))
	if err != nil {
		t.Fatalf("schema.json is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat() // dates are checked, not only described
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("schema.json")
	if err != nil {
		t.Fatalf("schema.json does not compile as draft 2020-12: %v", err)
	}
	return sch
}

func validate(t *testing.T, sch *jsonschema.Schema, line string) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(line))
	if err != nil {
		t.Fatalf("%s: %v", line, err)
	}
	return sch.Validate(inst)
}

// The schema and the parser agree: what one accepts the other does.
func TestSchemaAgreesWithParse(t *testing.T) {
	sch := compileSchema(t)
	valid := []string{
		`{"id":"1","title":"Clerk","description":"Files records."}`,
		`{"id":42,"title":"Clerk","description":"d","source":null,"url":null,"employer":null,"location":null,"posted_at":null,"occupation":null,"salary":null,"language":null}`,
		`{"id":"1","title":"t","description":"d","language":"FR"}`,
		`{"id":"1","title":"t","description":"d","language":""}`,
		`{"id":"1","title":"t","description":"d","posted_at":"2025-03-14"}`,
		`{"id":"1","title":"t","description":"d","posted_at":"2025-03-14T09:30:00Z"}`,
		`{"id":"1","title":"t","description":"d","posted_at":"2025-03-14T09:30:00.5-03:30"}`,
		`{"id":"1","title":"t","description":"d","posted_at":""}`,
		`{"id":"1","title":"t","description":"d","location":"Gander, NL"}`,
		`{"id":"1","title":"t","description":"d","location":{"city":"Gander","province":"NL","postal_code":"A1V 1P7"}}`,
		`{"id":"1","title":"t","description":"d","occupation":{"code":"12111"}}`,
		`{"id":"1","title":"t","description":"d","salary":"$22-25/hour"}`,
		`{"id":"1","title":"t","description":"d","salary":21.5}`,
		`{"id":"1","title":"t","description":"d","salary":{"min":20,"max":25,"period":"hour"}}`,
		`{"id":"1","title":"t","description":"d","board_rank":3,"tags":["a"]}`,
	}
	invalid := []string{
		`[]`,
		`"posting"`,
		`{"title":"t","description":"d"}`,
		`{"id":"","title":"t","description":"d"}`,
		`{"id":"   ","title":"t","description":"d"}`,
		`{"id":true,"title":"t","description":"d"}`,
		`{"id":"1","description":"d"}`,
		`{"id":"1","title":"t"}`,
		`{"id":"1","title":"t","description":""}`,
		`{"id":"1","title":7,"description":"d"}`,
		`{"id":"1","title":"` + strings.Repeat("x", 1001) + `","description":"d"}`,
		`{"id":"1","title":"t","description":"d","language":"de"}`,
		`{"id":"1","title":"t","description":"d","employer":{"name":"x"}}`,
		`{"id":"1","title":"t","description":"d","posted_at":"14/03/2025"}`,
		`{"id":"1","title":"t","description":"d","posted_at":"2025-02-30"}`,
		`{"id":"1","title":"t","description":"d","posted_at":20250314}`,
		`{"id":"1","title":"t","description":"d","location":42}`,
		`{"id":"1","title":"t","description":"d","occupation":"12111"}`,
		`{"id":"1","title":"t","description":"d","occupation":{"system":"noc2021"}}`,
		`{"id":"1","title":"t","description":"d","occupation":{"code":" "}}`,
		`{"id":"1","title":"t","description":"d","salary":{"min":-1}}`,
		`{"id":"1","title":"t","description":"d","salary":true}`,
	}
	for _, line := range valid {
		if err := validate(t, sch, line); err != nil {
			t.Errorf("schema rejects %s: %v", line, err)
		}
		if _, err := posting.Parse([]byte(line)); err != nil {
			t.Errorf("Parse rejects %s: %v", line, err)
		}
	}
	for _, line := range invalid {
		if err := validate(t, sch, line); err == nil {
			t.Errorf("schema accepts %s", line)
		}
		if _, err := posting.Parse([]byte(line)); err == nil {
			t.Errorf("Parse accepts %s", line)
		}
	}
}

func TestSchemaExamplesAndBundledSampleAreValid(t *testing.T) {
	sch := compileSchema(t)
	var doc struct {
		Examples []json.RawMessage `json:"examples"`
	}
	if err := json.Unmarshal(posting.Schema, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Examples) < 3 {
		t.Fatalf("%d examples", len(doc.Examples))
	}
	for _, ex := range doc.Examples {
		if err := validate(t, sch, string(ex)); err != nil {
			t.Errorf("example %s: %v", ex, err)
		}
		if _, err := posting.Parse(ex); err != nil {
			t.Errorf("example %s does not parse: %v", ex, err)
		}
	}
	// The bundled sample `run` ingests when given no file.
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(sample.WriteJSONL(pw, sample.DefaultConfig())) }()
	sc := bufio.NewScanner(pr)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		n++
		if err := validate(t, sch, sc.Text()); err != nil {
			t.Fatalf("sample posting %d: %v\n%s", n, err, sc.Text())
		}
	}
	if err := sc.Err(); err != nil || n != sample.DefaultConfig().Count {
		t.Fatalf("read %d sample postings: %v", n, err)
	}
}

// Every field the parser reads is described in the schema, and the
// schema describes no field the parser ignores.
func TestSchemaListsEveryParsedField(t *testing.T) {
	var doc struct {
		Properties map[string]json.RawMessage `json:"properties"`
		Required   []string                   `json:"required"`
	}
	if err := json.Unmarshal(posting.Schema, &doc); err != nil {
		t.Fatal(err)
	}
	var inSchema []string
	for k := range doc.Properties {
		inSchema = append(inSchema, k)
	}
	sort.Strings(inSchema)
	parsed := posting.KnownFields()
	if strings.Join(inSchema, ",") != strings.Join(parsed, ",") {
		t.Errorf("schema properties %v, parser fields %v", inSchema, parsed)
	}
	if strings.Join(doc.Required, ",") != "id,title,description" {
		t.Errorf("required %v", doc.Required)
	}
}
