// Package dashboards holds what analysts look at: the built-in web
// dashboard (web/, served by the API) and Kibana saved objects (kibana/).
package dashboards

import "embed"

// Web is the built-in dashboard: a static page over the JSON API.
//
//go:embed web/*.html web/*.js web/*.css
var Web embed.FS
