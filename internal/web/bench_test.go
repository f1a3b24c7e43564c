package web

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// BenchmarkHighlight highlights a 6,000-character report with 300 spans.
func BenchmarkHighlight(b *testing.B) {
	text := strings.Repeat("Japan's Prime Minister met NATO officials in Vilnius. ", 110)
	var anns []annotation
	for i := 0; i < 300; i++ {
		s := (i * 20) % (len(text) - 10)
		anns = append(anns, annotation{Start: s, End: s + 5 + i%7, Class: "actor", Title: "JPN", layer: 2})
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = highlight(text, anns)
	}
}

// BenchmarkDocumentPage renders the reader page end to end over the memory store.
func BenchmarkDocumentPage(b *testing.B) {
	h := fixture(b, japan)
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/documents/01H0000000000000000000000A", nil))
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
	}
}
