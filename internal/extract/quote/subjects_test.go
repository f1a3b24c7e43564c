package quote

import (
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract/sentence"
)

// subjectCases are the mechanisms of round 4 (helper "quotes2", session
// 2): sentence subjects checking pronouns, strict roles, unread cues,
// partitive speakers, cut subject phrases, more cue verbs, given names.
func subjectCases() []findCase {
	person := func(s, sub, name string) liaison.ActorMention {
		m := mention(s, sub, name, "", "person")
		for i, sp := range sentence.Split(s) {
			if sp.Start <= m.Start && m.Start < sp.End {
				m.Sentence = i // as the actor finder sets it
			}
		}
		return m
	}
	return []findCase{
		{"a later subject vetoes the last speaker", "\"We will win this,\" Mike Pence said.\n\nDavid Kowalski was not convinced by the plan.\n\n\"It is a mistake for us,\" he said.", func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{person(s, "Mike Pence", "Mike Pence")}
		}, []string{`Mike Pence||We will win this,`, `||It is a mistake for us,`}},
		{"a subject agreeing keeps the pronoun", "Mike Pence said the vote mattered. Then Gov. John Kasich took the stage.\n\n\"We can do this together,\" he said.", func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{person(s, "Mike Pence", "Mike Pence"), person(s, "John Kasich", "John Kasich")}
		}, []string{`John Kasich||We can do this together,`}},
		{"role with a modifier resolves", "Florida Sen. Marco Rubio spoke on Monday. Sen. Bernie Sanders spoke later.\n\n\"We will win this,\" the Florida senator said.", func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{person(s, "Marco Rubio", "Marco Rubio"), person(s, "Bernie Sanders", "Bernie Sanders")}
		}, []string{`Marco Rubio||We will win this,`}},
		{"role held by two people stays as written", "Sen. Marco Rubio spoke on Monday. Sen. Bernie Sanders spoke later.\n\n\"We will win this,\" the senator said.", func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{person(s, "Marco Rubio", "Marco Rubio"), person(s, "Bernie Sanders", "Bernie Sanders")}
		}, []string{`the senator||We will win this,`}},
		{"party tag is no person", "Sen. Marco Rubio (R-Fla.) spoke.\n\n\"We will win this,\" the senator said.", func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{person(s, "R-Fla", "R-Fla")}
		}, []string{`the senator||We will win this,`}},
		{"unread cue is not guessed from the lead-in", "On Sunday, Sen. Bernie Sanders identified young voters as the key. \"The younger people are ready for this,\" then-candidate said.", func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{person(s, "Bernie Sanders", "Bernie Sanders")}
		}, []string{`||The younger people are ready for this,`}},
	}
}

// cueCases are the cue shapes of round 4: partitive speakers, cut subject
// phrases, more cue verbs, colons, "according to" after the quote, a cue
// opening the next sentence.
func cueCases() []findCase {
	person := func(s, sub, name string) liaison.ActorMention { return mention(s, sub, name, "", "person") }
	return []findCase{
		{"partitive speaker", `"There won't be a path for him," said one of those advisers.`, nil, []string{`one of those advisers||There won't be a path for him,`}},
		{"subject cut at its own verb", `Wilson praised Rubio's positions and said the senator can "bring positive change to Washington."`, func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{person(s, "Rubio", "Marco Rubio")}
		}, []string{`Wilson||bring positive change to Washington.`}},
		{"new subject after and", `At one point, a woman asked for a photo and Clinton said, "as long as we're not violating any laws."`, nil,
			[]string{`Clinton||as long as we're not violating any laws.`}},
		{"assured and went on", "\"Donald Trump is not a racist, guys,\" LeVell assured the crowd.\n\n\"This is a lot of nonsense,\" Trump went on.", nil,
			[]string{`LeVell||Donald Trump is not a racist, guys,`, `Trump||This is a lot of nonsense,`}},
		{"city and state walked past", `Sandy Phillips, who lost her daughter in Aurora, Colorado, in July 2012, said that "Bernie promised to meet with us face to face."`, nil,
			[]string{`Sandy Phillips||Bernie promised to meet with us face to face.`}},
		{"participle after a speech verb", `Ryan and Trump will meet next week, Spicer said Tuesday, adding, "They need to sit down and talk."`, nil,
			[]string{`Spicer||They need to sit down and talk.`}},
		{"participle after a relative clause's verb", `Trump defended not paying an architect who said he was stiffed, saying, "Maybe he didn't do a good job."`, nil,
			[]string{`Trump||Maybe he didn't do a good job.`}},
		{"clause going on after a quote", `Gore insisted it was "premature" to back her campaign while adding, "I don't have any doubt about her heart."`, nil,
			[]string{`Gore||I don't have any doubt about her heart.`}},
		{"colon after a clause", "Kasich resisted: \"Ohio governors do not have the power to do that.\"", func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{person(s, "Kasich", "John Kasich")}
		}, []string{`John Kasich||Ohio governors do not have the power to do that.`}},
		{"colon after an unknown single word", "Pollsters agree - Bialik: \"One of the biggest lessons was a simple one.\"", nil,
			[]string{`||One of the biggest lessons was a simple one.`}},
		{"colon after no clear subject", "Signs of momentum shifts were there all along: \"Data collected by our firm helps confirm both.\"", nil,
			[]string{`||Data collected by our firm helps confirm both.`}},
		{"colon before a fragment is no cue", `The poll has one finding: "bad news" for him.`, nil, nil},
		{"passive and reduced clauses are no cue", `Lynch, who testified before Congress when asked last month, said: "That matter is being handled by career agents."`, nil,
			[]string{`Lynch||That matter is being handled by career agents.`}},
		{"what X called", `A third option would be what Sroka called a "let a thousand flowers bloom" approach.`, nil,
			[]string{`Sroka||let a thousand flowers bloom`}},
		{"relative clause keeps its as", `Zimmerman, who identifies as Hispanic, told the paper that the site was not "prepared for the traffic at all."`, nil,
			[]string{`Zimmerman||prepared for the traffic at all.`}},
		{"goes on recess is no cue", `Rubio said that once the Senate goes on recess, "I intend to do as much as I can."`, nil,
			[]string{`Rubio||I intend to do as much as I can.`}},
		{"place between subject and verb", `Clinton, during a town hall meeting in Columbus, Ohio, said she was "going to put a lot of coal miners out of business."`, nil,
			[]string{`Clinton||going to put a lot of coal miners out of business.`}},
		{"colon closing the paragraph before", "Cruz continued:\n\n\"You look at the questions and you see the bias.\"", func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{person(s, "Cruz", "Ted Cruz")}
		}, []string{`Ted Cruz||You look at the questions and you see the bias.`}},
		{"according to after the quote", `"FBI officials expect to complete their work soon," according to CNN.`, nil,
			[]string{`CNN||FBI officials expect to complete their work soon,`}},
		{"cue opening the next sentence", "Clinton answered the question at once.\n\n\"When this came about, her response was immediate.\" Renteria told reporters during the call on Tuesday.", nil,
			[]string{`Renteria||When this came about, her response was immediate.`}},
		{"cue before the quote wins over the next sentence", "Sanders said, \"We will fight on to the convention.\" Clinton said on Tuesday that she would win the nomination.", nil,
			[]string{`Sanders||We will fight on to the convention.`}},
		{"given name tells the gender", "Muhammad Ali met Billie Jean King in 1971.\n\n\"He always whispered in my ear,\" she said.", func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{person(s, "Muhammad Ali", "Muhammad Ali"), person(s, "Billie Jean King", "Billie Jean King")}
		}, []string{`Billie Jean King||He always whispered in my ear,`}},
	}
}

func TestSentSubject(t *testing.T) {
	for _, tt := range []struct {
		name, text, want string
		pron             bool
	}{
		{"person mention", "Sanders wasn't impressed by the plan.", "Bernie Sanders", false},
		{"titles before the name", "Vermont Sen. Bernie Sanders wasn't impressed.", "Bernie Sanders", false},
		{"opener skipped", "On Sunday, Sanders went on the offensive.", "Bernie Sanders", false},
		{"conjunction dropped", "But he didn't stop there.", "he", true},
		{"subordinate clause skipped", "When asked about it, she laughed.", "she", true},
		{"unknown name with a given name", "Karen Robison pulled King aside.", "Karen Robison", false},
		{"unknown single word is not kept", "Paradis agrees.", "", false},
		{"object is not the subject", "The crowd cheered Sanders loudly.", "", false},
		{"sentence opening with a quote", "\"We will win,\" Sanders said.", "", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			sents := sentence.Split(tt.text)
			f := &finder{r: []rune(tt.text), sents: sents, genders: map[string]byte{}}
			if i := indexRunes(f.r, "Sanders"); i >= 0 {
				f.actors = []liaison.ActorMention{{Text: "Sanders", Name: "Bernie Sanders", Kind: "person", Start: i, End: i + 7}}
			}
			c, ok := f.sentSubject(f.tokens(0, len(f.r)), 0)
			if got := c.sp.name; got != tt.want || ok != (tt.want != "") || c.pron != tt.pron {
				t.Errorf("subject %q (ok %v, pronoun %v), want %q (pronoun %v)", got, ok, c.pron, tt.want, tt.pron)
			}
		})
	}
}

// indexRunes returns the code point offset of s in r, or -1.
func indexRunes(r []rune, s string) int {
	for i := 0; i+len([]rune(s)) <= len(r); i++ {
		if string(r[i:i+len([]rune(s))]) == s {
			return i
		}
	}
	return -1
}

func TestGivenNames(t *testing.T) {
	male, female := givenNames("# comment\nm: alan jo\nf: ada jo\nx: zed\n")
	for _, tt := range []struct {
		name string
		m, f bool
	}{{"alan", true, false}, {"ada", false, true}, {"jo", false, false}, {"zed", false, false}, {"hillary", false, true}, {"donald", true, false}} {
		if male[tt.name] != tt.m || female[tt.name] != tt.f {
			t.Errorf("%s: male %v female %v, want %v %v", tt.name, male[tt.name], female[tt.name], tt.m, tt.f)
		}
	}
	for _, n := range []string{"muhammad", "matteo", "dylann"} {
		if nameGender(n+" X") != 'm' {
			t.Errorf("%s not read as a man's name from names.txt", n)
		}
	}
	if nameGender("Clinton") != 0 || nameGender("Warren") != 0 {
		t.Error("a surname common for both sexes must not carry a gender")
	}
}

func TestPartyTag(t *testing.T) {
	for n, want := range map[string]bool{"R-Fla": true, "D-Calif": true, "I-Vt": true, "Rand Paul": false, "D": false, "Dean": false, "R-Something-long": false} {
		if partyTag(n) != want {
			t.Errorf("partyTag(%q) = %v", n, !want)
		}
	}
}

func TestFindEvidence(t *testing.T) {
	for text, want := range map[string]string{
		`"We will attend the summit," Kishida said.`:                      "after-np:phrase",
		`Macron said, "We oppose the office in Tokyo."`:                   "before:phrase",
		`"FBI officials expect to complete it soon," according to CNN.`:   "after-according:phrase",
		"Kasich resisted: \"Ohio governors do not have that power.\"":     "colon:phrase",
		"Signs of it were there: \"Data collected by our firm confirm.\"": "colon:phrase",
	} {
		qs, vias := FindEvidence(text, sentence.Split(text), nil)
		if len(qs) != 1 || len(vias) != 1 || vias[0] != want {
			t.Errorf("%s: evidence %q, want [%s]", text, vias, want)
		}
	}
}
