package quote

import "github.com/liaison-project/liaison"

// findCase is one TestFind case: a text, its actor mentions (nil: none)
// and the quotes wanted as "speaker|code|text".
type findCase struct {
	name   string
	text   string
	actors func(string) []liaison.ActorMention
	want   []string
}

// shapeCases are the attribution shapes of the first rounds.
func shapeCases() []findCase {
	return []findCase{
		{"said comma", `Macron said, "We oppose the office in Tokyo."`, nil, []string{`Macron||We oppose the office in Tokyo.`}},
		{"quote then X said", `"We will attend the summit," Kishida said.`, nil, []string{`Kishida||We will attend the summit,`}},
		{"quote then said X", `"We will attend the summit," said Dr. Jhung of the CDC.`, nil, []string{`Dr. Jhung||We will attend the summit,`}},
		{"according to", `According to the minister, "nothing has been decided yet" on the matter.`, nil, []string{`the minister||nothing has been decided yet`}},
		{"split quote", `"We will go," Kishida said, "and we will stay there."`, nil, []string{`Kishida||We will go,`, `Kishida||and we will stay there.`}},
		{"official", `"The talks were useful," a senior official said.`, nil, []string{`a senior official||The talks were useful,`}},
		{"question cue", `"Why would we leave the alliance now?" Stoltenberg asked.`, nil, []string{`Stoltenberg||Why would we leave the alliance now?`}},
		{"apposition", `"We stand with Ukraine," Kishida, the prime minister, said.`, nil, []string{`Kishida||We stand with Ukraine,`}},
		{"scare quotes", `Japan as a NATO "partner country" will attend.`, nil, nil},
		{"continuation", `"We will go there," he said. "It is important for us all."`, func(s string) []liaison.ActorMention {
			return nil
		}, []string{`||We will go there,`, `||It is important for us all.`}},
		{"pronoun to actor", `Stoltenberg arrived on Monday. "Allies stand together now," he said.`, func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{mention(s, "Stoltenberg", "Jens Stoltenberg", "IGOWSTNAT", "person")}
		}, []string{`Jens Stoltenberg|IGOWSTNAT|Allies stand together now,`}},
		{"actor covers speaker", `Japan's Prime Minister Kishida Fumio said, "The region matters to us."`, func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{mention(s, "Japan", "Japan", "JPN", "country"), mention(s, "Kishida Fumio", "Kishida Fumio", "JPNGOV", "person")}
		}, []string{`Kishida Fumio|JPNGOV|The region matters to us.`}},
		{"apposition and relative clause cue, then she", "Angelique Brunner, a developer and spokeswoman for the EB-5 Coalition, which is made up of investors, said many examples were wrong.\n\n\"It is hard to convince them of that,\" she said.", nil,
			[]string{`Angelique Brunner||It is hard to convince them of that,`}},
		{"he said chain skips objects", "Don Fowler said the party should be ready. That is why, he argued, loyalists to Joe Biden and Bernie Sanders matter.\n\n\"This is a different time for us all,\" he said.", func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{mention(s, "Joe Biden", "Joe Biden", "USAGOV", "person"), mention(s, "Bernie Sanders", "Bernie Sanders", "USALEG", "person")}
		}, []string{`Don Fowler||This is a different time for us all,`}},
		{"she skips a man", "Mr. Grassley met Maria Lopez on Monday.\n\n\"We will keep going with this,\" she said.", func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{mention(s, "Mr. Grassley", "Chuck Grassley", "USALEG", "person"), mention(s, "Maria Lopez", "Maria Lopez", "", "person")}
		}, []string{`Maria Lopez||We will keep going with this,`}},
		{"gender from apposition", "Clinton criticized the officer for shooting Terence Crutcher, a 40-year-old unarmed black man.\n\n\"How many times do we have to see this?\" she said.", func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{mention(s, "Clinton", "Hillary Clinton", "USAELI", "person"), mention(s, "Terence Crutcher", "Terence Crutcher", "", "person")}
		}, []string{`Hillary Clinton|USAELI|How many times do we have to see this?`}},
		{"byline dash", "“Mr. Trump embodies a lasting legacy of racism.” ― Sonya Herrid\n", nil, []string{`Sonya Herrid||Mr. Trump embodies a lasting legacy of racism.`}},
		{"participle hangs off the main clause", "Dean, a former party chairman, poked at Trump's sniffing during the debate, tweeting, “Notice Trump sniffing all the time.”", nil,
			[]string{`Dean||Notice Trump sniffing all the time.`}},
		{"the minister is the last titled person", "Foreign Minister Wang Yi arrived in Jakarta on Monday.\n\n\"We support the talks fully,\" the minister said.", func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{mention(s, "Wang Yi", "Wang Yi", "CHNGOV", "person"), mention(s, "Jakarta", "Indonesia", "IDN", "country")}
		}, []string{`Wang Yi|CHNGOV|We support the talks fully,`}},
		{"surname of another person", "Rakeyia Scott can be heard yelling at the officers.\n\n\"Don't shoot him, please,\" she says.", func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{mention(s, "Scott", "Keith Lamont Scott", "", "person")}
		}, []string{`Rakeyia Scott||Don't shoot him, please,`}},
		{"speech noun is not a cue", `Minyon Moore, a senior adviser, called Mr. Obama's remarks "a true wake-up call" to them.`, nil, []string{`Minyon Moore||a true wake-up call`}},
		{"lead-in sentence speaks", "\"We will win this,\" Pence said.\n\nOn Sunday, Sen. Bernie Sanders identified young voters as the key. \"The younger people are ready for this.\"", func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{mention(s, "Pence", "Mike Pence", "USAGOV", "person"), mention(s, "Bernie Sanders", "Bernie Sanders", "USALEG", "person")}
		}, []string{`Mike Pence|USAGOV|We will win this,`, `Bernie Sanders|USALEG|The younger people are ready for this.`}},
		{"state after a name", `"Our assumption is that the veto will be overridden," Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.`, nil,
			[]string{`Senate Majority Leader Mitch McConnell||Our assumption is that the veto will be overridden,`}},
		{"unclosed paragraph", "The minister said: \"We will stay the course.\n\n\"We will not give up.\"", nil, []string{`The minister||We will stay the course.`, `The minister||We will not give up.`}},
	}
}

// speakerCases are the speaker fixes and the abstention rules of round 3
// (helper "quotes", session 2).
func speakerCases() []findCase {
	person := func(s, sub, name string) liaison.ActorMention { return mention(s, sub, name, "", "person") }
	return []findCase{
		{"states inside a name is no verb", `Clinton told city leaders that the United States "should be governed by those who care."`, func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{mention(s, "United States", "United States", "USA", "country")}
		}, []string{`Clinton||should be governed by those who care.`}},
		{"subject after while", `Rubio suggested that he can win, while Cruz said that the "stakes in this election are too high" for him.`, nil,
			[]string{`Cruz||stakes in this election are too high`}},
		{"participle after the quote", `Trump defended "New York values," saying the city embodied the "bravery, heart and soul of America."`, nil,
			[]string{`Trump||New York values,`, `Trump||bravery, heart and soul of America.`}},
		{"dateline before the subject", `WASHINGTON (AP) — Senator Jane Smith rallied supporters, saying: "We have to be ready to stop him."`, nil,
			[]string{`Senator Jane Smith||We have to be ready to stop him.`}},
		{"time phrase before the subject", `Hours later, Trump returned the compliment, telling Reuters, "He is an amazing man, truly."`, nil,
			[]string{`Trump||He is an amazing man, truly.`}},
		{"said then a description and a name", `"I'm not going to say it is a mistake," said retired neurosurgeon Ben Carson.`, nil,
			[]string{`Ben Carson||I'm not going to say it is a mistake,`}},
		{"sentence goes on after the quote", `The vote signals "the beginning of the end" for the EU, said Geert Wilders.`, nil,
			[]string{`Geert Wilders||the beginning of the end`}},
		{"demonym speaking is a surname", `"It is more of a consideration than it was," Cuban said.`, func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{mention(s, "Cuban", "Cuba", "CUB", "country")}
		}, []string{`Cuban||It is more of a consideration than it was,`}},
		{"shot back", "\"Jeb wants to be a tough guy tonight,\" Trump shot back.\n\nHillary shot back, \"I could have stayed home and baked cookies.\"", nil,
			[]string{`Trump||Jeb wants to be a tough guy tonight,`, `Hillary||I could have stayed home and baked cookies.`}},
		{"relative clause before the verb", `Braynard, a South Carolina native who writes fiction "where the loser becomes the main course", is a strategist.`, nil,
			[]string{`Braynard||where the loser becomes the main course`}},
		{"it is not reported", "The company issued a statement.\n\n\"We regret the delay very much,\" it said.", nil,
			[]string{`||We regret the delay very much,`}},
		{"far mention is not reported", "Maria Lopez met the board on Monday. The board voted. The weather was cold.\n\n\"We will keep going with this,\" she said.", func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{person(s, "Maria Lopez", "Maria Lopez")}
		}, []string{`||We will keep going with this,`}},
		{"near mention is reported", "The board voted. Maria Lopez met the board on Monday.\n\n\"We will keep going with this,\" she said.", func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{person(s, "Maria Lopez", "Maria Lopez")}
		}, []string{`Maria Lopez||We will keep going with this,`}},
		{"rival of the same gender", "Mr. Grassley met Mr. Smith on Monday.\n\n\"We will keep going with this,\" he said.", func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{person(s, "Mr. Grassley", "Chuck Grassley"), person(s, "Mr. Smith", "John Smith")}
		}, []string{`||We will keep going with this,`}},
	}
}
