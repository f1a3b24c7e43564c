package ingest

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// dropTags never hold a report's text.
var dropTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true, atom.Footer: true,
	atom.Aside: true, atom.Form: true, atom.Iframe: true, atom.Svg: true, atom.Button: true,
	atom.Select: true, atom.Template: true, atom.Object: true, atom.Embed: true, atom.Canvas: true,
	atom.Dialog: true, atom.Menu: true, atom.Head: true, atom.Input: true, atom.Textarea: true,
	atom.Figcaption: true, atom.Math: true,
}

// boilerRe matches class and id words of page furniture.
var boilerRe = regexp.MustCompile(`(?i)(?:^|[-_ ])(?:nav|navbar|navigation|menu|footer|sidebar|comments?|share|sharing|social|related|promo|advert|advertisement|ads?|ad-slot|cookie|consent|subscribe|newsletter|breadcrumbs?|author|masthead|popup|modal|skip|signup|paywall|recommended|outbrain|taboola|byline|dateline|caption)(?:$|[-_ ])`)

// boilerRoles are ARIA landmark roles of page furniture.
var boilerRoles = map[string]bool{"navigation": true, "banner": true, "contentinfo": true, "complementary": true, "search": true, "dialog": true, "alert": true}

// blockTags start a new paragraph in the rendered text.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Br: true, atom.Hr: true, atom.Header: true, atom.Figure: true, atom.Address: true, atom.Body: true,
}

// boilerLines are whole paragraphs that are page furniture in any layout.
var boilerLines = map[string]bool{
	"advertisement": true, "share this article": true, "skip to content": true, "skip to main content": true,
	"read more": true, "related articles": true, "sign up": true, "subscribe": true, "share": true,
}

// mainText finds the element that holds the page's running text by text
// density (paragraph length and commas, discounted by link text) and renders
// it as paragraphs.
func mainText(root *html.Node) string {
	prune(root, true)
	best := bestContainer(root)
	if best == nil {
		best = findAtom(root, atom.Body)
	}
	if best == nil {
		best = root
	}
	return render(best, true)
}

// HTMLToText renders an HTML fragment (a feed entry's content) as plain
// paragraphs, dropping scripts and styles but keeping everything else.
func HTMLToText(fragment string) string {
	root, err := html.Parse(strings.NewReader(fragment))
	if err != nil {
		return ""
	}
	prune(root, false)
	return render(root, false)
}

// prune removes nodes that never carry the text; with furniture it also
// removes navigation, sharing, comment and advert blocks.
func prune(n *html.Node, furniture bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.CommentNode || (c.Type == html.ElementNode && drop(c, furniture)) {
			n.RemoveChild(c)
		} else {
			prune(c, furniture)
		}
		c = next
	}
}

func drop(n *html.Node, furniture bool) bool {
	if n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Noscript || n.DataAtom == atom.Template || n.DataAtom == atom.Head {
		return true
	}
	if !furniture {
		return false
	}
	if dropTags[n.DataAtom] || hasAttr(n, "hidden") || attr(n, "aria-hidden") == "true" || boilerRoles[strings.ToLower(attr(n, "role"))] {
		return true
	}
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Article, atom.Main:
		return false
	case atom.Header:
		return !insideAny(n, atom.Article, atom.Main)
	}
	if strings.Contains(strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", ""), "display:none") {
		return true
	}
	return boilerRe.MatchString(attr(n, "class")) || boilerRe.MatchString(attr(n, "id"))
}

func insideAny(n *html.Node, as ...atom.Atom) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		for _, a := range as {
			if p.DataAtom == a {
				return true
			}
		}
	}
	return false
}

func findAtom(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findAtom(c, a); f != nil {
			return f
		}
	}
	return nil
}

// textStats are the sizes of a subtree's text, computed once bottom-up so
// that scoring stays linear in the size of the page.
type textStats struct {
	chars, linkChars, commas int
	order                    int // position in document order, for stable ties
}

// bestContainer scores every element by the paragraphs it holds and returns
// the best, or nil when the page has no paragraph worth the name.
func bestContainer(root *html.Node) *html.Node {
	stats := map[*html.Node]*textStats{}
	scores := map[*html.Node]float64{}
	order := 0
	var walk func(n *html.Node, inLink bool) *textStats
	walk = func(n *html.Node, inLink bool) *textStats {
		st := &textStats{order: order}
		order++
		if n.Type == html.TextNode {
			t := strings.TrimSpace(n.Data)
			st.chars, st.commas = len(t), strings.Count(t, ",")
			if inLink {
				st.linkChars = st.chars
			}
			return st
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			cs := walk(c, inLink || n.DataAtom == atom.A)
			st.chars += cs.chars
			st.linkChars += cs.linkChars
			st.commas += cs.commas
		}
		stats[n] = st
		if n.Type == html.ElementNode && n.Parent != nil && isParagraph(n) && st.chars >= 25 {
			s := (1 + float64(st.commas) + min(float64(st.chars)/100, 3)) * (1 - float64(st.linkChars)/float64(st.chars))
			scores[n.Parent] += s
			if g := n.Parent.Parent; g != nil {
				scores[g] += s / 2
			}
		}
		return st
	}
	walk(root, false)
	var best *html.Node
	bestScore := 0.0
	for n, s := range scores {
		switch {
		case n.DataAtom == atom.Article || strings.EqualFold(attr(n, "itemprop"), "articleBody"):
			s *= 1.5
		case n.DataAtom == atom.Main:
			s *= 1.2
		}
		if s > bestScore || (s == bestScore && best != nil && stats[n].order < stats[best].order) {
			best, bestScore = n, s
		}
	}
	return best
}

// isParagraph says whether n is a block that holds running text.
func isParagraph(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Pre, atom.Blockquote, atom.Td, atom.Li:
		return true
	case atom.Div:
		return hasDirectText(n)
	}
	return false
}

func hasDirectText(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return true
		}
	}
	return false
}

// renderer turns a subtree into paragraphs, remembering how much of each is
// link text so that link lists can be dropped.
type renderer struct {
	paras  []string
	cur    strings.Builder
	links  int
	filter bool
}

func render(n *html.Node, filter bool) string {
	r := &renderer{filter: filter}
	r.walk(n, false, false)
	r.flush()
	return strings.Join(r.paras, "\n\n")
}

func (r *renderer) walk(n *html.Node, inLink, pre bool) {
	switch n.Type {
	case html.TextNode:
		t := n.Data
		if !pre {
			if strings.TrimSpace(t) == "" {
				if t != "" {
					r.cur.WriteByte(' ')
				}
				return
			}
			t = strings.Join(strings.Fields(t), " ")
			if strings.TrimSpace(n.Data) != "" && n.Data != strings.TrimLeft(n.Data, " \t\n\r") {
				t = " " + t
			}
			if strings.TrimSpace(n.Data) != "" && n.Data != strings.TrimRight(n.Data, " \t\n\r") {
				t += " "
			}
		}
		r.cur.WriteString(t)
		if inLink {
			r.links += len(strings.TrimSpace(t))
		}
		return
	case html.ElementNode:
		if n.DataAtom == atom.Img || n.DataAtom == atom.Picture {
			return
		}
	}
	block := n.Type == html.ElementNode && blockTags[n.DataAtom]
	if block {
		r.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c, inLink || n.DataAtom == atom.A, pre || n.DataAtom == atom.Pre)
	}
	if block {
		r.flush()
	}
}

func (r *renderer) flush() {
	t := clean(r.cur.String())
	links := r.links
	r.cur.Reset()
	r.links = 0
	if t == "" {
		return
	}
	if r.filter {
		if links*2 > len(t) || boilerLines[strings.ToLower(strings.TrimRight(t, ".:!» "))] {
			return
		}
	}
	r.paras = append(r.paras, t)
}
