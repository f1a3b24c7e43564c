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
labeled labelled dubbed branded calling adding noting warning arguing insisting describing
tweeting claiming writing telling asking explaining declaring stating suggesting vowing promising urging
reported mentioned revealed questioned pressed exclaimed retorted interjected recounted pleaded scoffed
snapped chanted texted emailed retweeted recalling assured assures opined opines echoed echoes
repeated reminded reminds`)

// pronouns resolve to the last fitting actor before the quote.
var pronouns = set(`he she they we it i`)

// stopAfter ends a speaker phrase read after "said" or "according to".
var stopAfter = set(`in on at during who which that when while after before as because on and but
to of yesterday today tuesday monday wednesday thursday friday saturday sunday last this told adding`)

// adverbs and prepositions cut a subject read before a speech verb.
var adverbs = set(`also then later earlier again once still previously recently yesterday today
tonight now repeatedly often has have had has had would will could once reportedly can may might must
should shall is was are were does did do`)

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

// maleWords and femaleWords are gendered titles and the first names of
// people often in the news; names.txt adds common given names (see
// maleNames).
var maleWords = set(`mr sir lord king prince donald barack bill joe mike michael john james robert david
richard thomas charles george william paul mark steven steve kevin brian jeff jeffrey tim timothy ted bernie
chris christopher jim ron rand marco ben benjamin vladimir xi emmanuel boris justin shinzo fumio jens
olaf recep narendra rishi keir volodymyr antony lloyd mitch paul harry jack eric jason
andrew anthony daniel matthew mitt al dick newt rudy reince sean rex jared gary ryan scott adam tom
peter frank henry roger larry gerald jimmy ronald lyndon franklin dwight terence kenneth ken
edward ed joseph joshua kyle nathan patrick sam samuel stephen walter arthur carl douglas dennis jerry
keith lawrence raymond russell bruce wayne alan allen billy bobby bradley craig dale dean derek
doug earl eugene fred gregory greg howard jeremy jesse joel jonathan jon juan carlos jose luis
leonard louis martin nicholas nick phil philip randy ray rick ricky rob rodney roy shawn
stanley todd travis troy vincent victor wesley willie aaron alex alexander benny brett chad
chuck cory curtis darrell don donnie elijah ethan evan floyd gabriel glenn gordon grant hank
herbert ian isaac jacob jake jay jeff jerome joey johnny kurt lance leon lou luke marcus marvin
mason max neil noah oliver omar oscar owen ralph reggie rex ricardo rudolph rusty seth shane
 spencer stuart ted theodore tony tyler vernon wade zachary  hakeem cory elijah
reince newt orrin chuck lindsey marco mitch ted rand jeb mike kevin paul`)

var femaleWords = set(`mrs ms miss madam lady queen princess hillary melania nancy angela theresa
kamala elizabeth mary patricia jennifer linda susan sarah karen lisa nicole michelle laura sheryl
jill condoleezza madeleine sarah nikki kellyanne huma chelsea ivanka donna debbie elaine claire
tammy amy kirsten dianne barbara maria anna ursula jacinda giorgia liz sanae yoko
samantha susan loretta janet sonia ruth carly heidi jeanne marine ana melanie jane tina
betty dorothy helen margaret sandra ashley kimberly emily donna michelle carol amanda melissa deborah
stephanie rebecca sharon cynthia kathleen amy shirley angela anna brenda pamela emma katherine
christine debra rachel catherine carolyn janet heather diane julie joyce virginia victoria
lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa
ann sara madison frances kathryn janice  abigail alice judy sophia grace denise amber doris
marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori
tyresha angelique minyon  maxine sheila yvette zoe valerie wendy rosa rose peggy paula
olivia norma nina naomi monica molly mia lucy lisa lily leah kristen kate kathy jessica jennifer
irene holly hope gwen gail faith erin eileen  colleen claudia cindy carla bonnie barbara
alicia april allison alison becky beth`)

// maxAfterGap is how many tokens after a quote its cue may come
// ("…," Scott Pruitt, the attorney general of Oklahoma, said).
const maxAfterGap = 20

// timeWords never name a speaker.
var timeWords = set(`monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
tonight morning afternoon evening night week month year january february march april june july august
september october november december`)

// innerStop inside a speaker phrase shows it is a clause ("her right foot
// was").
var innerStop = set(`is are was were be been being has have had will would can could should may might
must not to that which when if`)

// maxWindow bounds, in code points, the text read around a quote for its
// cue, so a huge unpunctuated text stays linear.
const maxWindow = 400

// maxBackSentences bounds how far back a pronoun looks for its person.
const maxBackSentences = 8

// genderless words may open a name before its first name ("President",
// "former Sen.") without telling its gender.
var genderless = set(`the president former senator secretary minister prime chief governor mayor
vice deputy foreign defense defence general attorney rep representative speaker leader chairman chairwoman`)

// subjectPreps before a name show it is not the subject of its sentence.
var subjectPreps = set(`with for to of from about against by at in on into like than toward towards
between among under over after before behind beside`)

// orgWords show a capitalised phrase names an organisation, not a person.
var orgWords = set(`house party committee campaign department ministry office news times post
university institute center centre council association coalition agency group union court police
administration government company corp inc bank fund foundation commission network today usa america
states nations county city state republicans democrats`)

// cueVerbs are the unambiguous speech and opinion verbs whose subject
// (outside quotes) is a source a later "she said" may stand for ("Wines
// believes that …"); verbs that are also nouns ("claims", "calls") are left
// out.
var cueVerbs = set(`said says told tells added adds stated declared warned warns explained explains
insisted insists argued argues wrote writes replied responded tweeted stressed stresses emphasized
emphasised acknowledged admitted recalled concluded cautioned asserted contended contends believes thinks
continued agreed disagreed testified described compared accused criticized criticised
mocked praised yelled yelling shouted shouting screamed screaming`)

// relOpeners open an apposition or relative clause after a name.
var relOpeners = set(`a an the who which whose whom including`)

// possDets before a speech verb show it is a noun ("his remarks").
var possDets = set(`the his her their its a an these those my our your this that whose`)

// participle speech verbs hang off a main clause whose subject speaks.
var participle = set(`complains complained says said adds claims saying calling adding noting warning
arguing insisting describing tweeting claiming writing telling asking explaining declaring stating
suggesting vowing promising urging`)

// groupNouns are capitalised at a sentence start but name a group, not a
// person ("Officials said").
var groupNouns = set(`officials critics analysts experts democrats republicans residents protesters
witnesses authorities lawmakers leaders observers supporters opponents voters investigators prosecutors
scientists economists researchers advocates activists sources reports others many some both police
americans europeans delegates members aides organizers organisers officers diplomats`)

// maleNouns and femaleNouns in an apposition tell a person's gender.
var maleNouns = set(`man father husband son brother boy grandfather uncle businessman congressman
chairman spokesman king prince nephew`)

var femaleNouns = set(`woman mother wife daughter sister girl grandmother aunt businesswoman
congresswoman chairwoman spokeswoman queen princess niece widow`)

// roleTitles are capitalised roles that may stand right before a surname
// ("Chancellor Scholz") without being a first name.
var roleTitles = set(`chancellor ambassador spokesman spokeswoman adviser advisor judge justice admiral
commander officer coach professor mayor senator representative congressman congresswoman sheriff chief
candidate nominee democrat republican gop sergeant detective inspector commissioner superintendent
pope bishop cardinal rabbi imam king queen prince princess lord lady dame sir emperor premier
leader general colonel captain lieutenant major private corporal marshal president secretary minister
governor`)

// introWords open a sentence before its subject ("Meanwhile, …").
var introWords = set(`meanwhile however still yet instead later earlier also separately additionally
moreover indeed finally first second then now today yesterday ultimately overall nevertheless but and so
likewise similarly afterward afterwards`)

// maxTitleSentences bounds how far back "the minister" looks for the
// titled person it stands for.
const maxTitleSentences = 30

// maxLookBack bounds how many actor mentions or cues one pronoun or role
// examines, so quote attribution stays linear in a text with one huge
// sentence full of names.
const maxLookBack = 100

// maxPronounLinks bounds how many "he said" links a pronoun follows back.
const maxPronounLinks = 4
