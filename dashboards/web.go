// Package dashboards holds what analysts look at: the built-in web
// dashboard (web/, served by the API) and Kibana saved objects (kibana/).
package dashboards

import "embed"

// Web is the built-in dashboard: a static page over the JSON API. web/vendor
// holds the charting library fetched by scripts/fetch-web-deps.sh; its
// committed README keeps the pattern valid when the library is absent.
//
//go:embed web/*.html web/*.js web/*.css web/vendor
var Web embed.FS
