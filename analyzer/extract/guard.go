package extract

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/skillpulse/skillpulse/analyzer/taxonomy"
)

// commonWords are everyday English and French words that are also the
// names of tools or languages. As a one-word label they count only with
// supporting context, so a cook asked to "react quickly" is not credited
// with React, nor a driver with "Go".
var commonWords = toSet(`
go swift react excel access word words outlook teams chef puppet shell spring rust ruby pearl perl
delphi julia dart scheme elixir crystal ada logo basic pascal prolog lisp
express ember meteor backbone knockout angular vue next nest flask bottle pyramid falcon
docker kubernetes helm terraform ansible salt vagrant jenkins travis circle
oracle sage quickbooks excel project visio publisher paint photos notes keynote pages numbers
maya blender houdini nuke fusion premiere audition animate dreamweaver bridge lightroom
slack zoom jira confluence trello asana monday notion box dropbox drive
unity unreal godot cobra gin echo fiber
snowflake spark hive pig storm flink beam kafka airflow luigi dagster
tableau looker domo alteryx
matlab mathematica stata spss sas
sap workday epic
linux unix windows mac ios android
ms office suite studio code visual
c r d f j k q v x
git svn hg
sketch figma canva
scrum kanban
wordpress drupal joomla magento shopify
mongo redis cassandra couchbase neo4j
make gradle maven ant bazel
bash zsh fish
mercury jasper pentaho talend informatica
citrix vmware hyper
deputy inventor classroom illustrator consul nomad prometheus antidote juniper node seesaw apex jest mocha
cypress babel prettier storybook octave groovy bicep selenium postman basecamp playwright subversion vite
tailwind svelte flutter hibernate rails pandas
`)

// techContext are words that make a guarded software label plausible when
// its skill declares no context of its own.
var techContext = toSet(`
programming programmer developer developers development software code coding coder engineer engineering
framework frameworks library libraries language languages stack backend frontend front-end back-end fullstack
full-stack web api apis database databases cloud devops application applications app apps computer it
technical technology technologies tools tool platform platforms system systems scripting script scripts
informatique logiciel logiciels programmation développeur développeuse développement langage
javascript typescript java python sql nosql html css php c# c++ .net aws azure gcp linux docker kubernetes
reactjs nodejs node.js devops git github api rest microservices json xml
`)

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// techContextHashes are techContext as token hashes. Built on first use:
// as a package variable it would run before tokenize.go's init fills the
// tokenizer's tables, and hash almost nothing.
var techContextHashes = sync.OnceValue(func() map[uint64]bool { return hashSet(techContext) })

// verbFollow are words after which an everyday word that names a tool is a
// verb, not the tool: "excel in", "excel at", "go above and beyond",
// "access to".
var verbFollow = toSet(`in at under above beyond to out off into through toward towards up down over ahead`)

var verbFollowHashes = sync.OnceValue(func() map[uint64]bool { return hashSet(verbFollow) })

// toolBefore are words after which such a word is the tool, whatever
// follows it: "use Excel to track inventory", "experience with Access to
// build reports".
var toolBefore = toSet(`use using uses used with via knowledge proficiency proficient experience utiliser utilisation avec sur maîtrise connaissance connaissances`)

var toolBeforeHashes = sync.OnceValue(func() map[uint64]bool { return hashSet(toolBefore) })

// orgSuffixes end organization names: a label followed by one ("Excel
// Logistics Inc.") is part of a name.
var orgSuffixes = toSet(`inc inc. ltd ltd. ltée ltee llc corp corp. corporation limited limitée limitee ulc llp gmbh s.a. s.e.n.c. enr`)

var orgSuffixHashes = sync.OnceValue(func() map[uint64]bool { return hashSet(orgSuffixes) })

func hashSet(words map[string]bool) map[uint64]bool {
	m := map[uint64]bool{}
	for w := range words {
		for _, t := range tokenize(w, nil) {
			m[t.hash] = true
		}
	}
	return m
}

// upperAt reports whether the letter at byte i of s is upper case.
func upperAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if c := s[i]; c < utf8.RuneSelf {
		return c >= 'A' && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsUpper(r)
}

// postingAcronyms are acronyms that postings use in another, everyday
// sense than the skill a taxonomy may give them: a point of sale, the
// time of day, full or part time, overtime, an ID.
var postingAcronyms = toSet(`POS PM AM FT PT OT ID ER OR PR PD EA`)

// nameWords are the token hashes of the words of a concept's name.
func nameWords(name string) []uint64 {
	var out []uint64
	for _, t := range tokenize(name, nil) {
		out = append(out, t.hash)
	}
	return out
}

func selfSupported(h uint64, context []uint64) bool {
	for _, c := range context {
		if c == h {
			return true
		}
	}
	return false
}

// needsGuard decides whether a label is too ambiguous to count on its own:
// one token that is very short or an everyday word ("Go", "React",
// "Excel"), or any single-token label of a skill the taxonomy gave context
// words for.
func needsGuard(text string, toks []token, e *taxonomy.Entry) bool {
	if len(toks) != 1 {
		return false
	}
	w := strings.ToLower(strings.TrimSpace(text))
	if len([]rune(w)) <= 2 {
		return true
	}
	if len(e.Context) > 0 {
		// An entry's context words guard its labels that could be other
		// words ("Swift", "Spring"), not the ones no other word is
		// spelled like ("JavaScript", "Node.js", "K8s").
		return !distinctiveForm(strings.TrimSpace(text))
	}
	return commonWords[w]
}

// distinctiveForm says whether a one-word label is spelled like no
// everyday word: a capital after a small letter, a digit, or punctuation
// inside it.
func distinctiveForm(label string) bool {
	prevLower := false
	for i, r := range label {
		switch {
		case r >= '0' && r <= '9':
			return true
		case unicode.IsUpper(r) && prevLower:
			return true
		case i > 0 && i < len(label)-1 && strings.ContainsRune("#+./", r):
			return true
		}
		prevLower = unicode.IsLower(r)
	}
	return false
}
