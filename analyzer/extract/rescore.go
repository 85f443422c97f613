package extract

// Rescorer sees the final matches of one text and returns the ones to keep,
// possibly with others it proposes. It lets a learned linker decide whether
// a dictionary match is the right concept without the matcher knowing about
// models. It must be safe for concurrent use and keep Start/End/Text exact.
type Rescorer interface {
	Rescore(text string, res Result) Result
}

// SetRescorer installs r (nil removes it). Call it before the extractor is
// shared between goroutines.
func (x *Extractor) SetRescorer(r Rescorer) { x.rescorer = r }
