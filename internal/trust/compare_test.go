package trust

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCompare(t *testing.T) {
	none := time.Time{}
	cases := []struct {
		name        string
		page, claim string
		ref, cref   time.Time
		want        []Flag // Kind, Page and Claim are checked; spans only for consistency
	}{
		// Paraphrases: no flags.
		{"troops paraphrase", "About 28,500 American troops are based in South Korea.", "Around 28,500 US service members are stationed in South Korea.", none, none, nil},
		{"Seoul is South Korea", "Peacetime control was handed back to Seoul in 1994.", "South Korea took back peacetime operational control of its troops in 1994.", none, none, nil},
		{"rounded figure", "Some 28,000 US troops are in South Korea.", "About 28,500 US troops are in South Korea.", none, none, nil},
		{"hedged within 10%", "About 30,000 US troops are in South Korea.", "28,500 US troops are in South Korea.", none, none, nil},
		{"percent forms", "The budget rose 10 percent.", "The budget increased by 10%.", none, none, nil},
		{"more than doubled vs doubled", "Exports more than doubled.", "Exports doubled.", none, none, nil},
		{"date forms", "The summit took place on November 4, 2025.", "The summit was held on 4 November 2025.", none, none, nil},
		{"coarser precision", "The summit took place in November 2025.", "The summit was held on 4 November 2025.", none, none, nil},
		{"shared negation", "Hegseth said he did not believe the report.", "Hegseth said he did not think the report was accurate.", none, none, nil},
		{"title and full name", "Defense Secretary Pete Hegseth visited Seoul.", "Hegseth visited South Korea.", none, none, nil},
		{"claim without numbers", "35,000 US troops are in South Korea.", "US troops are based in South Korea.", none, none, nil},
		{"synonym verbs", "Hegseth supported the plan.", "Hegseth backed the plan.", none, none, nil},
		{"currency forms", "The plan costs $350 billion.", "The plan costs 350bn dollars.", none, none, nil},
		{"number words", "The fine was twenty thousand dollars.", "The fine was $20,000.", none, none, nil},
		{"generic Korea", "US forces in Korea may operate beyond the peninsula.", "US forces in South Korea may operate beyond the peninsula.", none, none, nil},
		{"antonym cancels negation", "Hegseth rejected the plan.", "Hegseth did not approve the plan.", none, none, nil},
		{"relative claim date", "The talks were held on 4 November 2025.", "The talks were held yesterday.", none, day(2025, 11, 5), nil},
		{"extra country on one side", "US Defence Secretary Pete Hegseth met South Korean Defence Minister Ahn Gyu-back.", "Hegseth met Ahn Gyu-back.", none, none, nil},
		{"place without its accent", "Veterans who were deported protested in Ciudad Juarez.", "Deported veterans held a protest in Ciudad Juárez.", none, none, nil},
		{"person without accents", "Luiz Inacio Lula da Silva signed the decree.", "Luiz Inácio Lula da Silva signed the decree.", none, none, nil},
		{"generational suffix", "George Stinney Jr was executed at 14.", "George Stinney was executed at 14.", none, none, nil},

		// Flags.
		{"troop count", "35,000 US troops are stationed in South Korea.", "28,500 troops are stationed in South Korea.", none, none,
			[]Flag{{Kind: NumbersDiffer, Page: "35,000", Claim: "28,500"}}},
		{"percent", "Inflation hit 50 percent.", "Inflation hit 7%.", none, none,
			[]Flag{{Kind: NumbersDiffer, Page: "50 percent", Claim: "7%"}}},
		{"unhedged 5.3%", "28,500 troops are there.", "30,000 troops are there.", none, none,
			[]Flag{{Kind: NumbersDiffer, Page: "28,500", Claim: "30,000"}}},
		{"trend factor", "Exports more than doubled.", "Exports rose 10%.", none, none,
			[]Flag{{Kind: NumbersDiffer, Page: "more than doubled", Claim: "rose 10%"}}},
		{"trend direction", "The budget will rise in 2026.", "The budget will fall in 2026.", none, none,
			[]Flag{{Kind: NumbersDiffer, Page: "rise", Claim: "fall"}}},
		{"day", "The summit took place on 14 November.", "The summit took place on 4 November 2025.", day(2025, 11, 20), none,
			[]Flag{{Kind: DateDiffers, Page: "14 November (2025-11-14)", Claim: "4 November 2025"}}},
		{"year", "Control was regained in 2004.", "Control was regained in 1994.", none, none,
			[]Flag{{Kind: DateDiffers, Page: "2004", Claim: "1994"}}},
		{"relative weekday", "The meeting was held on Tuesday.", "The meeting was held on 11 November 2025.", day(2025, 11, 5), none,
			[]Flag{{Kind: DateDiffers, Page: "Tuesday (2025-11-04)", Claim: "11 November 2025"}}},
		{"country", "North Korea handed over control of its forces.", "South Korea handed over control of its forces.", none, none,
			[]Flag{{Kind: EntityDiffers, Page: "North Korea", Claim: "South Korea"}}},
		{"person", "Defense Secretary Hegseth approved the plan.", "Defense Secretary Austin approved the plan.", none, none,
			[]Flag{{Kind: EntityDiffers, Page: "Hegseth", Claim: "Austin"}}},
		{"another place, accents aside", "Veterans who were deported protested in Ciudad Victoria.", "Deported veterans held a protest in Ciudad Juárez.", none, none,
			[]Flag{{Kind: EntityDiffers, Page: "Ciudad Victoria", Claim: "Ciudad Juárez"}}},
		{"another person, suffix aside", "George Wallace Jr was executed at 14.", "George Stinney was executed at 14.", none, none,
			[]Flag{{Kind: EntityDiffers, Page: "George Wallace Jr", Claim: "George Stinney"}}},
		{"page negates", "Hegseth did not back the transfer.", "Hegseth backed the transfer.", none, none,
			[]Flag{{Kind: Negation, Page: "not back", Claim: "backed"}}},
		{"claim negates", "Hegseth backed the transfer.", "Hegseth didn't back the transfer.", none, none,
			[]Flag{{Kind: Negation, Page: "backed", Claim: "didn't back"}}},
		{"antonym", "Hegseth opposed the transfer.", "Hegseth supported the transfer.", none, none,
			[]Flag{{Kind: Negation, Page: "opposed", Claim: "supported"}}},
		{"false that: the page disputes the claim", "It is false that Seoul signed the pact.", "Seoul signed the pact.", none, none,
			[]Flag{{Kind: Disputes, Page: "false", Claim: ""}}},
		{"everything", "North Korea sent 5,000 troops in 2019.", "South Korea sent 500 troops in 2018.", none, none,
			[]Flag{{Kind: NumbersDiffer, Page: "5,000", Claim: "500"}, {Kind: DateDiffers, Page: "2019", Claim: "2018"},
				{Kind: EntityDiffers, Page: "North Korea", Claim: "South Korea"}}},
		{"relative claim date differs", "The talks were held on 4 November 2025.", "The talks were held yesterday.", none, day(2025, 11, 7),
			[]Flag{{Kind: DateDiffers, Page: "4 November 2025", Claim: "yesterday (2025-11-06)"}}},
		{"venue", "The allies' yearly Security Consultative Meeting was held in Seoul on Tuesday.", "The 2025 US-South Korea Security Consultative Meeting was held in Tokyo.", day(2025, 11, 5), none,
			[]Flag{{Kind: EntityDiffers, Page: "Seoul", Claim: "Tokyo"}}},
		{"same capital, two spellings", "The talks were held in Kiev.", "The talks were held in Kyiv.", none, none, nil},
		{"surname alone swapped", "Bush's poll numbers are in a tailspin, watch for him to attack Iran.", "Obama's poll numbers are in a tailspin, so he will attack Iran.", none, none,
			[]Flag{{Kind: EntityDiffers, Page: "Bush", Claim: "Obama"}}},
		{"same first name, other surname", "Joe Trump owns the largest mansion in his state.", "Joe Biden owns the largest mansion in his state.", none, none,
			[]Flag{{Kind: EntityDiffers, Page: "Joe Trump", Claim: "Joe Biden"}}},
		{"person for an organisation named after one", "The Biden administration plans to monitor the social media of veterans.", "The Trump Administration plans to monitor the social media of disability recipients.", none, none,
			[]Flag{{Kind: EntityDiffers, Page: "Biden", Claim: "Trump Administration"}}},
		{"organisation in the same slot", "Donations went to the Sanders Foundation for hurricane relief.", "Donations went to the Clinton Foundation for hurricane relief.", none, none,
			[]Flag{{Kind: EntityDiffers, Page: "Sanders Foundation", Claim: "Clinton Foundation"}}},
		{"party", "Republicans announced a plan for a 42% sales tax.", "Democrats announced a plan for a 42% sales tax.", none, none,
			[]Flag{{Kind: EntityDiffers, Page: "Republicans", Claim: "Democrats"}}},
		{"handle names the person", ".@DarrellIssa hid on the roof to avoid protesters.", "Rep. Darrell Issa hid on the roof of his office to avoid protesters.", none, none, nil},
		{"capitalised things are not people", "You prove you are trash by insulting Community Colleges again.", "President Donald Trump insulted community colleges in a tweet.", none, none, nil},
		{"headline case keeps the name", "Hillary Clinton Smeared Poor Americans, Called Them Losers", "Hillary Clinton described progressive voters as losers.", none, none, nil},
		{"negation outside the claim's clause", "If you haven't seen it yet, a video shows a grandparent buying Minecraft for a grandchild.", "A video shows a grandparent buying Minecraft for a grandchild.", none, none, nil},
		{"negation of a side remark", "News the media didn't report today: Trump donated his $400,000 salary to rebuild cemeteries.", "Trump donated his $400,000 salary to rebuild military cemeteries.", none, none, nil},
		{"negation of the claim's subject clause", "The Amazon has not been burning for three weeks.", "Portions of the Amazon rainforest were on fire in August.", none, none,
			[]Flag{{Kind: Negation, Page: "not been burning", Claim: ""}}},
		{"negated truth of a reported claim", "Hegseth brushed aside a report that the line leaves out Taiwan, saying he did not think it was accurate.", "Hegseth confirmed that the line leaves out Taiwan.", none, none,
			[]Flag{{Kind: Disputes, Page: "not think", Claim: ""}}},
		{"sibling Korea despite Korean War", "South Korea gave up control during the Korean War.", "North Korea gave up control during the Korean War.", none, none,
			[]Flag{{Kind: EntityDiffers, Page: "South Korea", Claim: "North Korea"}}},

		// Restating, quoting, hedging and debunking: a page that disputes
		// the claim says so; one that is about the claim without
		// contradicting it raises nothing.
		{"a post debunking its claim in capitals", "Fact check: The U.S. Army is NOT contacting anyone regarding the draft.", "The U.S. Army is contacting people regarding the military draft.", none, none,
			[]Flag{{Kind: Disputes, Page: "NOT contacting", Claim: "contacting"}}},
		{"never in capitals", "El Paso was NEVER one of the most dangerous cities in the US.", "El Paso was one of the most dangerous cities in the US.", none, none,
			[]Flag{{Kind: Disputes, Page: "NEVER one", Claim: "one"}}},
		{"not true that", "It is not true that 28,500 US troops are leaving South Korea.", "28,500 US troops are leaving South Korea.", none, none,
			[]Flag{{Kind: Disputes, Page: "not true", Claim: ""}}},
		{"a fake photo", "This fake photo shows Hegseth in Seoul.", "A photo shows Hegseth in Seoul.", none, none,
			[]Flag{{Kind: Disputes, Page: "fake", Claim: ""}}},
		{"fake news is an epithet", "Fake news CNN says 28,500 US troops are leaving South Korea.", "28,500 US troops are leaving South Korea.", none, none, nil},
		{"a dispute word the claim uses too", "The video was doctored to show Pelosi slurring.", "A doctored video shows Pelosi slurring her words.", none, none, nil},
		{"the post says: a restatement", "The post says 28,500 US troops are leaving South Korea.", "28,500 US troops are leaving South Korea.", none, none, nil},
		{"an imperative to the reader", "Don't open a perfume bottle when the air conditioner of your car is on.", "A perfume bottle opened in a car with the air conditioner on can explode.", none, none, nil},
		{"a generic you", "You can't eat soup while driving in British Columbia.", "Drivers in British Columbia can be fined for eating soup while driving.", none, none, nil},
		{"only the claim negates, the page reports the fact otherwise", "Manafort indictment on CNN and MSNBC, Fox covering cheeseburger emojis.", "Fox News didn't report the Manafort indictment.", none, none, nil},

		// People and places of a Kenyan and a Brazilian corpus, as the
		// lexicon learned them (testLexicon), and people nobody checked.
		{"Kenyan person swapped", "Odinga signed the Finance Bill in June 2024.", "President Ruto signed the Finance Bill in June 2024.", none, none,
			[]Flag{{Kind: EntityDiffers, Page: "Odinga", Claim: "Ruto"}}},
		{"Kenyan town swapped", "Fuel prices in Mombasa doubled after the new tax.", "Fuel prices in Kisumu doubled after the new tax.", none, none,
			[]Flag{{Kind: EntityDiffers, Page: "Mombasa", Claim: "Kisumu"}}},
		{"town the corpus never named, after a locative", "Fuel prices in Eldoret doubled after the new tax.", "Fuel prices in Kisumu doubled after the new tax.", none, none,
			[]Flag{{Kind: EntityDiffers, Page: "Eldoret", Claim: "Kisumu"}}},
		{"Brazilian title and name", "Presidente Bolsonaro visitou Salvador em março de 2023.", "Presidente Lula visitou Salvador em março de 2023.", none, none,
			[]Flag{{Kind: EntityDiffers, Page: "Bolsonaro", Claim: "Lula"}}},
		{"Portuguese locative", "Crime fell 20% in Salvador after the new police law.", "Crime fell 20% in Recife after the new police law.", none, none,
			[]Flag{{Kind: EntityDiffers, Page: "Salvador", Claim: "Recife"}}},
		{"a person nobody checked for a known one", "Wanjiru Kamau owns the largest mansion in his state.", "Joe Biden owns the largest mansion in his state.", none, none,
			[]Flag{{Kind: EntityDiffers, Page: "Wanjiru Kamau", Claim: "Joe Biden"}}},
		{"same title, another person", "Fans booed President Kamau at the game.", "Fans booed President Donald Trump at the game.", none, none,
			[]Flag{{Kind: EntityDiffers, Page: "Kamau", Claim: "Donald Trump"}}},
		{"the same person by surname and in lower case", "fuel taxes rose under ruto, traders in Kisumu say.", "William Ruto raised fuel taxes in Kisumu.", none, none, nil},
		{"the office for its holder", "The President signed the Finance Bill in June 2024.", "President Ruto signed the Finance Bill in June 2024.", none, none, nil},
		{"an extra person named in passing", "Odinga watched as President Ruto signed the Finance Bill in June 2024.", "President Ruto signed the Finance Bill in June 2024.", none, none, nil},
		{"a country and a town in it", "Fuel prices in Kenya doubled after the new tax.", "Fuel prices in Kisumu doubled after the new tax.", none, none, nil},
	}
	for _, c := range cases {
		got := NewComparer(testLexicon).Compare(c.page, c.claim, c.ref, c.cref)
		var g []Flag
		for _, f := range got {
			require.True(t, 0 <= f.Start && f.Start <= f.End && f.End <= len(c.page), c.name)
			require.Equal(t, pageText(f), c.page[f.Start:f.End], c.name)
			g = append(g, Flag{Kind: f.Kind, Page: f.Page, Claim: f.Claim})
		}
		assert.Equal(t, c.want, g, c.name)
	}
}

// pageText is the part of a flag's Page that is quoted from the page (dates
// append the resolved ISO date).
func pageText(f Flag) string {
	for i := 0; i < len(f.Page); i++ {
		if f.Page[i] == ' ' && i+1 < len(f.Page) && f.Page[i+1] == '(' {
			return f.Page[:i]
		}
	}
	return f.Page
}

func BenchmarkCompare(b *testing.B) {
	page := "Aboard the plane, Hegseth brushed aside a recent report that the Pentagon's new defence strategy would draw a US defence line leaving out South Korea and Taiwan, saying he did not think it was accurate on Tuesday."
	claim := "Hegseth said on 4 November 2025 he did not believe a report that a new US defence line would exclude South Korea and Taiwan was accurate."
	b.ReportAllocs()
	for b.Loop() {
		Compare(page, claim, articleDate, claimDate)
	}
}

func TestCheckAgreements(t *testing.T) {
	page := "Around 28,500 US troops were in South Korea on 4 November 2025, Hegseth said."
	claim := "Defence Secretary Pete Hegseth said 28,500 US troops were stationed in South Korea on 4 November 2025."
	flags, agree := (&Comparer{}).Check(page, claim, time.Time{}, time.Time{})
	assert.Empty(t, flags)
	type a struct{ Kind, Page, Claim string }
	var got []a
	for _, g := range agree {
		require.Equal(t, g.Page, page[g.Start:g.End])
		got = append(got, a{g.Kind, g.Page, g.Claim})
	}
	assert.Equal(t, []a{
		{"number", "28,500", "28,500"},
		{"date", "4 November 2025", "4 November 2025"},
		{"entity", "US", "US"},
		{"entity", "South Korea", "South Korea"},
		{"entity", "Hegseth", "Pete Hegseth"},
	}, got)

	// A venue agrees only with the same venue: "held in Seoul" is not
	// stated by a claim that merely names South Korea.
	_, agree = (&Comparer{}).Check("The talks were held in Seoul.", "South Korean officials held talks.", time.Time{}, time.Time{})
	for _, g := range agree {
		assert.NotEqual(t, "Seoul", g.Page)
	}
}

// A capitalised word the corpus never uses is a name even where capitals
// say nothing (a sentence's first word); words the corpus uses, function
// words and short ones stay words.
func TestUnusedWordsAreNames(t *testing.T) {
	corpusWords := map[string]bool{"president": true, "trump": true, "leader": true, "met": true, "happening": true}
	cmp := NewComparer(nil)
	cmp.SetUsedWords(func(w string) bool { return corpusWords[w] })
	none := time.Time{}
	claim := "President Trump met the leader of the KKK in 1995."
	flags := cmp.Compare("Kamau met the leader of the KKK in 1995.", claim, none, none)
	require.Len(t, flags, 1, "an unknown first word standing for the claim's person")
	assert.Equal(t, EntityDiffers, flags[0].Kind)
	assert.Equal(t, "Kamau", flags[0].Page)
	for _, page := range []string{
		"Happening now: Trump met the leader of the KKK in 1995.",
		"Maybe Trump met the leader of the KKK in 1995.",
		"Smh, Trump met the leader of the KKK in 1995.",
	} {
		assert.Empty(t, cmp.Compare(page, claim, none, none), page)
	}
	plain := NewComparer(nil) // without the corpus's words, a first word is no name
	assert.Empty(t, plain.Compare("Kamau met the leader of the KKK in 1995.", claim, none, none))
}
