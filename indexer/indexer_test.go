package indexer

import (
	"testing"

	"github.com/skillpulse/skillpulse/analyzer"
	"github.com/skillpulse/skillpulse/analyzer/noc"
)

func TestToRecordLowConfidence(t *testing.T) {
	for _, tc := range []struct {
		occ  noc.Result
		want bool
	}{
		{noc.Result{Code: "63200", Confidence: 0.35, Method: "title", LowConfidence: true}, true},
		{noc.Result{Code: "63200", Confidence: 0.9, Method: "title"}, false},
		// Unclassified is counted apart, never as a low-confidence code.
		{noc.Result{Code: noc.Unclassified, Method: "unclassified", LowConfidence: true}, false},
	} {
		a := &analyzer.Analysis{Key: "k", Occupation: tc.occ}
		if got := ToRecord(a); got.LowConfidence != tc.want || got.Occupation != tc.occ.Code {
			t.Errorf("%+v: record %+v, want low confidence %v", tc.occ, got, tc.want)
		}
	}
}
