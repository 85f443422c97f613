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
// A rescorer that says it judges loose matches (LooseJudge) turns the
// loose pass on.
func (x *Extractor) SetRescorer(r Rescorer) {
	x.rescorer = r
	lj, ok := r.(LooseJudge)
	x.SetLoose(ok && lj.JudgesLoose())
}

// RescorerVersion names the rescorer that judges this extractor's matches
// ("" for none, or one that does not say): stored analyses carry it, as
// another model gives other skills from the same text.
func (x *Extractor) RescorerVersion() string {
	if v, ok := x.rescorer.(interface{ Version() string }); ok {
		return v.Version()
	}
	return ""
}

// LooseJudge is a Rescorer that can tell right loose matches from wrong
// ones (Match.Loose).
type LooseJudge interface {
	JudgesLoose() bool
}

// SetLoose turns the loose pass on or off, for callers that judge its
// matches themselves (the evaluation). Call it before the extractor is
// shared between goroutines.
func (x *Extractor) SetLoose(on bool) {
	if on {
		x.ix.buildLoose()
	}
	x.loose = on
}
