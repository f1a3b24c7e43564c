package ingest

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
)

func TestCheckBytes(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // substring of the error; "" = ok
	}{
		{"text", "Hello, world.\n", ""},
		{"empty", "", "empty"},
		{"blank", " \n\t ", "empty"},
		{"nul", "abc\x00def", "NUL byte at offset 3"},
		{"latin1", "caf\xe9 au lait", "not valid UTF-8 (first bad byte at offset 3)"},
		{"controls", strings.Repeat("\x01\x02\x03a", 20), "control characters"},
		{"utf8", "Zürich – 東京", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckBytes("in.txt", []byte(tt.in))
			if tt.want == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "in.txt: ") {
				t.Fatalf("error %v, want one naming in.txt and containing %q", err, tt.want)
			}
			if !errors.Is(err, liaison.ErrInvalid) {
				t.Errorf("error %v does not wrap ErrInvalid", err)
			}
		})
	}
}

func TestNormalizeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  a   b \r\n\r\n\r\n c\t d  ", "a b\n\nc d"},
		{"e\u0301t\u00e9", "\u00e9t\u00e9"}, // NFC
		{"line1\nline2", "line1\nline2"},
		{"\ufeffx\u200by", "x y"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := NormalizeText(tt.in); got != tt.want {
			t.Errorf("NormalizeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if ContentHash("a  b\nc") != ContentHash("a b c") {
		t.Error("content hash depends on white space")
	}
	if ContentHash("a b c") == ContentHash("a b d") {
		t.Error("content hash ignores words")
	}
}

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"HTTPS://News.Example.COM:443/a/b?utm_source=x&b=2&a=1#frag", "https://news.example.com/a/b?a=1&b=2"},
		{"http://example.com", "http://example.com/"},
		{"http://example.com:8080/x?fbclid=1&gclid=2", "http://example.com:8080/x"},
		{"http://user:pw@example.com/x?UTM_MEDIUM=rss&id=3", "http://example.com/x?id=3"},
		{"ftp://example.com/x", ""},
		{"/relative/path", ""},
		{"::not a url", ""},
	}
	for _, tt := range tests {
		if got := CanonicalURL(tt.in); got != tt.want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSimHash(t *testing.T) {
	a := "Japan's Prime Minister Fumio Kishida met NATO Secretary General Jens Stoltenberg in Vilnius on Wednesday, " +
		"and the two agreed a new partnership programme covering cyber defence, maritime security and space, " +
		"officials said, while plans for a liaison office in Tokyo remained on hold after France objected to the idea " +
		"of the alliance opening its first office in Asia, diplomats familiar with the talks told reporters on Thursday."
	b := strings.Replace(a, "Thursday", "Friday", 1)
	c := "Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought since early January " +
		"and improving prospects for the coming temporao, although normal humidity levels have not been restored."
	if d := Hamming(SimHash(a), SimHash(b)); d > NearDuplicateDistance {
		t.Errorf("one-word edit: distance %d > %d", d, NearDuplicateDistance)
	}
	if d := Hamming(SimHash(a), SimHash(c)); d <= NearDuplicateDistance {
		t.Errorf("different stories: distance %d", d)
	}
}

func TestParseTime(t *testing.T) {
	tests := []struct {
		in   string
		want string // RFC3339 or "" for no date
	}{
		{"2023-07-09", "2023-07-09T00:00:00Z"},
		{"2023-07-12T09:30:00+03:00", "2023-07-12T06:30:00Z"},
		{"Sun, 16 Jul 2023 08:00:00 +0900", "2023-07-15T23:00:00Z"},
		{"Mon, 17 Jul 2023 10:15:00 GMT", "2023-07-17T10:15:00Z"},
		{"26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01.79Z"},
		{"July 9, 2023", "2023-07-09T00:00:00Z"},
		{"9 July 2023", "2023-07-09T00:00:00Z"},
		{"1689000000", "2023-07-10T14:40:00Z"},
		{"yesterday", ""},
		{"0001-01-01", ""},
	}
	for _, tt := range tests {
		got, ok := ParseTime(tt.in)
		if tt.want == "" {
			if ok {
				t.Errorf("ParseTime(%q) = %v, want no date", tt.in, got)
			}
			continue
		}
		if !ok || got.Format(time.RFC3339Nano) != tt.want {
			t.Errorf("ParseTime(%q) = %v %v, want %s", tt.in, got.Format(time.RFC3339Nano), ok, tt.want)
		}
	}
}

func TestDateFromText(t *testing.T) {
	ref := time.Date(2023, 8, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text, want string
	}{
		{"iso first line", "2023-07-09\nJapan and NATO...", "2023-07-09"},
		{"written", "Published July 9, 2023\nText", "2023-07-09"},
		{"day month", "Monday 10 July 2023 — Vilnius\nText", "2023-07-10"},
		{"dateline", "TOKYO, July 4 (Reuters) - Japan said on Tuesday...", "2023-07-04"},
		{"dateline two words", "NEW YORK, Feb 26 - Stocks rose", "2023-02-26"},
		{"dateline future goes back a year", "SEOUL, Dec 30 (Yonhap) - North Korea", "2022-12-30"},
		{"too deep", "a\nb\nc\nd\ne\nJuly 9, 2023", ""},
		{"no date", "The ministers met.\nThey talked.", ""},
		{"invalid day", "June 31, 2023 was not a day", ""},
		{"byline with time", "By Jane Smith, July 12, 2023 10:30 GMT\nText", "2023-07-12"},
		{"weekday first", "Friday, January 4, 2019 \n\nAn apartment building collapsed", "2019-01-04"},
		{"date in prose", "Gunma Bank said it will issue a 50 mln dlr convertible bond\ndue March 31, 2002, paying 2-1/2 pct and priced at par, lead manager said", ""},
		{"period header", "Period ended December 31, 1986\nOper shr loss 1.08 dlrs", ""},
		{"wrapped prose", "stg convertible eurobond due February 20, 2002 paying an\nindicated coupon", ""},
		{"after the reference", "Published 2024-01-05\nText", ""},
		{"iso in prose", "The agreement, signed 2023-07-09 in Vilnius by the ministers of both countries, takes effect now", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := DateFromText(tt.text, ref)
			if tt.want == "" {
				if ok {
					t.Fatalf("got %v, want none", got)
				}
				return
			}
			if !ok || got.Format("2006-01-02") != tt.want {
				t.Fatalf("got %v %v, want %s", got, ok, tt.want)
			}
		})
	}
}

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"The minister said that the alliance is ready to defend every member of the treaty.", "en"},
		{"Le ministre a dit que l'alliance est prête à défendre chaque membre du traité et pour la paix.", "fr"},
		{"Der Minister sagte, dass die Allianz bereit ist, jedes Mitglied des Vertrags zu verteidigen und nicht nur.", "de"},
		{"El ministro dijo que la alianza está lista para defender a cada miembro del tratado y para la paz.", "es"},
		{"Il ministro ha detto che l'alleanza è pronta a difendere ogni membro del trattato e per la pace.", "it"},
		{"Министр заявил, что альянс готов защищать каждого члена договора и не только на словах.", "ru"},
		{"岸田文雄首相は、北大西洋条約機構の首脳会議に出席した。", "ja"},
		{"윤석열 대통령은 나토 정상회의에 참석했다.", "ko"},
		{"北约峰会在维尔纽斯举行。", "zh"},
		{"12345 67890", ""},
	}
	for _, tt := range tests {
		if got := DetectLanguage(tt.text); got != tt.want {
			t.Errorf("DetectLanguage(%.30q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestBackoff(t *testing.T) {
	tests := []struct {
		every    time.Duration
		failures int
		want     time.Duration
	}{
		{15 * time.Minute, 0, 15 * time.Minute},
		{15 * time.Minute, 1, 30 * time.Minute},
		{15 * time.Minute, 3, 2 * time.Hour},
		{15 * time.Minute, 50, 24 * time.Hour},
		{0, 0, 15 * time.Minute},
	}
	for _, tt := range tests {
		if got := Backoff(tt.every, tt.failures); got != tt.want {
			t.Errorf("Backoff(%v, %d) = %v, want %v", tt.every, tt.failures, got, tt.want)
		}
	}
}
