package analyzer

import (
	"github.com/segmentio/encoding/json"

	"github.com/skillpulse/skillpulse/analyzer/posting"
)

// AppendJSON appends the analysis as the stores write it: the same
// document json.Marshal gives, without HTML escaping (no store serves it
// as HTML). Encoding is a large share of a worker's CPU, so a posting
// without unknown fields is encoded as a plain struct: its MarshalJSON
// result would be parsed again by the encoder.
func AppendJSON(b []byte, a *Analysis) ([]byte, error) {
	if a.Posting == nil || len(a.Posting.Extra) > 0 {
		return json.Append(b, a, json.SortMapKeys)
	}
	return json.Append(b, &plainDoc{Analysis: *a, Posting: (*plainPosting)(a.Posting)}, json.SortMapKeys)
}

// plainPosting is a Posting without its MarshalJSON.
type plainPosting posting.Posting

// plainDoc is an Analysis whose posting field is encoded plainly: the
// outer field hides the embedded one of the same name. (Embedded by
// value: segmentio/encoding ignores omitempty in embedded pointers.)
type plainDoc struct {
	Analysis
	Posting *plainPosting `json:"posting"`
}
