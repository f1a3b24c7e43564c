package dict

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// CodeBy says how many events a sentence yields (TABARI SET: CODE BY).
type CodeBy int

// CODE BY CLAUSE (first event per clause), SENTENCE (first event) or ALL.
const (
	ByClause CodeBy = iota
	BySentence
	ByAll
)

// Options are the coder switches a TABARI .options file sets. The zero
// value is not useful: start from DefaultOptions.
type Options struct {
	CodeBy CodeBy
	// Complexity filter: counts (0 = off) and conditions.
	CxVerbs, CxActors, CxPronouns, CxConj, CxComma, CxLateVerb   int
	CxNoActPrior, CxNoActAfter, CxNoVerb, CxNoSource, CxNoTarget bool
	CxNoEvent                                                    bool
	// Defaults for missing source/target.
	DefSource, DefTarget string
	DefSourcePrior       bool // apply the default source whenever no actor precedes the verb
	DefTargetAfter       bool // apply the default target whenever no actor follows the verb
	CommaOff             bool
	CommaMin, CommaMax   int // middle clauses eliminated when Min < words <= Max
	CommaEMin, CommaEMax int // clause between last comma and the end
	CommaBMin, CommaBMax int // clause between the start and the first comma
	ConvertAgents        bool
	MinWords             int // sentences with fewer words are not coded (0 = off)
	Labels               map[string]string
	FBIS                 bool
	Forward              bool // forward pronoun antecedents between sentences
	// SplitContractions tokenizes "didn't" as "did n't" (Treebank style,
	// as PETRARCH dictionaries expect).
	SplitContractions bool
	// DistributeAgents applies an agent to every actor of a compound
	// ("lawmakers in A and B") and shares an actor between agents joined
	// by AND ("Danish media and government"), as PETRARCH does.
	DistributeAgents bool
	// PassiveNoBy treats "X was <participle>" without a BY phrase as
	// passive too (X becomes the target).
	PassiveNoBy bool
	// CrossCommas lets patterns and actor searches run across commas
	// (TABARI stops pattern matching at commas).
	CrossCommas bool
	// NoGreedySource keeps the coder from taking a source after the verb
	// when none precedes it.
	NoGreedySource bool
	// SkipIntro ignores actors in a sentence-opening adverbial phrase
	// ("Following the Madrid summit, Japan ...") when looking for the source.
	SkipIntro bool
	// TargetOtherCountry prefers a target whose country differs from the
	// source's before settling for any distinct code.
	TargetOtherCountry bool
	// CarryTarget reuses the previous clause's target in a later clause
	// that has none ("... will attend the summit and will compile ...").
	CarryTarget bool
	// ReportedSpeech starts a new clause after "said that" and similar,
	// so the reported event is coded with its own subject.
	ReportedSpeech bool
	// LooseCompounds lets unknown modifier words sit between the members
	// of a compound actor ("Fornost and the evil awful Gondor").
	LooseCompounds bool
	// Subordinate clauses ("... after a patrol was reported ...", "while
	// X ...") are coded as clauses with their own subject, so the main
	// verb does not take its target from them.
	Subordinate bool
	// PatternNounEndings lets pattern words take only plural/possessive
	// endings (PETRARCH matches "MEET" against "meet(s)", not "meeting").
	PatternNounEndings bool
	// NullActors codes events whose source or target is missing with
	// "---" (agents alone become "---GOV"), as PETRARCH does when dyads
	// are not required.
	NullActors bool
	// AgentOnlyActors lets an agent attached to no actor stand as an
	// actor of its own, coded "---" plus the agent ("a senior official" =
	// ---GOV, "clerics" = ---REL), as PETRARCH-2 codes such noun phrases.
	// Unlike NullActors it adds no event whose side is missing altogether.
	AgentOnlyActors bool
	// DropAttribution removes a closing ", officials said on Monday"
	// attribution so its actors are not taken as targets.
	DropAttribution bool
	// SilentAttribution never codes a closing ", a senior official said"
	// attribution, even when NullActors asks for one-sided events
	// (UD-PETRARCH attaches it to the main verb as parataxis and codes no
	// event for it; PETRARCH-2 codes it as ---GOV/---/023).
	SilentAttribution bool
	// AttributionClause codes a closing ", a senior official said" as a
	// clause of its own, with agent-only and missing actors written "---"
	// (PETRARCH's output for such clauses).
	AttributionClause bool
	// PossessiveAgents gives an agent to a possessive actor across its
	// modifiers ("Ithilen's awful and evil minister Calimehtar" = ITHGOV),
	// as PETRARCH's noun phrases do; TABARI attaches adjacent agents only.
	PossessiveAgents bool
	// SubjectOverCompound makes a pattern's % compound that follows the
	// verb the target when an actor precedes the verb ("A agrees with B
	// and C" = A/B, A/C, as PETRARCH-2 codes it); TABARI codes the
	// compound's members with each other whatever precedes.
	SubjectOverCompound bool
	// RelativeClauses codes a relative clause ("X, which ...", "a woman
	// who ...", "the group that has ...") as a clause whose subject is
	// the actor it describes, and resumes the main clause after it.
	RelativeClauses bool
	// StackAgents applies adjacent agents cumulatively ("Danish Islamist
	// media" = DNKMUSMED), as PETRARCH combines a noun phrase's agents;
	// TABARI gives each agent its own code.
	StackAgents bool
	// VerbPhrasePatterns keeps a pattern's literal words before the verb
	// between the subject and the verb, as PETRARCH-2 matches patterns in
	// the verb phrase ("- NEITHER * [057]" does not match "Neither A nor B
	// boycotted"); TABARI searches back to the clause start.
	VerbPhrasePatterns bool
	// SkipNounPhrase lets a pattern's "^" skip an uncoded noun phrase of
	// up to four words as well as an actor (PETRARCH: "^" skips the next
	// noun phrase; TABARI: the next actor).
	SkipNounPhrase bool
	// KeepCodedCompounds codes an actor entry with a compound code
	// ("THE_SHIRE [FRO/BIL/SAM]") as the one code "FRO/BIL/SAM", as
	// UD-PETRARCH does; TABARI and PETRARCH-2 code each member.
	KeepCodedCompounds bool
	// NoSelfEvents drops events between an actor and one of its own
	// parts (RUS and RUSGOV).
	NoSelfEvents bool
	// ModalDefers: a modal that is a dictionary verb ("SHOULD [101]") and
	// matched none of its patterns gives way to the verb it governs
	// ("should have acted against" is coded by ACT), as PETRARCH-2 codes
	// the lowest verb of a verb group.
	ModalDefers bool
	// InfinitiveDefers: a verb coded only by its default modal-type code
	// (appeal 02, intent 03, rejection 12, threat 13: "urged", "plans")
	// gives way to the verb of the TO-infinitive it governs, whose
	// generated modality patterns code the pair by the CAMEO sub-code of
	// the governed verb ("urged China to supply arms" = 0232, not 020).
	InfinitiveDefers bool
	// ExactPatternWords: a pattern's own words match only as written (or
	// possessive), as PETRARCH-2 documents ("PETRARCH only works with
	// complete words"; plurals are generated for synonym-set phrases
	// only). Without it PatternNounEndings also allows plural endings
	// (UD-PETRARCH matches lemmas).
	ExactPatternWords bool
	// SpecificSynsets: when a pattern with a synonym set matches, a later
	// pattern of the same length that matches more of the text's words
	// wins ("* &HYPERCURR" = AUSTRIAN GOLD FLORIN over "* &CURRENCY" =
	// AUSTRIAN FLORIN on "austrian gold florin"), as PETRARCH-2's
	// word-by-word pattern trie prefers the fuller match; TABARI takes the
	// first pattern that matches.
	SpecificSynsets bool
	// NewActorLength, when > 0, lets a noun phrase of at most this many
	// words that holds no dictionary actor stand as an actor with an empty
	// code (PETRARCH's new_actor_length); 0 writes nothing for it.
	NewActorLength int
	// MaxPatternGap, when > 0, is the most words a pattern's literal word
	// may lie from the element before it (the verb, a word or an actor),
	// not counting the words of actors in between: "accused Rwanda of
	// making … accusations by alleging Paris played … in the 1994
	// genocide" does not match "accuse + of genocide". 0: anywhere in the
	// clause, as TABARI and PETRARCH match.
	MaxPatternGap int
}

// DefaultOptions returns TABARI's defaults.
func DefaultOptions() *Options {
	return &Options{MinWords: 8, CommaMin: 2, CommaMax: 10, CommaEMin: 2, CommaEMax: 10, CommaBMin: 255, CommaBMax: 0, Labels: map[string]string{}}
}

// Clone copies the options so per-record changes do not leak.
func (o *Options) Clone() *Options {
	c := *o
	c.Labels = o.Labels
	return &c
}

// ParseOptions reads a TABARI .options file onto the defaults.
func ParseOptions(r io.Reader, name string) (*Options, error) {
	o := DefaultOptions()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	ln := 0
	for sc.Scan() {
		ln++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "//") || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "~~") {
			break
		}
		if err := o.Apply(line); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, ln, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return o, nil
}

var (
	reCx     = regexp.MustCompile(`([A-Z]+)\s*(?:\[\s*(\d+)\s*\])?`)
	reBlock  = regexp.MustCompile(`\[\s*([^\]]*)\]`)
	reNumOpt = regexp.MustCompile(`([A-Z]+)\s*=\s*(\d+)`)
)

// Apply executes one options command line (also used by validation
// records' { OPTION: ... } lines). Unknown commands are ignored.
func (o *Options) Apply(line string) error {
	cmd, arg, ok := strings.Cut(line, ":")
	if !ok {
		return nil
	}
	cmd = strings.ToUpper(strings.TrimSpace(cmd))
	arg = strings.TrimSpace(arg)
	up := strings.ToUpper(arg)
	switch cmd {
	case "COMPLEX":
		o.applyComplex(up)
	case "DEFAULT":
		o.applyDefault(up)
	case "COMMA":
		if strings.HasPrefix(up, "OFF") {
			o.CommaOff = true
			return nil
		}
		o.CommaOff = false
		for _, m := range reNumOpt.FindAllStringSubmatch(up, -1) {
			n, _ := strconv.Atoi(m[2])
			switch m[1] {
			case "MIN":
				o.CommaMin = n
			case "MAX":
				o.CommaMax = n
			case "EMIN":
				o.CommaEMin = n
			case "EMAX":
				o.CommaEMax = n
			case "BMIN":
				o.CommaBMin = n
			case "BMAX":
				o.CommaBMax = n
			}
		}
	case "SET":
		o.applySet(up)
	case "FORWARD":
		o.Forward = !strings.Contains(up, "OFF")
	case "LABEL":
		k, v, _ := strings.Cut(arg, "=")
		o.Labels[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	return nil
}

func (o *Options) applyComplex(up string) {
	o.CxVerbs, o.CxActors, o.CxPronouns, o.CxConj, o.CxComma, o.CxLateVerb = 0, 0, 0, 0, 0, 0
	o.CxNoActPrior, o.CxNoActAfter, o.CxNoVerb, o.CxNoSource, o.CxNoTarget, o.CxNoEvent = false, false, false, false, false, false
	for _, m := range reCx.FindAllStringSubmatch(up, -1) {
		n, _ := strconv.Atoi(m[2])
		switch m[1] {
		case "VERBS":
			o.CxVerbs = n
		case "ACTORS":
			o.CxActors = n
		case "PRONOUNS":
			o.CxPronouns = n
		case "CONJ":
			o.CxConj = n
		case "COMMA":
			o.CxComma = n
		case "LATEVERB":
			o.CxLateVerb = n
		case "NOACTPRIOR":
			o.CxNoActPrior = true
		case "NOACTAFTER":
			o.CxNoActAfter = true
		case "NOVERB":
			o.CxNoVerb = true
		case "NOSOURCE":
			o.CxNoSource = true
		case "NOTARGET":
			o.CxNoTarget = true
		case "NOEVENT":
			o.CxNoEvent = true
		}
	}
}

func (o *Options) applyDefault(up string) {
	if strings.HasPrefix(up, "OFF") {
		o.DefSource, o.DefTarget, o.DefSourcePrior, o.DefTargetAfter = "", "", false, false
		return
	}
	src, tgt := up, ""
	if i := strings.Index(up, "TARGET"); i >= 0 {
		src, tgt = up[:i], up[i:]
	}
	if strings.Contains(src, "SOURCE") {
		if m := reBlock.FindStringSubmatch(src); m != nil {
			o.DefSource = strings.TrimSpace(m[1])
		}
		o.DefSourcePrior = strings.Contains(src, "PRIOR")
	}
	if tgt != "" {
		if m := reBlock.FindStringSubmatch(tgt); m != nil {
			o.DefTarget = strings.TrimSpace(m[1])
		}
		o.DefTargetAfter = strings.Contains(tgt, "AFTER")
	}
}

func (o *Options) applySet(up string) {
	k, v, _ := strings.Cut(up, "=")
	k, v = strings.TrimSpace(k), strings.TrimSpace(v)
	truth := strings.HasPrefix(v, "T")
	switch {
	case strings.HasPrefix(k, "CODE BY SENTENCE"):
		o.CodeBy = BySentence
	case strings.HasPrefix(k, "CODE ALL"):
		o.CodeBy = ByAll
	case strings.HasPrefix(k, "CODE BY"):
		o.CodeBy = ByClause
	case strings.HasPrefix(k, "CONVERT AGENT"):
		o.ConvertAgents = truth
	case strings.HasPrefix(k, "MINIMUM WORDS"):
		n, _ := strconv.Atoi(strings.Fields(v + " 0")[0])
		o.MinWords = n
	case strings.HasPrefix(k, "FBIS"):
		o.FBIS = truth
	}
}

// SetConfig applies one PETRARCH configuration option (a PETR_config.ini
// key, or a validation file's <Config option=... value=...>), so the coder
// follows the switches PETRARCH-2 follows: require_dyad (false also codes
// events whose source or target is missing, written "---") and
// new_actor_length. The comma_* lengths drive PETRARCH-1's comma-clause
// deletion; PETRARCH-2, whose dictionaries and conventions these are, reads
// but never applies them, so they are accepted and ignored here (the coder's
// own comma handling stays as the dictionary family sets it; TABARI's
// COMMA: option sets it for TABARI projects). Unknown options are ignored;
// a malformed value is an error.
func (o *Options) SetConfig(option, value string) error {
	key := strings.ToLower(strings.TrimSpace(option))
	value = strings.TrimSpace(value)
	switch {
	case key == "require_dyad":
		b, err := strconv.ParseBool(strings.ToLower(value))
		if err != nil {
			return fmt.Errorf("config %s=%q: %w", key, value, errSyntax)
		}
		o.NullActors = !b
	case key == "new_actor_length" || strings.HasPrefix(key, "comma_"):
		n, err := strconv.Atoi(value)
		if err != nil || n < 0 {
			return fmt.Errorf("config %s=%q: %w", key, value, errSyntax)
		}
		if key == "new_actor_length" {
			o.NewActorLength = n
		}
	}
	return nil
}
