package posting

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"golang.org/x/net/html/charset"
)

// The Job Bank XML feed holds one <Document> element per posting. A feed
// is split into documents on their tags first and each document is then
// decoded on its own: a malformed document becomes one bad record, and
// the documents after it are still read (a single xml.Decoder stops for
// good at the first syntax error).

// maxDocument bounds one <Document>; a longer one is skipped and reported.
const maxDocument = maxLine

// JobBankSource is the source given to postings read from the feed.
const JobBankSource = "jobbank"

// NewJobBankReader reads the Job Bank XML feed. Memory stays bounded by
// one document whatever the size of the feed.
func NewJobBankReader(r io.Reader) *Reader {
	sc := &docScanner{}
	started := false
	return &Reader{next: func() (Record, bool, error) {
		if !started {
			started = true
			br, err := utf8Feed(r)
			if err != nil {
				return Record{}, false, err
			}
			sc.br = br
		}
		doc, line, err := sc.next()
		if err != nil {
			return Record{Line: line, Raw: doc, Err: err}, true, nil
		}
		if doc == nil {
			if sc.err != nil {
				return Record{}, false, sc.err
			}
			return Record{}, false, nil
		}
		obj, err := decodeDocument(doc)
		if err != nil {
			return Record{Line: line, Raw: doc, Err: err}, true, nil
		}
		raw, _ := json.Marshal(obj)
		p, perr := Parse(raw)
		return Record{Line: line, Raw: raw, Posting: p, Err: perr}, true, nil
	}}
}

// docScanner cuts a feed into <Document>…</Document> chunks.
type docScanner struct {
	br      *bufio.Reader
	line    int  // lines consumed so far
	comment bool // inside <!-- --> between documents
	err     error
}

var (
	docOpen  = regexp.MustCompile(`<Document(\s[^>]*)?>$`)
	docEmpty = regexp.MustCompile(`<Document(\s[^>]*)?/>$`)
	docClose = regexp.MustCompile(`</Document\s*>$`)
)

// next returns the next document and the line it starts on; nil at the
// end. A bad document (too long, unterminated) comes back with an error
// and what was kept of it.
func (s *docScanner) next() ([]byte, int, error) {
	var doc []byte
	in, tooLong := false, false
	start := 0
	for {
		chunk, err := s.br.ReadSlice('>')
		if errors.Is(err, bufio.ErrBufferFull) {
			err = nil // a long text run: keep reading
		}
		if in {
			if !tooLong && len(doc)+len(chunk) > maxDocument {
				tooLong = true
				doc = doc[:min(len(doc), 1024)]
			}
			if !tooLong {
				doc = append(doc, chunk...)
			}
			// Only the tail matters for the end tag; a text run that was
			// split by the buffer ends with no '>', so it cannot match.
			if docClose.Match(tail(chunk)) {
				s.line += bytes.Count(chunk, nl)
				if tooLong {
					return doc, start, badf("posting", "<Document> longer than %d bytes", maxDocument)
				}
				return doc, start, nil
			}
		} else if s.comment {
			s.comment = !bytes.HasSuffix(chunk, []byte("-->"))
		} else if i := bytes.LastIndex(chunk, []byte("<!--")); i >= 0 {
			// A comment may mention <Document>; a chunk ends at the first
			// '>', so it holds a comment's end only as its suffix.
			s.comment = !bytes.HasSuffix(chunk[i:], []byte("-->"))
		} else if i := bytes.LastIndex(chunk, []byte("<Document")); i >= 0 {
			t := chunk[i:]
			switch {
			case docEmpty.Match(t):
				at := s.line + 1 + bytes.Count(chunk[:i], nl)
				s.line += bytes.Count(chunk, nl)
				return append([]byte(nil), t...), at, bad("posting", "empty <Document/>")
			case docOpen.Match(t):
				in = true
				start = s.line + 1 + bytes.Count(chunk[:i], nl)
				doc = append(doc, t...)
			}
		}
		s.line += bytes.Count(chunk, nl)
		if err != nil {
			if !errors.Is(err, io.EOF) {
				s.err = err
			}
			if in {
				return doc, start, bad("posting", "feed ends inside a <Document>")
			}
			return nil, 0, nil
		}
	}
}

var nl = []byte{'\n'}

func tail(b []byte) []byte {
	if len(b) > 64 {
		return b[len(b)-64:]
	}
	return b
}

// xmlDecl finds the encoding an XML declaration names.
var xmlDecl = regexp.MustCompile(`^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

// utf8Feed returns the feed as UTF-8: documents are decoded one by one,
// away from the declaration that names the feed's encoding.
func utf8Feed(r io.Reader) (*bufio.Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(512)
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\ufeff")), " \t\r\n")
	m := xmlDecl.FindSubmatch(head)
	if m == nil {
		return br, nil
	}
	label := strings.ToLower(string(m[1]))
	if label == "utf-8" || label == "utf8" || label == "us-ascii" {
		return br, nil
	}
	cr, err := charset.NewReaderLabel(label, br)
	if err != nil {
		return nil, fmt.Errorf("XML feed: encoding %q: %w", label, err)
	}
	return bufio.NewReaderSize(cr, 64<<10), nil
}
