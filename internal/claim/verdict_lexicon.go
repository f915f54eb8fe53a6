package claim

// ratingLexicon is the textual ratings fact-checkers publish, by verdict and
// language, from the rating scales the IFCN signatories and the Fact Check
// Tools API show (PolitiFact, Snopes, AFP's editions, Full Fact, Lupa, Aos
// Fatos, Fato ou Fake, Chequeado, Maldita, Newtral, Les Décodeurs, CORRECTIV,
// Pagella Politica, Nieuwscheckers, Mafindo, Teyit, BOOM, Vishvas News,
// Fatabyyano, TFC Taiwan, JFC, SNU FactCheck, Demagog…), written by us.
// Phrases are separated by "|" and matched as whole words after folding
// (ratingWords): "false" does not match "falsely". A trailing "*" matches any
// ending ("exaggerat*"); a leading "=" must be the whole rating (short words
// that are also ordinary words elsewhere: Italian "nì", Turkish "karma").
// Chinese, Japanese and Thai phrases match anywhere, as those scripts put no
// spaces between words. VerdictUnknown entries stop a weaker phrase that
// starts later from deciding ("Outdated", Lupa's "De olho", TFC's "事實釐清").
//
// Judgement calls, so they stay consistent across languages: "inaccurate"
// and its translations are false (as PolitiFact and AFP use it); "imprecise",
// "misleading", "exaggerated", "out of context" and "missing context" are
// mostly false; "partly true" and "partly false" are both mixed; satire
// presented as fact is false; "unproven", "no evidence", "unverifiable" and
// "too early to tell" are unproven.
var ratingLexicon = []struct {
	verdict Verdict
	lang    string
	phrases string
}{
	{VerdictTrue, "en", "true|correct|accurate|authentic|real|correct attribution|no flip|geppetto checkmark"},
	{VerdictMostlyTrue, "en", "mostly true|mostly correct|mostly accurate|largely true|largely accurate|true but|correct but|one pinocchio|1 pinocchio"},
	{VerdictMixed, "en", "half true|half truth|=half|partly true|partly false|partially true|partially false|partly correct|partially correct|" +
		"partly accurate|partially accurate|mixture|mixed|contradictory|half flip|full flop|two pinocchios|2 pinocchios|upside down pinocchio"},
	{VerdictMostlyFalse, "en", "mostly false|largely false|mostly inaccurate|barely true|misleading|missing context|needs context|lacks context|" +
		"out of context|false context|false connection|miscaptioned|mislabeled|mislabelled|exaggerat*|overstat*|distort*|imprecise|" +
		"cherry picks|spins the facts|three pinocchios|3 pinocchios|pinocchio"},
	{VerdictFalse, "en", "false|fake|not true|untrue|not accurate|inaccurate|not correct|incorrect|not real|wrong|pants on fire|pants fire|hoax|" +
		"scam|satire|labeled satire|fabricated|baseless|unfounded|misattributed|legend|altered|doctored|manipulated|photoshopped|" +
		"imposter content|debunked|four pinocchios|4 pinocchios|bottomless pinocchio"},
	{VerdictUnproven, "en", "unproven|not proven|unverified|unverifiable|cannot be verified|unsupported|unsubstantiated|undetermined|inconclusive|" +
		"unclear|no evidence|insufficient evidence|research in progress|too early to tell"},
	{VerdictUnknown, "en", "outdated"},

	{VerdictTrue, "pt", "verdadeiro|verdadeira|verdade|é verdade|correto|correta|fato|é fato|comprovado"},
	{VerdictMostlyTrue, "pt", "verdadeiro mas|verdadeiro porém|verdadeira mas|em grande parte verdadeiro"},
	{VerdictMixed, "pt", "parcialmente verdadeiro|parcialmente verdadeira|parcialmente falso|parcialmente falsa|meia verdade|contraditório"},
	{VerdictMostlyFalse, "pt", "enganoso|enganosa|exagerado|exagerada|impreciso|imprecisa|distorcido|distorcida|não é bem assim|" +
		"fora de contexto|sem contexto|falta contexto|falta de contexto|tirado de contexto|descontextualizado|descontextualizada"},
	{VerdictFalse, "pt", "falso|falsa|é falso|é fake|mentira|não é verdade|incorreto|incorreta|errado|errada|boato|montagem|sátira|" +
		"adulterado|adulterada|manipulado|manipulada|inventado|golpe"},
	{VerdictUnproven, "pt", "insustentável|sem evidência|sem evidências|sem provas|não comprovado|inconclusivo|ainda é cedo para dizer"},
	{VerdictUnknown, "pt", "de olho"},

	{VerdictTrue, "es", "verdadero|verdadera|es verdad|cierto|cierta|es cierto|correcto|correcta"},
	{VerdictMostlyTrue, "es", "verdadero pero|verdadera pero|casi verdadero|mayormente cierto|mayormente verdadero"},
	{VerdictMixed, "es", "parcialmente cierto|parcialmente verdadero|parcialmente falso|verdad a medias|media verdad|discutible"},
	{VerdictMostlyFalse, "es", "engañoso|engañosa|exagerado|exagerada|impreciso|imprecisa|distorsionado|mayormente falso|fuera de contexto|" +
		"sacado de contexto|sin contexto|falta contexto|falta de contexto|descontextualizado|descontextualizada"},
	{VerdictFalse, "es", "falso|falsa|es falso|no es cierto|no es verdad|no es real|mentira|bulo|incorrecto|incorrecta|erróneo|errónea|" +
		"inexacto|inexacta|montaje|manipulado|manipulada|inventado|timo|estafa"},
	{VerdictUnproven, "es", "sin evidencia|sin evidencias|sin pruebas|no hay evidencia|no hay pruebas|no comprobado|no probado|" +
		"no verificable|inchequeable|apresurado|insostenible"},

	{VerdictTrue, "fr", "vrai|vraie|c'est vrai|exact|exacte|=juste"},
	{VerdictMostlyTrue, "fr", "plutôt vrai|globalement vrai|en grande partie vrai|vrai mais"},
	{VerdictMixed, "fr", "en partie vrai|partiellement vrai|en partie faux|partiellement faux|à nuancer|plus compliqué|pas si simple|mitigé"},
	{VerdictMostlyFalse, "fr", "trompeur|trompeuse|plutôt faux|exagéré|exagérée|imprécis|imprécise|manque de contexte|contexte manquant|" +
		"hors contexte|sorti de son contexte|sortie de son contexte|décontextualisé|décontextualisée|détourné|détournée"},
	{VerdictFalse, "fr", "faux|fausse|c'est faux|pas vrai|inexact|inexacte|erroné|erronée|infondé|infondée|intox|infox|canular|" +
		"arnaque|montage|truqué|truquée|satirique|fausse information"},
	{VerdictUnproven, "fr", "non prouvé|pas de preuve|aucune preuve|sans preuve|invérifiable|non vérifié|non démontré|douteux"},

	{VerdictTrue, "de", "richtig|wahr|stimmt|korrekt|zutreffend|belegt"},
	{VerdictMostlyTrue, "de", "größtenteils richtig|größtenteils wahr|überwiegend richtig|überwiegend wahr|weitgehend richtig"},
	{VerdictMixed, "de", "teilweise richtig|teilweise wahr|teilweise falsch|halbwahr|halb wahr|zum teil falsch"},
	{VerdictMostlyFalse, "de", "irreführend|größtenteils falsch|überwiegend falsch|weitgehend falsch|fehlender kontext|ohne kontext|" +
		"aus dem kontext gerissen|aus dem zusammenhang gerissen|übertrieben|verzerrt"},
	{VerdictFalse, "de", "falsch|unwahr|nicht wahr|stimmt nicht|nicht richtig|unzutreffend|erfunden|frei erfunden|gefälscht|manipuliert|falschbehauptung"},
	{VerdictUnproven, "de", "unbelegt|nicht belegt|unbewiesen|nicht belegbar|nicht überprüfbar|keine belege|unklar|zweifelhaft"},

	{VerdictTrue, "it", "vero|vera|è vero|corretto|corretta|esatto"},
	{VerdictMostlyTrue, "it", "c'eri quasi|quasi vero|sostanzialmente vero|in gran parte vero|vero ma"},
	{VerdictMixed, "it", "=nì|parzialmente vero|parzialmente falso|in parte vero|in parte falso|mezza verità"},
	{VerdictMostlyFalse, "it", "fuorviante|fuori contesto|decontestualizzato|decontestualizzata|senza contesto|manca di contesto|" +
		"esagerato|esagerata|pinocchio andante"},
	{VerdictFalse, "it", "falso|falsa|non è vero|non vero|bufala|panzana pazzesca|notizia falsa|sbagliato|inesatto|inesatta|manipolato|" +
		"manipolata|fotomontaggio|inventato|infondato|infondata|satira|truffa"},
	{VerdictUnproven, "it", "senza prove|non dimostrato|non provato|non verificabile|non confermato"},

	{VerdictTrue, "nl", "waar|klopt|het klopt|juist"},
	{VerdictMostlyTrue, "nl", "grotendeels waar|grotendeels juist|overwegend waar|waar maar"},
	{VerdictMixed, "nl", "half waar|deels waar|gedeeltelijk waar|deels onwaar|gedeeltelijk onwaar|deels juist|halve waarheid"},
	{VerdictMostlyFalse, "nl", "misleidend|grotendeels onwaar|grotendeels onjuist|ontbrekende context|zonder context|uit de context|overdreven"},
	{VerdictFalse, "nl", "onwaar|onjuist|niet waar|klopt niet|niet juist|nep|fout|vals|gemanipuleerd|verzonnen|oplichting"},
	{VerdictUnproven, "nl", "onbewezen|niet bewezen|onvoldoende bewijs|geen bewijs|onduidelijk|onbevestigd"},

	{VerdictTrue, "pl", "prawda"},
	{VerdictMixed, "pl", "częściowa prawda|częściowo prawda"},
	{VerdictMostlyFalse, "pl", "manipulacja|wprowadzające w błąd|bez kontekstu"},
	{VerdictFalse, "pl", "fałsz|nieprawda|zmanipulowane"},
	{VerdictUnproven, "pl", "nieweryfikowalne"},
	{VerdictTrue, "cs", "pravda"},
	{VerdictMostlyFalse, "cs", "zavádějící"},
	{VerdictFalse, "cs", "nepravda"},
	{VerdictUnproven, "cs", "neověřitelné"},

	{VerdictTrue, "ru uk", "правда"},
	{VerdictMixed, "ru uk", "частично правда|полуправда|частково правда|напівправда"},
	{VerdictMostlyFalse, "ru uk", "манипуляция|вводит в заблуждение|искажение|маніпуляція|перебільшення"},
	{VerdictFalse, "ru uk", "неправда|ложь|фейк|недостоверно"},
	{VerdictUnproven, "ru uk", "не доказано|без доказательств|без доказів"},

	{VerdictTrue, "tr", "doğru|gerçek"},
	{VerdictMostlyTrue, "tr", "çoğunlukla doğru|büyük ölçüde doğru"},
	{VerdictMixed, "tr", "kısmen doğru|yarı doğru|kısmen yanlış|=karma"},
	{VerdictMostlyFalse, "tr", "yanıltıcı|çoğunlukla yanlış|büyük ölçüde yanlış|abartılı|bağlamından koparılmış|bağlamından kopuk|çarpıtma|eksik bilgi"},
	{VerdictFalse, "tr", "yanlış|doğru değil|gerçek değil|gerçeği yansıtmıyor|sahte|asılsız|uydurma|manipüle|hiciv"},
	{VerdictUnproven, "tr", "kanıtlanmadı|kanıtlanamadı|doğrulanamadı|doğrulanmadı|kanıtsız|belirsiz"},

	{VerdictTrue, "id ms", "benar|fakta|sesuai fakta|akurat"},
	{VerdictMostlyTrue, "id ms", "sebagian besar benar"},
	{VerdictMixed, "id ms", "sebagian benar|setengah benar|sebagian salah"},
	{VerdictMostlyFalse, "id ms", "menyesatkan|konten yang menyesatkan|konteks yang salah|koneksi yang salah|tanpa konteks|kurang konteks|dilebih-lebihkan"},
	{VerdictFalse, "id ms", "salah|tidak benar|hoaks|palsu|konten palsu|konten tiruan|dimanipulasi|konten yang dimanipulasi|keliru|disinformasi|" +
		"bohong|berita bohong|parodi"},
	{VerdictUnproven, "id ms", "belum terbukti|tidak terbukti|tanpa bukti|tidak dapat diverifikasi|belum dapat dipastikan"},
	{VerdictTrue, "fil", "totoo"},
	{VerdictMixed, "fil", "bahagyang totoo"},
	{VerdictMostlyFalse, "fil", "nakaliligaw|kulang sa konteksto"},
	{VerdictFalse, "fil", "hindi totoo|mali|walang batayan"},
	{VerdictTrue, "vi", "đúng|sự thật"},
	{VerdictMostlyFalse, "vi", "gây hiểu lầm|thiếu bối cảnh"},
	{VerdictFalse, "vi", "sai|sai sự thật|tin giả|không đúng"},

	{VerdictTrue, "hi", "सच|सही|सत्य"},
	{VerdictMostlyTrue, "hi", "अधिकतर सच|ज़्यादातर सच"},
	{VerdictMixed, "hi", "आंशिक रूप से सच|आंशिक रूप से सही|आंशिक सच|आधा सच|मिश्रित"},
	{VerdictMostlyFalse, "hi", "भ्रामक|मिसलीडिंग|गुमराह करने वाला|अतिशयोक्ति"},
	{VerdictFalse, "hi", "गलत|झूठ|झूठा|झूठी|फर्जी|फेक|असत्य|सच नहीं|सही नहीं|मनगढ़ंत|व्यंग्य"},
	{VerdictUnproven, "hi", "अप्रमाणित|असत्यापित|कोई सबूत नहीं|संदिग्ध"},
	{VerdictTrue, "bn", "সত্য|সত্যি|সঠিক"},
	{VerdictMixed, "bn", "আংশিক সত্য|আংশিক সঠিক|আংশিক মিথ্যা|অর্ধসত্য"},
	{VerdictMostlyFalse, "bn", "বিভ্রান্তিকর|বিকৃত|অতিরঞ্জিত"},
	{VerdictFalse, "bn", "মিথ্যা|ভুয়া|ভূয়া|অসত্য|ভুল|বানোয়াট|গুজব|ব্যঙ্গ|প্রতারণা"},
	{VerdictUnproven, "bn", "অপ্রমাণিত|যাচাই করা যায়নি"},
	{VerdictTrue, "ur fa", "درست|صحیح"},
	{VerdictMostlyFalse, "ur fa", "گمراہ کن|گمراه کننده"},
	{VerdictFalse, "ur fa", "غلط|جھوٹ|نادرست"},

	{VerdictTrue, "ar", "صحيح|صحيحة|حقيقي|خبر صحيح"},
	{VerdictMixed, "ar", "صحيح جزئيا|صحيحة جزئيا|زائف جزئيا|خاطئ جزئيا|نصف صحيح|مختلط"},
	{VerdictMostlyFalse, "ar", "مضلل|مضللة|عنوان مضلل|سياق مضلل|خارج السياق|ناقص|مبالغ فيه|يفتقر إلى السياق"},
	{VerdictFalse, "ar", "زائف|زائفة|كاذب|كاذبة|خاطئ|خاطئة|غير صحيح|غير صحيحة|غير دقيق|مفبرك|مفبركة|ملفق|مزيف|مزيفة|إشاعة|شائعة|ساخر|خبر كاذب"},
	{VerdictUnproven, "ar", "غير مثبت|غير مؤكد|لم يثبت|لا دليل|بدون دليل"},

	{VerdictTrue, "zh", "正确|正確|属实|屬實|真实|真實"},
	{VerdictMostlyTrue, "zh", "大致正确|大致正確|基本属实|基本屬實|大部分正确|大部分正確"},
	{VerdictMixed, "zh", "部分正确|部分正確|部分错误|部分錯誤|部分属实|部分屬實|半真半假"},
	{VerdictMostlyFalse, "zh", "误导|誤導|易生误解|易生誤解|断章取义|斷章取義|缺乏背景|缺乏脉络|缺乏脈絡|夸大|誇大"},
	{VerdictFalse, "zh", "错误|錯誤|不实|不實|虚假|虛假|谣言|謠言|假消息|假新闻|假新聞|不正确|不正確|不属实|不屬實|不真实|不真實|" +
		"与事实不符|與事實不符|捏造|造谣|造謠|伪造|偽造|诈骗|詐騙|讽刺|諷刺|移花接木|=假"},
	{VerdictUnproven, "zh", "证据不足|證據不足|无法证实|無法證實|未经证实|未經證實|尚无定论|尚無定論"},
	{VerdictUnknown, "zh", "事實釐清|事实澄清"},
	{VerdictTrue, "ja", "正確|事実"},
	{VerdictMostlyTrue, "ja", "ほぼ正確"},
	{VerdictMixed, "ja", "一部誤り"},
	{VerdictMostlyFalse, "ja", "ミスリード|誤解を招く"},
	{VerdictFalse, "ja", "誤り|虚偽|偽|デマ|フェイク|不正確|事実と異なる|事実ではない"},
	{VerdictUnproven, "ja", "根拠不明|根拠なし|真偽不明"},
	{VerdictTrue, "ko", "사실"},
	{VerdictMostlyTrue, "ko", "대체로 사실"},
	{VerdictMixed, "ko", "절반의 사실|일부 사실"},
	{VerdictMostlyFalse, "ko", "대체로 사실 아님|대체로 거짓|오해의 소지|과장"},
	{VerdictFalse, "ko", "사실 아님|전혀 사실 아님|거짓|허위|사실과 다름"},
	{VerdictUnproven, "ko", "판단 유보|판단유보|근거 부족"},
	{VerdictTrue, "th", "จริง"},
	{VerdictMostlyFalse, "th", "บิดเบือน"},
	{VerdictFalse, "th", "ไม่จริง|ข่าวปลอม|ปลอม"},
}
