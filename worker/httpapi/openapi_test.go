package httpapi

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers/legacy"
)

func loadSpec(t *testing.T) *openapi3.T {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(openAPIDoc)
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.json is not valid OpenAPI 3: %v", err)
	}
	return doc
}

// Every route the server registers is described, and nothing else is.
func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	doc := loadSpec(t)
	var routes []string
	for pattern := range (&Server{}).apiRoutes() {
		method, path, _ := strings.Cut(pattern, " ")
		routes = append(routes, method+" "+path)
	}
	var described []string
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			described = append(described, method+" "+path)
		}
	}
	slices.Sort(routes)
	slices.Sort(described)
	if !slices.Equal(routes, described) {
		t.Errorf("routes and description differ:\n routes    %v\n described %v", routes, described)
	}
	// The server serves the same document.
	body := get(t, "/api/v1/openapi.json", 200, nil)
	if !bytes.Equal(body, openAPIDoc) {
		t.Error("/api/v1/openapi.json is not the embedded description")
	}
}

// Real answers, successes and errors, validate against the description.
func TestResponsesMatchOpenAPI(t *testing.T) {
	doc := loadSpec(t)
	openapi3filter.RegisterBodyDecoder("text/html", openapi3filter.PlainBodyDecoder)
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	f := newFixture(t)
	occ := busiest(f, 2025)
	var dup, skill string
	for _, a := range f.as {
		if a.Duplicate.Duplicate && dup == "" {
			dup = a.Key
		}
		if len(a.Skills) > 0 && skill == "" && a.Occupation.Code == occ {
			skill = a.Skills[0].ID
		}
	}
	paths := []string{
		"/api/v1/occupations?period=2025", "/api/v1/occupations/code?title=Registered+nurse",
		"/api/v1/occupations/" + occ + "/profile?period=2025&lang=fr", "/api/v1/occupations/" + occ + "/profile?region=1010&period=2025-03",
		"/api/v1/occupations/" + occ + "/trend?interval=quarter", "/api/v1/occupations/" + occ + "/employers?period=2025&min_count=2",
		"/api/v1/occupations/" + occ + "/report", "/api/v1/occupations/" + occ + "/report?format=csv",
		"/api/v1/occupations/" + occ + "/report?format=html", "/api/v1/compare?noc=" + occ + "&regions=NL,NS,ON&period=2025",
		"/api/v1/skills?q=care", "/api/v1/skills/" + url.PathEscape(skill) + "/demand?period=2025", "/api/v1/regions",
		"/api/v1/postings?noc=" + occ + "&limit=3", "/api/v1/postings/" + url.PathEscape(dup), "/api/v1/openapi.json",
		"/api/v1/occupations/99999/profile", "/api/v1/postings/nope:nope", "/api/v1/occupations/" + occ + "/trend?interval=week",
	}
	for _, p := range paths {
		req, _ := http.NewRequest(http.MethodGet, f.srv.URL+p, nil)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		route, params, err := router.FindRoute(req)
		if err != nil {
			t.Errorf("%s: no described route: %v", p, err)
			continue
		}
		in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
			Options: &openapi3filter.Options{IncludeResponseStatus: true}}
		if err := openapi3filter.ValidateRequest(context.Background(), in); err != nil && res.StatusCode < 400 {
			t.Errorf("%s: request does not match the description: %v", p, err)
		}
		out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: res.StatusCode, Header: res.Header,
			Options: &openapi3filter.Options{IncludeResponseStatus: true}}
		out.SetBodyBytes(body)
		if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
			t.Errorf("%s: %d answer does not match the description: %.600v", p, res.StatusCode, err)
		}
	}
}
