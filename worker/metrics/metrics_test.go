package metrics

import (
	"regexp"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
)

// recorder is a Registerer that keeps what is registered.
type recorder struct{ cs []prometheus.Collector }

func (r *recorder) Register(c prometheus.Collector) error   { r.cs = append(r.cs, c); return nil }
func (r *recorder) MustRegister(cs ...prometheus.Collector) { r.cs = append(r.cs, cs...) }
func (r *recorder) Unregister(prometheus.Collector) bool    { return false }

var labelSets = regexp.MustCompile(`(?:constLabels|variableLabels): \{([^}]*)\}`)

// Prometheus adds the target labels job and instance to every scraped
// series; a metric with a label of either name has it renamed exported_*,
// and rules written against the metric's own label silently match
// nothing (SkillpulseRollupStale could never fire that way).
func TestNoLabelCollidesWithTargetLabels(t *testing.T) {
	var r recorder
	New(&r)
	descs := make(chan *prometheus.Desc, 1000)
	for _, c := range r.cs {
		c.Describe(descs)
	}
	close(descs)
	n := 0
	for d := range descs {
		n++
		for _, m := range labelSets.FindAllStringSubmatch(d.String(), -1) {
			for _, l := range strings.Split(m[1], ",") {
				l = strings.TrimSpace(strings.SplitN(l, "=", 2)[0])
				if l == "job" || l == "instance" {
					t.Errorf("%s has a label %q, which a scrape renames exported_%s", d, l, l)
				}
			}
		}
	}
	if n < 20 {
		t.Fatalf("only %d metrics described", n)
	}
	// The check reads labels at all: the scheduled-job metrics have one.
	var found bool
	for _, c := range r.cs {
		ch := make(chan *prometheus.Desc, 1000)
		c.Describe(ch)
		close(ch)
		for d := range ch {
			found = found || strings.Contains(d.String(), "variableLabels: {task}")
		}
	}
	if !found {
		t.Error("no metric described with the label task: the label parsing above reads nothing")
	}
}
