package trust

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type ent struct{ Norm, Text, Kind string }

func TestEntities(t *testing.T) {
	cases := []struct {
		in   string
		want []ent
	}{
		{"South Korea and North Korea", []ent{{"south korea", "South Korea", "place"}, {"north korea", "North Korea", "place"}}},
		{"Seoul said the ROK and the DPRK met in Pyongyang.", []ent{{"south korea", "Seoul", "place"}, {"south korea", "ROK", "place"}, {"north korea", "DPRK", "place"}, {"north korea", "Pyongyang", "place"}}},
		{"a South Korean official", []ent{{"south korea", "South Korean", "place"}}},
		{"The US, the U.S., the United States, America and Washington", []ent{
			{"united states", "US", "place"}, {"united states", "U.S.", "place"}, {"united states", "United States", "place"},
			{"united states", "America", "place"}, {"united states", "Washington", "place"}}},
		{"about 28,500 American troops", []ent{{"united states", "American", "place"}}},
		{"let us go", nil},
		{"Japan's effort", []ent{{"japan", "Japan", "place"}}},
		{"Chinese and Taiwanese officials in Beijing", []ent{{"china", "Chinese", "place"}, {"taiwan", "Taiwanese", "place"}, {"china", "Beijing", "place"}}},
		{"US forces in Korea", []ent{{"united states", "US", "place"}, {"korea", "Korea", "place"}}},
		{"the US-South Korea alliance", []ent{{"united states", "US", "place"}, {"south korea", "South Korea", "place"}}},
		{"US Defence Secretary Pete Hegseth met South Korean Defence Minister Ahn Gyu-back.", []ent{
			{"united states", "US", "place"}, {"pete hegseth", "Pete Hegseth", "person"},
			{"south korea", "South Korean", "place"}, {"ahn gyu-back", "Ahn Gyu-back", "person"}}},
		{"Secretary of State Marco Rubio spoke.", []ent{{"marco rubio", "Marco Rubio", "person"}}},
		{"Hegseth said so.", []ent{{"hegseth", "Hegseth", "person"}}},
		{"Hegseth did not visit.", []ent{{"hegseth", "Hegseth", "person"}}}, // a person of the corpus
		{"Ator did not visit.", []ent{{"ator", "Ator", "other"}}},           // an unknown word opening a sentence, used as a name: not a known person
		{"Says Hillary Clinton wants it.", []ent{{"hillary clinton", "Hillary Clinton", "person"}}},
		{"They attacked Community Colleges and the Purple Heart.", []ent{{"community colleges", "Community Colleges", "other"}, {"purple heart", "Purple Heart", "other"}}},
		{"Republicans and the Democratic Party", []ent{{"republican party", "Republicans", "org"}, {"democratic party", "Democratic Party", "org"}}},
		{"He was asked by Yonhap News Agency at the Security Consultative Meeting.", []ent{{"yonhap news agency", "Yonhap News Agency", "org"}, {"security consultative meeting", "Security Consultative Meeting", "other"}}},
		{"a NATO-style alliance in the Indo-Pacific", []ent{{"nato", "NATO", "org"}, {"indo-pacific", "Indo-Pacific", "place"}}},
		{"Peacetime control was handed back to Seoul in 1994.", []ent{{"south korea", "Seoul", "place"}}},
		{"In Kuala Lumpur he met officials.", []ent{{"malaysia", "Kuala Lumpur", "place"}}},
		{"on 5 November 2025", nil},

		// Names of a Kenyan and a Brazilian corpus, learned from it
		// (testLexicon), and places marked by a locative in the sentence.
		{"Ruto's government raised fuel taxes in Kisumu.", []ent{{"ruto", "Ruto", "person"}, {"kisumu", "Kisumu", "place"}}},
		{"Odinga met traders from Eldoret.", []ent{{"odinga", "Odinga", "person"}, {"eldoret", "Eldoret", "place"}}},
		{"Rais William Ruto alisema Mombasa itapata maji.", []ent{{"william ruto", "William Ruto", "person"}, {"mombasa", "Mombasa", "place"}}},
		{"Presidente Lula visitou Recife em maio.", []ent{{"lula", "Lula", "person"}, {"recife", "Recife", "place"}}},
		{"O governador Romeu Zema disse que Minas Gerais pagou.", []ent{{"romeu zema", "Romeu Zema", "person"}, {"minas gerais", "Minas Gerais", "other"}}},
		{"Bolsonaro said crime fell in Belo Horizonte.", []ent{{"bolsonaro", "Bolsonaro", "person"}, {"belo horizonte", "Belo Horizonte", "place"}}},
		{"White House Chief of Staff Susie Wiles spoke.", []ent{{"white house", "White House", "org"}, {"susie wiles", "Susie Wiles", "person"}}},
		{"The Governor of Nakuru said so.", []ent{{"nakuru", "Nakuru", "other"}}}, // the office's domain: a place or a ministry
		{"the U.S has moved", []ent{{"united states", "U.S", "place"}}},
		{"The state of Minas Gerais paid.", []ent{{"minas gerais", "Minas Gerais", "place"}}},
		{"George Stinney Jr was executed in 1944.", []ent{{"george stinney jr", "George Stinney Jr", "person"}}},
	}
	for _, c := range cases {
		var got []ent
		for _, e := range testLexicon.Entities(c.in) {
			got = append(got, ent{e.Norm, e.Text, e.Kind})
			require.Equal(t, c.in[e.Start:e.End], e.Text)
		}
		assert.Equal(t, c.want, got, c.in)
	}
}

func TestNegationCues(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"Hegseth did not visit the DMZ.", []string{"not"}},
		{"Hegseth didn't visit the DMZ.", []string{"didn't"}},
		{"Hegseth didn’t visit.", []string{"didn’t"}},
		{"He cannot and will never go.", []string{"cannot", "never"}},
		{"There is no evidence.", []string{"no"}},
		{"No, he said.", nil},
		{"There is no doubt.", nil},
		{"Neither Seoul nor Washington agreed.", []string{"Neither"}},
		{"Seoul agreed, nor did Washington object.", []string{"nor"}},
		{"The ministry denied the report.", []string{"denied"}},
		{"He ruled out any support.", []string{"ruled out"}},
		{"He refused to sign.", []string{"refused"}},
		{"He failed to sign.", []string{"failed"}},
		{"It is false that he signed.", []string{"false"}},
		{"The report was inaccurate.", []string{"inaccurate"}},
		{"not only Seoul but also Tokyo", nil},
		{"whether or not he signs", nil},
		{"Hegseth visited the DMZ.", nil},
		{"nonetheless, nothing happened", []string{"nothing"}},
	}
	for _, c := range cases {
		var got []string
		for _, cue := range NegationCues(c.in) {
			got = append(got, cue.Text)
			require.Equal(t, c.in[cue.Start:cue.End], cue.Text)
		}
		assert.Equal(t, c.want, got, c.in)
	}
}
