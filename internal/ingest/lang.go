package ingest

import (
	"strings"
	"unicode"
)

// stopwords are the commonest function words of the languages Liaison meets
// most; counting them identifies a language from a paragraph.
var stopwords = map[string][]string{
	"en": {"the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "as", "it", "by", "said", "are", "be", "at", "from", "has", "have", "this", "which", "an", "were", "will", "its", "not"},
	"fr": {"le", "la", "les", "des", "et", "du", "un", "une", "est", "que", "dans", "pour", "qui", "sur", "au", "aux", "pas", "par", "avec", "ce", "il", "sont", "été", "nous", "mais", "cette"},
	"de": {"der", "die", "das", "und", "ist", "nicht", "den", "von", "zu", "mit", "sich", "des", "auf", "für", "im", "dem", "ein", "eine", "auch", "es", "wird", "wurde", "sie", "bei", "nach", "oder"},
	"es": {"el", "los", "las", "del", "y", "que", "en", "un", "una", "por", "con", "para", "es", "al", "lo", "como", "más", "pero", "sus", "fue", "ha", "este", "está", "también", "entre", "sobre"},
	"it": {"il", "di", "che", "è", "e", "la", "per", "un", "del", "della", "dei", "non", "una", "sono", "nel", "alla", "anche", "con", "gli", "le", "ha", "si", "da", "più", "delle", "questo"},
	"pt": {"o", "os", "as", "do", "da", "dos", "das", "que", "não", "em", "um", "uma", "para", "com", "por", "é", "no", "na", "mais", "foi", "ao", "se", "seu", "sua", "também", "pelo"},
	"nl": {"de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "zijn", "voor", "met", "die", "aan", "er", "ook", "als", "bij", "door", "wordt", "werd", "naar", "maar", "uit", "heeft"},
	"ru": {"и", "в", "не", "на", "что", "с", "по", "как", "это", "он", "к", "из", "за", "от", "для", "его", "был", "но", "то", "также", "о", "при"},
	"uk": {"і", "в", "не", "на", "що", "з", "та", "як", "це", "до", "від", "для", "його", "було", "але", "також", "у", "із", "щодо", "який"},
	"pl": {"i", "w", "nie", "na", "się", "z", "że", "do", "jest", "to", "o", "jak", "po", "przez", "od", "dla", "oraz", "jego", "był", "także", "czy", "ale"},
}

// stopIndex maps a stop word to the languages it belongs to.
type stopIndex map[string][]string

func buildStopIndex() stopIndex {
	idx := stopIndex{}
	for lang, ws := range stopwords {
		for _, w := range ws {
			idx[w] = append(idx[w], lang)
		}
	}
	return idx
}

// stopIdx is read-only after package initialisation.
var stopIdx = buildStopIndex()

// DetectLanguage guesses the ISO 639-1 code of text: by script for
// Japanese, Korean, Chinese, Arabic, Hebrew, Greek and Thai, and by counting
// stop words for European languages. It answers "" when the evidence is thin.
func DetectLanguage(text string) string {
	if len(text) > 4000 {
		text = truncate(text, 4000) // a few paragraphs decide; the rest costs time
	}
	if l := byScript(text); l != "" {
		return l
	}
	counts := map[string]int{}
	words := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	}) {
		words++
		for _, l := range stopIdx[w] {
			counts[l]++
		}
	}
	best, bestN, second := "", 0, 0
	for _, l := range []string{"en", "fr", "de", "es", "it", "pt", "nl", "ru", "uk", "pl"} {
		n := counts[l]
		if n > bestN {
			best, bestN, second = l, n, bestN
		} else if n > second {
			second = n
		}
	}
	if bestN < 2 || bestN*10 < words || bestN == second {
		return ""
	}
	return best
}

func byScript(text string) string {
	var kana, hangul, han, arabic, hebrew, greek, thai, letters int
	for _, r := range text {
		if r < 0x250 { // Latin: decided by stop words
			if r >= 'A' && (r <= 'z' || r >= 0xC0) {
				letters++
			}
			continue
		}
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		switch {
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			kana++
		case unicode.Is(unicode.Hangul, r):
			hangul++
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Arabic, r):
			arabic++
		case unicode.Is(unicode.Hebrew, r):
			hebrew++
		case unicode.Is(unicode.Greek, r):
			greek++
		case unicode.Is(unicode.Thai, r):
			thai++
		}
	}
	if letters == 0 {
		return ""
	}
	third := func(n int) bool { return n*3 >= letters }
	switch {
	case kana > 0 && third(kana+han):
		return "ja"
	case third(hangul):
		return "ko"
	case third(han):
		return "zh"
	case third(arabic):
		return "ar"
	case third(hebrew):
		return "he"
	case third(greek):
		return "el"
	case third(thai):
		return "th"
	}
	return ""
}
