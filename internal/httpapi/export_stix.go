package httpapi

import (
	"context"
	"crypto/rand"
	"crypto/sha1"
	"fmt"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// TLP 2.0 marking definitions as published with the STIX TLP 2.0 extension:
// fixed ids every STIX consumer recognises.
const (
	tlpExtension = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"
	tlpCreatedBy = "identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01"
	tlpCreated   = "2022-10-01T00:00:00.000Z"
)

var tlpIDs = map[string]string{
	"TLP:CLEAR":        "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
	"TLP:GREEN":        "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
	"TLP:AMBER":        "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
	"TLP:AMBER+STRICT": "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
	"TLP:RED":          "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
}

// stixNamespace seeds the name-based (v5) UUIDs of exported objects, so the
// same item always exports under the same STIX id.
var stixNamespace = [16]byte{0x6c, 0x69, 0x61, 0x69, 0x73, 0x6f, 0x6e, 0x2d, 0x73, 0x74, 0x69, 0x78, 0x2d, 0x6e, 0x73, 0x31}

// stixID is typ--UUIDv5(namespace, name).
func stixID(typ, name string) string {
	h := sha1.New()
	h.Write(stixNamespace[:])
	h.Write([]byte(typ + ":" + name))
	s := h.Sum(nil)[:16]
	s[6] = s[6]&0x0f | 0x50
	s[8] = s[8]&0x3f | 0x80
	return fmt.Sprintf("%s--%x-%x-%x-%x-%x", typ, s[0:4], s[4:6], s[6:8], s[8:10], s[10:16])
}

func randomID(typ string) string {
	var s [16]byte
	_, _ = rand.Read(s[:]) // crypto/rand.Read never fails
	s[6] = s[6]&0x0f | 0x40
	s[8] = s[8]&0x3f | 0x80
	return fmt.Sprintf("%s--%x-%x-%x-%x-%x", typ, s[0:4], s[4:6], s[6:8], s[8:10], s[10:16])
}

// stixTime renders t as a STIX timestamp (UTC, milliseconds).
func stixTime(t time.Time) string {
	if t.IsZero() {
		t = time.Unix(0, 0)
	}
	return t.UTC().Format("2006-01-02T15:04:05.000Z")
}

// stixBundle collects the objects of one export.
type stixBundle struct {
	cfg      ExportConfig
	identity string
	now      string
	objects  []obj
	markings map[string]bool // marking-definition ids already added
	docRefs  map[string][]string
	present  map[string]string // item id → STIX id
}

// markingExt is the custom extension carrying the classification, REL TO
// and caveats of a Liaison marking.
func (b *stixBundle) markingExt() string { return stixID("extension-definition", "liaison-marking/1") }

func (e *exporter) stix(ctx context.Context) (obj, error) {
	now := stixTime(e.cfg.Now())
	b := &stixBundle{cfg: e.cfg, identity: stixID("identity", "node:"+e.cfg.Node), now: now,
		markings: map[string]bool{}, docRefs: map[string][]string{}, present: map[string]string{}}
	b.objects = append(b.objects,
		obj{"type": "identity", "spec_version": "2.1", "id": b.identity, "created": now, "modified": now,
			"name": "Liaison node " + e.cfg.Node, "identity_class": "system"},
		obj{"type": "extension-definition", "spec_version": "2.1", "id": b.markingExt(), "created": now, "modified": now,
			"created_by_ref": b.identity, "name": "Liaison marking", "version": "1.0",
			"extension_types": []string{"property-extension"},
			"schema": "Properties: classification (string, the policy level name), level (integer, its rank), " +
				"rel_to (array of ISO 3166 alpha-3 nation codes; empty = all nations), caveats (array of strings a reader must all hold)."})
	var docs []*liaison.Document
	var reps []*liaison.Report
	err := e.each(ctx,
		func(d *liaison.Document) error {
			docs = append(docs, d)
			b.present[d.ID] = stixID("report", d.ID)
			return nil
		},
		func(ev *liaison.Event) error { b.addEvent(ev); return nil },
		func(r *liaison.Report) error {
			reps = append(reps, r)
			b.present[r.ID] = stixID("report", r.ID)
			return nil
		})
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		b.addDocument(d)
	}
	for _, r := range reps {
		b.addReport(r)
	}
	return obj{"type": "bundle", "id": randomID("bundle"), "objects": b.objects}, nil
}

// marked fills the common properties of an SDO and its markings.
func (b *stixBundle) marked(typ, key string, m liaison.Marking, created, modified time.Time) obj {
	return obj{"type": typ, "spec_version": "2.1", "id": stixID(typ, key), "created": stixTime(created),
		"modified": stixTime(modified), "created_by_ref": b.identity, "object_marking_refs": b.marking(m)}
}

// marking adds (once) the TLP 2.0 and the classification marking
// definitions of m and returns their ids.
func (b *stixBundle) marking(m liaison.Marking) []string {
	tlp := b.cfg.Policy.TLP(m)
	tid, ok := tlpIDs[tlp]
	if !ok {
		tlp, tid = "TLP:RED", tlpIDs["TLP:RED"]
	}
	if !b.markings[tid] {
		b.markings[tid] = true
		level := strings.ToLower(strings.TrimPrefix(tlp, "TLP:"))
		b.objects = append(b.objects, obj{"type": "marking-definition", "spec_version": "2.1", "id": tid,
			"created": tlpCreated, "created_by_ref": tlpCreatedBy, "name": tlp,
			"extensions": obj{tlpExtension: obj{"extension_type": "property-extension", "tlp_2_0": level}}})
	}
	text := marking.Format(m)
	cid := stixID("marking-definition", text)
	if !b.markings[cid] {
		b.markings[cid] = true
		b.objects = append(b.objects, obj{"type": "marking-definition", "spec_version": "2.1", "id": cid,
			"created": b.now, "created_by_ref": b.identity, "name": text,
			"extensions": obj{b.markingExt(): obj{"extension_type": "property-extension",
				"classification": m.Classification, "level": m.Level,
				"rel_to": ensureSlice(m.RelTo), "caveats": ensureSlice(m.Caveats)}}})
	}
	return []string{tid, cid}
}

// addEvent exports an event as a note on its document, with its place as
// a location (ISO alpha-2 country where known).
func (b *stixBundle) addEvent(ev *liaison.Event) {
	n := b.marked("note", ev.ID, ev.Marking, time.Time{}, time.Time{})
	if t, err := time.Parse(time.DateOnly, ev.Date); err == nil {
		n["created"], n["modified"] = stixTime(t), stixTime(t)
	}
	n["abstract"] = fmt.Sprintf("CAMEO %s %s: %s → %s", ev.CAMEO, ev.CAMEOName, ev.Source, ev.Target)
	n["content"] = strings.TrimSpace(ev.SourceText + " " + ev.VerbText + " " + ev.TargetText)
	if n["content"] == "" {
		n["content"] = n["abstract"]
	}
	refs := []string{}
	if ev.DocID != "" {
		refs = append(refs, stixID("report", ev.DocID))
		b.docRefs[ev.DocID] = append(b.docRefs[ev.DocID], n["id"].(string))
	}
	if loc := b.location(ev); loc != nil {
		b.objects = append(b.objects, loc)
		refs = append(refs, loc["id"].(string))
	}
	if len(refs) == 0 {
		refs = append(refs, b.identity)
	}
	n["object_refs"] = refs
	b.present[ev.ID] = n["id"].(string)
	b.objects = append(b.objects, n)
}

func (b *stixBundle) location(ev *liaison.Event) obj {
	p := ev.Place
	if p == nil {
		return nil
	}
	loc := b.marked("location", "event:"+ev.ID, ev.Marking, time.Time{}, time.Time{})
	loc["created"], loc["modified"] = b.now, b.now
	loc["name"] = p.Name
	ok := false
	if b.cfg.Alpha2 != nil && p.Country != "" {
		if a2, found := b.cfg.Alpha2(p.Country); found {
			loc["country"], ok = a2, true
		}
	}
	if (p.Lat != 0 || p.Lon != 0) && p.Lat >= -90 && p.Lat <= 90 && p.Lon >= -180 && p.Lon <= 180 {
		loc["latitude"], loc["longitude"], ok = p.Lat, p.Lon, true
	}
	if !ok {
		return nil
	}
	return loc
}

// addDocument exports a document as a report whose objects are its events.
func (b *stixBundle) addDocument(d *liaison.Document) {
	r := b.marked("report", d.ID, d.Marking, d.Fetched, d.Fetched)
	r["name"] = d.Title
	r["description"] = d.Text
	r["published"] = stixTime(d.Published)
	r["report_types"] = []string{"document"}
	if d.Lang != "" {
		r["lang"] = d.Lang
	}
	if d.URL != "" || d.Source != "" {
		ref := obj{"source_name": d.Source}
		if d.Source == "" {
			ref["source_name"] = "source"
		}
		if d.URL != "" {
			ref["url"] = d.URL
		}
		r["external_references"] = []obj{ref}
	}
	refs := b.docRefs[d.ID]
	if len(refs) == 0 {
		refs = []string{b.identity}
	}
	r["object_refs"] = refs
	b.objects = append(b.objects, r)
}

// addReport exports an analyst report; it refers to the cited items that
// are in this export (never to ids the viewer cannot see).
func (b *stixBundle) addReport(rp *liaison.Report) {
	r := b.marked("report", rp.ID, rp.Marking, rp.Created, rp.Updated)
	r["name"] = rp.Title
	r["description"] = rp.Body
	r["published"] = stixTime(rp.Released)
	r["report_types"] = []string{"threat-report"}
	refs := []string{}
	for _, c := range rp.Cites {
		if id, ok := b.present[c]; ok {
			refs = append(refs, id)
		}
	}
	if len(refs) == 0 {
		refs = []string{b.identity}
	}
	r["object_refs"] = refs
	b.objects = append(b.objects, r)
}
