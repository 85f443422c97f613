package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
)

// Replay actions: what a replay did with one dead letter.
const (
	ReplayReplayed         = "replayed"
	ReplayWouldReplay      = "would_replay" // dry run
	ReplaySkippedTruncated = "skipped_truncated"
	ReplaySkippedClass     = "skipped_class"
	// A file entry whose raw record is neither JSON nor one line (a Job
	// Bank document that failed to decode) cannot be written as a JSON
	// line that `run --input` reads back as one record.
	ReplaySkippedNotJSONLine = "skipped_not_json_line"
)

// ReplayEntry is one dead letter as a replay saw it.
type ReplayEntry struct {
	// From is where the dead letter is: "dlq-topic/partition/offset" or
	// "dead-letter.jsonl:line".
	From string `json:"from"`
	// Origin is where the posting was first read: "topic/partition/offset"
	// or "file.jsonl:line".
	Origin string `json:"origin"`
	Class  string `json:"class"`
	Size   int    `json:"size"`
	Action string `json:"action"`
	// Target is the topic a Kafka replay publishes to; Key its key.
	Target string `json:"target,omitempty"`
	Key    string `json:"key,omitempty"`
}

// ReplaySummary counts what a replay did. Truncated names every entry
// skipped because only the start of its record was kept.
type ReplaySummary struct {
	Replayed           int            `json:"replayed"`
	SkippedTruncated   int            `json:"skipped_truncated"`
	SkippedClass       int            `json:"skipped_class"`
	SkippedNotJSONLine int            `json:"skipped_not_json_line,omitempty"`
	ByClass            map[string]int `json:"by_class"`
	Truncated          []ReplayEntry  `json:"truncated,omitempty"`
	DryRun             bool           `json:"dry_run,omitempty"`
}

// Count adds one entry to the summary under its action.
func (s *ReplaySummary) Count(e ReplayEntry) {
	if s.ByClass == nil {
		s.ByClass = map[string]int{}
	}
	switch e.Action {
	case ReplayReplayed, ReplayWouldReplay:
		s.Replayed++
		s.ByClass[e.Class]++
	case ReplaySkippedTruncated:
		s.SkippedTruncated++
		s.Truncated = append(s.Truncated, e)
	case ReplaySkippedClass:
		s.SkippedClass++
	case ReplaySkippedNotJSONLine:
		s.SkippedNotJSONLine++
	}
}

// ClassWanted says whether a replay limited to classes (none: all) takes
// an entry of class.
func ClassWanted(classes []string, class string) bool {
	return len(classes) == 0 || slices.Contains(classes, class)
}

// ReplayFile reads a dead-letter file (FileDeadLetters' JSON lines) and
// writes the records worth replaying to w, one JSON line each, which is
// what `skillpulse run --input` reads. Truncated records and those of
// classes not asked for are skipped and counted; each is called with
// every entry (nil: not called). Replaying is idempotent: document ids
// are the postings' own, so one indexed again replaces itself.
func ReplayFile(name string, r io.Reader, w io.Writer, classes []string, each func(ReplayEntry)) (ReplaySummary, error) {
	sum := ReplaySummary{ByClass: map[string]int{}}
	br := bufio.NewReaderSize(r, 64<<10)
	bw := bufio.NewWriter(w)
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(b)) > 0 {
			var fe FileEntry
			if jerr := json.Unmarshal(b, &fe); jerr != nil || fe.Class == "" {
				return sum, fmt.Errorf("%s:%d: not a dead-letter entry (no class): %.80q", name, line, b)
			}
			e := ReplayEntry{From: fmt.Sprintf("%s:%d", name, line), Origin: fe.Origin, Class: fe.Class, Size: fe.Size}
			out, action := replayable(fe, classes)
			e.Action = action
			if out != nil {
				if _, werr := bw.Write(append(out, '\n')); werr != nil {
					return sum, fmt.Errorf("write replayed postings: %w", werr)
				}
			}
			sum.Count(e)
			if each != nil {
				each(e)
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return sum, fmt.Errorf("read %s: %w", name, err)
		}
	}
	if err := bw.Flush(); err != nil {
		return sum, fmt.Errorf("write replayed postings: %w", err)
	}
	return sum, nil
}

// replayable decides one file entry: the line to write (nil: none) and
// the action taken.
func replayable(fe FileEntry, classes []string) ([]byte, string) {
	switch {
	case fe.Truncated || fe.Size > len(fe.Raw):
		return nil, ReplaySkippedTruncated
	case !ClassWanted(classes, fe.Class):
		return nil, ReplaySkippedClass
	}
	raw := []byte(fe.Raw)
	var compact bytes.Buffer
	if json.Compact(&compact, raw) == nil {
		return compact.Bytes(), ReplayReplayed
	}
	// Not JSON: written as it is, the worker dead-letters it again with
	// the reason, unless it spans lines and would become several records.
	raw = bytes.TrimRight(raw, "\r\n") // the reader keeps the line's end
	if bytes.ContainsAny(raw, "\r\n") {
		return nil, ReplaySkippedNotJSONLine
	}
	return raw, ReplayReplayed
}
