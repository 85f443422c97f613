package dedup

import (
	"sync"
	"time"
)

// Sig is what the detector keeps of a posting: normalized keys and the
// text's hashes, not the text. Signatures from detectors with the same
// Shingle and Hashes are interchangeable, across processes too.
type Sig struct {
	Key      string    `json:"key"`
	Source   string    `json:"source"`
	Employer string    `json:"employer,omitempty"` // folded, legal form dropped
	Title    string    `json:"title,omitempty"`    // folded, noise words dropped
	City     string    `json:"city,omitempty"`     // folded
	Province string    `json:"province,omitempty"` // two-letter code
	PostedAt time.Time `json:"posted_at"`
	TextHash uint64    `json:"text_hash"` // word sequence; 0 when the text has no words
	MinHash  []uint32  `json:"minhash"`
}

// wordBufs recycles the per-call word hash buffers of Signature.
var wordBufs = sync.Pool{New: func() any { b := make([]uint64, 0, 512); return &b }}

// Signature computes what Add stores for doc. It needs no lock: callers
// may compute signatures in parallel and add them in order.
func (d *Detector) Signature(doc Doc) Sig {
	city, province := parsePlace(doc.Location)
	s := Sig{
		Key:      doc.Key,
		Source:   doc.Source,
		Employer: normEmployer(doc.Employer),
		Title:    normTitle(doc.Title),
		City:     city,
		Province: province,
		PostedAt: doc.PostedAt,
	}
	buf := wordBufs.Get().(*[]uint64)
	words := wordHashes(doc.Text, (*buf)[:0])
	s.TextHash = textHash(words)
	if s.TextHash != 0 {
		s.MinHash = make([]uint32, d.cfg.Hashes)
		minhash(words, d.cfg.Shingle, s.MinHash)
	}
	*buf = words
	wordBufs.Put(buf)
	return s
}
