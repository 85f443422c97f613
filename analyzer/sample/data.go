package sample

import (
	"embed"
	"fmt"
	"sync"

	"gopkg.in/yaml.v3"
)

//go:embed data/*.yaml
var dataFS embed.FS

// bilingual holds the same kind of text in English and French.
type bilingual[T any] struct {
	EN T `yaml:"en"`
	FR T `yaml:"fr"`
}

func (b bilingual[T]) in(lang string) T {
	if lang == "fr" {
		return b.FR
	}
	return b.EN
}

// Occupation is one NOC 2021 unit group the generator writes postings for.
type Occupation struct {
	Code        string              `yaml:"code"`
	Name        string              `yaml:"name"`
	Sector      string              `yaml:"sector"`
	Weight      float64             `yaml:"weight"`
	Wage        [2]float64          `yaml:"wage"`
	Pay         string              `yaml:"pay"`
	Seniority   bool                `yaml:"seniority"`
	Remote      bool                `yaml:"remote"`
	Titles      bilingual[[]string] `yaml:"titles"`
	Duties      bilingual[[]string] `yaml:"duties"`
	Skills      bilingual[[]string] `yaml:"skills"`
	Credentials bilingual[[]string] `yaml:"credentials"`
}

// Province is one of the 13 provinces and territories.
type Province struct {
	Code   string  `yaml:"code"`
	Name   string  `yaml:"name"`
	NameFR string  `yaml:"name_fr"`
	Weight float64 `yaml:"weight"`
	French float64 `yaml:"french"`
	Cities []City  `yaml:"cities"`

	cityPick weighted
}

// City is a place postings name, with real forward sortation areas.
type City struct {
	Name   string   `yaml:"name"`
	Weight float64  `yaml:"weight"`
	FSA    []string `yaml:"fsa"`
}

type sector struct {
	Noun      bilingual[string]   `yaml:"noun"`
	Employers bilingual[[]string] `yaml:"employers"`
}

type jobBankText struct {
	Education  []string `yaml:"education"`
	Experience []string `yaml:"experience"`
	Languages  string   `yaml:"languages"`
	Conditions []string `yaml:"conditions"`
	Personal   string   `yaml:"personal"`
	Tasks      string   `yaml:"tasks"`
	Skills     string   `yaml:"skills"`
}

type text struct {
	Surnames   []string            `yaml:"surnames"`
	Adjectives bilingual[[]string] `yaml:"adjectives"`
	Sectors    map[string]sector   `yaml:"sectors"`
	Intros     bilingual[[]string] `yaml:"intros"`
	Blurbs     bilingual[[]string] `yaml:"blurbs"`
	Headings   struct {
		Duties       bilingual[[]string] `yaml:"duties"`
		Requirements bilingual[[]string] `yaml:"requirements"`
		Assets       bilingual[[]string] `yaml:"assets"`
		Benefits     bilingual[[]string] `yaml:"benefits"`
	} `yaml:"headings"`
	Wrappers      bilingual[[]string] `yaml:"wrappers"`
	AssetWrappers bilingual[[]string] `yaml:"asset_wrappers"`
	SoftSkills    bilingual[[]string] `yaml:"soft_skills"`
	SoftWrappers  bilingual[[]string] `yaml:"soft_wrappers"`
	Benefits      bilingual[[]string] `yaml:"benefits"`
	EEO           bilingual[[]string] `yaml:"eeo"`
	Apply         bilingual[[]string] `yaml:"apply"`
	RepostLines   bilingual[[]string] `yaml:"repost_lines"`
	TitleNoise    struct {
		Seniority bilingual[[]string] `yaml:"seniority"`
		Suffix    bilingual[[]string] `yaml:"suffix"`
	} `yaml:"title_noise"`
	JobBank bilingual[jobBankText] `yaml:"jobbank"`
}

// dataset is everything the generator draws from, loaded once.
type dataset struct {
	occupations []Occupation
	provinces   []Province
	text        text

	occPick  weighted
	provPick weighted
	// bySector lists occupation indexes per sector, so a "same employer,
	// different role" posting stays plausible for that employer.
	bySector map[string][]int
}

var loadData = sync.OnceValues(func() (*dataset, error) {
	d := &dataset{}
	if err := decodeFile("data/occupations.yaml", &d.occupations); err != nil {
		return nil, err
	}
	if err := decodeFile("data/places.yaml", &d.provinces); err != nil {
		return nil, err
	}
	if err := decodeFile("data/text.yaml", &d.text); err != nil {
		return nil, err
	}
	if err := d.validate(); err != nil {
		return nil, fmt.Errorf("sample data: %w", err)
	}
	d.index()
	return d, nil
})

func decodeFile(name string, dst any) error {
	b, err := dataFS.ReadFile(name)
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	if err := yaml.Unmarshal(b, dst); err != nil {
		return fmt.Errorf("parse %s: %w", name, err)
	}
	return nil
}

func (d *dataset) index() {
	ow := make([]float64, len(d.occupations))
	for i, o := range d.occupations {
		ow[i] = o.Weight
	}
	d.occPick = newWeighted(ow)
	d.bySector = map[string][]int{}
	for i, o := range d.occupations {
		d.bySector[o.Sector] = append(d.bySector[o.Sector], i)
	}
	pw := make([]float64, len(d.provinces))
	for i := range d.provinces {
		p := &d.provinces[i]
		pw[i] = p.Weight
		cw := make([]float64, len(p.Cities))
		for j, c := range p.Cities {
			cw[j] = c.Weight
		}
		p.cityPick = newWeighted(cw)
	}
	d.provPick = newWeighted(pw)
}

// Occupations returns the occupation table the generator draws from, so
// tests and evaluations elsewhere can check coverage against it.
func Occupations() ([]Occupation, error) {
	d, err := loadData()
	if err != nil {
		return nil, err
	}
	return append([]Occupation(nil), d.occupations...), nil
}
