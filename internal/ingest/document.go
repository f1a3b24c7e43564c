package ingest

import (
	"context"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/liaison-project/liaison"
)

// rawDoc is a document as a source gave it, before normalisation.
type rawDoc struct {
	name           string // the input named in errors
	text           string
	title, byline  string
	source, lang   string
	url, canonical string
	published      time.Time
	dateSource     liaison.DateSource // feed, meta or input when published is set
	fetched        time.Time
	marking        liaison.Marking
	inputDate      time.Time // a date field of the input record
}

// build turns the raw document into a liaison.Document: normalised text,
// hashes, canonical URL, language, title and the published time by
// precedence feed > page meta > date line in the text > input field > fetch.
func (in *Ingester) build(r *rawDoc) (*liaison.Document, error) {
	text := NormalizeText(r.text)
	if text == "" {
		return nil, badInput(r.name, "empty text")
	}
	if int64(len(text)) > in.cfg.MaxBytes {
		return nil, badInput(r.name, "too large (%d bytes, limit %d)", len(text), in.cfg.MaxBytes)
	}
	fetched := r.fetched
	if fetched.IsZero() {
		fetched = in.cfg.Now().UTC()
	}
	d := &liaison.Document{
		Source:       r.source,
		URL:          r.url,
		CanonicalURL: first(CanonicalURL(r.canonical), CanonicalURL(r.url)),
		Title:        clean(r.title),
		Byline:       clean(r.byline),
		Fetched:      fetched,
		Lang:         primaryLang(r.lang),
		Text:         text,
		ContentHash:  ContentHash(text),
		SimHash:      SimHash(text),
		Marking:      r.marking,
		Origin:       in.cfg.Origin,
	}
	d.Published, d.DateSource = publishedTime(r, text, fetched)
	if d.Lang == "" {
		d.Lang = DetectLanguage(text)
	}
	if d.Title == "" {
		d.Title = titleFromText(text)
	}
	if d.Source == "" {
		d.Source = sourceOf(r)
	}
	idTime := d.Published
	if idTime.Year() < 1970 {
		idTime = fetched
	}
	d.ID = liaison.NewID(idTime)
	return d, nil
}

// primaryLang is the primary subtag of a language tag: "en-US" → "en".
func primaryLang(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i > 0 {
		tag = tag[:i]
	}
	if len(tag) < 2 || len(tag) > 3 {
		return ""
	}
	return tag
}

func publishedTime(r *rawDoc, text string, fetched time.Time) (time.Time, liaison.DateSource) {
	if !r.published.IsZero() && (r.dateSource == liaison.DateFromFeed || r.dateSource == liaison.DateFromMeta) {
		return r.published.UTC(), r.dateSource
	}
	ref := r.inputDate
	if ref.IsZero() {
		ref = fetched
	}
	if t, ok := DateFromText(text, ref); ok {
		return t, liaison.DateFromText
	}
	if !r.inputDate.IsZero() {
		return r.inputDate.UTC(), liaison.DateFromInput
	}
	return fetched.UTC(), liaison.DateFromFetch
}

// titleFromText is the first line that is not just a date, cut to a
// headline's length.
func titleFromText(text string) string {
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(strings.TrimLeft(line, "#*= "))
		if line == "" {
			continue
		}
		if _, ok := DateFromText(line, time.Now()); ok && utf8.RuneCountInString(line) < 40 {
			continue
		}
		if utf8.RuneCountInString(line) > 120 {
			r := []rune(line)[:120]
			if i := strings.LastIndexByte(string(r), ' '); i > 60 {
				return string(r)[:i] + "…"
			}
			return string(r) + "…"
		}
		return line
	}
	return "(untitled)"
}

func sourceOf(r *rawDoc) string {
	if u, err := url.Parse(r.url); err == nil && u.Hostname() != "" {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	return "file"
}

// put builds and stores one document, linking near-duplicates and running
// the pipeline over new ones. It reports whether the item was handled
// (stored or a duplicate) rather than failed.
func (in *Ingester) put(ctx context.Context, r *rawDoc, sum *Summary) bool {
	if in.cfg.Store == nil {
		in.fail(sum, r.name, errNoStore)
		return false
	}
	d, err := in.build(r)
	if err != nil {
		in.fail(sum, r.name, err)
		return false
	}
	return in.store(ctx, r.name, d, sum)
}

// store links a built document to its first copy, stores it and runs the
// pipeline over it; name is the input named in errors.
func (in *Ingester) store(ctx context.Context, name string, d *liaison.Document, sum *Summary) bool {
	sys := liaison.SystemContext(ctx)
	cands, err := in.cfg.Store.NearDuplicateCandidates(sys, d.SimHash, NearDuplicateDistance)
	if err != nil {
		in.fail(sum, name, err)
		return false
	}
	d.DuplicateOf = firstCopy(d, cands)
	return in.write(ctx, name, d, sum)
}

// write stores a document already linked to its first copy and runs the
// pipeline over it when it is new.
func (in *Ingester) write(ctx context.Context, name string, d *liaison.Document, sum *Summary) bool {
	res, err := in.cfg.Store.PutDocument(liaison.SystemContext(ctx), d)
	if err != nil {
		in.fail(sum, name, err)
		return false
	}
	return in.account(ctx, name, d, res, sum)
}

// account counts a written document and runs the pipeline over it when it
// was stored (new or near-duplicate).
func (in *Ingester) account(ctx context.Context, name string, d *liaison.Document, res liaison.PutResult, sum *Summary) bool {
	defer in.tick(sum)
	if res.ID != "" {
		d.ID = res.ID // for a duplicate: the stored copy
	}
	switch {
	case res.Status == "duplicate":
		sum.Duplicates++
		return true
	case res.Status == "near-duplicate" || d.DuplicateOf != "":
		sum.NearDuplicates++
	default:
		sum.Stored++
	}
	sum.IDs = append(sum.IDs, d.ID)
	if in.cfg.Pipeline != nil {
		if err := in.cfg.Pipeline.Process(ctx, d); err != nil {
			ie := inputErr(name, err)
			in.log.Warn("pipeline failed; document stored without extraction", "input", name, "id", d.ID, "err", err)
			sum.Errors = append(sum.Errors, &InputError{Input: ie.Input, Err: ie.Err})
			sum.Failed++
		}
	}
	return true
}

// firstCopy picks, among near-duplicate candidates, the nearest one that is
// not the same content, and returns the ID of the first copy of its story.
func firstCopy(d *liaison.Document, cands []liaison.Document) string {
	best, bestDist := "", NearDuplicateDistance+1
	for _, c := range cands {
		if c.ContentHash == d.ContentHash || (d.CanonicalURL != "" && c.CanonicalURL == d.CanonicalURL) {
			return "" // an exact duplicate: the store reports it
		}
		dist := Hamming(c.SimHash, d.SimHash)
		if c.SimHash == 0 {
			dist = NearDuplicateDistance // not returned by the store: trust its filter
		}
		if dist < bestDist {
			best, bestDist = first(c.DuplicateOf, c.ID), dist
		}
	}
	return best
}
