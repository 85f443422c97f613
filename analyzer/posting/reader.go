package posting

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Record is one input record: the posting, or the reason it was rejected.
// Raw keeps the original bytes so a rejected record can be dead-lettered.
type Record struct {
	Line    int
	Raw     []byte
	Posting *Posting
	Err     error
	// Truncated: the line was longer than MaxLine and Raw holds only its
	// first KiB (enough to name it in a dead letter, never to be sent on).
	Truncated bool
}

// Reader yields postings from JSON lines or CSV. One bad record never stops
// the stream: it comes back as a Record with Err set.
type Reader struct {
	next func() (Record, bool, error)
}

// MaxLine bounds one JSON line; longer lines are reported, not buffered.
const MaxLine = 4 << 20

const maxLine = MaxLine

// NewJSONLReader reads one JSON posting per line. Blank lines are skipped.
func NewJSONLReader(r io.Reader) *Reader {
	br := bufio.NewReaderSize(r, 64<<10)
	line := 0
	return &Reader{next: func() (Record, bool, error) {
		for {
			b, err := readLine(br)
			if len(b) == 0 && err != nil {
				if errors.Is(err, io.EOF) {
					return Record{}, false, nil
				}
				return Record{}, false, fmt.Errorf("read line %d: %w", line+1, err)
			}
			line++
			if len(bytes.TrimSpace(b)) == 0 { // bytes: a string conversion would copy every line
				continue
			}
			if errors.Is(err, errLineTooLong) {
				return Record{Line: line, Raw: b[:1024], Truncated: true, Err: badf("posting", "line longer than %d bytes", maxLine)}, true, nil
			}
			p, perr := Parse(b)
			return Record{Line: line, Raw: b, Posting: p, Err: perr}, true, nil
		}
	}}
}

var errLineTooLong = errors.New("line too long")

func readLine(br *bufio.Reader) ([]byte, error) {
	var out []byte
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if len(out)+len(chunk) <= maxLine {
			out = append(out, chunk...)
		} else {
			tooLong = true
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err == nil && tooLong {
			return out, errLineTooLong
		}
		return out, err
	}
}

// NewCSVReader reads postings from CSV with a header row. Columns are
// posting fields (id, title, description, source, url, employer, location,
// posted_at, language, salary, occupation_code); others become Extra.
func NewCSVReader(r io.Reader) *Reader {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	var header []string
	return &Reader{next: func() (Record, bool, error) {
		if header == nil {
			h, err := cr.Read()
			if errors.Is(err, io.EOF) {
				return Record{}, false, nil
			}
			if err != nil {
				return Record{}, false, fmt.Errorf("read CSV header: %w", err)
			}
			for i := range h {
				h[i] = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h[i], "\ufeff")))
			}
			header = h
		}
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return Record{}, false, nil
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return Record{Line: line, Err: bad("posting", "CSV: "+pe.Err.Error())}, true, nil
			}
			return Record{}, false, fmt.Errorf("read CSV: %w", err)
		}
		obj := map[string]any{}
		for i, v := range row {
			if i >= len(header) || v == "" {
				continue
			}
			switch header[i] {
			case "occupation_code", "noc":
				obj["occupation"] = map[string]string{"system": "noc2021", "code": v}
			default:
				obj[header[i]] = v
			}
		}
		raw, _ := json.Marshal(obj)
		p, perr := Parse(raw)
		return Record{Line: line, Raw: raw, Posting: p, Err: perr}, true, nil
	}}
}

// Next returns the next record; ok is false at the end of input. err is set
// only when the underlying reader fails, never for a bad record.
func (r *Reader) Next() (rec Record, ok bool, err error) { return r.next() }

// Format is an input format.
type Format string

// The input formats Open tells apart.
const (
	JSONL   Format = "jsonl"
	CSV     Format = "csv"
	JobBank Format = "jobbank-xml"
)

// Detect names the format of an input: by the file name's extension
// (.xml, .csv, .jsonl/.ndjson/.json), else by the first bytes (stdin, no
// extension): '<' is the XML feed, '{' JSON lines, a first line with a
// comma CSV. Anything else is read as JSON lines, whose errors then say
// what is wrong.
func Detect(name string, head []byte) Format {
	if f, ok := byExtension(name); ok {
		return f
	}
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\ufeff")), " \t\r\n")
	switch {
	case len(head) == 0:
		return JSONL
	case head[0] == '<':
		return JobBank
	case head[0] == '{':
		return JSONL
	}
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	if bytes.IndexByte(head, ',') >= 0 {
		return CSV
	}
	return JSONL
}

func byExtension(name string) (Format, bool) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xml":
		return JobBank, true
	case ".csv":
		return CSV, true
	case ".jsonl", ".ndjson", ".json":
		return JSONL, true
	}
	return "", false
}

// Open picks the reader by file name or, failing that, by content (see
// Detect).
func Open(name string, r io.Reader) *Reader {
	if f, ok := byExtension(name); ok {
		return OpenAs(f, r)
	}
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(4096)
	return OpenAs(Detect(name, head), br)
}

// OpenAs reads r in the given format.
func OpenAs(f Format, r io.Reader) *Reader {
	switch f {
	case CSV:
		return NewCSVReader(r)
	case JobBank:
		return NewJobBankReader(r)
	}
	return NewJSONLReader(r)
}
