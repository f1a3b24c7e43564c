package ingest

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"html"
	"io"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// FeedKind names a syndication format.
type FeedKind string

// The feed formats Liaison reads.
const (
	FeedRSS  FeedKind = "rss"  // RSS 2.0 (and RSS 0.9x/1.0, which share its items)
	FeedAtom FeedKind = "atom" // Atom 1.0
	FeedJSON FeedKind = "json" // JSON Feed 1.x
)

// ParsedFeed is a feed document: its title and its entries.
type ParsedFeed struct {
	Kind    FeedKind    `json:"kind"`
	Title   string      `json:"title"`
	Link    string      `json:"link,omitempty"`
	Lang    string      `json:"lang,omitempty"`
	Entries []FeedEntry `json:"entries"`
}

// FeedEntry is one item of a feed, its HTML already reduced to text.
type FeedEntry struct {
	ID        string    `json:"id,omitempty"`
	Title     string    `json:"title"`
	Link      string    `json:"link,omitempty"`
	Author    string    `json:"author,omitempty"`
	Published time.Time `json:"published,omitzero"`
	// Content is the entry's full text when the feed carries it.
	Content string `json:"content,omitempty"`
	// Summary is the entry's abstract; when it is all there is, the link is
	// fetched for the full text.
	Summary string `json:"summary,omitempty"`
	Lang    string `json:"lang,omitempty"`
}

// DetectFeed says which feed format b is, or "" when it is not a feed.
func DetectFeed(b []byte) FeedKind {
	b = bytes.TrimLeft(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(b) == 0 {
		return ""
	}
	if b[0] == '{' {
		var probe struct {
			Version string `json:"version"`
		}
		if json.Unmarshal(b, &probe) == nil && strings.Contains(probe.Version, "jsonfeed.org") {
			return FeedJSON
		}
		return ""
	}
	if b[0] != '<' {
		return ""
	}
	d := newXMLDecoder(bytes.NewReader(b))
	for range 64 {
		tok, err := d.Token()
		if err != nil {
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch strings.ToLower(se.Name.Local) {
			case "rss", "rdf":
				return FeedRSS
			case "feed":
				return FeedAtom
			}
			return ""
		}
	}
	return ""
}

// ParseFeed reads an RSS, Atom or JSON Feed document. base resolves relative
// entry links; it may be nil. name is the input named in errors.
func ParseFeed(name string, b []byte, base *url.URL) (*ParsedFeed, error) {
	var (
		f   *ParsedFeed
		err error
	)
	switch DetectFeed(b) {
	case FeedJSON:
		f, err = parseJSONFeed(b)
	case FeedRSS, FeedAtom:
		f, err = parseXMLFeed(b)
	default:
		return nil, badInput(name, "not an RSS, Atom or JSON feed")
	}
	if err != nil {
		return nil, badInput(name, "malformed %s feed: %v", DetectFeed(b), err)
	}
	if base == nil {
		if u, err := url.Parse(f.Link); err == nil && u.IsAbs() {
			base = u // relative entry links are relative to the site
		}
	}
	if base != nil {
		f.Link = resolveRaw(base, f.Link)
		for i := range f.Entries {
			f.Entries[i].Link = resolveRaw(base, f.Entries[i].Link)
		}
	}
	return f, nil
}

func resolveRaw(base *url.URL, ref string) string {
	if ref == "" {
		return ""
	}
	u, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return ref
	}
	return base.ResolveReference(u).String()
}

func newXMLDecoder(r io.Reader) *xml.Decoder {
	d := xml.NewDecoder(r)
	d.Strict = false
	d.AutoClose = voidElements
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	return d
}

// voidElements are HTML elements that never close, met unescaped in sloppy
// feeds. "link" is absent: in RSS it holds the URL.
var voidElements = []string{"br", "hr", "img", "input", "meta", "area", "base", "col", "param", "wbr", "source", "embed"}

// xnode is a minimal, tolerant XML tree: enough to read feeds whatever their
// namespace prefixes.
type xnode struct {
	name     xml.Name
	attrs    []xml.Attr
	children []*xnode
	text     strings.Builder
	parent   *xnode
}

// maxXMLDepth bounds the tree so hostile nesting cannot exhaust the stack.
const maxXMLDepth = 64

func parseXMLTree(b []byte) (*xnode, error) {
	d := newXMLDecoder(bytes.NewReader(b))
	root := &xnode{}
	cur, depth, skipped := root, 0, 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if len(root.children) > 0 {
				return root.children[0], err // the caller may keep what came before the damage
			}
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth >= maxXMLDepth {
				skipped++
				continue
			}
			n := &xnode{name: t.Name, attrs: t.Copy().Attr, parent: cur}
			cur.children = append(cur.children, n)
			cur, depth = n, depth+1
		case xml.EndElement:
			if skipped > 0 {
				skipped--
			} else if cur.parent != nil && strings.EqualFold(cur.name.Local, t.Name.Local) {
				cur, depth = cur.parent, depth-1
			}
		case xml.CharData:
			if skipped == 0 {
				cur.text.Write(t)
			}
		}
	}
	if len(root.children) == 0 {
		return nil, errors.New("no root element")
	}
	return root.children[0], nil
}

func (n *xnode) local() string { return strings.ToLower(n.name.Local) }

func (n *xnode) child(local string) *xnode {
	for _, c := range n.children {
		if c.local() == local {
			return c
		}
	}
	return nil
}

func (n *xnode) all(local string) []*xnode {
	var out []*xnode
	for _, c := range n.children {
		if c.local() == local {
			out = append(out, c)
		}
	}
	return out
}

// childText is the trimmed text of the first child named local.
func (n *xnode) childText(local string) string {
	if c := n.child(local); c != nil {
		return strings.TrimSpace(c.text.String())
	}
	return ""
}

func (n *xnode) attr(local string) string {
	for _, a := range n.attrs {
		if strings.EqualFold(a.Name.Local, local) {
			return a.Value
		}
	}
	return ""
}

// markup rebuilds the inner markup of n (for Atom xhtml content).
func (n *xnode) markup() string {
	var b strings.Builder
	b.WriteString(html.EscapeString(n.text.String()))
	for _, c := range n.children {
		b.WriteString("<" + c.name.Local + ">" + c.markup() + "</" + c.name.Local + ">")
	}
	return b.String()
}

func parseXMLFeed(b []byte) (*ParsedFeed, error) {
	root, err := parseXMLTree(b)
	if root == nil {
		return nil, err
	}
	var f *ParsedFeed
	if root.local() == "feed" {
		f = parseAtom(root)
	} else {
		f = parseRSS(root)
	}
	if err != nil && len(f.Entries) == 0 {
		return nil, err
	}
	return f, nil
}

func parseRSS(root *xnode) *ParsedFeed {
	f := &ParsedFeed{Kind: FeedRSS}
	ch := root.child("channel")
	if ch == nil {
		ch = root
	}
	f.Title = clean(ch.childText("title"))
	f.Link = rssLink(ch)
	f.Lang = ch.childText("language")
	items := ch.all("item")
	if len(items) == 0 {
		items = root.all("item") // RSS 1.0 puts items beside the channel
	}
	for _, it := range items {
		e := FeedEntry{
			ID:      it.childText("guid"),
			Title:   clean(html.UnescapeString(it.childText("title"))),
			Link:    rssLink(it),
			Author:  first(it.childText("creator"), it.childText("author")),
			Summary: HTMLToText(it.childText("description")),
			Content: HTMLToText(it.childText("encoded")),
		}
		e.Published, _ = ParseTime(first(it.childText("pubdate"), it.childText("date"), it.childText("published")))
		if e.ID == "" {
			e.ID = first(it.attr("about"), e.Link)
		}
		f.Entries = append(f.Entries, e)
	}
	return f
}

// rssLink is the text of the first <link> with text (an atom:link beside it
// carries its URL in href instead).
func rssLink(n *xnode) string {
	for _, l := range n.all("link") {
		if t := strings.TrimSpace(l.text.String()); t != "" {
			return t
		}
	}
	for _, l := range n.all("link") {
		if rel := l.attr("rel"); rel == "" || rel == "alternate" {
			if h := l.attr("href"); h != "" {
				return h
			}
		}
	}
	return ""
}

func parseAtom(root *xnode) *ParsedFeed {
	f := &ParsedFeed{Kind: FeedAtom, Title: clean(atomText(root.child("title"))), Link: atomLink(root), Lang: root.attr("lang")}
	for _, en := range root.all("entry") {
		e := FeedEntry{
			ID:      en.childText("id"),
			Title:   clean(atomText(en.child("title"))),
			Link:    atomLink(en),
			Summary: atomText(en.child("summary")),
			Content: atomText(en.child("content")),
			Lang:    en.attr("lang"),
		}
		if a := en.child("author"); a != nil {
			e.Author = first(a.childText("name"), strings.TrimSpace(a.text.String()))
		}
		e.Published, _ = ParseTime(first(en.childText("published"), en.childText("issued"), en.childText("updated"), en.childText("modified")))
		f.Entries = append(f.Entries, e)
	}
	return f
}

// atomText reads an Atom text construct (text, html or xhtml) as plain text.
func atomText(n *xnode) string {
	if n == nil {
		return ""
	}
	switch strings.ToLower(n.attr("type")) {
	case "html", "text/html":
		return HTMLToText(n.text.String())
	case "xhtml", "application/xhtml+xml":
		return HTMLToText(n.markup())
	}
	if len(n.children) > 0 {
		return HTMLToText(n.markup())
	}
	return NormalizeText(n.text.String())
}

func atomLink(n *xnode) string {
	var any string
	for _, l := range n.all("link") {
		h := l.attr("href")
		if h == "" {
			continue
		}
		if rel := l.attr("rel"); rel == "" || rel == "alternate" {
			return h
		}
		if any == "" && l.attr("rel") != "self" {
			any = h
		}
	}
	return any
}

type jsonFeed struct {
	Version     string     `json:"version"`
	Title       string     `json:"title"`
	HomePageURL string     `json:"home_page_url"`
	Language    string     `json:"language"`
	Items       []jsonItem `json:"items"`
}

type jsonAuthor struct {
	Name string `json:"name"`
}

type jsonItem struct {
	ID            json.RawMessage `json:"id"`
	URL           string          `json:"url"`
	ExternalURL   string          `json:"external_url"`
	Title         string          `json:"title"`
	ContentHTML   string          `json:"content_html"`
	ContentText   string          `json:"content_text"`
	Summary       string          `json:"summary"`
	DatePublished string          `json:"date_published"`
	DateModified  string          `json:"date_modified"`
	Language      string          `json:"language"`
	Author        *jsonAuthor     `json:"author"`
	Authors       []jsonAuthor    `json:"authors"`
}

func parseJSONFeed(b []byte) (*ParsedFeed, error) {
	var jf jsonFeed
	if err := json.Unmarshal(b, &jf); err != nil {
		return nil, err
	}
	f := &ParsedFeed{Kind: FeedJSON, Title: clean(jf.Title), Link: jf.HomePageURL, Lang: jf.Language}
	for _, it := range jf.Items {
		e := FeedEntry{
			ID:      strings.Trim(string(it.ID), `"`),
			Title:   clean(it.Title),
			Link:    first(it.URL, it.ExternalURL),
			Content: first(NormalizeText(it.ContentText), HTMLToText(it.ContentHTML)),
			Summary: NormalizeText(it.Summary),
			Lang:    it.Language,
		}
		var names []string
		for _, a := range it.Authors {
			if a.Name != "" {
				names = append(names, a.Name)
			}
		}
		if it.Author != nil && it.Author.Name != "" && len(names) == 0 {
			names = append(names, it.Author.Name)
		}
		e.Author = strings.Join(names, ", ")
		e.Published, _ = ParseTime(first(it.DatePublished, it.DateModified))
		f.Entries = append(f.Entries, e)
	}
	return f, nil
}
