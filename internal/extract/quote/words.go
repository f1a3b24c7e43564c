package quote

import "strings"

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// speechVerbs introduce or close a direct quotation.
var speechVerbs = set(`said says say saying told tells tell added adds asked asks stated states declared
declares warned warns noted notes explained explains insisted insists argued argues wrote writes replied
replies responded responds continued continues tweeted tweets claimed claims hinted hints suggested
suggests stressed stresses emphasised emphasized emphasises emphasizes announced announces acknowledged
acknowledges admitted admits recalled recalls concluded concludes predicted predicts quipped joked shouted
complained complains remarked remarks observed observes urged urges cautioned cautions vowed vows pledged
pledges promised promises confirmed confirms conceded concedes boasted boasts lamented laments demanded
demands mused posted wondered wonders yelled proclaimed proclaims reiterated reiterates contended contends
maintained maintains countered counters agreed agrees charged charges described describes read reads asserted asserts answered answers
testified mocked mocks blasted blasts slammed slams accused accuses criticized criticised called calls
labeled labelled dubbed branded`)

// pronouns resolve to the last fitting actor before the quote.
var pronouns = set(`he she they we it i`)

// stopAfter ends a speaker phrase read after "said" or "according to".
var stopAfter = set(`in on at during who which that when while after before as because on and but
to of yesterday today tuesday monday wednesday thursday friday saturday sunday last this told adding`)

// adverbs and prepositions cut a subject read before a speech verb.
var adverbs = set(`also then later earlier again once still previously recently yesterday today
tonight now repeatedly often has have had has had would will could once reportedly`)

var preps = set(`on in at during after before since by for with from over about when while as
last this`)

// titles are abbreviations whose period stays inside a name.
var titles = set(`mr mrs ms dr gen sen rep gov lt col adm capt sgt prof rev st pres maj`)

// speakerDets open a common-noun speaker phrase ("the minister").
var speakerDets = set(`the a an his her their its one two three several many some other another both`)

// clauseWords show a phrase is a clause fragment, not a speaker.
var clauseWords = set(`to is are was were be been being for with by from of in on at if that this
which what when where why how not no and or but so as than then there here it's in one`)

// roleNouns are singular common nouns that can speak on their own.
var roleNouns = set(`police staff management leadership administration government military`)

// maxCueGap is how many tokens a speech verb may precede the quote by
// ("said that voting fraud is “a big problem”").
const maxCueGap = 25
