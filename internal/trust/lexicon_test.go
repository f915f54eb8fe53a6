package trust

import (
	"testing"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lexiconCorpus is a small corpus written for these tests: fact-checks of
// Kenyan, Brazilian and US claims, with claimants as PolitiFact and
// ClaimReview give them. Nothing in the trust layer knows these people and
// places beforehand; the lexicon must learn them from how the claims use
// them.
var lexiconCorpus = []claim.Claim{
	{Claimant: "William Ruto", Text: "Kenya will build 200,000 affordable houses in Nairobi by 2027."},
	{Claimant: "Raila Odinga", Text: "Fuel prices in Kisumu doubled after the new tax."},
	{Claimant: "Facebook posts", Text: "A photo shows floods in Mombasa in May 2024."},
	{Claimant: "Viral image", Text: "President Ruto signed the Finance Bill in Kisumu in June 2024."},
	{Text: "Governor Johnson Sakaja said 3,000 teachers were hired in Nairobi County."},
	{Text: "Odinga said the new tax doubled fuel prices in Mombasa and Kisumu."},
	{Claimant: "Luiz Inácio Lula da Silva", Text: "Deforestation in the Amazon fell by half in 2023."},
	{Claimant: "Jair Bolsonaro", Text: "Crime fell 20% in Recife after the new police law."},
	{Claimant: "Blogs", Text: "Presidente Lula visitou Salvador em março de 2023."},
	{Text: "Governor Romeu Zema said Minas Gerais paid all its debts.", Title: "Zema and the debts of Minas Gerais"},
	{Text: "Bolsonaro said unemployment in Salvador doubled."},
	{Claimant: "Hillary Clinton", Text: "The tax plan costs $350 billion."},
	{Claimant: "Joe Biden", Text: "Joe Biden owns the largest mansion in his state."},
	{Claimant: "Donald Trump", Text: "The Trump Administration plans to monitor the social media of disability recipients."},
	{Claimant: "Barack Obama", Text: "Obama said the economy added 200,000 jobs in March."},
	{Claimant: "George W. Bush", Text: "Bush said taxes fell for every family."},
	{Claimant: "Pete Hegseth", Text: "Defense Secretary Pete Hegseth said 28,500 US troops are in South Korea."},
	{Text: "Secretary of State Marco Rubio met Kenyan officials in Mombasa."},
	{Claimant: "Republican Party of Texas", Text: "Democrats announced a plan for a 42% sales tax."},
	{Text: "Did Ruto Say Kenya Will Ban Imports?", Title: "Did Ruto Say Kenya Will Ban Imports?"},
}

// testLexicon is the lexicon learned from lexiconCorpus.
var testLexicon = LearnLexicon(lexiconCorpus)

func TestLearnLexicon(t *testing.T) {
	cases := []struct {
		name string
		want NameKind
	}{
		// Claimants written as names are people; their surnames name them
		// alone and their first words open people's names.
		{"william ruto", PersonName}, {"ruto", PersonName}, {"william", GivenName},
		{"raila odinga", PersonName}, {"odinga", PersonName},
		{"luiz inácio lula da silva", PersonName}, {"silva", PersonName}, {"luiz", GivenName},
		{"jair bolsonaro", PersonName}, {"bolsonaro", PersonName},
		{"george w. bush", PersonName}, {"bush", PersonName},
		// A title makes a person, in any language of the core.
		{"johnson sakaja", PersonName}, {"sakaja", PersonName},
		{"lula", PersonName},
		{"romeu zema", PersonName},
		{"marco rubio", PersonName},
		// A locative makes a place: English "in", Portuguese "em".
		{"kisumu", PlaceName}, {"mombasa", PlaceName}, {"recife", PlaceName}, {"salvador", PlaceName},
		{"nairobi county", NotAName}, // geographic features ("County", "River") are not learned
		// An organisation word makes an organisation.
		{"republican party of texas", OrgName},
		// Not names: claimants that name no one, sentence starts, titles
		// in headline case, the office after "Secretary of".
		{"facebook posts", NotAName}, {"viral image", NotAName}, {"blogs", NotAName},
		{"crime", NotAName}, {"deforestation", NotAName}, {"ban imports", NotAName}, {"state", NotAName},
	}
	for _, c := range cases {
		assert.Equal(t, c.want.String(), testLexicon.Kind(c.name).String(), c.name)
	}
}

func TestLexiconEncoding(t *testing.T) {
	b := testLexicon.Encode()
	got, err := DecodeLexicon(b)
	require.NoError(t, err)
	assert.Equal(t, testLexicon.kinds, got.kinds)
	assert.Equal(t, byte(LexiconVersion), b[0])

	empty, err := DecodeLexicon((&Lexicon{}).Encode())
	require.NoError(t, err)
	assert.Zero(t, empty.Len())

	// Every truncation and a changed version, kind or order is an error,
	// never a panic or a silently different lexicon.
	for n := 0; n < len(b); n++ {
		_, err := DecodeLexicon(b[:n])
		assert.Error(t, err, "truncated to %d bytes", n)
	}
	bad := append([]byte{LexiconVersion + 1}, b[1:]...)
	_, err = DecodeLexicon(bad)
	assert.Error(t, err, "version")
	two := (&Lexicon{kinds: map[string]NameKind{"a": PersonName, "b": PlaceName}}).Encode()
	kind := append([]byte(nil), two...)
	kind[len(kind)-1] = byte(numNameKinds)
	_, err = DecodeLexicon(kind)
	assert.Error(t, err, "kind")
	unsorted := append([]byte(nil), two...)
	unsorted[len(unsorted)-2] = 'a' // the second name is "a" again
	_, err = DecodeLexicon(unsorted)
	assert.Error(t, err, "order")
}

// FuzzDecodeLexicon: whatever the bytes, decoding does not panic, and a
// current-version lexicon it accepts encodes back to the same bytes.
func FuzzDecodeLexicon(f *testing.F) {
	f.Add(testLexicon.Encode())
	f.Add([]byte{LexiconVersion, 0})
	f.Add([]byte{1, 2, 0, 5, 's', 'a', 'o', ' ', 'p', 3, 0, 6, 's', 0xc3, 0xa3, 'o', ' ', 'p', 3})
	f.Fuzz(func(t *testing.T, b []byte) {
		lx, err := DecodeLexicon(b)
		if err != nil {
			return
		}
		again := lx.Encode()
		if b[0] == LexiconVersion && string(again) != string(b) {
			t.Fatalf("decoded %d names from %x, encoded %x", lx.Len(), b, again)
		}
		if b2, err := DecodeLexicon(again); err != nil || string(b2.Encode()) != string(again) {
			t.Fatalf("re-encoding %x is not stable: %v", b, err)
		}
	})
}

// A version 1 lexicon (names only lower-cased) loads with its names folded.
func TestDecodeLexiconVersion1(t *testing.T) {
	b := []byte{1, 1, 0, 9, 's', 0xc3, 0xa3, 'o', ' ', 'p', 'a', 'u', 'l', 3} // "são paul", a place
	lx, err := DecodeLexicon(b)
	require.NoError(t, err)
	assert.Equal(t, PlaceName, lx.Kind("Sao Paul"))
	assert.Equal(t, PlaceName, lx.Kind("são paul"))
	_, err = DecodeLexicon(append([]byte{LexiconVersion}, b[1:]...))
	assert.Error(t, err, "a current lexicon's names are folded")
}
