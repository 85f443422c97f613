package posting

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/segmentio/encoding/json"
)

// splitObject splits a JSON object into its members without decoding
// them: each value is a subslice of data. String values are validated
// here as they are skipped; other values (numbers, objects, arrays,
// literals) with json.Valid. Later members win over earlier ones of the
// same name, as with encoding/json. Decoding the object into a map of
// copied raw values and then every string a second time was half of the
// extract command's parsing time.
func splitObject(data []byte) (map[string]json.RawMessage, error) {
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return nil, errors.New("not an object")
	}
	out := make(map[string]json.RawMessage, 12)
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		return out, trailing(data, i+1)
	}
	for {
		if i >= len(data) || data[i] != '"' {
			return nil, fmt.Errorf("offset %d: expected a member name", i)
		}
		end, esc, err := scanString(data, i)
		if err != nil {
			return nil, err
		}
		key := string(data[i+1 : end-1])
		if esc {
			if key, err = unquote(data[i:end]); err != nil {
				return nil, err
			}
		}
		i = skipSpace(data, end)
		if i >= len(data) || data[i] != ':' {
			return nil, fmt.Errorf("offset %d: expected ':'", i)
		}
		i = skipSpace(data, i+1)
		start := i
		if i, err = skipValue(data, i); err != nil {
			return nil, err
		}
		out[key] = json.RawMessage(data[start:i])
		i = skipSpace(data, i)
		if i >= len(data) {
			return nil, errors.New("unexpected end of object")
		}
		switch data[i] {
		case ',':
			i = skipSpace(data, i+1)
		case '}':
			return out, trailing(data, i+1)
		default:
			return nil, fmt.Errorf("offset %d: expected ',' or '}'", i)
		}
	}
}

func trailing(data []byte, i int) error {
	if skipSpace(data, i) != len(data) {
		return errors.New("data after the object")
	}
	return nil
}

func skipSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// skipValue returns the end of the value at data[i].
func skipValue(data []byte, i int) (int, error) {
	if i >= len(data) {
		return i, errors.New("unexpected end: expected a value")
	}
	if data[i] == '"' {
		end, _, err := scanString(data, i)
		return end, err
	}
	// Anything else: find its end, then validate it whole.
	start, depth := i, 0
	for i < len(data) {
		c := data[i]
		switch {
		case c == '"':
			end, _, err := scanString(data, i)
			if err != nil {
				return i, err
			}
			i = end
			continue
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			if depth == 0 {
				goto done
			}
			depth--
		case c == ',' && depth == 0:
			goto done
		}
		i++
	}
done:
	if depth != 0 || !json.Valid(data[start:i]) {
		return i, fmt.Errorf("offset %d: invalid value", start)
	}
	return i, nil
}

// scanString validates the string starting at data[i] (a quote) and
// returns the offset after its closing quote and whether it has escapes.
func scanString(data []byte, i int) (end int, escaped bool, err error) {
	for j := i + 1; j < len(data); j++ {
		if j = plainRun(data, j); j >= len(data) {
			break
		}
		switch c := data[j]; {
		case c == '"':
			return j + 1, escaped, nil
		case c == '\\':
			escaped = true
			if j+1 >= len(data) {
				return 0, false, errors.New("unterminated string")
			}
			switch data[j+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				j++
			case 'u':
				if j+5 >= len(data) {
					return 0, false, errors.New("short \\u escape")
				}
				for _, h := range data[j+2 : j+6] {
					if hexVal(h) < 0 {
						return 0, false, errors.New("bad \\u escape")
					}
				}
				j += 5
			default:
				return 0, false, fmt.Errorf("bad escape \\%c", data[j+1])
			}
		case c < 0x20:
			return 0, false, errors.New("control character in string")
		}
	}
	return 0, false, errors.New("unterminated string")
}

// plainRun returns the offset of the first byte at or after j that a
// JSON string treats specially (quote, backslash, control character), or
// len(data). It tests eight bytes at a time: descriptions are long runs
// of plain text, and testing them byte by byte was most of parsing.
func plainRun(data []byte, j int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; j+8 <= len(data); j += 8 {
		x := binary.LittleEndian.Uint64(data[j:])
		// The "has a byte less than n" and "has a zero byte" tests of
		// Bit Twiddling Hacks: exact as to whether any byte of the word
		// qualifies (not which), so a word they pass holds none.
		q, bs := x^(ones*'"'), x^(ones*'\\')
		if ((x-ones*0x20)&^x|(q-ones)&^q|(bs-ones)&^bs)&highs != 0 {
			break
		}
	}
	for ; j < len(data); j++ {
		if c := data[j]; c == '"' || c == '\\' || c < 0x20 {
			return j
		}
	}
	return j
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// unquote decodes a JSON string literal that scanString accepted, as
// encoding/json does: a lone surrogate escape becomes U+FFFD.
func unquote(v []byte) (string, error) {
	if len(v) < 2 || v[0] != '"' || v[len(v)-1] != '"' {
		return "", errors.New("not a string")
	}
	v = v[1 : len(v)-1]
	// A Builder hands its bytes over as the string: no second copy of
	// a description.
	var b strings.Builder
	b.Grow(len(v))
	for i := 0; i < len(v); {
		c := v[i]
		if c != '\\' {
			if c == '"' || c < 0x20 {
				return "", errors.New("invalid string")
			}
			j := plainRun(v, i+1)
			b.Write(v[i:j])
			i = j
			continue
		}
		if i+1 >= len(v) {
			return "", errors.New("bad escape")
		}
		switch v[i+1] {
		case '"', '\\', '/':
			b.WriteByte(v[i+1])
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, ok := hex4(v, i+2)
			if !ok {
				return "", errors.New("bad \\u escape")
			}
			i += 6
			if utf16.IsSurrogate(r) {
				if r2, ok := hex4(v, i+2); ok && i+1 < len(v) && v[i] == '\\' && v[i+1] == 'u' {
					if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
						b.WriteRune(d)
						i += 6
						continue
					}
				}
				r = utf8.RuneError
			}
			b.WriteRune(r)
			continue
		default:
			return "", errors.New("bad escape")
		}
		i += 2
	}
	return b.String(), nil
}

func hex4(v []byte, i int) (rune, bool) {
	if i+4 > len(v) {
		return 0, false
	}
	r := 0
	for _, c := range v[i : i+4] {
		h := hexVal(c)
		if h < 0 {
			return 0, false
		}
		r = r<<4 | h
	}
	return rune(r), true
}
