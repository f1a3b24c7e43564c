package event

import "testing"

// TestReportedSpeech: "X said (that) Y ..." — the reported clause has its
// own subject, so the speaker is not the one who helped, attacked or
// violated; a pronoun subject refers to the speaker. Each row names the
// mechanism; the rows marked "before" coded the speaker as the source.
func TestReportedSpeech(t *testing.T) {
	runRows(t, []codeRow{
		{"no that: the reported subject is the source (before: CHLGOV)", "Chilean officials said Argentina had helped Bolivia with the loan.", "ARG/BOL/070"},
		{"hedged, no that (before: CHLGOV)", "Chilean officials have said Argentina may have helped Bolivia.", "ARG/BOL/070"},
		{"no that, plain past (before: NOR/UKR)", "Norway said Russia attacked Ukraine.", "RUS/UKR/190"},
		{"a noun-phrase subject is not the speaker (before: NOR/IGOUNO/128)", "Norway said the test was a violation of United Nations resolutions.", ""},
		{"with that, same (before: NOR/IGOUNO/128)", "Norway said that the test was a violation of United Nations resolutions.", ""},
		{"coordinated that", "Peru said the talks had failed and that Chile had attacked Bolivia.", "CHL/BOL/190"},
		{"a pronoun subject is the speaker", "Norway said it would help Iceland.", "NOR/ISL/070"},
		{"a pronoun after that and an adjunct", "Norway said on Monday that it would help Iceland.", "NOR/ISL/070"},
		{"a pronoun after a speech verb in a subordinate clause", "The talks ended as Canada announced it would help Haiti.", "CAN/HTI/070"},
		{"an object after a speech verb is no clause", "Norway announced new sanctions against Russia.", "NOR/RUS/163"},
		{"told: the hearer is the object", "Norway told Sweden it would help Finland.", "NOR/SWE/010"},
		{"after + actor + verb opens a subordinate clause", "Poland protested hours after Russia attacked Ukraine.", "RUS/UKR/190"},
	})
}

// TestReportedConjuncts: after a reported clause, a conjunct that opens
// with its own finite verb is the speaker's ("X said Y ... and accused
// Z"); one that opens with an auxiliary continues the reported clause.
func TestReportedConjuncts(t *testing.T) {
	runRows(t, []codeRow{
		{"the speaker accuses", "Iran said Israel was spreading lies and accused Turkey of helping it.", "IRN/TUR/112"},
		{"an auxiliary continues the reported subject", "Peru said Chile had promised aid and had urged Bolivia to talk.", "CHL/BOL/026"},
		{"an auxiliary continues a subject whose verb coded nothing", "Peru said Chile was watching closely and would work with Bolivia.", "CHL/BOL/050"},
		{"coordinated that with a pronoun", "Peru said the talks had failed and that it would help Bolivia.", "PER/BOL/070"},
	})
}
