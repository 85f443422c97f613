package geo

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// commonWords are census subdivision names that are also everyday words;
// loaded places with these names count only when the province is given.
var commonWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(commonWordList) {
		m[w] = true
	}
	return m
}()

// commonWordList holds single-word subdivision names that also occur as
// ordinary words or given names in location text ("Major cities").
const commonWordList = `
hope mission delta paradise central north south east west remote unorganized golden trail
fortune marathon unity outlook victory success harmony independence liberty union welcome
home service office main city town abbey alliance andrew badger bath berry branch bright
carbon cereal champion chase climax conquest consul czar denmark dover drake duchess elbow
empress fisher francis frontier garden gore harris herbert imperial james johnson kennedy
king lancer lawn leader legal lincoln love low major manor marquis meadows milan morris
plenty price primate prince racine reliance richard salvage sceptre scott shamrock simpson
standard strong tribune triton upton veteran viking webb young warden wells ogden gordon
douglas austin allan gerald calvin bertrand baldwin peel queens clair grey brock kent
essex durham caroline rosemary louise delia linden lakeview parkside longview oakview
rosedale glenwood avondale perry terrace hilton holden canning billings newport bristol
taylor stewart houston oliver vernon russell mercier lorraine shannon hudson stanley
sutton devon`

// LoadCensusSubdivisions reads an Open North census subdivision table (such
// as ca_census_subdivisions.csv: columns id, name, name_fr, ...) and returns
// one Place per subdivision, placed in its economic region through its
// census division. The result is meant for Resolver.Add.
func LoadCensusSubdivisions(path string) ([]Place, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load census subdivisions: %w", err)
	}
	defer f.Close()
	places, err := ReadCensusSubdivisions(f)
	if err != nil {
		return places, fmt.Errorf("load census subdivisions %s: %w", path, err)
	}
	return places, nil
}

// ReadCensusSubdivisions is LoadCensusSubdivisions on a reader. Rows whose
// id is not a census subdivision of a known census division are reported
// together in the error; the other rows are still returned.
func ReadCensusSubdivisions(r io.Reader) ([]Place, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("read header: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	idCol, okID := col["id"]
	nameCol, okName := col["name"]
	if !okID || !okName {
		return nil, errors.New("header needs id and name columns")
	}
	frCol, hasFR := col["name_fr"]

	var places []Place
	var bad []error
	for row := 2; ; row++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return places, fmt.Errorf("row %d: %w", row, err)
		}
		if idCol >= len(rec) || nameCol >= len(rec) {
			bad = append(bad, fmt.Errorf("row %d: short record", row))
			continue
		}
		p, err := subdivisionPlace(rec[idCol], rec[nameCol])
		if err != nil {
			bad = append(bad, fmt.Errorf("row %d: %w", row, err))
			continue
		}
		if hasFR && frCol < len(rec) {
			if fr := strings.TrimSpace(rec[frCol]); fr != "" && fr != p.Name {
				p.Aliases = append(p.Aliases, fr)
			}
		}
		places = append(places, p)
	}
	return places, errors.Join(bad...)
}

// subdivisionPlace builds a Place from an OCD id such as
// "ocd-division/country:ca/csd:1001105": the seven-digit SGC code holds the
// province (two digits) and the census division (four digits).
func subdivisionPlace(id, name string) (Place, error) {
	_, code, ok := strings.Cut(id, "/csd:")
	if !ok || len(code) != 7 || strings.Trim(code, "0123456789") != "" {
		return Place{}, fmt.Errorf("id %q is not a census subdivision", id)
	}
	prov, ok := provinceBySGC[code[:2]]
	if !ok {
		return Place{}, fmt.Errorf("id %q: unknown province code %s", id, code[:2])
	}
	er, ok := regionByDivision[code[:4]]
	if !ok {
		return Place{}, fmt.Errorf("id %q: census division %s has no economic region", id, code[:4])
	}
	name = strings.TrimSpace(name)
	if normalizeKey(name) == "" {
		return Place{}, fmt.Errorf("id %q: empty name", id)
	}
	return Place{
		Name:          name,
		Province:      prov.Code,
		Region:        er.Code,
		Code:          code,
		NeedsProvince: commonWords[normalizeKey(name)],
	}, nil
}
