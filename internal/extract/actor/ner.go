package actor

import (
	"strings"

	"github.com/liaison-project/liaison"
)

// ner types a run of capitalised words that no dictionary knows, by cues:
// an honorific or title before it, an organisation word at its end, a
// known first name, a speech verb after it. Persons and organisations
// found so are reported with an empty code (unless a country is part of
// the name); other runs are skipped. It returns the tokens consumed.
func (d *doc) ner(i int) int {
	e := d.capRun(i)
	if e == i {
		return 0
	}
	if e-i >= 2 && (occupations[d.toks[i].Lower] || honorifics[strings.TrimSuffix(d.toks[i].Lower, ".")]) {
		if d.f.isPlace(d.text(i, e)) {
			return e - i // "St Louis", "Mount Hagen": a place, not a titled person
		}
		// "Officer Jane Dyer": the title is not part of the name
		return 1 + d.nerTitled(i+1, e)
	}
	first, last := d.toks[i].Lower, d.toks[e-1].Lower
	n := e - i
	if d.teamRun(i, e) {
		return n
	}
	if n == 1 && d.sentenceInitial(i) && !d.toks[i].Upper {
		return 1 // a capitalised first word says nothing
	}
	if s, t := d.ampersand(i, e); s >= 0 {
		d.emit(s, t, d.text(s, t), "", KindOrganisation) // "Douglas & Lomason"
		return t - i
	}
	switch {
	case (orgSuffix[last] || (orgHead[first] && n >= 3) || bankWord(last) || d.headOf(i, e)) && !d.f.isPlace(d.text(i, e)):
		// (a gazetteer place is no organisation: "West Bank")
		s := d.ofStart(i, e)
		d.rememberOrg(s, e, d.emit(s, e, d.text(s, e), "", KindOrganisation))
	case i > 0 && (honorifics[strings.TrimSuffix(d.toks[i-1].Lower, ".")] || occupations[d.toks[i-1].Lower]) && n <= 4 && d.personRun(i, e) && !facility[last]:
		d.emit(i, e, d.text(i, e), "", KindPerson)
	case !d.personRun(i, e):
		// connectors ("Brussels and Tokyo", "Bureau of X") make no person,
		// but "Peter Nicol of Scotland" is a person from a place
		if k := d.nameOfPlace(i, e); k > i {
			d.emit(i, k, d.text(i, k), "", KindPerson)
			return k - i
		}
	case n >= 2 && n <= 4 && firstNames[first] && !facility[last]:
		d.emit(i, e, d.text(i, e), "", KindPerson)
	case n == 1 && firstNames[first] && !timeWords[first] && !d.sentenceInitial(i) && !d.f.isPlace(d.toks[i].Text):
		d.out = append(d.out, liaison.ActorMention{Text: d.text(i, e), Name: d.text(i, e), Kind: KindPerson,
			Start: d.toks[i].Start, End: d.toks[i].End, Sentence: d.sentOf[i]}) // "Gloria"
	case n >= 2 && n <= 3 && (d.speechFollows(e) || d.saidBefore(i) || d.nationality(e)) && d.plainName(i, e) && !d.f.isPlace(d.text(i, e)):
		d.emit(i, e, d.text(i, e), "", KindPerson)
	case n >= 2 && n <= 3 && !d.sentenceInitial(i) && d.plainName(i, e) && !d.f.isPlace(d.text(i, e)):
		// an unknown two- or three-word proper name in running text is
		// most often a person (its words are not short names: no cue)
		d.out = append(d.out, liaison.ActorMention{Text: d.text(i, e), Name: d.text(i, e), Kind: KindPerson,
			Start: d.toks[i].Start, End: d.toks[e-1].End, Sentence: d.sentOf[i]})
	case n == 1 && !d.toks[i].Upper && (d.speechFollows(e) || d.saidBefore(i)) && d.plainName(i, e) && !d.f.isPlace(d.toks[i].Text) && !orgSuffix[first] && !d.nameTail(i):
		// "..., Xiao said": a surname whose full name the text did not give
		d.emit(i, e, d.text(i, e), "", KindPerson)
	case n == 1 && d.toks[i].Upper && len(first) >= 2 && len(first) <= 6 && !capsStop[first] && lettersOnly(first) && !d.f.isPlace(d.toks[i].Text) && !d.capsSentence(i):
		d.emit(i, e, d.text(i, e), "", KindOrganisation)
	}
	return n
}

// nameOfPlace returns the end of a known first name and surname that
// open the run a..b and are followed by "of" and a gazetteer place
// ("Peter Nicol of Scotland"), or a.
func (d *doc) nameOfPlace(a, b int) int {
	for k := a + 2; k <= a+3 && k+1 < b; k++ {
		if d.toks[k].Lower != "of" {
			continue
		}
		if firstNames[d.toks[a].Lower] && d.personRun(a, k) && d.plainName(a, k) && d.f.isPlace(d.text(k+1, b)) {
			return k
		}
		return a
	}
	return a
}

// headOf reports an organisation word followed by "of" inside a run
// ("Patriotic Union of Kurdistan", "Federation of Korean Industries").
func (d *doc) headOf(a, b int) bool {
	for k := a; k+2 < b; k++ {
		if orgSuffix[d.toks[k].Lower] && d.toks[k+1].Lower == "of" {
			return true
		}
	}
	return false
}

// capsSentence reports whether token i's sentence is written all in
// capitals ("SOCCER - LEADING RESULTS"): its capitals are no acronyms.
func (d *doc) capsSentence(i int) bool {
	si := d.sentOf[i]
	if v, ok := d.caps[si]; ok {
		return v
	}
	a, b := i, i
	for a > 0 && d.sentOf[a-1] == si {
		a--
	}
	for b+1 < len(d.toks) && d.sentOf[b+1] == si {
		b++
	}
	words, upper := 0, 0
	for k := a; k <= b; k++ {
		if t := d.toks[k]; t.Word && len(t.Lower) > 1 && lettersOnly(t.Lower) {
			words++
			if t.Upper {
				upper++
			}
		}
	}
	if d.caps == nil {
		d.caps = map[int]bool{}
	}
	d.caps[si] = words >= 2 && upper == words
	return d.caps[si]
}

// ampersand finds a "&" between capitalised words in the run a..b and
// returns the firm's name around it ("Douglas & Lomason" of "Shares of
// Douglas & Lomason"), or -1.
func (d *doc) ampersand(a, b int) (int, int) {
	for k := a + 1; k < b-1; k++ {
		if d.toks[k].Lower != "&" {
			continue
		}
		s, t := k, k+1
		for s > a && d.toks[s-1].Word && d.toks[s-1].Cap {
			s--
		}
		for t < b && d.toks[t].Word && d.toks[t].Cap {
			t++
		}
		if s < k && t > k+1 {
			return s, t
		}
	}
	return -1, -1
}

// bankWord reports a word that is a bank's name by its ending
// ("Rabobank", "NationsBank", "Citibank").
func bankWord(w string) bool {
	return len(w) > 6 && strings.HasSuffix(w, "bank")
}

// nerTitled emits the name a..b after a capitalised title as a person.
func (d *doc) nerTitled(a, b int) int {
	if b-a > 4 || orgSuffix[d.toks[b-1].Lower] {
		return b - a
	}
	d.emit(a, b, d.text(a, b), "", KindPerson)
	return b - a
}

// personRun reports whether a run may be a person's name: its only
// lower-case words are name particles (de, van, bin).
func (d *doc) personRun(a, b int) bool {
	for k := a; k < b; k++ {
		if t := d.toks[k]; t.Word && !t.Cap && !nameParticle[t.Lower] {
			return false
		}
	}
	return true
}

var nameParticle = set(`de da di du del van von der den al bin ibn le la`)

// plainName reports whether tokens a..b look like a personal name: title
// case words, none of them a time word or a facility or place word.
func (d *doc) plainName(a, b int) bool {
	for k := a; k < b; k++ {
		t := d.toks[k]
		if !t.Word || !t.Cap || (t.Upper && len(t.Lower) > 1) || timeWords[t.Lower] || facility[t.Lower] || t.Lower[0] >= '0' && t.Lower[0] <= '9' {
			return false
		}
		if !firstNames[t.Lower] && (d.f.isPlace(t.Text) || d.lowerWords()[t.Lower]) {
			return false // a place, or an ordinary word written lower case elsewhere
		}
	}
	return true
}

func lettersOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// lowerWords is the set of words written in lower case in the document,
// computed on first use.
func (d *doc) lowerWords() map[string]bool {
	if d.lower == nil {
		d.lower = map[string]bool{}
		for _, t := range d.toks {
			if t.Word && !t.Cap {
				d.lower[t.Lower] = true
			}
		}
	}
	return d.lower
}

// sentenceInitial reports whether token i opens its sentence.
func (d *doc) sentenceInitial(i int) bool {
	j := i - 1
	for j >= 0 && !d.toks[j].Word && strings.ContainsAny(d.toks[j].Lower, "\"“‘'([") {
		j--
	}
	return j < 0 || d.sentOf[j] != d.sentOf[i] || d.toks[j].Lower == "." || d.toks[j].Lower == ":"
}

// saidBefore reports a "said" right before i (", said Jane Doe").
func (d *doc) saidBefore(i int) bool {
	return i > 0 && (d.toks[i-1].Lower == "said" || d.toks[i-1].Lower == "says")
}

// capRun returns the end of the run of capitalised words starting at i,
// allowing lower-case connectors inside ("Bureau of Animal Industry"). The
// run stops before a word that starts a dictionary phrase.
func (d *doc) capRun(i int) int {
	e := i
	for j := i; j < len(d.toks) && j-i < 8; j++ {
		t := d.toks[j]
		if d.sentOf[j] != d.sentOf[i] {
			break
		}
		if t.Word && t.Cap {
			if j > i && !orgSuffix[t.Lower] && !(orgHead[d.toks[i].Lower] && d.toks[j-1].Lower == "of") {
				// ("Bank of Canada": an organisation's head owns the country after "of")
				if v, n := d.best(j); n > 0 && v.typ != lexCapital {
					if v.typ == lexCountry && d.f.isPlace(d.text(i, j+n)) {
						e = j + n // "Northern Ireland": a place, not Ireland
					}
					break // a capital may end a name: "Valeska Paris"
				}
			}
			e = j + 1
			continue
		}
		if (nerConnector[t.Lower] || t.Lower == "&") && j > i && j+1 < len(d.toks) && d.toks[j+1].Cap && d.toks[j+1].Word &&
			!timeWords[d.toks[j+1].Lower] { // "Union of Kurdistan on Monday": the day is no part of the name
			continue
		}
		break
	}
	return e
}

// orgRun returns the end of an organisation name starting at p (a run of
// capitalised words ending in an organisation word), or p.
func (d *doc) orgRun(p int) int {
	if p >= len(d.toks) || !d.toks[p].Cap || !d.toks[p].Word {
		return p
	}
	e := d.capRun(p)
	for k := e; k > p; k-- {
		if orgSuffix[d.toks[k-1].Lower] {
			return k
		}
	}
	if orgHead[d.toks[p].Lower] && e-p >= 3 {
		return e
	}
	return p
}

// orgRole maps an organisation's head word to a CAMEO role.
func orgRole(last, first string) string {
	for _, w := range []string{last, first} {
		switch w {
		case "ministry", "department", "agency", "bureau", "office", "council", "commission", "government", "cabinet", "embassy", "administration":
			return "GOV"
		case "army", "navy", "force", "forces", "command", "fleet", "guard":
			return "MIL"
		case "police":
			return "COP"
		case "party":
			return "PTY"
		case "court":
			return "JUD"
		case "university", "college", "school", "institute":
			return "EDU"
		}
	}
	return ""
}

// isPlace reports whether name is a gazetteer place.
func (f *Finder) isPlace(name string) bool {
	return f.lx.gaz != nil && len(f.lx.gaz.Lookup(name)) > 0
}

// occupations are lower-case nouns that stand before a person's name
// ("striker Romelu Lukaku", "actor Tom Cruise").
var occupations = set(`coach striker player midfielder defender goalkeeper forward captain manager actor actress
singer musician rapper artist author writer novelist poet director producer founder ceo chairman chairwoman
spokesman spokeswoman spokesperson official astronaut scientist researcher professor doctor dr lawyer attorney
judge colleague father mother son daughter wife husband brother sister friend teammate candidate activist
journalist reporter editor photographer economist analyst expert engineer pilot commander soldier officer
inspector detective sheriff priest bishop cardinal imam rabbi pastor member leader chief head president
student teacher resident victim suspect witness user blogger presenter host anchor designer
chancellor senator congressman congresswoman governor mayor councillor councilman`)

var timeWords = set(`january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec`)

// facility words end names of places, not people.
var facility = set(`station hall mosque bridge stadium hotel tower towers center centre park airport base river
street road avenue square palace museum complex facility building bay lake mountain mount island islands sea
ocean valley desert canal port harbour harbor beach county province state city town village district region
cup league championship games olympics award prize day week year war act treaty summit conference festival
show series program programme project plan strategy party pref prefecture parish fort
concept doctrine development affairs security defence defense cooperation relations trade finance policy
shoal reef garden library cosmodrome agreement accord pact assistance access initiative deal exercise drill
strait channel gulf peninsula assembly library`)

var nerConnector = set(`of for and the de on in du la von van der al bin`)

var orgSuffix = set(`plc ag sa nv gmbh spa bhd pty limited bancorp securities insurance airline
telegraph zeitung gazette chronicle courier observer campaign
ministry agency party corp corporation inc ltd llc co company council committee commission
association union university institute bank group organization organisation foundation department bureau office
court parliament assembly army navy force forces police service services network news times post journal herald
tribune airlines airways club society federation league church hospital school college center centre fund program
programme authority board administration secretariat embassy consulate channel tv radio press magazine review museum
laboratory labs laboratories technologies systems motors electric energy petroleum pharmaceuticals command fleet
brigade division regiment alliance coalition movement front initiative trust partners holdings industries
international worldwide unit agency's guard wire digest monitor bulletin daily exchange newsroom bros
communications telecom telecommunications rovers rangers wanderers athletic albion hotspur fc afc united
s.a. n.v. a.g. s.p.a. inc. corp. co. ltd. plc.`)

var orgHead = set(`party department ministry university bureau office bank council institute house commission museum
college school court board federation association society league order`)

var capsStop = set(`i ii iii iv a ok tv ceo cfo am pm gmt utc bc ad dna rna id vs usd eur gdp pc uk us eu un
eez icbm irbm slbm ssn ssbn sam uav ufo covid aids hiv gps faq mp pm pr ai it cbrn wmd`)

var firstNames = set(`aaliyah abdullah abraham adrian agnes ahmad aidan alan albert alberto alejandro alfred alfredo
alicia alison allison alvin amanda amelia ana andre andrea andrei andres angel angelo anita ann annie antoine antonio
arnold arthur ashley audrey barry beatrice benedict bernard beth bill bonnie boris bradley brandon brett
brian bridget brooke bruno bryan caleb calvin cameron camila carla carlos carmen caroline carrie casey catherine
cecilia charlie chelsea chloe christian christopher claire clara claude claudia clifford colin connor courtney craig
cristina curtis cynthia daisy dale dana daniela darren dean deborah derek diego dominic don donna doug dries duncan
dustin dwight eden edgar eduardo edwin eileen elaine eleanor elena eli elias elise ella ellen emil emilio emma enrique
erica erik erin ernest esther ethan eva evan fabio faith felix fernando fiona florence francesca francis franco fred
frederick gabriela gail gavin gemma geoffrey gerard gilbert gina giorgio glen glenn gloria gordon graham grant greg
guillermo gustavo hailey harriet harry harvey hayley hector heidi helena herbert holly howard hugh hugo ian ingrid
irene iris isaac isabel jack jackie jacob jake jamal jamie janet jared jasmine jason javier jay jeff jenny jeremy
jerome jessie jill joanna jodie joel johan johnny jon jonas jorge josef joshua juan judy julia julian juliet
justin kaitlyn karen karim kate katie keith kelly ken kenneth kerry kevin kim kirk kristen kurt kyle lance leah
lee leo leon leonard leslie liam lily lina lindsay lisa lorenzo louise lucas lucia lucy luis luke lydia mabel
malcolm marc marcel marcus margaret maria mariana marilyn mario marion marisa marta martin marvin mathew matthias
maurice maxwell megan melanie melvin mia miles milo miranda molly monica morgan muriel nadia naomi natasha neil
nelson nigel nina noel nora norman oliver olivia oscar owen pablo pamela paolo pascal patricia paula pauline
pedro penelope percy philip phillip phoebe rafael ralph ramon randall raul rebecca reggie regina rene ricardo
rick ricky rita roberto robin rodney roger roland romelu ron ronald rosa rose ross roy ruby rudy russell ruth
ryan sabrina sally salvador samantha sandra santiago sara sasha sean sebastian serena sergio seth shane shannon
sharon sheila shirley sidney simon sofia sonia stanley stefan stella stuart sue susan suella sylvia tanya ted
terrence theo theodore tina toby todd tommy tracy travis trevor troy valeska vanessa vera veronica victor vincent
violet wade walter warren wendy wesley whitney will willie winston xavier yannick yasmin yvonne zachary zoe
` + `james john robert michael william david richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey
ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank
patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah
jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy
joe bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason
philip louis mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret
sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura
cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel
carolyn janet catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan
evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn janice
jean abigail alice judy sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie
brittany charlotte marie kayla alexis lori jane tom tim jim bill bob mike dave steve chris nick tony ben sam dan
matt rob andy alex max hans jan jens karl klaus wolfgang angela ursula francois jacques pierre jean-pierre michel
emmanuel nicolas marie sophie giuseppe giovanni marco luca antonio francesco mario carlos luis jorge miguel pedro
manuel juan ahmed mohammed muhammad mohamed ali hassan hussein omar abdul ibrahim yusuf mustafa khalid vladimir
sergei sergey dmitry dmitri alexei alexey ivan igor mikhail yuri olga natalia tatiana andrzej piotr tomasz
hiroshi takashi kenji yuki akira taro ichiro shinzo fumio kenta satoshi naoki rahul amit raj priya sanjay vijay
ravi suresh`)
