package quote

import (
	_ "embed"
	"strings"
)

//go:embed names.txt
var namesTxt string

// maleNames and femaleNames tell the usual gender of a first name or
// title, used only to keep "she" from resolving to a man and "he" to a
// woman (and to count same-gender rivals). Read once from names.txt plus
// the titles and news names of words.go; never changed after.
var maleNames, femaleNames = givenNames(namesTxt)

// givenNames reads names.txt's "m:" and "f:" lines into maleWords and
// femaleWords's copies; a name listed under both genders is dropped.
func givenNames(txt string) (male, female map[string]bool) {
	male, female = map[string]bool{}, map[string]bool{}
	for w := range maleWords {
		male[w] = true
	}
	for w := range femaleWords {
		female[w] = true
	}
	for _, line := range strings.Split(txt, "\n") {
		g, ws, ok := strings.Cut(line, ":")
		if !ok || g != "m" && g != "f" {
			continue
		}
		for _, w := range strings.Fields(ws) {
			if g == "m" {
				male[w] = true
			} else {
				female[w] = true
			}
		}
	}
	for w := range male {
		if female[w] {
			delete(male, w)
			delete(female, w)
		}
	}
	return male, female
}

// gender is 'm', 'f' or 0 (unknown) for a name or phrase: from a title
// (Mr, Mrs, Ms), a common first name, or a pronoun already linked to it.
func (f *finder) gender(name string) byte {
	if g, ok := f.genders[name]; ok {
		return g
	}
	g := nameGender(name)
	if len(f.genders) < 10000 {
		f.genders[name] = g // 0 too; a pronoun link may set it later
	}
	return g
}

// nameGender reads a gender from a name's title or first name.
func nameGender(name string) byte {
	for _, w := range strings.Fields(name) {
		w = strings.ToLower(strings.TrimSuffix(w, "."))
		if maleNames[w] {
			return 'm'
		}
		if femaleNames[w] {
			return 'f'
		}
		if titles[w] || genderless[w] {
			continue
		}
		break
	}
	return 0
}

// appositionGender reads the gender an apposition after a mention gives
// ("Terence Crutcher, a 40-year-old unarmed black man"): 'm', 'f' or 0.
func (f *finder) appositionGender(end int) byte {
	if !f.introduced(end) {
		return 0
	}
	ts := f.tokens(end+1, min(len(f.r), end+80))
	for k, t := range ts {
		if k >= 8 || t.punct == ',' || t.punct == '.' {
			break
		}
		switch {
		case maleNouns[t.low]:
			return 'm'
		case femaleNouns[t.low]:
			return 'f'
		}
	}
	return 0
}

// fits reports whether pronoun p can stand for a speaker of that name.
func (f *finder) fits(p, name string) bool {
	switch p {
	case "he":
		return f.gender(name) != 'f'
	case "she":
		return f.gender(name) != 'm'
	}
	return true
}

// learn records the gender a resolved he/she gives a name.
func (f *finder) learn(p, name string) {
	if name == "" || f.gender(name) != 0 {
		return
	}
	switch p {
	case "he":
		f.genders[name] = 'm'
	case "she":
		f.genders[name] = 'f'
	}
}

// fitsGender reports whether he/she may stand for someone of gender g.
func fitsGender(p string, g byte) bool {
	return !(p == "he" && g == 'f' || p == "she" && g == 'm')
}
