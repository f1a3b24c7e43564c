// Package dict reads event-coding dictionaries into one internal model
// (Dict) that the event coder compiles: TABARI files (.verbs, .actors,
// .agents, .options and the .project file naming them), PETRARCH files
// (CAMEO.2.0-style verbs, Phoenix actors, agents and discards), and
// Liaison's own embedded dictionaries.
//
// # Liaison's own format
//
// The built-in dictionaries live in builtin/ and are plain text, one entry
// a line, "#" starting a comment.
//
// Event patterns (builtin/patterns*.txt):
//
//	CODE[:PAIRED][?|!]   PHRASE
//
//	040      *consult*                         anchor alone: default code
//	040      *hold/held* talks with +          pattern: "held talks with Japan"
//	042:043  *visit*                           paired: visit + host a visit
//	110      *n:opposition* to +               a noun anchor
//	010?     *say/said*                        subordinate: only if nothing else codes
//	---      in *charge*                       null: "in charge" is not an event
//	&MEETING = meeting, talks, summit          a synonym set, used as &MEETING
//
// The anchor in stars is the word the pattern hangs on. A verb anchor
// matches its regular inflections (-s, -ed, -ing, with e-dropping, y→ies
// and consonant doubling); irregular forms follow slashes ("*go/went/gone*").
// "n:" marks a noun anchor (plural generated; never shifted to a noun by a
// preceding "the"). In the phrase, + is the target actor, % a compound
// actor supplying both source and target, ^ skips an actor; the source is
// the sentence's subject by default ($ may name it explicitly). Words joined
// by _ must be adjacent; other words may have words between them within
// the clause; { a | b } gives alternatives. Longer patterns are tried first
// (a synonym set counts as its shortest member).
// For every anchor the loader generates intent ("plans to visit" → 03x),
// appeal ("urged Japan to visit" → 02x), refusal ("refused to visit" →
// 12x) and threat ("threatened to attack" → 13x) patterns, so those need
// not be written. They are tried first, and re-code the anchor's most
// specific pattern at the CAMEO sub-code it mirrors (ModalCode): "wants to
// supply arms to" is 0332 because "supply &MILAID to" is 072. The target of
// an appeal is the one appealed to.
//
// The written patterns and the generated ones are counted apart
// (Dict.PatternCounts); a noun anchor also serves a verb form used as a
// noun after a determiner ("an exchange of intelligence with").
//
// Codes follow the CAMEO manual's event codebook: meetings without a
// stated place are 040, talks and discussions 046 (reciprocal), killings
// and fire with no named weapon 190, an act received "from X" is X's.
//
// Actors and agents (builtin/actors.txt):
//
//	JPN: Japan, Japanese, Tokyo                  actor code: names
//	USAGOV 20210120-20250120: Biden              date-limited code
//	~MIL: navy, army, armed forces               agent appended to an actor
//	~GOVMIL: defence minister                    two role groups (CAMEO 3.1.4)
//
// A name written in capitals ("US", "EU") matches only a capitalised word.
// Actor codes follow the CAMEO manual's actor codebook: country + role for
// officials, forces, legislatures; the chapter 7 codes for IGOs
// (IGOEUREEC, IGOBUSIMF); a role with no country is coded "---ROLE".
//
// Discards (builtin/discards.txt): one phrase a line; "+" discards the
// whole report.
package dict
