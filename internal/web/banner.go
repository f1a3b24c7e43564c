package web

import (
	"strings"

	"github.com/liaison-project/liaison"
)

// banner is the classification banner of a page: the marking text and the
// CSS class picking its colour.
type banner struct {
	Text  string
	Class string
}

// bannerClass picks a colour by level and classification words.
func bannerClass(m liaison.Marking) string {
	c := strings.ToUpper(m.Classification)
	switch {
	case strings.Contains(c, "SECRET"):
		return "b-secret"
	case strings.Contains(c, "CONFIDENTIAL"):
		return "b-confidential"
	case strings.Contains(c, "RESTRICTED"):
		return "b-restricted"
	case strings.Contains(c, "UNCLASSIFIED"):
		return "b-unclassified"
	case m.Level == 0:
		return "b-public"
	default:
		return "b-restricted"
	}
}
