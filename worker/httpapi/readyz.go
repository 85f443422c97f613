package httpapi

import (
	"context"
	"encoding/json"
	"net/http"
	"time"
)

// Check is one readiness dependency: nil when it is usable.
type Check struct {
	Name string
	Run  func(ctx context.Context) error
}

// readyz answers 200 when every check passes, else 503 with a JSON body
// naming each failing check and why. /healthz stays liveness only: a
// worker riding out an Elasticsearch outage is alive (restarting it would
// help nothing) but not ready.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
	defer cancel()
	failing := map[string]string{}
	for _, c := range s.Ready {
		if err := c.Run(ctx); err != nil {
			failing[c.Name] = clipTo(err.Error(), 500)
		}
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	body := map[string]any{"ready": len(failing) == 0}
	if len(failing) > 0 {
		body["failing"] = failing
		w.WriteHeader(http.StatusServiceUnavailable)
	}
	json.NewEncoder(w).Encode(body)
}

// clipTo cuts s to at most n bytes, marking the cut.
func clipTo(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
