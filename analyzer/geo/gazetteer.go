package geo

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// gazetteerText is the authored place list; see the header of the file for
// its format.
//
//go:embed gazetteer.txt
var gazetteerText string

// builtinPlaces parses the embedded gazetteer.
func builtinPlaces() []Place {
	// TestBuiltinGazetteerParses guards the embedded text; were a line ever
	// bad, the rest would still load.
	places, _ := ParseGazetteer(strings.NewReader(gazetteerText))
	return places
}

// ParseGazetteer reads the gazetteer text format: one place a line,
//
//	PROV REGION POPULATION Name | Alias | Alias
//
// where a leading "~" on the name marks NeedsProvince, blank lines and lines
// starting with "#" are ignored. Lines that do not parse are reported
// together; the others are returned.
func ParseGazetteer(r io.Reader) ([]Place, error) {
	var places []Place
	var bad []string
	sc := bufio.NewScanner(r)
	for lineNo := 1; sc.Scan(); lineNo++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		p, err := parseGazetteerLine(line)
		if err != nil {
			bad = append(bad, fmt.Sprintf("line %d: %v", lineNo, err))
			continue
		}
		places = append(places, p)
	}
	if err := sc.Err(); err != nil {
		return places, fmt.Errorf("read gazetteer: %w", err)
	}
	if len(bad) > 0 {
		return places, fmt.Errorf("parse gazetteer: %s", strings.Join(bad, "; "))
	}
	return places, nil
}

func parseGazetteerLine(line string) (Place, error) {
	fields := strings.SplitN(line, " ", 4)
	if len(fields) < 4 {
		return Place{}, fmt.Errorf("want PROV REGION POPULATION NAMES, got %q", line)
	}
	pop, err := strconv.Atoi(fields[2])
	if err != nil || pop < 0 {
		return Place{}, fmt.Errorf("bad population %q", fields[2])
	}
	p := Place{Province: fields[0], Region: fields[1], Population: pop}
	if p.Region == "-" {
		p.Region = ""
	}
	for i, name := range strings.Split(fields[3], "|") {
		name = strings.TrimSpace(name)
		if i == 0 {
			name, p.NeedsProvince = strings.CutPrefix(name, "~")
			p.Name = strings.TrimSpace(name)
			continue
		}
		if name != "" {
			p.Aliases = append(p.Aliases, name)
		}
	}
	if err := validatePlace(p); err != nil {
		return Place{}, err
	}
	return p, nil
}
