package app

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browser starts headless Debian Chromium (installed by
// scripts/install-deps.sh) with the flags this closed network needs.
func browser(t *testing.T) (context.Context, context.CancelFunc) {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		if testing.Short() && os.Getenv("CI") != "true" { // CI must run it
			t.Skip("chromium not installed")
		}
		t.Fatal("chromium not found: scripts/install-deps.sh installs it (make test does)")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	return ctx, func() { cancelTimeout(); cancelCtx(); cancelAlloc() }
}

// TestDashboardInChromium loads the built-in dashboard in a real browser:
// a deep link renders a profile, changing the region re-renders it, and a
// bad period shows the API's message instead of a stale profile.
func TestDashboardInChromium(t *testing.T) {
	addr, stop, done := startEmbedded(t, t.TempDir())
	defer func() { stop(); <-done }()
	ctx, cancel := browser(t)
	defer cancel()

	text := func(id string) string {
		v, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID(id)))
		if err != nil {
			t.Fatalf("read #%s: %v", id, err)
		}
		return v
	}
	count := func(css string) int {
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("`+css+`").length`))
		if err != nil {
			t.Fatalf("count %s: %v", css, err)
		}
		return n
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(addr+"/?region=CA&period=2025"), chromedp.WaitVisible(chromedp.ID("profile"))); err != nil {
		t.Fatalf("load dashboard: %v", err)
	}
	summary, title := text("summary"), text("title")
	if !strings.HasPrefix(summary, "Job postings: ") || strings.HasPrefix(summary, "Job postings: 0") {
		t.Errorf("summary %q", summary)
	}
	if rows, options := count("#skills tbody tr"), count("#occupation option"); rows == 0 || options < 10 || !strings.Contains(title, "Canada") {
		t.Errorf("%d skill rows, %d occupations, title %q", rows, options, title)
	}

	err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("region"), "ON"),
		chromedp.Click(chromedp.ID("show")),
	)
	if err == nil {
		_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector("#title").textContent.includes("Ontario")`,
			chromedp.WithPollingTimeout(20*time.Second)))
	}
	if err != nil {
		t.Fatalf("change region: %v (title %q)", err, text("title"))
	}

	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("period"), "soon"),
		chromedp.Click(chromedp.ID("show")),
		chromedp.WaitVisible(chromedp.ID("error")),
	)
	if err != nil {
		t.Fatalf("bad period: %v", err)
	}
	hidden, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("#profile").hidden`))
	if msg := text("error"); err != nil || !strings.Contains(msg, "period") || !hidden {
		t.Errorf("error %q, profile hidden %v (%v)", msg, hidden, err)
	}

	// A job title's likeliest occupations; choosing the first shows its profile.
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("period"), "2025"),
		chromedp.SetValue(chromedp.ID("job-title"), "Sr. Health Records Technician - Night Shift"),
		chromedp.Click(chromedp.ID("find")),
		chromedp.WaitVisible(chromedp.ID("candidates")),
	)
	if err != nil {
		t.Fatalf("find occupation: %v", err)
	}
	first := text("candidates")
	if n := count("#candidates li"); n != 5 || !strings.HasPrefix(first, "12111 Health information management") {
		t.Fatalf("%d candidates, list %q; want 5, 12111 first", n, first)
	}
	err = chromedp.Do(ctx, chromedp.Click(`#candidates li:first-child button`))
	if err == nil {
		_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector("#title").textContent.includes("NOC 12111")`,
			chromedp.WithPollingTimeout(20*time.Second)))
	}
	if err != nil {
		t.Fatalf("choose a candidate: %v (title %q)", err, text("title"))
	}
}
