package extract

// Morphology: the light stemmer labels and text share, and the word-form
// tests the matcher reads inflections by.

// stem strips English and French inflections so "databases" meets
// "database" and "scheduling" meets "schedule". It is deliberately light:
// both labels and text go through it, so it only has to be consistent, not
// linguistically right, and it must not merge unrelated words.
func stem(b []byte) []byte {
	n := len(b)
	if n <= 3 {
		return b
	}
	for _, c := range b {
		if keepWhole[c] {
			return b
		}
	}
	switch {
	case hasSuffix(b, "ies") && n > 4:
		b[n-3] = 'y'
		b = b[:n-2]
	case hasSuffix(b, "ss"), hasSuffix(b, "us"), hasSuffix(b, "is"):
	case b[n-1] == 's':
		b = b[:n-1]
	}
	n = len(b)
	switch {
	// French verbs as postings address the reader or name the holder:
	// "vous superviserez", "vous conduirez", "vous préparez", "le
	// titulaire supervisera" meet the infinitive of the label
	// ("superviser", "conduire", stemmed "conduir"). English has surnames
	// in -ez, "camera" and French "rendez", which the lengths leave alone.
	case n >= 7 && (hasSuffix(b, "erez") || hasSuffix(b, "irez") || hasSuffix(b, "drez")):
		return yFuture(b[:n-2]) // future: "superviserez", "conduirez", "prendrez"
	case n >= 7 && (hasSuffix(b, "era") || hasSuffix(b, "ira") || hasSuffix(b, "dra")):
		return yFuture(b[:n-1])
	case n >= 7 && hasSuffix(b, "ez"):
		b[n-1] = 'r'
		return b
	case n >= 6 && hasSuffix(b, "ing"):
		b = restoreE(b[:n-3])
	case n >= 5 && hasSuffix(b, "ed") && !hasSuffix(b, "eed"):
		b = restoreE(b[:n-2])
	}
	if n = len(b); n >= 5 && b[n-1] == 'e' {
		b = b[:n-1]
	}
	return b
}

// keepWhole marks the bytes of words stem leaves alone ("2010s", "node.js",
// "c++", "c#"): one load per byte where four comparisons were.
var keepWhole = func() (t [256]bool) {
	for _, c := range []byte("0123456789.+#") {
		t[c] = true
	}
	return t
}()

// yFuture restores the y of verbs in -oyer and -ayer that their future
// spells with an i: "nettoierez" is nettoyer, "paiera" payer.
func yFuture(b []byte) []byte {
	if n := len(b); hasSuffix(b, "oier") || hasSuffix(b, "aier") {
		b[n-3] = 'y'
	}
	return b
}

func hasSuffix(b []byte, s string) bool {
	return len(b) >= len(s) && string(b[len(b)-len(s):]) == s
}

// restoreE undoubles a stem, or gives back the e that a short everyday
// verb drops before -ing and -ed, which its base form keeps: "make
// decisions" meets "making decisions", "move furniture" "moving
// furniture". Only verbs whose -ing form names no skill of its own:
// "typing" is not "type", "coding" not "code", "filing" not a "file",
// "wiring" not a "wire"; and "take", whose "take orders from a
// supervisor" is not taking orders.
func restoreE(b []byte) []byte {
	if len(b) == 3 {
		switch string(b) {
		case "mak", "bak", "giv", "hav", "mov", "hir", "wip", "sav":
			return append(b, 'e')
		}
	}
	return undouble(b)
}

// undouble turns "programm" (from "programming") into "program".
func undouble(b []byte) []byte {
	n := len(b)
	if n >= 3 && b[n-1] == b[n-2] {
		switch b[n-1] {
		case 'l', 's', 'z', 'e', 'o':
			return b
		}
		if isASCIILetter(b[n-1]) {
			return b[:n-1]
		}
	}
	return b
}

// participle reports whether the token is an English participle in -ed
// ("received", "shipped"), by its text, not its stem, which the gerund
// shares.
func participle(text string, t token) bool {
	w := text[t.start:t.end]
	return len(w) >= 5 && (w[len(w)-2:] == "ed" || w[len(w)-2:] == "ED") && w[len(w)-3] != 'e' && w[len(w)-3] != 'E'
}

// determinerBefore: the word before text[start:] is an English article or
// possessive, as before a noun phrase.
func determinerBefore(text string, start int) bool {
	switch wordBefore(text, start) {
	case "a", "A", "an", "An", "the", "The", "our", "Our", "your", "Your", "their", "highly", "well":
		return true
	}
	return false
}

// wordBefore is the space-separated word that ends right before
// text[start:], past any spaces.
func wordBefore(text string, start int) string {
	end := start
	for end > 0 && text[end-1] == ' ' {
		end--
	}
	begin := end
	for begin > 0 && text[begin-1] != ' ' {
		begin--
	}
	return text[begin:end]
}
