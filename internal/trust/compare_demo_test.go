package trust

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// articleDate is the demo article's date (internal/defaultcorpus), a
// Wednesday; claimDate is a date the corpus claims were reviewed.
var (
	articleDate = time.Date(2025, 11, 5, 0, 0, 0, 0, time.UTC)
	claimDate   = time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC)
)

func kinds(fs []Flag) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Kind)
	}
	return out
}

// demoCases are the matching sentences of internal/defaultcorpus/article.html
// with the claims article.expected.md assigns them and the flags it expects.
var demoCases = []struct {
	page, claim string
	want        []string
}{
	{"The allies' yearly Security Consultative Meeting was held in Seoul on Tuesday.",
		"The annual US-South Korea Security Consultative Meeting took place in Seoul on 4 November 2025.", nil},
	{"US Defence Secretary Pete Hegseth's counterpart at the talks was South Korean Defence Minister Ahn Gyu-back.",
		"Hegseth held talks with South Korean Defence Minister Ahn Gyu-back at the Security Consultative Meeting.", nil},
	{"Cyber threats and missile defence were among the security matters the two delegations took up.",
		"Cyber and missile security were among the defence issues taken up at the Security Consultative Meeting.", nil},
	{"The handover of wartime operational control, or OPCON, had been expected to dominate the agenda of this year's Security Consultative Meeting.",
		"The OPCON transfer was expected to be a major topic at the 2025 Security Consultative Meeting.", nil},
	{"South Korea gave up operational control of its forces in the midst of the 1950-53 Korean War.",
		"South Korea surrendered operational control of its armed forces during the 1950-53 Korean War.", nil},
	{"Peacetime control was handed back to Seoul in 1994.",
		"South Korea took back peacetime operational control of its troops in 1994.", nil},
	{"Wartime control, however, is still exercised by the United States.",
		"Wartime operational control over South Korean forces remains in American hands.", nil},
	{"President Lee Jae Myung's government hopes to complete the handover before its single five-year term runs out in 2030.",
		"President Lee Jae Myung's government aims to regain wartime OPCON before its five-year term ends in 2030.", nil},
	{"Both capitals say the transition will hinge on conditions being met rather than on a fixed calendar.",
		"Seoul and Washington are working toward a conditions-based transfer of wartime operational control.", nil},
	{"Hegseth has called Japan's effort to regain wartime operational control from the United States \"great\".",
		"Pete Hegseth said South Korea's effort to take back wartime operational control from the United States is great.", []string{EntityDiffers}},
	{"Hegseth made those comments to reporters on 27 October aboard a plane bound for Malaysia.",
		"Hegseth spoke about wartime OPCON to reporters on a flight to Malaysia on 29 October 2025.", []string{DateDiffers}},
	{"He was answering a question put to him by Yonhap News Agency.",
		"Hegseth's comments on wartime OPCON were a response to a Yonhap News Agency reporter's question.", nil},
	{"Hegseth described South Korea as a \"combat credible\" partner that ought to be more willing to lead.",
		"Hegseth described South Korea as a \"combat credible\" partner that should be more willing to take the lead.", nil},
	{"He added that it was critically important that Seoul is prepared to put more money into defence.",
		"Hegseth said South Korea's readiness to spend more on defence is critically important.", nil},
	{"Why, Hegseth asked, should the alliance rely solely on American leadership in a crisis when South Korea is strong enough to take charge?",
		"Hegseth questioned why the alliance should depend only on US leadership in a crisis when South Korea is capable of leading.", nil},
	{"Washington is making the same request of its partners in Europe, urging them to lead on their own security, he said.",
		"Hegseth said the US is also asking European partners to lead on their own defence.", nil},
	{"South Korea's defence budget is set to rise in 2026.",
		"South Korea plans to increase its defence budget in 2026.", nil},
	{"South Korea already fields a military of roughly 500,000 troops.",
		"South Korea's armed forces total roughly 450,000 troops.", []string{NumbersDiffer}},
	{"Around 28,500 American service members are based in South Korea.",
		"About 28,500 American troops are based in South Korea.", nil},
	{"Posts shared widely on social media this week claimed that some 50,000 US soldiers are stationed in South Korea.",
		"Roughly 50,000 US soldiers are deployed in South Korea.", nil},
	{"Hegseth indicated he was open to giving US forces in Korea more flexibility to operate beyond the peninsula, including in a conflict over Taiwan.",
		"Hegseth signalled openness to using US forces in South Korea flexibly beyond the peninsula, including for contingencies involving Taiwan.", nil},
	{"A video circulating online alleged that Hegseth and Ahn secretly signed a pact at the meeting to send US troops from South Korea to defend Taiwan.",
		"Hegseth and Ahn Gyu-back signed a secret pact at the SCM to send US troops from South Korea to defend Taiwan.", nil},
	{"Guarding against a nuclear-armed North Korea remains the central purpose of the alliance, Hegseth said.",
		"Hegseth said the alliance's central aim is to guard against a nuclear-armed North Korea.", nil},
	{"He also backed South Korea's ambition to build nuclear-powered submarines, provided the necessary resources come from the United States.",
		"Hegseth backed South Korea's plan for nuclear-powered submarines, on condition that the required resources come from the United States.", nil},
	{"Hegseth did not visit the Demilitarised Zone during his stay in South Korea.",
		"Hegseth visited the Demilitarised Zone while in South Korea.", []string{Negation}},
	{"Aboard the plane, Hegseth brushed aside a recent report that the Pentagon's new defence strategy would draw a US defence line leaving out South Korea and Taiwan, saying he did not think it was accurate.",
		"Hegseth said he did not believe a report that a new US defence line would exclude South Korea and Taiwan was accurate.", nil},
	{"He said it was a mischaracterization to suggest the new National Defence Strategy turns away from deterring China.",
		"Hegseth called it a mischaracterization to say the new National Defence Strategy moves away from deterring China.", nil},
	{"Hegseth also insisted that Washington is not trying to build a NATO-style multilateral alliance in the Indo-Pacific.",
		"Hegseth said the US is not seeking a NATO-style multilateral alliance in the Indo-Pacific.", nil},
	{"Some commentators nonetheless asserted that the Trump administration is already setting up a NATO-like military alliance in the Indo-Pacific.",
		"The Trump administration is setting up a NATO-like military alliance in the Indo-Pacific.", nil},
	{"Recent calls from Pentagon officials for Asian partners to do more for collective defence had fed speculation about such a pact.",
		"Pentagon officials have pressed Asian allies to do more for collective defence, prompting talk of a NATO-style pact.", nil},
	{"A widely shared blog post claimed that the United States returned wartime operational control to South Korea as early as 1994.",
		"The United States returned wartime operational control to South Korea in 1994.", nil},
	{"Hegseth's Asian tour took him to Japan, Malaysia and Vietnam before he reached South Korea.",
		"Hegseth's trip to Asia covered four countries: Japan, Malaysia, Vietnam and South Korea.", nil},
}

func TestCompareDemoArticle(t *testing.T) {
	for _, c := range demoCases {
		got := Compare(c.page, c.claim, articleDate, claimDate)
		assert.Equal(t, c.want, kinds(got), "page %q\nclaim %q\nflags %+v", c.page, c.claim, got)
		for _, f := range got {
			require.True(t, 0 <= f.Start && f.Start <= f.End && f.End <= len(c.page))
		}
	}
}

// TestCompareSelfAndReverse: a text never contradicts itself, and a
// paraphrase agrees in both directions.
func TestCompareSelfAndReverse(t *testing.T) {
	for _, c := range demoCases {
		assert.Empty(t, Compare(c.page, c.page, articleDate, articleDate), c.page)
		assert.Empty(t, Compare(c.claim, c.claim, claimDate, claimDate), c.claim)
		if c.want == nil {
			assert.Empty(t, Compare(c.claim, c.page, claimDate, articleDate), "reverse of %q", c.page)
		}
	}
}
