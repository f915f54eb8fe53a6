package trust

// Names the entity tagger knows are people. Without them a run of
// capitalised words is only guessed to be a person, and both guesses go
// wrong on fact-checked posts: "Purple Heart", "Sanctuary Cities" and
// "Community Colleges" are not people, while "Biden" opening a sentence is.
// On the CheckThat! train tweets, unknown capitalised runs read as people
// caused most false entity-differs flags, and surnames written alone
// ("Bush's poll numbers") most missed person swaps.
//
// Both lists are general news knowledge, not taken from any query: common
// given names in English-language news, and the surnames of public figures
// that fact-checkers check most (heads of state and government, US
// national politicians and officials since the 1990s, and other people
// claims are often made about). A name missing here still counts when a
// title ("Senator Lee") or a speech verb ("Lee said") marks it.

// givenNames open a person's name: "Pete Buttigieg", "Says Hillary
// Clinton" (the run starts at the given name). Words that are more often
// something else ("Will", "May", "Grace", "Hope", "Art") are left out.
var givenNames = wordSet("aaron|abigail|adam|adrian|al|alan|albert|alex|alexander|alexandria|alice|alicia|allen|alyssa|amanda|amy|andrea|andrew|andy|angela|ann|anna|anne|anthony|antonio|ashley|barack|barbara|ben|benjamin|bernie|beto|betsy|beverly|bill|billy|bob|bobby|boris|brad|brandon|brett|brian|bruce|bryan|carl|carla|carol|caroline|catherine|chad|charles|charlie|chelsea|cheryl|chris|christian|christina|christine|christopher|chuck|cindy|claire|colin|cory|craig|cynthia|dan|daniel|danielle|dave|david|dean|deb|debbie|deborah|dennis|derek|diana|diane|dick|don|donald|donna|doug|douglas|dwight|ed|eddie|edward|elizabeth|ellen|elon|emily|emma|eric|erin|ethan|eugene|evan|frank|franklin|fred|gary|gavin|george|gerald|ginni|glenn|gordon|greg|gregory|gretchen|hakeem|hank|harold|harry|heather|heidi|helen|henry|hillary|howard|hunter|ilhan|ivanka|jack|jackie|jacob|james|jamie|jane|janet|jared|jason|jay|jeb|jeff|jeffrey|jen|jennifer|jeremy|jerry|jesse|jessica|jill|jim|jimmy|joan|joe|joel|john|johnny|jon|jonathan|jordan|jose|joseph|josh|joshua|joyce|juan|judy|julia|julian|julie|justin|kamala|karen|karl|kate|katherine|kathleen|kathy|katie|kay|keith|kelly|ken|kenneth|kevin|kim|kimberly|kirsten|kristi|kyle|larry|laura|lauren|lawrence|lee|leonard|linda|lindsey|lisa|liz|lori|louis|lucy|luis|madeleine|marco|margaret|maria|marie|marjorie|mark|martha|martin|mary|matt|matthew|maxine|megan|melania|melissa|michael|michele|michelle|mike|mitch|mitt|molly|nancy|nathan|neil|newt|nicholas|nick|nicole|nikki|nora|oliver|pam|pamela|patricia|patrick|paul|paula|pete|peter|phil|philip|rachel|ralph|rand|randy|raphael|ray|rebecca|richard|rick|rob|robert|roger|ron|ronald|ronny|rosa|ruth|ryan|sam|samuel|sandra|sara|sarah|scott|sean|sharon|sheila|sherrod|stacey|stephanie|stephen|steve|steven|susan|tammy|ted|terry|thomas|tim|timothy|tina|todd|tom|tommy|tony|tracy|tucker|tulsi|valerie|victor|victoria|vincent|virginia|walter|wayne|wendy|william|xavier|zach|zachary")

// publicFigures are surnames that name one well-known person in news copy
// even when written alone ("Biden visited", "Trump's wall").
var publicFigures = wordSet("abbott|abe|abrams|ardern|assad|assange|barr|bezos|biden|blasio|bloomberg|boebert|bolsonaro|bolton|booker|buhari|bush|buttigieg|carson|carter|castro|chavez|cheney|christie|churchill|clinton|comey|cosby|cruz|cuomo|desantis|duterte|epstein|erdogan|fauci|feinstein|fiorina|gabbard|gaetz|gandhi|gillibrand|gingrich|giuliani|gorsuch|graham|hannity|harris|hegseth|hitler|huckabee|inslee|kaepernick|kaine|kasich|kavanaugh|kemp|kennedy|kenyatta|khamenei|kishida|klobuchar|kushner|limbaugh|lukashenko|macron|maddow|maduro|manafort|manchin|mandela|mccain|mcconnell|merkel|modi|mueller|musk|netanyahu|newsom|nixon|noem|obama|obrador|ocasio|omar|orban|ossoff|pelosi|pence|pompeo|putin|ramaphosa|reagan|romney|roosevelt|rouhani|rubio|ruto|sanders|schumer|sessions|sheinbaum|sinema|snowden|soros|spicer|stalin|starmer|steyer|sunak|thunberg|tillerson|tlaib|trudeau|truss|trump|vance|walz|warnock|whitmer|xi|yoon|zelensky|zelenskyy|zuckerberg")
