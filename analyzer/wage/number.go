package wage

import (
	"strconv"
	"strings"
)

// amount is one number found in a salary string.
type amount struct {
	value      float64
	start, end int  // byte span in the normalized string, "k" included
	hasK       bool // "70k": thousands, and a hint for the other end of a range
	money      bool // next to a currency sign or code
}

// scanAmounts returns the numbers of the normalized string s in order,
// leaving out percentages ("10% bonus").
func scanAmounts(s string) []amount {
	var out []amount
	for i := 0; i < len(s); {
		if !isDigit(s[i]) || (i > 0 && isDigit(s[i-1])) {
			i++
			continue
		}
		v, end, ok := readNumber(s, i)
		if !ok {
			i = end
			continue
		}
		a := amount{value: v, start: i, end: end}
		a.end, a.hasK = readK(s, end)
		if a.hasK {
			a.value *= 1000
		}
		if !isPercent(s, a.end) {
			a.money = currencyBefore(s, i) != "" || currencyAfter(s, a.end) != ""
			out = append(out, a)
		}
		i = a.end
	}
	return out
}

// readNumber reads the number starting at digit i. Grouping and decimal
// marks are told apart by the digits that follow: a group of exactly three
// digits after a space, comma or period is a thousands group ("55 000",
// "45,000", "1.200"); one or two digits after a comma or period are
// decimals ("25,50", "29.51"). A mark used for thousands cannot also be the
// decimal mark, so "1.200,50" is 1200.5 and "45,000.00" is 45000. Runs that
// fit neither rule end the number, leaving the rest to be read on its own
// ("20 25" is two numbers).
func readNumber(s string, i int) (value float64, end int, ok bool) {
	j := digitsEnd(s, i)
	intPart := s[i:j]
	var thousands byte
	frac := ""
	for j < len(s) {
		sep := s[j]
		if sep != ' ' && sep != ',' && sep != '.' && sep != '\'' {
			break
		}
		if j+1 >= len(s) || !isDigit(s[j+1]) {
			break
		}
		k := digitsEnd(s, j+1)
		group := s[j+1 : k]
		// A 3-digit group is thousands unless the mark already served as
		// decimal or differs from the thousands mark seen so far.
		firstOK := thousands != 0 || len(intPart) <= 3
		if len(group) == 3 && firstOK && (thousands == 0 || thousands == sep) {
			thousands = sep
			intPart += group
			j = k
			continue
		}
		if (sep == ',' || sep == '.') && len(group) <= 2 && sep != thousands {
			frac = group
			j = k
		}
		break
	}
	text := intPart
	if frac != "" {
		text += "." + frac
	}
	v, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return 0, j, false
	}
	return v, j, true
}

// readK consumes a thousands suffix: "70k", "70 K", but not "70 km".
func readK(s string, end int) (int, bool) {
	j := end
	if j < len(s) && s[j] == ' ' {
		j++
	}
	if j < len(s) && s[j] == 'k' && (j+1 == len(s) || !isWordByte(s, j+1)) {
		return j + 1, true
	}
	return end, false
}

func isPercent(s string, end int) bool {
	rest := strings.TrimLeft(s[end:], " ")
	return strings.HasPrefix(rest, "%") || strings.HasPrefix(rest, "pour cent") || strings.HasPrefix(rest, "percent")
}

// currencyTokens are the signs and codes that mark a number as money, with
// the currency they stand for. "$" alone is taken as Canadian.
var currencyTokens = []struct{ text, code string }{
	{"us$", "USD"}, {"usd", "USD"}, {"ca$", "CAD"}, {"c$", "CAD"}, {"cad", "CAD"},
	{"$", "CAD"}, {"€", "EUR"}, {"eur", "EUR"}, {"£", "GBP"}, {"gbp", "GBP"},
}

// currencyBefore returns the currency whose sign or code ends just before
// byte i (spaces allowed), or "".
func currencyBefore(s string, i int) string {
	head := strings.TrimRight(s[:i], " ")
	for _, c := range currencyTokens {
		if strings.HasSuffix(head, c.text) {
			return c.code
		}
	}
	return ""
}

// currencyAfter returns the currency whose sign or code starts just after
// byte i (spaces allowed), or "".
func currencyAfter(s string, i int) string {
	tail := strings.TrimLeft(s[i:], " ")
	for _, c := range currencyTokens {
		if strings.HasPrefix(tail, c.text) {
			return c.code
		}
	}
	return ""
}

func digitsEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
