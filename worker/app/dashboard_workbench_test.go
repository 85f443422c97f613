package app

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/skillpulse/skillpulse/dashboards"
)

// The deep link every check below opens: Cooks, Canada, 2025 on the bundled sample.
const workbenchLink = "/?occupation=63200&region=CA&period=2025"

// chartsBuilt tells whether the charting library was fetched into the binary
// (scripts/fetch-web-deps.sh; make test runs it). CI must have it.
func chartsBuilt(t *testing.T) bool {
	t.Helper()
	if _, err := fs.Stat(dashboards.Web, "web/vendor/chart.umd.min.js"); err == nil {
		return true
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("dashboards/web/vendor/chart.umd.min.js missing: make deps fetches it")
	}
	t.Log("charting library not fetched (scripts/fetch-web-deps.sh): chart checks skipped, the fallback note checked instead")
	return false
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

func poll(t *testing.T, ctx context.Context, js string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("waiting for %s: %v", js, err)
	}
}

// runJS runs a script as a step, ignoring its value.
func runJS(src string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Evaluate[any](src)(ctx, t)
		return err
	})
}

// profileReady is true once the profile and its charts' data are drawn.
const profileReady = `!document.querySelector("#profile").hidden && document.querySelectorAll("#skills tbody tr").length > 0`

// canvasInk counts the painted pixels of a canvas.
func canvasInk(id string) string {
	return fmt.Sprintf(`(() => { const c = document.getElementById(%q); if (!c || !c.width || !c.height) return 0;
	  const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data; let n = 0;
	  for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; })()`, id)
}

// TestDashboardLayoutAndCharts: at phone and desktop widths the page never
// scrolls sideways, the occupation select fits the screen, and the three
// charts are drawn with data (or, without the library, the note says so).
func TestDashboardLayoutAndCharts(t *testing.T) {
	addr, stop, done := startEmbedded(t, t.TempDir())
	defer func() { stop(); <-done }()
	ctx, cancel := browser(t)
	defer cancel()
	withCharts := chartsBuilt(t)

	var trend struct{ Points []struct{ Postings int } }
	getJSON(t, addr+"/api/v1/occupations/63200/trend?region=CA&interval=month", 200, &trend)
	for _, v := range []struct {
		w    int64
		lang string
	}{{360, "en"}, {390, "en"}, {1280, "en"}, {360, "fr"}} {
		w := v.w
		t.Run(fmt.Sprint(w, v.lang), func(t *testing.T) {
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, 844), chromedp.Navigate(addr+workbenchLink+"&lang="+v.lang)); err != nil {
				t.Fatal(err)
			}
			poll(t, ctx, profileReady)
			if sw, iw := eval[int](t, ctx, `document.documentElement.scrollWidth`), eval[int](t, ctx, `innerWidth`); sw > iw {
				t.Errorf("page %d px wide in a %d px window", sw, iw)
			}
			if right := eval[float64](t, ctx, `document.querySelector("#occupation").getBoundingClientRect().right`); right > float64(w) {
				t.Errorf("occupation select ends at %.0f px of %d", right, w)
			}
			// Wide content scrolls inside its own box, never the page.
			if n := eval[int](t, ctx, `[...document.querySelectorAll("table")].filter(t => t.offsetParent && !t.parentElement.classList.contains("scroll") && t.getBoundingClientRect().right > innerWidth).length`); n > 0 {
				t.Errorf("%d tables run past the window", n)
			}
			// The chart's figures are also a table, open when there is no chart.
			if n := eval[int](t, ctx, `document.querySelectorAll("#trend-table tbody tr").length`); n != len(trend.Points) || n == 0 {
				t.Errorf("trend table: %d rows, the API has %d points", n, len(trend.Points))
			}
			if !withCharts {
				if eval[bool](t, ctx, `document.querySelector("#charts-note").hidden || !document.querySelector("#trend-details").open`) {
					t.Error("no charting library, yet no note that charts are unavailable, or the figures closed")
				}
				return
			}
			poll(t, ctx, `typeof Chart === "function" && ["trend-chart","regions-chart","skill-chart"].every(id => Chart.getChart(id))`)
			for _, id := range []string{"trend-chart", "regions-chart", "skill-chart"} {
				points := eval[int](t, ctx, fmt.Sprintf(`Chart.getChart(%q).data.datasets.reduce((n, d) => n + d.data.filter(v => v > 0).length, 0)`, id))
				ink := eval[int](t, ctx, canvasInk(id))
				if points == 0 || ink < 200 {
					t.Errorf("%s: %d non-zero points, %d painted pixels", id, points, ink)
				}
			}
			if !eval[bool](t, ctx, `document.querySelector("#charts-note").hidden`) {
				t.Error("charts drawn but the 'unavailable' note shows")
			}
		})
	}
}

// TestDashboardScopeChoices: the occupation counts follow the region chosen
// and provinces without postings in the period are not offered.
func TestDashboardScopeChoices(t *testing.T) {
	addr, stop, done := startEmbedded(t, t.TempDir())
	defer func() { stop(); <-done }()
	ctx, cancel := browser(t)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(addr+workbenchLink)); err != nil {
		t.Fatal(err)
	}
	poll(t, ctx, profileReady)

	var offered []string
	if err := json.Unmarshal([]byte(eval[string](t, ctx, `JSON.stringify([...document.querySelectorAll("#region option")].map(o => o.value).filter(v => /^[A-Z]{2}$/.test(v) && v !== "CA"))`)), &offered); err != nil {
		t.Fatal(err)
	}
	if len(offered) == 0 {
		t.Fatal("no province offered")
	}
	for _, p := range offered {
		var occ struct{ Occupations []struct{ Postings int } }
		getJSON(t, addr+"/api/v1/occupations?period=2025&region="+p, 200, &occ)
		n := 0
		for _, o := range occ.Occupations {
			n += o.Postings
		}
		if n == 0 {
			t.Errorf("province %s offered with no postings in 2025", p)
		}
	}

	var nu struct {
		Occupations []struct {
			Code     string
			Postings int
		}
	}
	getJSON(t, addr+"/api/v1/occupations?period=2025&region=NU", 200, &nu)
	if len(nu.Occupations) == 0 {
		t.Fatal("no Nunavut postings in the sample: pick another region for this test")
	}
	err := chromedp.Do(ctx, chromedp.SetValue(chromedp.ID("region"), "NU"),
		runJS(`document.querySelector("#region").dispatchEvent(new Event("change"))`))
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("%s %s", nu.Occupations[0].Code, "")
	poll(t, ctx, fmt.Sprintf(`[...document.querySelectorAll("#occupation option")].filter(o => !o.classList.contains("none")).length === %d`, len(nu.Occupations)))
	first := eval[string](t, ctx, `document.querySelector("#occupation option").textContent`)
	if !strings.HasPrefix(first, want) || !strings.HasSuffix(first, fmt.Sprintf("(%d)", nu.Occupations[0].Postings)) {
		t.Errorf("first occupation in Nunavut %q, want %s… (%d)", first, want, nu.Occupations[0].Postings)
	}

	// Another period: the counts follow it too (Canada-wide, 2024-Q2).
	var q2 struct{ Occupations []struct{ Code string } }
	getJSON(t, addr+"/api/v1/occupations?period=2024-Q2&region=CA", 200, &q2)
	err = chromedp.Do(ctx, chromedp.SetValue(chromedp.ID("region"), "CA"), chromedp.SetValue(chromedp.ID("period"), "2024-Q2"),
		runJS(`document.querySelector("#period").dispatchEvent(new Event("change"))`))
	if err != nil {
		t.Fatal(err)
	}
	poll(t, ctx, fmt.Sprintf(`[...document.querySelectorAll("#occupation option")].filter(o => !o.classList.contains("none")).length === %d`, len(q2.Occupations)))
	if len(q2.Occupations) == len(nu.Occupations) {
		t.Log("2024-Q2 and Nunavut 2025 list as many occupations: the period check proves less")
	}
}

// TestDashboardFrench: ?lang=fr and a French Accept-Language both give the
// French UI, the html lang attribute and the API's French skill labels; the
// switch link leads back to English.
func TestDashboardFrench(t *testing.T) {
	addr, stop, done := startEmbedded(t, t.TempDir())
	defer func() { stop(); <-done }()
	ctx, cancel := browser(t)
	defer cancel()

	var fr struct {
		TopSkills []struct{ Label string } `json:"top_skills"`
	}
	getJSON(t, addr+"/api/v1/occupations/63200/profile?region=CA&period=2025&lang=fr", 200, &fr)
	if len(fr.TopSkills) == 0 {
		t.Fatal("no French top skills from the API")
	}
	check := func(how string) {
		poll(t, ctx, profileReady)
		got := map[string]string{
			"lang":   eval[string](t, ctx, `document.documentElement.lang`),
			"show":   eval[string](t, ctx, `document.querySelector("#show").textContent`),
			"skills": eval[string](t, ctx, `document.querySelector("#skills thead th").textContent`),
			"label":  eval[string](t, ctx, `document.querySelector("#skills tbody th").textContent`),
			"switch": eval[string](t, ctx, `document.querySelector("#lang-switch").textContent`),
		}
		want := map[string]string{"lang": "fr", "show": "Afficher le profil", "skills": "Compétence", "label": fr.TopSkills[0].Label, "switch": "English"}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s: %s = %q, want %q", how, k, got[k], v)
			}
		}
		if s := eval[string](t, ctx, `document.querySelector("#summary").textContent`); !strings.HasPrefix(s, "Offres d'emploi : ") {
			t.Errorf("%s: summary %q", how, s)
		}
		// Provinces are listed under their French names.
		poll(t, ctx, `[...document.querySelectorAll("#region option")].length > 14`)
		if opts := eval[string](t, ctx, `[...document.querySelectorAll("#region option")].map(o => o.textContent).join("|")`); !strings.Contains(opts, "Nouvelle-Écosse") || strings.Contains(opts, "Nova Scotia") {
			t.Errorf("%s: region choices %.300q, want Nouvelle-Écosse and not Nova Scotia", how, opts)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(addr+workbenchLink+"&lang=fr")); err != nil {
		t.Fatal(err)
	}
	check("?lang=fr")

	// Back to English through the switch.
	sw := eval[string](t, ctx, `document.querySelector("#lang-switch").href`)
	if !strings.Contains(sw, "lang=en") || !strings.Contains(sw, "occupation=63200") {
		t.Errorf("language switch %q", sw)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(sw)); err != nil {
		t.Fatal(err)
	}
	poll(t, ctx, `document.documentElement.lang === "en" && document.querySelector("#show").textContent === "Show profile"`)

	// A browser that asks for French (Accept-Language) without ?lang.
	ctx2, cancel2 := chromedp.NewContext(ctx)
	defer cancel2()
	err := chromedp.Do(ctx2, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{UserAgent: "skillpulse-test", AcceptLanguage: "fr-CA,fr"})
		return err
	}), chromedp.Navigate(addr+workbenchLink))
	if err != nil {
		t.Fatal(err)
	}
	ctx = ctx2
	check("Accept-Language: fr-CA")

	// Evidence offsets are bytes of UTF-8 text: in a French posting with
	// accents before a match the marks still fall on the matched words.
	var list struct{ Postings []struct{ ID string } }
	getJSON(t, addr+"/api/v1/postings?region=QC&limit=100", 200, &list)
	for _, p := range list.Postings {
		var full struct {
			Text     string
			Evidence []struct {
				Text       string
				Start, End int
			}
		}
		getJSON(t, addr+"/api/v1/postings/"+url.PathEscape(p.ID), 200, &full)
		var e0 *struct {
			Text       string
			Start, End int
		}
		for i, e := range full.Evidence {
			if e.End <= len(full.Text) && len([]rune(full.Text[:e.Start])) != e.Start {
				e0 = &full.Evidence[i]
				break
			}
		}
		if e0 == nil {
			continue
		}
		arg, _ := json.Marshal(map[string]any{"text": full.Text, "ev": []any{e0}})
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`import("/views.js").then(m => { const a = `+string(arg)+`;
			return [...m.markText(a.text, a.ev.map(e => ({text: e.Text, start: e.Start, end: e.End}))).querySelectorAll("mark")].map(x => x.textContent).join("|"); })`,
			chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		if want := full.Text[e0.Start:e0.End]; got != want {
			t.Errorf("posting %s: marked %q, want %q", p.ID, got, want)
		}
		return
	}
	t.Fatal("no Quebec posting with accents before a skill match in the sample")
}
