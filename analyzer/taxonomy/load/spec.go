package load

import (
	"fmt"
	"strings"

	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
	"github.com/skillpulse/skillpulse/analyzer/taxonomy/builtin"
)

// Spec loads "builtin", "esco:PATH", "onet:PATH" or "custom:PATH". For
// ESCO, "esco:EN,FR" also loads French labels from FR (a skills_fr.csv or
// a directory of French ESCO skill files), one concept per conceptUri,
// and those of built-in skills that name an ESCO concept (bridgeFrench).
func Spec(spec string) (*taxonomy.Taxonomy, error) {
	kind, path, _ := strings.Cut(strings.TrimSpace(spec), ":")
	if kind != "builtin" && path == "" {
		return nil, fmt.Errorf("taxonomy %q: want builtin, esco:PATH, onet:PATH or custom:PATH", spec)
	}
	switch kind {
	case "builtin", "":
		return builtin.Load()
	case "esco":
		en, fr, err := escoFiles(path)
		if err != nil {
			return nil, err
		}
		if fr == "" {
			return ESCO(en, "")
		}
		return escoWithFrench(en, fr)
	case "onet":
		return ONet(path)
	case "custom":
		return taxonomy.LoadCustom(path)
	}
	return nil, fmt.Errorf("taxonomy %q: unknown kind %q (want builtin, esco, onet or custom)", spec, kind)
}
