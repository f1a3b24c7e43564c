package ingest

import (
	"bytes"
	"encoding/json"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Page is what the extractor understood of one HTML page: its metadata and
// its main text with navigation and boilerplate removed.
type Page struct {
	Title        string    `json:"title"`
	Byline       string    `json:"byline,omitempty"`
	SiteName     string    `json:"site_name,omitempty"`
	Lang         string    `json:"lang,omitempty"`
	CanonicalURL string    `json:"canonical_url,omitempty"`
	Published    time.Time `json:"published,omitzero"`
	Text         string    `json:"text"`
}

// pageMeta gathers the metadata candidates met while walking the tree.
type pageMeta struct {
	meta      map[string]string // lower-cased name/property/itemprop → first content
	titleTag  string
	h1        string
	lang      string
	canonical string
	timeAttr  string
	ld        ldInfo
	bylineEl  string
}

// ldInfo is what JSON-LD article objects say about the page.
type ldInfo struct {
	headline, published, author, lang, publisher string
}

// ExtractHTML parses an HTML page (UTF-8) and extracts its metadata and main
// text. base resolves a relative canonical link; it may be nil. A page with
// no readable text is an error naming name.
func ExtractHTML(name string, b []byte, base *url.URL) (*Page, error) {
	root, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return nil, badInput(name, "malformed HTML: %v", err)
	}
	m := &pageMeta{meta: map[string]string{}}
	m.collect(root)
	p := &Page{
		Title:    m.title(),
		Byline:   m.byline(),
		SiteName: first(m.meta["og:site_name"], m.ld.publisher, m.meta["application-name"]),
		Lang:     m.language(),
	}
	p.CanonicalURL = resolve(base, first(m.canonical, m.meta["og:url"]))
	p.Published = m.published()
	p.Text = mainText(root)
	if rest, ok := strings.CutPrefix(p.Text, p.Title+"\n\n"); ok && p.Title != "" {
		p.Text = rest // the headline is the title, not the text
	}
	if strings.TrimSpace(p.Text) == "" {
		return nil, badInput(name, "no readable text in HTML")
	}
	if p.Lang == "" {
		p.Lang = DetectLanguage(p.Text)
	}
	return p, nil
}

func (m *pageMeta) collect(n *html.Node) {
	if n.Type == html.ElementNode {
		m.element(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		m.collect(c)
	}
}

func (m *pageMeta) element(n *html.Node) {
	switch n.DataAtom {
	case atom.Html:
		m.lang = attr(n, "lang")
	case atom.Title:
		if m.titleTag == "" {
			m.titleTag = nodeText(n)
		}
	case atom.H1:
		if m.h1 == "" {
			m.h1 = nodeText(n)
		}
	case atom.Meta:
		key := strings.ToLower(first(attr(n, "property"), attr(n, "name"), attr(n, "itemprop"), attr(n, "http-equiv")))
		if _, seen := m.meta[key]; key != "" && !seen && attr(n, "content") != "" {
			m.meta[key] = strings.TrimSpace(attr(n, "content"))
		}
	case atom.Link:
		if strings.EqualFold(attr(n, "rel"), "canonical") && m.canonical == "" {
			m.canonical = attr(n, "href")
		}
	case atom.Time:
		if m.timeAttr == "" || hasAttr(n, "pubdate") {
			if dt := attr(n, "datetime"); dt != "" {
				m.timeAttr = dt
			}
		}
	case atom.Script:
		if strings.EqualFold(attr(n, "type"), "application/ld+json") {
			m.ld.parse(nodeText(n))
		}
	}
	if strings.EqualFold(attr(n, "itemprop"), "datePublished") && attr(n, "datetime") != "" {
		if _, seen := m.meta["datepublished"]; !seen {
			m.meta["datepublished"] = attr(n, "datetime")
		}
	}
	if m.bylineEl == "" && (strings.EqualFold(attr(n, "rel"), "author") || classHas(n, "byline") || strings.EqualFold(attr(n, "itemprop"), "author")) {
		if t := nodeText(n); t != "" && len(t) < 120 {
			m.bylineEl = t
		}
	}
}

func (m *pageMeta) title() string {
	if t := first(m.meta["og:title"], m.meta["twitter:title"], m.ld.headline, m.h1); t != "" {
		return clean(t)
	}
	t := clean(m.titleTag)
	for _, sep := range []string{" | ", " – ", " — ", " - ", " :: "} {
		if i := strings.LastIndex(t, sep); i > 0 && len(t)-i < len(t)/2 {
			t = t[:i]
		}
	}
	return t
}

func (m *pageMeta) byline() string {
	a := first(m.meta["author"], m.ld.author, m.meta["article:author"], m.meta["dc.creator"], m.bylineEl)
	if strings.HasPrefix(a, "http://") || strings.HasPrefix(a, "https://") {
		a = m.bylineEl
	}
	a = clean(a)
	for _, p := range []string{"By ", "by ", "BY "} {
		a = strings.TrimPrefix(a, p)
	}
	return a
}

// publishedKeys are the meta names that carry a publish time, best first.
var publishedKeys = []string{
	"article:published_time", "og:published_time", "og:article:published_time", "datepublished",
	"pubdate", "publishdate", "publish-date", "publication_date", "parsely-pub-date", "sailthru.date",
	"dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "date",
}

func (m *pageMeta) published() time.Time {
	cands := make([]string, 0, len(publishedKeys)+2)
	for _, k := range publishedKeys {
		cands = append(cands, m.meta[k])
	}
	cands = append(cands, m.ld.published, m.timeAttr)
	for _, c := range cands {
		if t, ok := ParseTime(c); ok {
			return t
		}
	}
	return time.Time{}
}

func (m *pageMeta) language() string {
	l := first(m.lang, m.meta["content-language"], m.ld.lang, m.meta["og:locale"], m.meta["language"])
	l = strings.ToLower(strings.TrimSpace(l))
	if i := strings.IndexAny(l, "-_,; "); i > 0 {
		l = l[:i]
	}
	if len(l) < 2 || len(l) > 3 {
		return ""
	}
	return l
}

func (ld *ldInfo) parse(s string) {
	var v any
	if json.Unmarshal([]byte(s), &v) != nil {
		return
	}
	ld.walk(v, 0)
}

func (ld *ldInfo) walk(v any, depth int) {
	if depth > 8 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			ld.walk(e, depth+1)
		}
	case map[string]any:
		if g, ok := x["@graph"]; ok {
			ld.walk(g, depth+1)
		}
		if !isArticleType(x["@type"]) {
			return
		}
		ld.headline = first(ld.headline, str(x["headline"]), str(x["name"]))
		ld.published = first(ld.published, str(x["datePublished"]), str(x["dateCreated"]))
		ld.author = first(ld.author, names(x["author"]))
		ld.lang = first(ld.lang, str(x["inLanguage"]))
		ld.publisher = first(ld.publisher, names(x["publisher"]))
	}
}

func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return strings.Contains(x, "Article") || x == "BlogPosting" || x == "Report" || x == "LiveBlogPosting"
	case []any:
		for _, e := range x {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// names reads a JSON-LD person/organisation value: a string, an object with a
// name, or a list of either, joined by commas.
func names(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		return str(x["name"])
	case []any:
		var out []string
		for _, e := range x {
			if n := names(e); n != "" {
				out = append(out, n)
			}
		}
		return strings.Join(out, ", ")
	}
	return ""
}

func str(v any) string {
	s, _ := v.(string)
	return strings.TrimSpace(s)
}

func first(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

func resolve(base *url.URL, ref string) string {
	if ref == "" {
		return ""
	}
	u, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	return CanonicalURL(u.String())
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func classHas(n *html.Node, word string) bool {
	return strings.Contains(strings.ToLower(attr(n, "class")), word)
}

// nodeText is the collapsed text of n and its descendants.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return clean(b.String())
}
