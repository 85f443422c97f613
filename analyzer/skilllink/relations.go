package skilllink

import (
	"archive/zip"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// A skill that many occupations list as essential is one postings ask
// for; an obscure one matched by a common word usually is a wrong link.
// ESCO's occupation–skill relations give that prior without any posting.

// relationsBeside finds ESCO's relations archive next to skills_en.csv.
func relationsBeside(skillsPath string) string {
	m, _ := filepath.Glob(filepath.Join(filepath.Dir(skillsPath), "*relations*.zip"))
	if len(m) == 0 {
		return ""
	}
	return m[0]
}

// loadRelations counts, per skill, the occupations it is essential or
// optional for, from occupationSkillRelations.csv inside the archive.
func (m *Meta) loadRelations(zipPath string) error {
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		return fmt.Errorf("open ESCO relations: %w", err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if !strings.HasPrefix(filepath.Base(f.Name), "occupationSkillRelations") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		err = m.parseRelations(rc)
		rc.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		m.hasRelations = true
		return nil
	}
	return fmt.Errorf("%s: no occupationSkillRelations file", zipPath)
}

func (m *Meta) parseRelations(r io.Reader) error {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return fmt.Errorf("read header: %w", err)
	}
	rel, sk := -1, -1
	for i, h := range header {
		switch strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")) {
		case "relationType":
			rel = i
		case "skillUri":
			sk = i
		}
	}
	if rel < 0 || sk < 0 {
		return errors.New("need columns relationType and skillUri")
	}
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		c := m.concepts[row[sk]]
		if c == nil {
			continue
		}
		if row[rel] == "essential" {
			c.essential++
		} else {
			c.optional++
		}
	}
}
