package semantic

import (
	"math"
	"slices"
	"testing"
)

func TestBasicTokens(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"Hello, World!", []string{"hello", ",", "world", "!"}},
		{"Café  naïve\tRÉSUMÉ", []string{"cafe", "naive", "resume"}},
		{"C++/C#", []string{"c", "+", "+", "/", "c", "#"}},
		{"a\u0000b\u200bc", []string{"abc"}},
		{"", nil},
	} {
		if got := basicTokens(c.in); !slices.Equal(got, c.want) {
			t.Errorf("basicTokens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestWordPiece(t *testing.T) {
	tok := &Tokenizer{vocab: map[string]int32{"[CLS]": 1, "[SEP]": 2, "[UNK]": 3, "un": 4, "##aff": 5, "##able": 6, "aff": 7}, cls: 1, sep: 2, unk: 3}
	for _, c := range []struct {
		in     string
		maxLen int
		want   []int32
	}{
		{"unaffable", 10, []int32{1, 4, 5, 6, 2}},
		{"aff unx", 10, []int32{1, 7, 3, 2}},
		{"unaffable aff", 4, []int32{1, 4, 5, 2}},
		{"", 10, []int32{1, 2}},
	} {
		if got := tok.Encode(nil, c.in, c.maxLen); !slices.Equal(got, c.want) {
			t.Errorf("Encode(%q, %d) = %v, want %v", c.in, c.maxLen, got, c.want)
		}
	}
}

func TestHelloWorldIDs(t *testing.T) {
	dir := Require(t)
	tok, err := LoadTokenizer(dir + "/vocab.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := tok.Encode(nil, "hello world", MaxTokens), []int32{101, 7592, 2088, 102}; !slices.Equal(got, want) {
		t.Errorf("hello world: %v, want %v", got, want)
	}
}

func TestParseSafetensorsRejectsCorrupt(t *testing.T) {
	withHeader := func(h string) []byte {
		return append([]byte{byte(len(h)), 0, 0, 0, 0, 0, 0, 0}, h...)
	}
	for name, b := range map[string][]byte{
		"short":       {1, 2},
		"huge header": {0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0},
		"bad json":    withHeader("{x}"),
		"bad offsets": append(withHeader(`{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,9]}}`), make([]byte, 9)...),
		"bad shape":   append(withHeader(`{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}`), make([]byte, 4)...),
	} {
		if _, err := parseSafetensors(b); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	ok := append(withHeader(`{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}`), 0, 0, 0x80, 0x3f)
	ts, err := parseSafetensors(ok)
	if err != nil || len(ts["a"].data) != 1 || ts["a"].data[0] != 1 {
		t.Errorf("valid file: %v, %v", ts, err)
	}
}

func TestDot4Agrees(t *testing.T) {
	for _, n := range []int{16, 384, 1536} {
		w := make([]float32, n)
		x := make([]float32, 4*n)
		for i := range w {
			w[i] = float32(i%11) - 5
		}
		for i := range x {
			x[i] = float32(i%7)*0.25 - 0.5
		}
		var four [4]float32
		if !dot4(w, x, n, &four) {
			t.Skip("no four-row kernel on this machine")
		}
		for r := 0; r < 4; r++ {
			if want := dotGo(w, x[r*n:(r+1)*n]); math.Abs(float64(four[r]-want)) > 1e-2 {
				t.Errorf("n=%d row %d: kernel %v, portable %v", n, r, four[r], want)
			}
		}
	}
}

func TestDotKernelsAgree(t *testing.T) {
	for _, n := range []int{32, 384, 1536, 7} {
		a, b := make([]float32, n), make([]float32, n)
		for i := range a {
			a[i], b[i] = float32(i%13)-6, float32(i%7)*0.5-1
		}
		if g, d := dotGo(a, b), dot(a, b); g-d > 1e-3 || d-g > 1e-3 {
			t.Errorf("n=%d: kernel %v, portable %v", n, d, g)
		}
	}
}
