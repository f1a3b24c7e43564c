package place

import "strings"

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// never holds capitalised words that are gazetteer names somewhere but in
// news text essentially never a place: months, weekdays, titles, pronouns.
var never = set(`january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
i we he she they it you a an the this that these those there here his her its our their my your
president minister police government army navy university college street road avenue
mr mrs ms dr sir lord lady king queen prince princess pope saint st god jesus christ allah
north south east west northern southern eastern western central
mount lake river island islands city town village county state province republic kingdom
new old good best most more many much all some one two three four five six seven eight nine ten
of and or but as at by for from in into on onto to with without about after before during since
said says also however although while when where why how what who whom which whose
tv internet email online covid coronavirus ebola sars mers zika hiv aids
democrat democrats republican republicans labour conservative liberal
muslim christian jewish hindu buddhist catholic orthodox protestant
english french german spanish italian russian chinese japanese arabic
hospital hospitals church school court union bank senate congress parliament
ministry department office agency council committee commission bureau
american british african european asian
monsoon pandemic outbreak virus vaccine
christmas easter ramadan
date male most best along of
man men woman officer metro olympic human northeast northwest southeast southwest downtown time
roman green delta centennial mary david brad duma
victory liberty independence unity progress hope
`)

// common holds ordinary words that are also places: accepted only when
// they are capitalised mid-sentence and name a sizeable place.
var common = set(`bar bay beach bell belle best big black blue bridge brook buffalo camp cape
centre center chance cliff cove creek cross crown dale deal eagle early eden elk fair fairfield
fall falls ferry field forest fort gap garden gate glen gold golden grand granite grove guard
harbor harbour haven hay hill hills holly home homestead hope hot hull independence iron jersey
king kings lancaster land laurel lead leaf lima lincoln long lyon march marion media mercy mesa
middle mill miller milton mission moon mound mountain nelson newport norman normal north oak
ocean olive opportunity orange oxford palm paradise paris park pearl penn phoenix pine plain
plains pleasant plymouth point pool port post prairie price providence quarry rain ranch range
rapids red reserve ridge rio rock rocky rose royal sale salem salt sandy scotland sharon shelter
silver spring springs spruce star sterling stone summit sun sunny sunrise sunset temple union
university valley vienna view village vista washington water wells west white wood worth york
young aurora mobile split nice reading bath date male most along florence victoria jackson
charlotte madison austin columbia georgia jordan chad niger guinea turkey wales
gloria alvin duran campbell wilson walker sams marion regina warren clinton franklin marshall
hamilton douglas stanley chester lincoln kent clifton gary tyler cleveland dayton
`)

// connector words may stand lower-case inside a multi-word place name.
var connector = set(`of de la le du des del da di do dos das el al upon on sur am im an der den y e und the`)

// titleOK are capitalised words that may precede a place without making
// it part of a longer name.
var titleOK = set(`in at from to of near outside inside across northern southern eastern western central
north south east west greater metropolitan downtown upper lower the on by for into via`)

// orgTail words after a place make the whole an organisation's name.
var orgTail = set(`university college institute hospital bank airlines airways times post herald tribune
journal gazette news daily mail fc united city's club zoo museum school academy observer chronicle
telegraph press review cathedral church police fire council`)

// orgHead words before "of Place" make the whole an organisation's name.
var orgHead = set(`university bank college institute museum church archdiocese diocese school academy
hospital club`)

// suffixHint maps words that follow a place name to the kind they
// suggest ("Kanagawa Prefecture", "Yokosuka City").
var suffixHint = map[string]string{
	"pref": KindAdmin, "prefecture": KindAdmin, "province": KindAdmin, "state": KindAdmin,
	"county": KindAdmin, "oblast": KindAdmin, "region": KindAdmin, "governorate": KindAdmin,
	"district": KindAdmin, "parish": KindAdmin, "city": KindCity, "town": KindCity,
}

// shipPrefix words name a ship after them ("JS Kaga", "USS Ronald Reagan").
var shipPrefix = set(`uss hms js jds hmas hmcs hmnzs ins rfs roks its fs fgs hnlms brp kri rss`)

// hintLocal is the hint of a name followed by a localNoun.
const hintLocal = "local"

// localNoun words after a place name make it a town or a state: countries take a
// demonym in these phrases ("a Lebanese woman"), towns their own name ("a
// Lebanon woman", "Palestine police", "Dublin schools").
var localNoun = set(`man woman men women boy girl boys girls teen teenager teens couple resident residents
native natives family families police mayor council councilman councilwoman school schools
firefighters officers neighborhood neighborhoods area`)
