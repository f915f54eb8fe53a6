package benchdata

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/corpus"
	"github.com/factcheckwidget/factcheck/internal/text"
)

// ScaleClaims is the size of the scale corpus (issue 16): about the world's
// ClaimReview corpus (~300,000 reviews in Google's Fact Check Explorer).
const ScaleClaims = 300_000

// ScaleCorpus builds the scale corpus from the research data in dir (the
// data folder, Dir()): the 19,250 real PolitiFact claims of the debates
// benchmark, with their ids, so its qrels still name them, then sentences
// of the same fact-checks' articles as further claims until there are n.
// Each article gives its sentences in turn (the first sentence of every
// article, then the second, ...), so the filler covers all of PolitiFact's
// topics evenly. A filler claim is a statement a fact-check discussed,
// with that review's title, rating, date and link: the words, lengths and
// records of real fact-checks, not random text. It is built at run time
// and never written into the repository.
func ScaleCorpus(dir string, n int) ([]claim.Claim, error) {
	set := filepath.Join(dir, Debates)
	real, _, err := corpus.ReadFile(filepath.Join(set, "vclaims.jsonl"))
	if err != nil {
		return nil, err
	}
	if len(real) >= n {
		return real[:n], nil
	}
	articles, err := readArticles(filepath.Join(set, "vclaims-with-article-text.jsonl.gz"))
	if err != nil {
		return nil, err
	}
	byID := map[string]*claim.Claim{}
	for i := range real {
		byID[real[i].ID] = &real[i]
	}
	out := real
	for round := 0; len(out) < n; round++ {
		added := false
		for _, a := range articles {
			if round >= len(a.sentences) {
				continue
			}
			added = true
			c := claim.Claim{ID: a.id + "-s" + strconv.Itoa(round), Text: a.sentences[round], Language: "en"}
			if src := byID[a.id]; src != nil {
				c.Title, c.Rating, c.Verdict, c.URL, c.ClaimDate = src.Title, src.Rating, src.Verdict, src.URL, src.ClaimDate
			}
			out = append(out, c)
			if len(out) == n {
				break
			}
		}
		if !added {
			return nil, errors.New("benchdata: the articles hold only " + strconv.Itoa(len(out)) + " claims and sentences")
		}
	}
	return out, nil
}

type article struct {
	id        string
	sentences []string
}

// Filler sentences: long enough to state something, short enough to be one
// claim (PolitiFact's own claims are 5 to 60 words).
const (
	minFillerWords = 8
	maxFillerWords = 50
)

func readArticles(path string) ([]article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	var out []article
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var row struct {
			ID   string `json:"vclaim_id"`
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			return nil, errors.New(path + ": " + err.Error())
		}
		a := article{id: row.ID}
		for _, sp := range text.Sentences(row.Text) {
			s := row.Text[sp.Start:sp.End]
			if w := len(strings.Fields(s)); w >= minFillerWords && w <= maxFillerWords {
				a.sentences = append(a.sentences, s)
			}
		}
		out = append(out, a)
	}
	return out, sc.Err()
}
