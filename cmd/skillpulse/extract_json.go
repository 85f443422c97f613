package main

import (
	"encoding/json"

	"github.com/skillpulse/skillpulse/analyzer/extract"
)

// appendExtractLine appends one output line.
func appendExtractLine(b []byte, id string, skills, boiler []extract.Match, errMsg string) []byte {
	if skills == nil {
		skills = []extract.Match{}
	}
	if errMsg != "" {
		skills = nil
	}
	out, _ := json.Marshal(extractLine{ID: id, Skills: skills, Boilerplate: boiler, Error: errMsg})
	return append(append(b, out...), '\n')
}
