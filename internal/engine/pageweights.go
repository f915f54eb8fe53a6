package engine

import "github.com/factcheckwidget/factcheck/internal/worthy"

// DefaultPageModel decides what the widget highlights on a page. Where
// each value comes from (`FACTCHECK_LEARN=1 go test ./internal/engine -run
// 'TestFitPageModel|TestPageModelFolds' -v` prints all of it):
//
//   - Weights: logistic regression (internal/logit, L2 1) over every
//     candidate (top 3) of every sentence of
//   - the 51 CheckThat! 2022 2B train transcripts checked as whole pages
//     against the 19,250 PolitiFact claims, each page once with its date
//     and once without (1 candidate in 500 is right), and
//   - the 800 CheckThat! 2020 train tweets against their 10,375 Snopes
//     claims, laid out as articles about checked claims: pages of 20
//     tweets, each between lines of the train debates that state none of
//     them (evaluate.MixedPages).
//     Inputs in PageInputs order: score, gap, query coverage, claim coverage,
//     bigrams, ln words, ln shared, context coverage, check-worthiness, date
//     distance, date known, ln page density. Coverage, bigrams and
//     check-worthiness carry the model; a claim made months from the
//     article's date loses much (-3.9 per ln-day/8); density lets pages
//     written about the corpus's claims (the demo article, 0.33) show more
//     than debates (0.04-0.14).
//   - Show 0.15: five-fold cross-validation over the train transcripts (fit
//     on four fifths and the tweets, score the fifth): 0.64 highlighted
//     sentences per 100, 0.35 of them right, 0.23 of the fact-checked lines
//     shown without dates (0.57, 0.44, 0.25 with them). 0.10 gives 0.30
//     precision at 0.25 recall (no margin over the 0.30 target), 0.20
//     gives 0.39 at 0.20.
//   - Match 0.7: match-tier precision 0.70 out of fold without dates, 0.58
//     with them (0.57 and 0.58 at 0.6; 0.78 and 0.68 at 0.8, on a third
//     as many matches). Many "wrong" highlights are the
//     speaker's own verbatim claim, checked from another speech of the same
//     day and so not in that line's qrels: measured precision is a floor.
//   - Card 0.02: other candidates a highlighted sentence's card lists; it
//     adds a few fact-checked lines (recall) at no cost in highlights.
//   - Gate: worthy.Gate, which 95.6 % of the train transcripts' claim
//     sentences reach and 31 % of all their sentences do not (greetings,
//     interjections, fragments); out of fold it moves precision 0.332 ->
//     0.338 at the same recall against -6, which gates only questions.
//   - Dedupe: of neighbouring highlighted sentences with the same best
//     claim only the most probable is (train precision with dates 0.31 ->
//     0.36 at show 0.08 in an earlier fit). A neighbour the gate or the
//     evidence floor silences does not count: out of fold that adds 0.011
//     recall without dates (0.216 -> 0.227) and lifts precision (0.340 ->
//     0.347).
var DefaultPageModel = PageModel{
	Weights: [NumPageInputs + 1]float64{3.2676, -0.1339, 0.2369, 1.6462, 2.7084, 1.5134, -0.3057, 1.1966, 4.9500,
		1.7345, -3.9114, 1.1699, 4.7165},
	Show: 0.15, Card: 0.02, Match: 0.7, Gate: worthy.Gate, Dedupe: true,
}
