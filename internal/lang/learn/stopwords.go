package learn

import (
	"strings"

	"github.com/factcheckwidget/factcheck/internal/text"
)

// stopWords are, per primary subtag, the function words of a language
// that carry no claim content: articles, prepositions and their
// contractions, pronouns, conjunctions, auxiliaries and negators (as in the
// English list, internal/text/stopwords.go, negators are left to the trust
// layer). Written for this project from the grammar of each language,
// kept short on purpose: a content word wrongly listed is lost to
// matching, a function word missed only weighs a little through its idf.
// They are folded (accents dropped) when compiled, as tokens are.
var stopWords = map[string]string{
	"pt": `a à ao aos as às até com como da das de dela dele deles do dos e é ela elas ele eles em
		entre era eram essa esse esta está estão este eu foi foram há isso isto já lhe mais mas me
		mesmo meu minha muito na não nas nem no nos nós num numa o os ou para pela pelas pelo pelos
		por porque qual quando que quem se são seja sem ser seu seus sua suas só também te tem têm
		ter teu tu um uma umas uns vai você vocês sobre sido sendo será serão tinha tinham vez`,
	"es": `a al algo algunos ante antes como con contra cual cuando de del desde donde durante e el
		él ella ellas ellos en entre era eran es esa ese eso esta está están este esto fue fueron
		ha han hay la las le les lo los más me mi mis mucho muy nada ni no nos nosotros o os otra
		otro para pero poco por porque que quien se sea según ser si sí sin sobre son su sus también
		tiene tienen todo tras tu tú un una unas uno unos usted ustedes y ya yo será sido siendo había`,
	"fr": `a à afin ai au aussi aux avait avec avoir ce ceci cela celle celui ces cet cette comme dans
		de des du elle elles en est et été être eu il ils je la le les leur leurs lui ma mais me même
		mes moi mon ne nous on ont ou où par pas pour qu que quel quelle qui sa sans se sera ses si
		son sont sur ta te tes toi ton tous tout tu un une vos votre vous y été étaient était c d j
		l m n s t aujourd hui ni plus très sous chez entre depuis selon`,
	"de": `aber als am an auch auf aus bei bin bis bist da damit dann das dass dem den der des die dies
		diese dieser dieses doch du durch ein eine einem einen einer eines er es für gegen hat hatte
		hatten haben ich ihm ihn ihr ihre im in ist ja kein keine mit nach nicht noch nur ob oder sein
		seine sich sie sind so über um und uns unser unter vom von vor war waren was weil wenn wer
		werden wie wir wird wurde wurden zu zum zur zwischen sowie seit ohne man mehr sehr schon`,
	"it": `a ad al alla alle agli ai allo anche che chi ci come con da dal dalla dalle dei del della
		delle dello degli di e è ed era erano gli ha hanno i il in io la le lei lo loro lui ma mi
		ne negli nei nel nella nelle non noi o per più quale quando questa questo se si sia sono su
		sua sue suo suoi sul sulla tra tu un una uno voi stato stata essere fu furono ogni molto`,
	"nl": `aan al als bij dan dat de der deze die dit door een en er had heb hebben heeft het hij hem
		hier hun ik in is je kan maar me meer met mij mijn na naar niet nog nu of om ons onze ook op
		over te tegen toch tot u uit van veel voor want was waren wat we wel werd werden wie wij wordt
		worden zal ze zelf zich zij zijn zo zou`,
	"ru": `а без более бы был была были было в вам вас весь во вот все всех вы где да для до его её
		если есть ещё же за и из или им их к как когда кто ли меня мне мы на над не него нет ни них
		но о об он она они оно от по под при с со так также там то тоже только у уже чем что чтобы
		эта эти это этот я`,
	"ar": `في من إلى على عن مع هذا هذه ذلك تلك التي الذي الذين هو هي هم هن أن إن كان كانت يكون
		قد لا لم لن ما ماذا و أو ثم أي كل بعض بين حتى عند منذ بعد قبل فيه فيها عليه عليها إنه أنه
		له لها لهم نحن أنا أنت هناك هنا ليس وقد وهو وهي كما أيضا`,
	"hi": `का की के को में से पर और या है हैं था थी थे हो होता होती होते गया गई गए ने यह वह ये वे
		इस उस इन उन एक भी तो ही नहीं न कि जो जब तक लिए साथ बाद पहले कर करने किया किए रहा रही
		रहे अपने अपनी अपना हम मैं आप तुम उनके उसके इसके द्वारा गया तथा एवं`,
}

// StopWords returns the folded stop words of a primary subtag (nil when
// none are listed; English's are internal/text's).
func StopWords(base string) map[string]bool {
	list, ok := stopWords[base]
	if !ok {
		return nil
	}
	out := map[string]bool{}
	for _, w := range strings.Fields(list) {
		for _, t := range text.Tokenize(w) {
			out[t.Text] = true
		}
	}
	return out
}
