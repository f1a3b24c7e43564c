package web

import (
	"bytes"
	"html/template"

	"github.com/yuin/goldmark"
)

// markdownRenderer turns proposal texts and messages, written in Markdown,
// into HTML. goldmark's default renderer omits raw HTML and unsafe link
// schemes, so its output is safe to place in a page as it is.
var markdownRenderer = goldmark.New()

// markdown renders src as safe HTML; on a render failure the text is shown
// escaped, as written.
func markdown(src string) template.HTML {
	var buf bytes.Buffer
	if err := markdownRenderer.Convert([]byte(src), &buf); err != nil {
		return template.HTML(template.HTMLEscapeString(src))
	}
	return template.HTML(buf.String())
}
