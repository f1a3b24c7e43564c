package sentence

// set builds a lookup table from space-separated words.
func set(words string) map[string]bool {
	m := map[string]bool{}
	w := ""
	for _, c := range words + " " {
		if c == ' ' || c == '\n' || c == '\t' {
			if w != "" {
				m[w] = true
			}
			w = ""
			continue
		}
		w += string(c)
	}
	return m
}

// titles precede a name and never end a sentence ("Gen. Milley").
var titles = set(`mr mrs ms dr prof gen lt col sgt capt adm gov sen rep rev hon pres maj cmdr cdr
brig cpl pvt amb messrs mme mlle sr jr st mt ft sec supt insp det adj gens lts cols reps sens govs
ave blvd rd apt dept univ assn approx est sqn bn cpt ens vs v cf e i etc al`)

// months and their abbreviations; a following digit keeps them with it.
var months = set(`jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun`)

// ambiguous abbreviations may end a sentence ("... Toyota Motor Corp. The
// company ...").
var ambiguous = set(`inc corp co ltd llc plc bros pref prefs govt intl natl assoc cos pty ag sa nv
bhd tbk`)

// starters are words that typically open a sentence; after an ambiguous
// abbreviation they decide a break.
var starters = set(`the a an he she it they we i you his her its their our this that these those
there in on at but and or so yet however meanwhile also after before when while if as for with
by from to mr mrs ms dr officials some many most all no one two three four five six seven eight
nine ten what why how who where analysts police separately earlier later still both`)

// functionWords cannot end a headline or a dateline line: a line ending in
// one continues on the next.
var functionWords = set(`the a an of to in on at for with by from and or but as that which who
is are was were be been has have had will would can could should may might must not its their
his her our your into onto over under than then`)
