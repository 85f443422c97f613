package noc

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// firstAlternative keeps the first of slash-joined alternatives, which in
// French titles are gender forms and elsewhere near-synonyms
// ("picker/packer"). A French form often repeats a whole phrase
// ("analyste commercial/analyste commerciale en économie",
// "avocat-fiscaliste/avocate-fiscaliste"): when the word after the slash
// starts like a word shortly before it, the alternative is that many words
// long, and all of them go; otherwise only the word after the slash does.
func firstAlternative(s string) string { return alternative(s, false) }

// secondAlternative keeps the other form instead: the words after each
// slash in place of those they repeat, "forewoman" for "foreman/woman".
// The eval writes held-out titles in that form (OtherForms).
func secondAlternative(s string) string { return alternative(s, true) }

// alternative keeps the first or the second of each slash-joined pair.
func alternative(s string, second bool) string {
	fields := strings.Fields(s)
	out := make([]string, 0, len(fields))
	for i := 0; i < len(fields); i++ {
		left, right, ok := splitSlash(fields[i])
		if !ok {
			out = append(out, fields[i])
			continue
		}
		if left == right {
			// "owner-operator/owner-operator of a vedette": the same word
			// twice, and the words after it belong to both.
			out = append(out, left)
			continue
		}
		if second && strings.HasSuffix(left, "man") && (right == "woman" || right == "women") {
			out = append(out, strings.TrimSuffix(left, "man")+right)
			continue
		}
		kept := append(out, left)
		n := alternativeLength(kept, right, fields[i+1:])
		if second {
			// The n-1 words before the slash are repeated after it.
			out = append(out[:len(out)-(n-1)], right)
			out = append(out, fields[i+1:i+n]...)
		} else {
			out = kept
		}
		i += n - 1
	}
	return strings.Join(out, " ")
}

// splitSlash splits "waiter/waitress" at a slash between two letters.
func splitSlash(f string) (left, right string, ok bool) {
	slash := strings.IndexByte(f, '/')
	if slash <= 0 || slash == len(f)-1 || !isLetterAt(f, slash-1, true) || !isLetterAt(f, slash+1, false) {
		return "", "", false
	}
	return f[:slash], f[slash+1:], true
}

// alternativeLength is how many words, starting with first and going on
// into rest, repeat the last words of kept in another form.
func alternativeLength(kept []string, first string, rest []string) int {
	for k := 0; k < 3 && k < len(kept); k++ {
		if !sameStem(kept[len(kept)-1-k], first) || k > len(rest) {
			continue
		}
		match := true
		for j := 1; j <= k; j++ {
			if !sameStem(kept[len(kept)-1-k+j], rest[j-1]) {
				match = false
				break
			}
		}
		if match {
			return k + 1
		}
	}
	return 1
}

// sameStem: two forms of one word share their first letters
// ("commercial"/"commerciale", "technicien"/"technicienne").
func sameStem(a, b string) bool {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n >= 4 || (n >= 3 && n == min(len(a), len(b)))
}

func isLetterAt(s string, i int, before bool) bool {
	var r rune
	if before {
		r, _ = utf8.DecodeLastRuneInString(s[:i+1])
	} else {
		r, _ = utf8.DecodeRuneInString(s[i:])
	}
	return unicode.IsLetter(r)
}
