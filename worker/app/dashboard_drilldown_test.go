package app

// Browser tests of the drill-down from a skill to its postings and
// evidence, the exports, and accessibility.

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestDashboardDrillDownAndExports: choosing a skill lists the postings
// behind it with the matched words highlighted in their sentences and the
// boards each was seen on; the export links answer with the right types.
func TestDashboardDrillDownAndExports(t *testing.T) {
	addr, stop, done := startEmbedded(t, t.TempDir())
	defer func() { stop(); <-done }()
	ctx, cancel := browser(t)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844), chromedp.Navigate(addr+workbenchLink)); err != nil {
		t.Fatal(err)
	}
	poll(t, ctx, profileReady)
	skill := eval[string](t, ctx, `document.querySelector("#skills tbody button").dataset.skill`)
	var page struct {
		Postings []struct {
			ID       string
			Title    string
			Evidence []struct{ Skill, Text, Sentence string }
			Sources  []struct{ URL string }
		}
	}
	getJSON(t, addr+"/api/v1/postings?noc=63200&region=CA&period=2025&limit=10&skill="+skill, 200, &page)
	if len(page.Postings) == 0 {
		t.Fatalf("no postings for skill %s", skill)
	}
	if err := chromedp.Do(ctx, chromedp.Click(`#skills tbody button`)); err != nil {
		t.Fatal(err)
	}
	poll(t, ctx, `!document.querySelector("#drill").hidden && document.querySelectorAll("#drill-list > li").length > 0`)
	if n := eval[int](t, ctx, `document.querySelectorAll("#drill-list > li.posting").length`); n != len(page.Postings) {
		t.Errorf("%d postings listed, the API has %d", n, len(page.Postings))
	}
	first := page.Postings[0]
	var ev struct{ Text, Sentence string }
	for _, e := range first.Evidence {
		if e.Skill == skill {
			ev.Text, ev.Sentence = e.Text, e.Sentence
			break
		}
	}
	if ev.Sentence == "" {
		t.Fatalf("first posting has no evidence for %s", skill)
	}
	if got := eval[string](t, ctx, `document.querySelector("#drill-list .posting h3").textContent`); got != first.Title {
		t.Errorf("first posting %q, want %q", got, first.Title)
	}
	para := eval[string](t, ctx, `document.querySelector("#drill-list .posting .evidence").firstChild.textContent + document.querySelector("#drill-list .posting .evidence mark").textContent`)
	mark := eval[string](t, ctx, `document.querySelector("#drill-list .posting .evidence mark").textContent`)
	if !strings.EqualFold(mark, ev.Text) || !strings.HasPrefix(ev.Sentence, para) {
		t.Errorf("highlight %q in %q; want %q inside %q", mark, para, ev.Text, ev.Sentence)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#drill-list > li:first-child .sources a").length`); n != len(first.Sources) || n == 0 {
		t.Errorf("%d sources shown, the API has %d", n, len(first.Sources))
	}
	if sw, iw := eval[int](t, ctx, `document.documentElement.scrollWidth`), eval[int](t, ctx, `innerWidth`); sw > iw {
		t.Errorf("drill-down makes the page %d px wide in %d", sw, iw)
	}

	// The next page follows the API's cursor.
	var page2 struct {
		Postings   []struct{ ID string }
		NextCursor string `json:"next_cursor"`
	}
	getJSON(t, addr+"/api/v1/postings?noc=63200&region=CA&period=2025&limit=10&skill="+skill, 200, &page2)
	if page2.NextCursor != "" {
		var rest struct{ Postings []struct{ ID string } }
		getJSON(t, addr+"/api/v1/postings?noc=63200&region=CA&period=2025&limit=10&skill="+skill+"&cursor="+url.QueryEscape(page2.NextCursor), 200, &rest)
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("drill-more"))); err != nil {
			t.Fatal(err)
		}
		poll(t, ctx, fmt.Sprintf(`document.querySelectorAll("#drill-list > li.posting").length === %d`, len(page.Postings)+len(rest.Postings)))
	} else if !eval[bool](t, ctx, `document.querySelector("#drill-more").hidden`) {
		t.Error("a 'more' button after the last page")
	}

	// The whole posting, every evidence span marked at its offsets.
	var full struct {
		Text     string
		Evidence []struct {
			Text       string
			Start, End int
		}
	}
	getJSON(t, addr+"/api/v1/postings/"+url.PathEscape(page.Postings[0].ID), 200, &full)
	var wantMarks []string
	at := 0
	sort.Slice(full.Evidence, func(i, j int) bool { return full.Evidence[i].Start < full.Evidence[j].Start })
	for _, e := range full.Evidence {
		if e.Start >= at && e.End <= len(full.Text) && strings.EqualFold(full.Text[e.Start:e.End], e.Text) {
			wantMarks = append(wantMarks, full.Text[e.Start:e.End])
			at = e.End
		}
	}
	if len(wantMarks) == 0 {
		t.Fatal("first posting: no evidence span matches its text")
	}
	if err := chromedp.Do(ctx, chromedp.Click(`#drill-list > li:first-child button.link`)); err != nil {
		t.Fatal(err)
	}
	poll(t, ctx, `!!document.querySelector("#drill-list > li:first-child .posting-text")`)
	marks := eval[string](t, ctx, `[...document.querySelectorAll("#drill-list > li:first-child .posting-text mark")].map(m => m.textContent).join("|")`)
	if marks != strings.Join(wantMarks, "|") {
		t.Errorf("whole posting marks %q, want %q", marks, strings.Join(wantMarks, "|"))
	}
	if got := eval[string](t, ctx, `document.querySelector("#drill-list > li:first-child .posting-text").textContent`); got != full.Text {
		t.Errorf("whole posting text differs from the API's (%d vs %d chars)", len(got), len(full.Text))
	}

	for format, ctype := range map[string]string{"html": "text/html", "csv": "text/csv", "json": "application/json"} {
		href := eval[string](t, ctx, `document.querySelector("#export-`+format+`").href`)
		if !strings.Contains(href, "format="+format) || !strings.Contains(href, "/occupations/63200/report") {
			t.Errorf("export %s link %q", format, href)
			continue
		}
		res, err := http.Get(href)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), ctype) || !strings.Contains(string(body), "Cooks") {
			t.Errorf("export %s: %d %s, %d bytes", format, res.StatusCode, res.Header.Get("Content-Type"), len(body))
		}
	}

	// Region comparison: one row per region asked for, counts as the API's.
	err := chromedp.Do(ctx, chromedp.SetValue(chromedp.ID("compare-regions"), "ON,QC"), chromedp.Click(chromedp.ID("compare")))
	if err != nil {
		t.Fatal(err)
	}
	poll(t, ctx, `!document.querySelector("#compare-table").hidden`)
	var cmp struct {
		Regions []struct {
			Name     string
			Postings int
		}
	}
	getJSON(t, addr+"/api/v1/compare?noc=63200&regions=ON,QC&period=2025", 200, &cmp)
	rows := eval[string](t, ctx, `[...document.querySelectorAll("#compare-table tbody tr")].map(r => r.cells[0].textContent + "=" + r.cells[1].textContent).join(";")`)
	var want []string
	for _, r := range cmp.Regions {
		want = append(want, fmt.Sprintf("%s=%d", r.Name, r.Postings))
	}
	if rows != strings.Join(want, ";") {
		t.Errorf("comparison rows %q, want %q", rows, strings.Join(want, ";"))
	}
}

// contrastJS lists the visible text elements whose colour has a WCAG
// contrast ratio below 4.5:1 against the first opaque background behind them.
const contrastJS = `(() => {
  const rgb = (s) => (s.match(/[\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => { const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const bg = (e) => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.length < 4 || c[3] > 0.9) { if (c.length >= 3 && !(c.length === 4 && c[3] === 0)) return c; } } return [255, 255, 255]; };
  const bad = [];
  for (const e of document.querySelectorAll("body *")) {
    if (!e.offsetParent || ![...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
    const fg = rgb(getComputedStyle(e).color);
    if (fg.length < 3) { bad.push(e.tagName + " unreadable colour"); continue; }
    const a = lum(fg), b = lum(bg(e));
    const r = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (!(r >= 4.5)) bad.push(e.tagName + "#" + e.id + "." + e.className + " " + r.toFixed(2));
  }
  return bad.join("; ");
})()`

// TestDashboardAccessible: every control has a label, table headers have a
// scope, text contrast meets WCAG AA, and keyboard focus is visible.
func TestDashboardAccessible(t *testing.T) {
	addr, stop, done := startEmbedded(t, t.TempDir())
	defer func() { stop(); <-done }()
	ctx, cancel := browser(t)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(addr+workbenchLink)); err != nil {
		t.Fatal(err)
	}
	poll(t, ctx, profileReady)
	if s := eval[string](t, ctx, `[...document.querySelectorAll("select, input")].filter(e => e.labels.length === 0).map(e => e.id).join(",")`); s != "" {
		t.Errorf("controls without a label: %s", s)
	}
	if s := eval[string](t, ctx, `[...document.querySelectorAll("th")].filter(th => th.scope !== (th.closest("thead") ? "col" : "row")).map(th => th.textContent).join(",")`); s != "" {
		t.Errorf("table headers without the right scope: %s", s)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("th[scope=row]").length`); n == 0 {
		t.Error("no row headers in the profile tables")
	}
	if s := eval[string](t, ctx, contrastJS); s != "" {
		t.Errorf("text below 4.5:1 contrast: %s", s)
	}
	// Tab from the top: the skip link first, then the form, each with a visible outline.
	for i, want := range []string{"A", "A", "SELECT", "SELECT", "INPUT", "BUTTON"} {
		if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
			t.Fatal(err)
		}
		tag := eval[string](t, ctx, `document.activeElement.tagName`)
		outline := eval[string](t, ctx, `getComputedStyle(document.activeElement).outlineStyle + " " + getComputedStyle(document.activeElement).outlineWidth`)
		if tag != want || strings.HasPrefix(outline, "none") || strings.HasSuffix(outline, " 0px") {
			t.Errorf("tab %d: focus on %s (outline %s), want %s with an outline", i+1, tag, outline, want)
		}
	}
	// A skill is reachable and opens its drill-down from the keyboard.
	if err := chromedp.Do(ctx, runJS(`document.querySelector("#skills tbody button").focus()`), chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	poll(t, ctx, `!document.querySelector("#drill").hidden && document.activeElement.id === "drill"`)
}
