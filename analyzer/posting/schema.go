package posting

import _ "embed"

// Schema is the JSON Schema (draft 2020-12) of one input posting: the
// documented contract of the JSON-lines, Kafka and CSV input. Its tests
// keep it and Parse in agreement.
//
//go:embed schema.json
var Schema []byte
