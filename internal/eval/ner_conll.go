package eval

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/shareddata"
)

// conllRel is the CoNLL-2003 English archive in the shared directory
// (research use only: read in place, never copied).
const conllRel = "data/gold/ner/conll2003_eng_RESEARCH_ONLY.tar.gz"

// conllDocSents is the size of the pseudo-documents the CoNLL test set is
// cut into: the shared copy has no document boundaries, and the finders
// need some document context (short names, country context).
const conllDocSents = 30

// conllTypes maps CoNLL-2003 classes to the scored types; MISC becomes
// "misc", which is not scored and makes overlapping predictions neutral.
var conllTypes = map[string]string{"PER": "person", "ORG": "organization", "LOC": "place", "MISC": "misc"}

// ReadCoNLL03Tar reads member (e.g. "conll/eng.testb") of the CoNLL-2003
// archive into pseudo-documents of docSents sentences.
func ReadCoNLL03Tar(r io.Reader, member string, docSents int) ([]NERDoc, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("CoNLL archive: %w: %w", liaison.ErrInvalid, err)
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil, fmt.Errorf("CoNLL archive: no member %q: %w", member, liaison.ErrNotFound)
		}
		if err != nil {
			return nil, fmt.Errorf("CoNLL archive: %w", err)
		}
		if h.Name == member {
			return ReadCoNLL03(tr, docSents)
		}
	}
}

// ReadCoNLL03 reads the four-column CoNLL-2003 format (token POS chunk
// IOB-tag; blank line between sentences; -DOCSTART- between documents)
// into documents: a -DOCSTART- line or every docSents sentences starts a
// new one. Sentences are joined by newlines and tokens by spaces, except
// before closing punctuation.
func ReadCoNLL03(r io.Reader, docSents int) ([]NERDoc, error) {
	var (
		out  []NERDoc
		b    conllBuilder
		line int
	)
	flush := func() {
		if d, ok := b.doc(fmt.Sprintf("doc%d", len(out)+1)); ok {
			out = append(out, d)
		}
		b = conllBuilder{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 0:
			if b.endSentence() && docSents > 0 && b.sents >= docSents {
				flush()
			}
		case f[0] == "-DOCSTART-":
			flush()
		case len(f) < 2:
			return nil, fmt.Errorf("CoNLL line %d: %d fields, want 4: %w", line, len(f), liaison.ErrInvalid)
		default:
			b.token(f[0], f[len(f)-1])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read CoNLL: %w", err)
	}
	b.endSentence()
	flush()
	return out, nil
}

// conllBuilder rebuilds one document's text and mentions token by token.
type conllBuilder struct {
	text      strings.Builder
	cp        int // code points written
	sents     int
	inSent    bool
	mentions  []NERMention
	open      string // type of the open mention, "" for none
	openStart int
	end       int // end of the last token written
}

func (b *conllBuilder) token(tok, tag string) {
	typ, begin := "", false
	if len(tag) > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-' {
		typ, begin = conllTypes[tag[2:]], tag[0] == 'B'
	}
	if b.open != "" && (typ != b.open || begin) {
		b.close()
	}
	if b.inSent && !noSpaceBefore(tok) {
		b.text.WriteByte(' ')
		b.cp++
	} else if !b.inSent && b.cp > 0 {
		b.text.WriteByte('\n')
		b.cp++
	}
	b.inSent = true
	if typ != "" && b.open == "" {
		b.open, b.openStart = typ, b.cp
	}
	b.text.WriteString(tok)
	b.cp += utf8.RuneCountInString(tok)
	b.end = b.cp
}

func (b *conllBuilder) close() {
	if b.open != "" {
		b.mentions = append(b.mentions, NERMention{Type: b.open, Start: b.openStart, End: b.end, Named: b.open != "misc"})
	}
	b.open = ""
}

// endSentence closes the sentence; it reports whether one was open.
func (b *conllBuilder) endSentence() bool {
	b.close()
	if !b.inSent {
		return false
	}
	b.inSent = false
	b.sents++
	return true
}

func (b *conllBuilder) doc(name string) (NERDoc, bool) {
	if b.cp == 0 {
		return NERDoc{}, false
	}
	return NERDoc{Name: name, Text: b.text.String(), Mentions: b.mentions}, true
}

func noSpaceBefore(tok string) bool {
	switch tok {
	case ",", ".", ";", ":", "?", "!", ")", "'s", "'", "n't", "%":
		return true
	}
	return false
}

// CoNLLSuite scores person/organisation/place spans on the CoNLL-2003
// English test set (eng.testb), held out: no rule was written from it.
func CoNLLSuite() Suite {
	return Suite{Name: "entities/conll03-test", Run: func(ctx context.Context, w io.Writer) (Result, error) {
		p, err := shareddata.Path(conllRel)
		if err != nil {
			return Result{}, fmt.Errorf("%w: %v", ErrNoData, err)
		}
		s, err := RunCoNLL(p, "conll/eng.testb")
		if err != nil {
			return Result{}, err
		}
		return Result{Suite: "entities/conll03-test", Items: s.Docs, Note: s.String(), Metrics: []Metric{
			{Name: "precision", Value: s.Precision()},
			{Name: "recall", Value: s.Recall()},
			{Name: "f1", Value: s.F1(), Min: conllMinF1},
		}}, nil
	}}
}

// conllMinF1 is the measured floor (rises only).
const conllMinF1 = 0.68

// RunCoNLL reads one member of the CoNLL-2003 archive and scores the
// built-in finders on it.
func RunCoNLL(path, member string) (NERScore, error) {
	f, err := os.Open(path)
	if err != nil {
		return NERScore{}, err
	}
	defer f.Close()
	docs, err := ReadCoNLL03Tar(f, member, conllDocSents)
	if err != nil {
		return NERScore{}, err
	}
	ent, err := newEntities()
	if err != nil {
		return NERScore{}, err
	}
	return ScoreNER(docs, func(text string) []NERSpan {
		a, p := ent.find(text, time.Time{})
		return NERSpans(text, a, p, ent.isPlace)
	}), nil
}
