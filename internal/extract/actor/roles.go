package actor

import "strings"

// role is a generic agent word: the CAMEO role code it adds to a country
// and the kind of actor it makes.
type role struct {
	code string
	kind string
	// title: the word may stand before a person's name ("President Macron").
	title bool
	// person: the word denotes one person ("the minister"), for coreference.
	person bool
}

func roleTable(code, kind string, title, person bool, words string) map[string]role {
	m := map[string]role{}
	for _, w := range strings.Split(words, ",") {
		if w = strings.TrimSpace(w); w != "" {
			m[w] = role{code: code, kind: kind, title: title, person: person}
		}
	}
	return m
}

// roles lists the generic agent words (lower case; matched whatever their
// case). Titles make a person of the following name.
var roles = mergeRoles(
	roleTable("GOV", KindGovernment, true, true, `president, prime minister, premier, pm, chancellor, vice president,
		foreign minister, minister of foreign affairs, foreign secretary, secretary of state, minister, deputy minister,
		chief cabinet secretary, cabinet secretary, interior minister, home secretary, finance minister, trade minister,
		ambassador, envoy, special envoy, spokesman, spokeswoman, spokesperson, press secretary, governor, mayor,
		king, queen, emperor, crown prince, prince, sultan, emir, head of state, head of government, state counsellor,
		national security adviser, national security advisor, deputy prime minister, vice premier, secretary,
		secretary general, general secretary, director general, director, chairman, chairwoman, chair, head, chief,
		president elect, foreign affairs minister`),
	roleTable("GOV", KindGovernment, false, false, `government, administration, cabinet, ministry, foreign ministry,
		ministry of foreign affairs, foreign office, officials, official, authorities, authority, diplomats, diplomat,
		national security council, national security secretariat, security service,
		leaders, leader, leadership, state department, presidency, embassy, regime, junta, delegation`),
	roleTable("GOVMIL", KindGovernment, true, true, `defence minister, defense minister, minister of defence,
		minister of defense, defence secretary, defense secretary, secretary of defense, minister of national defense`),
	roleTable("GOVMIL", KindGovernment, false, false, `defence ministry, defense ministry, ministry of defence,
		ministry of defense, ministry of national defense, defense department, department of defense`),
	roleTable("MIL", KindMilitary, true, true, `admiral, vice admiral, rear admiral, general, lieutenant general,
		major general, brigadier general, colonel, commander, chief of staff, chief of the general staff,
		chief of general staff, chief of naval operations, chief of defence, chief of defense, army chief, navy chief,
		commander in chief, field marshal, captain, lieutenant, sergeant, gen, adm, col, lt, capt, sgt, maj`),
	roleTable("MIL", KindMilitary, false, false, `military, army, navy, air force, armed forces, troops, soldiers,
		forces, coast guard, marines, marine corps, naval forces, ground forces, defence forces, defense forces,
		self defense force, self defence force, self defense forces, self defence forces, maritime self defense force,
		maritime self defence force, ground self defense force, air self defense force, fleet, warships, warship,
		navy ship, naval vessel, patrol vessel, submarine, fighter jets, jets, aircraft, bombers, missile forces,
		special forces, peacekeepers, militia, paratroopers, artillery, garrison, battalion, brigade, regiment, division`),
	roleTable("LEG", KindGovernment, false, false, `parliament, legislature, lawmakers, lawmaker, legislators,
		legislator, senators, senator, congressmen, congressman, mps, mp, national assembly, senate, diet members, congress`),
	roleTable("JUD", KindGovernment, false, false, `court, supreme court, judge, judges, judiciary, prosecutors, prosecutor`),
	roleTable("COP", KindGroup, false, false, `police, police officers, policemen, police officer, riot police, security forces`),
	roleTable("SPY", KindGovernment, false, false, `intelligence agency, intelligence service, spy agency, intelligence officials`),
	roleTable("REB", KindGroup, false, false, `rebels, rebel, insurgents, insurgent, militants, militant, guerrillas,
		guerrilla, separatists, separatist, jihadists, terrorists, gunmen`),
	roleTable("OPP", KindGroup, false, false, `opposition, opposition party, protesters, protestors, demonstrators,
		dissidents, activists, opposition leader`),
	roleTable("CVL", KindGroup, false, false, `civilians, residents, citizens, villagers, people, population, public`),
	roleTable("BUS", KindGroup, false, false, `companies, company, firms, firm, businesses, business, industry, banks, investors`),
	roleTable("MED", KindGroup, false, false, `media, journalists, journalist, reporters, state media, newspaper, news agency`),
	roleTable("EDU", KindGroup, false, false, `students, student, teachers, university, universities, academics`),
	roleTable("HLH", KindGroup, false, false, `doctors, health officials, health ministry, ministry of health, hospitals, nurses`),
	roleTable("REF", KindGroup, false, false, `refugees, refugee, asylum seekers, migrants, displaced people`),
	roleTable("LAB", KindGroup, false, false, `workers, unions, union, labor union, trade union`),
	roleTable("CRM", KindGroup, false, false, `criminals, gang, gangs, smugglers, pirates, traffickers`),
)

func mergeRoles(ms ...map[string]role) map[string]role {
	out := map[string]role{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

// honorifics precede a person's name without giving a role.
var honorifics = set(`mr mrs ms miss dr prof professor sir dame lord lady rev reverend father sister brother
mister madam st saint sen senator rep representative gov`)

// speechVerbs follow a capital used as a metonym ("Tokyo said") or an
// unknown name that is then a person or organisation.
var speechVerbs = set(`said says say told tells announced announces warned warns accused accuses rejected rejects
denied denies responded responds protested protests urged urges called calls condemned condemns criticized
criticised criticizes criticises welcomed welcomes insisted insists claimed claims agreed agrees threatened
threatens demanded demands stated states added adds noted notes declared declares confirmed confirms reported
reports vowed vows pledged pledges signed signs sent sends asked asks argued argues explained explains wrote writes
believes believed hopes hoped wants wanted plans planned decided decides refused refuses`)

// auxiliaries may stand between a subject and its verb.
var auxiliaries = set(`has had have will would is was are were may might could should must also has'nt did does`)

// pronouns that refer to a person.
var personPronouns = set(`he she him`)

// weakSurnames are short names too common to code without a title or an
// earlier full mention in the same document.
var weakSurnames = set(`lee kim park moon yoon han cho choi kang chung shin suh song li wang zhang liu chen yang
huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng xi qin dong mao abe suga kono may johnson jones smith
brown davis miller wilson moore taylor anderson thomas jackson white harris martin thompson garcia martinez robinson
clark lewis walker hall allen young king wright scott green baker adams nelson hill campbell mitchell roberts carter
phillips evans turner torres parker collins edwards stewart morris murphy cook rogers morgan cooper peterson reed
bailey bell gomez kelly howard ward cox richardson wood watson brooks bennett gray james hughes price sanders myers
long ross foster costa marcos singh khan ali ahmed hussain anwar najib retno prabowo prayut hamada sakai kihara
austin hunt wallace healey collins english key bishop payne wong anand blair vance xi ma to lam hun
harper dempsey trenta gatot tharman`)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// institution lists the role words that, after "the", name one body of
// the country in question ("the government", "the navy"), not a group of
// people that could be anyone's ("the leaders").
var institution = map[string]bool{}

func init() {
	for _, w := range strings.Split(`government,administration,cabinet,ministry,military,army,navy,parliament,legislature,
		judiciary,regime,junta,presidency,police,opposition,coast guard,air force,armed forces,self defense forces,
		self defence forces,foreign ministry,defence ministry,defense ministry,ministry of defence,ministry of defense,
		foreign office,national assembly,senate,supreme court,court`, ",") {
		institution[strings.TrimSpace(w)] = true
	}
}
