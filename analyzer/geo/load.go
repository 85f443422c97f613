package geo

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
)

// LoadPlaces reads a place list for Resolver.Add: an Open North census
// subdivision table (a CSV whose header starts with "id,name") or a file in
// the gazetteer text format, told apart by the first line. As with the
// readers it uses, rows that do not parse are reported in the error and
// the others are still returned.
func LoadPlaces(path string) ([]Place, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load places: %w", err)
	}
	first, _, _ := bytes.Cut(b, []byte("\n"))
	first = bytes.TrimPrefix(bytes.TrimSpace(first), []byte("\ufeff"))
	var places []Place
	if bytes.HasPrefix(first, []byte("id,name")) {
		places, err = ReadCensusSubdivisions(bytes.NewReader(b))
	} else {
		places, err = ParseGazetteer(bufio.NewReader(bytes.NewReader(b)))
	}
	if err != nil {
		return places, fmt.Errorf("load places %s: %w", path, err)
	}
	return places, nil
}
