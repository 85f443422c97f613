package posting

import (
	"bytes"
	"encoding/json"
	"testing"
	"unicode/utf8"
)

// FuzzSplitObject checks the object splitter against encoding/json: it
// accepts exactly the valid JSON objects, and its members decode to the
// same values.
func FuzzSplitObject(f *testing.F) {
	for _, s := range []string{
		`{"id":"1","title":"t","description":"a\nb \"q\" \u00e9 \ud83d\ude00 \ud800"}`,
		`{"a":{"b":[1,2,{"c":"}"}]},"d":null,"e":true,"f":-1.5e3}`,
		`{"a":1,"a":2}`, `{}`, ` { } `, `{"a":1,}`, `{"a" 1}`, `{"a":"\x"}`, `{"a":[1,2}`, `{"a":1} x`, `{"\u0061":1}`,
		"{\"a\":\"\t\"}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if !utf8.Valid(b) {
			return // Parse rejects invalid UTF-8 before it splits
		}
		var want map[string]json.RawMessage
		wantErr := json.Unmarshal(b, &want)
		got, err := splitObject(b)
		if (err == nil) != (wantErr == nil && want != nil && bytes.HasPrefix(bytes.TrimLeft(b, " \t\r\n"), []byte("{"))) {
			t.Fatalf("splitObject(%q) err %v; encoding/json err %v", b, err, wantErr)
		}
		if err != nil {
			return
		}
		if len(got) != len(want) {
			t.Fatalf("%q: %d members, want %d", b, len(got), len(want))
		}
		for k, v := range want {
			var a, c any
			if json.Unmarshal(v, &a) != nil || json.Unmarshal(got[k], &c) != nil {
				t.Fatalf("%q: member %q does not decode", b, k)
			}
			ja, _ := json.Marshal(a)
			jc, _ := json.Marshal(c)
			if !bytes.Equal(ja, jc) {
				t.Fatalf("%q: member %q = %s, want %s", b, k, got[k], v)
			}
		}
	})
}

// FuzzPlainRun holds the word-at-a-time plainRun to its byte-by-byte
// definition.
func FuzzPlainRun(f *testing.F) {
	for _, s := range []string{"", "plain text longer than eight", "abc\"def ghijkl", "0123456\\x", "élève\x1fé", "\x7f\x80\xff\x20\x21\x5b\x5d\x5c"} {
		f.Add([]byte(s), 0)
	}
	f.Fuzz(func(t *testing.T, data []byte, j int) {
		if j < 0 || j > len(data) {
			return
		}
		want := j
		for want < len(data) && data[want] != '"' && data[want] != '\\' && data[want] >= 0x20 {
			want++
		}
		if got := plainRun(data, j); got != want {
			t.Fatalf("plainRun(%q, %d) = %d, want %d", data, j, got, want)
		}
	})
}

// FuzzUnquoteAcceptsWhatScanStringDoes: jsonString relies on unquote
// taking exactly the literals scanString takes as one whole string.
func FuzzUnquoteAcceptsWhatScanStringDoes(f *testing.F) {
	for _, s := range []string{`"plain"`, `"a\"b"`, `"ab\"`, `"\u00e9"`, `"\u00"`, `"x"y"`, "\"\x01\"", `"\q"`, `"\ud800"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, v []byte) {
		if len(v) < 2 || v[0] != '"' {
			return
		}
		end, _, serr := scanString(v, 0)
		scanned := serr == nil && end == len(v)
		_, uerr := unquote(v)
		if scanned != (uerr == nil) {
			t.Fatalf("%q: scanString whole %v, unquote error %v", v, scanned, uerr)
		}
	})
}
