package actor

// teamRun emits the run a..b as a team when it is one (a place playing a
// match, or a town already seen as a team) and reports whether it did.
func (d *doc) teamRun(a, b int) bool {
	if d.team(a, b) && d.f.isPlace(d.text(a, b)) {
		d.rememberTeam(a, b, d.emit(a, b, d.text(a, b), "", KindOrganisation)) // "Leicestershire beat Somerset"
		return true
	}
	if j, ok := d.teams[d.toks[a].Lower]; ok && b == a+1 && d.teamAgain(a) {
		d.corefMention(a, b, j)
		return true
	}
	return false
}

// team reports whether the run a..b, a town or area name, stands for a
// sports team: a match verb follows it ("Karlsruhe won 3-1", "Leicestershire
// beat Somerset") or precedes it ("beat Somerset", "v Durham"), or a score
// follows it in a result line ("Detroit 4 Kansas City 1"). Sports pages
// name clubs by their town; a town that wins or loses is the club.
func (d *doc) team(a, b int) bool {
	if b < len(d.toks) && d.toks[b].Word && d.toks[b].Cap && d.sentOf[b] == d.sentOf[a] {
		return false // the run was cut before a name: "Northern" of "Northern Ireland"
	}
	if b < len(d.toks) && d.sentOf[b] == d.sentOf[a] {
		nx := d.toks[b].Lower
		if matchVerbs[nx] {
			return true
		}
		if scoreTok(nx) && b+1 < len(d.toks) && d.sentOf[b+1] == d.sentOf[a] && d.toks[b+1].Cap && d.toks[b+1].Word {
			return true // "Detroit 4 Kansas City 1"
		}
	}
	if a > 0 && d.sentOf[a-1] == d.sentOf[a] {
		pv := d.toks[a-1].Lower
		if matchBefore[pv] {
			return true
		}
		if scoreTok(pv) && a > 1 && d.sentOf[a-2] == d.sentOf[a] && d.toks[a-2].Cap && d.toks[a-2].Word {
			return true // the second team of "Detroit 4 Kansas City 1"
		}
	}
	return false
}

// scoreTok reports a small whole number: a score.
func scoreTok(s string) bool {
	if len(s) == 0 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

var matchVerbs = set(`beat beats drew draw defeated thrashed edged routed trounced hammered outclassed overcame`)

var matchBefore = set(`beat beats defeated thrashed edged routed trounced hammered outclassed v vs`)

// rememberTeam files a one-word team (mention idx over tokens a..b): later
// uses of the town's name in the document are the team ("Essex beat
// Kent. ... Essex reached 372"), except where it reads as a place.
func (d *doc) rememberTeam(a, b, idx int) {
	if b != a+1 || d.toks[a].Upper {
		return
	}
	if d.teams == nil {
		d.teams = map[string]int{}
	}
	if _, taken := d.teams[d.toks[a].Lower]; !taken {
		d.teams[d.toks[a].Lower] = idx
	}
}

// teamAgain reports whether a remembered team's town at i is the team: it
// is written in title case (not a capitals dateline), stands alone, and
// follows no locative preposition or comma ("in Essex", "Chelmsford,
// Essex").
func (d *doc) teamAgain(i int) bool {
	if d.toks[i].Upper || (i+1 < len(d.toks) && d.toks[i+1].Cap && d.toks[i+1].Word) {
		return false
	}
	if i == 0 || d.sentOf[i-1] != d.sentOf[i] {
		return true
	}
	return !placeBefore[d.toks[i-1].Lower]
}

var placeBefore = set(`in at near from to into , of outside inside across around toward towards`)

// rememberOrg files the short name of an uncoded organisation mention idx
// over tokens a..b, so that later (and earlier) uses of it alone are the
// same organisation: a firm's name before its legal form ("Cofinec" of
// "Cofinec S.A.", "Magna" of "Magna Holdings Inc").
func (d *doc) rememberOrg(a, b, idx int) {
	k := a + 1
	for k < b && d.toks[k].Word && d.toks[k].Cap && !legalForm[d.toks[k].Lower] {
		k++
	}
	if k != a+1 {
		return // a longer name: "Johnson Controls" leaves "Johnson" alone
	}
	for j := k; j < b; j++ {
		if t := d.toks[j]; t.Word && !legalForm[t.Lower] {
			return
		}
	}
	w := d.toks[a]
	if len(w.Lower) < 3 || !lettersOnly(w.Lower) || firstNames[w.Lower] || d.lowerWords()[w.Lower] {
		return
	}
	if _, taken := d.short[w.Lower]; !taken {
		d.short[w.Lower] = idx
	}
}

// legalForm words end a firm's name without being part of its short name.
var legalForm = set(`inc corp corporation ltd llc plc co sa ag nv gmbh spa bhd pty limited holdings group
s.a. n.v. a.g. s.p.a. inc. corp. co. ltd. plc.`)

// nationality reports a country in brackets right after token e-1, as
// results lists give a competitor's nationality ("Geir Moen (Norway)").
func (d *doc) nationality(e int) bool {
	if e+2 >= len(d.toks) || d.toks[e].Lower != "(" || d.sentOf[e+2] != d.sentOf[e] {
		return false
	}
	k := e + 1
	for k < len(d.toks) && k < e+4 && d.toks[k].Lower != ")" {
		k++
	}
	if k >= len(d.toks) || d.toks[k].Lower != ")" || k == e+1 {
		return false
	}
	v, n := d.best(e + 1)
	return n == k-e-1 && v.typ == lexCountry
}

// nameTail reports whether token i ends a longer name: a capitalised word
// or a Romance name connector stands before it ("Iraqi National Congress",
// "Gazzetta dello Sport").
func (d *doc) nameTail(i int) bool {
	if i == 0 || d.sentOf[i-1] != d.sentOf[i] {
		return false
	}
	p := d.toks[i-1]
	return p.Word && (p.Cap || p.Lower == "dello" || p.Lower == "della" || p.Lower == "del" || p.Lower == "de")
}

// ofStart trims a common noun and "of" from the start of an organisation's
// run ("Shares of Acme Corp" -> "Acme Corp"): the first word opens the
// sentence or is written in lower case elsewhere, and is no organisation
// head ("Bank of America Corp" stays whole). It returns the name's start.
func (d *doc) ofStart(a, b int) int {
	w := d.toks[a].Lower
	if orgHead[w] || orgSuffix[w] || !(d.sentenceInitial(a) || d.lowerWords()[w]) {
		return a
	}
	for k := a + 1; k+1 < b && k <= a+2; k++ {
		if d.toks[k].Lower == "of" {
			return k + 1
		}
		if !d.toks[k].Cap {
			return a
		}
	}
	return a
}
