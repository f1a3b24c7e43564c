package web

import (
	"strings"
	"testing"
)

func TestMarkdown(t *testing.T) {
	tests := []struct {
		name, in   string
		want, deny []string
	}{
		{"emphasis and lists", "**bold** text\n\n- one\n- two\n", []string{"<strong>bold</strong>", "<li>one</li>"}, nil},
		{"raw html dropped", "hello <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>", []string{"hello"}, []string{"<script", "onerror"}},
		{"unsafe link", "[x](javascript:alert(1))", nil, []string{"javascript:"}},
		{"heading", "# Title\n", []string{"<h1>Title</h1>"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(markdown(tt.in))
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("markdown(%q) = %q, want it to contain %q", tt.in, got, w)
				}
			}
			for _, d := range tt.deny {
				if strings.Contains(got, d) {
					t.Errorf("markdown(%q) = %q, must not contain %q", tt.in, got, d)
				}
			}
		})
	}
}
