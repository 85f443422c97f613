package skilllink

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// ReadDescriptions reads ESCO's skill descriptions (conceptUri →
// description) from skills_en.csv, for SemanticOptions.Descriptions.
func ReadDescriptions(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open ESCO skills: %w", err)
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: read header: %w", path, err)
	}
	uri, desc := -1, -1
	for i, h := range header {
		switch strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")) {
		case "conceptUri":
			uri = i
		case "description":
			desc = i
		}
	}
	if uri < 0 || desc < 0 {
		return nil, fmt.Errorf("%s: no conceptUri and description columns", path)
	}
	out := map[string]string{}
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if uri < len(row) && desc < len(row) {
			out[strings.TrimSpace(row[uri])] = row[desc]
		}
	}
}
