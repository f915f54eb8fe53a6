package match

import (
	"fmt"
	"os"
	"testing"

	"github.com/factcheckwidget/factcheck/internal/benchdata"
	"github.com/factcheckwidget/factcheck/internal/evaluate"
	"github.com/factcheckwidget/factcheck/internal/index"
)

// benchmarkSet is one CheckThat! benchmark loaded from ../shared/data.
type benchmarkSet = benchdata.Set

// loadSets loads every benchmark, or skips the test when the research data
// is not beside the repository (it is never copied into it).
func loadSets(t testing.TB) []*benchmarkSet { return benchdata.LoadAll(t) }

func score(s *benchmarkSet, m *Matcher, split string) evaluate.Metrics {
	run := evaluate.Run{}
	for _, q := range s.Queries[split] {
		for _, c := range m.RankQuery(m.PrepareContext(q.Text, q.Context), 5) {
			run[q.ID] = append(run[q.ID], s.Index.Claim(c.Doc).ID)
		}
	}
	return evaluate.Score(s.Qrels[split], run)
}

func TestExploreParams(t *testing.T) {
	if os.Getenv("FACTCHECK_EXPLORE") == "" {
		t.Skip("set FACTCHECK_EXPLORE=1 to print MAP@5 of parameter variants")
	}
	ss := loadSets(t)
	variants := map[string]func(*Params){
		"default":      func(p *Params) {},
		"numbers-full": func(p *Params) { p.NumberWeight = 1 },
		"all-grams":    func(p *Params) { p.MaxDFShare, p.MaxQueryGrams = 0.2, 0 },
	}
	for name, v := range variants {
		p := DefaultParams()
		v(&p)
		for _, s := range ss {
			m := NewWithParams(s.Index, p)
			t.Logf("%-10s %-18s train %.3f dev %.3f", name, s.Name, score(s, m, "train").MAP5, score(s, m, "dev").MAP5)
		}
	}
}

func TestLearnWeights(t *testing.T) {
	if os.Getenv("FACTCHECK_LEARN") == "" {
		t.Skip("set FACTCHECK_LEARN=1 to learn re-ranking weights on the train splits")
	}
	ss := loadSets(t)
	p := DefaultParams()
	p.Candidates = 100
	if v := os.Getenv("FACTCHECK_CONTEXT"); v != "" {
		fmt.Sscan(v, &p.ContextWeight, &p.ContextDecay, &p.ContextChars, &p.ContextFullWords, &p.ContextMinWeight)
	}
	build := func(split string) [][]TrainingQuery {
		var out [][]TrainingQuery
		for _, s := range ss {
			m := NewWithParams(s.Index, p)
			ids := map[string]int{}
			for d := 0; d < s.Index.NumClaims(); d++ {
				ids[s.Index.Claim(d).ID] = d
			}
			var qs []TrainingQuery
			for _, q := range s.Queries[split] {
				rel := s.Qrels[split][q.ID]
				qs = append(qs, m.TrainingData(q.Text, q.Context, func(d int) bool { return rel[s.Index.Claim(d).ID] }, len(rel)))
			}
			out = append(out, qs)
		}
		return out
	}
	train, dev := build("train"), build("dev")
	t.Logf("start: train %.4f dev %.4f", Objective(train, p.Weights), Objective(dev, p.Weights))
	w, obj := Learn(train, p.Weights, func(r int, w Features, obj float64) { t.Logf("round %d train %.4f %v", r, obj, w) })
	t.Logf("learned: train %.4f dev %.4f weights %#v", obj, Objective(dev, w), w)
	for i, qs := range dev {
		t.Logf("dev %s MAP@5 %.4f", ss[i].Name, Objective([][]TrainingQuery{qs}, w))
	}
}

// goldExcluder hides a query's relevant claims and their duplicates.
func goldExcluder(x *index.Index, rel map[string]bool) func(int) bool {
	groups := map[int32]bool{}
	for d := 0; d < x.NumClaims(); d++ {
		if rel[x.Claim(d).ID] {
			groups[x.Duplicates[d]] = true
		}
	}
	return func(d int) bool { return groups[x.Duplicates[d]] }
}

// calObs is one candidate's calibration inputs and whether it is right.
type calObs struct {
	in  CalInputs
	rel bool
}

// calQuery holds a query's top calKeep candidates' inputs, with and
// without its gold claims in the corpus.
type calQuery struct {
	words           int
	normal, removed []calObs
}

// calKeep is how many candidates of each ranked list the fit uses.
const calKeep = 3

// collectCal ranks every query of a split over the full candidate list (so
// each kept candidate has a real next candidate for its gap) and keeps
// the top calKeep, with the gold claims present and removed.
func collectCal(s *benchmarkSet, m *Matcher, split string) []calQuery {
	var out []calQuery
	for _, q := range s.Queries[split] {
		rel, ok := s.Qrels[split][q.ID]
		if !ok {
			continue
		}
		pq := m.PrepareContext(q.Text, q.Context)
		cq := calQuery{words: pq.Words()}
		cands := m.RankQuery(pq, m.params.Candidates)
		for i := 0; i < calKeep && i < len(cands); i++ {
			cq.normal = append(cq.normal, calObs{m.calInputs(pq, cands, i), rel[s.Index.Claim(cands[i].Doc).ID]})
		}
		cands = m.RankExcluding(pq, m.params.Candidates, goldExcluder(s.Index, rel))
		for i := 0; i < calKeep && i < len(cands); i++ {
			cq.removed = append(cq.removed, calObs{m.calInputs(pq, cands, i), false})
		}
		out = append(out, cq)
	}
	return out
}

func fitCal(qs [][]calQuery) Calibration {
	var xs []CalInputs
	var ys []bool
	for _, set := range qs {
		for _, q := range set {
			for _, o := range append(append([]calObs{}, q.normal...), q.removed...) {
				xs, ys = append(xs, o.in), append(ys, o.rel)
			}
		}
	}
	return FitLogistic(xs, ys)
}

// calTiers is the top-1 match tier at threshold 0.5 and >= 4 words:
// precision, coverage, wrong-match rate with gold removed.
func calTiers(cal Calibration, qs []calQuery) (prec, cov, wrong float64) {
	shown, right, wrongs := 0, 0, 0
	for _, q := range qs {
		if q.words < 4 {
			continue
		}
		if len(q.normal) > 0 && cal.Probability(&q.normal[0].in) >= 0.5 {
			shown++
			if q.normal[0].rel {
				right++
			}
		}
		if len(q.removed) > 0 && cal.Probability(&q.removed[0].in) >= 0.5 {
			wrongs++
		}
	}
	return float64(right) / float64(max(shown, 1)), float64(shown) / float64(len(qs)), float64(wrongs) / float64(len(qs))
}

func TestFitCalibration(t *testing.T) {
	if os.Getenv("FACTCHECK_LEARN") == "" {
		t.Skip("set FACTCHECK_LEARN=1 to fit the calibration on the train splits")
	}
	ss := loadSets(t)
	variant := DefaultParams().Calibration.Variant
	if v := os.Getenv("FACTCHECK_VARIANT"); v != "" {
		fmt.Sscan(v, &variant)
	}
	var train, dev [][]calQuery
	for _, s := range ss {
		p := DefaultParams()
		p.Calibration.Variant = variant
		m := NewWithParams(s.Index, p)
		train, dev = append(train, collectCal(s, m, "train")), append(dev, collectCal(s, m, "dev"))
	}
	cal := fitCal(train)
	cal.Variant = variant
	t.Logf("calibration: %#v", cal)
	for i, s := range ss {
		p, c, w := calTiers(cal, train[i])
		t.Logf("train %-18s precision %.3f coverage %.3f wrong-match %.3f", s.Name, p, c, w)
	}
	for i, s := range ss {
		p, c, w := calTiers(cal, dev[i])
		t.Logf("dev   %-18s precision %.3f coverage %.3f wrong-match %.3f", s.Name, p, c, w)
	}
}

// TestVariantPairs prints, by overlap threshold, how often the top two
// candidates of a train query are variants (overlap >= threshold) and how
// often the gold claim is then one of the two: a threshold is safe when
// variant pairs nearly always contain the gold claim, i.e. the sentence is
// about that claim and only the detail is in question.
func TestVariantPairs(t *testing.T) {
	if os.Getenv("FACTCHECK_LEARN") == "" {
		t.Skip("set FACTCHECK_LEARN=1 to print variant-pair statistics on the train splits")
	}
	ss := loadSets(t)
	ths := []float64{0, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5}
	for _, s := range ss {
		m := New(s.Index)
		pairs := make([]int, len(ths))
		gold := make([]int, len(ths))
		top1 := make([]int, len(ths))
		n := 0
		for _, q := range s.Queries["train"] {
			rel := s.Qrels["train"][q.ID]
			cands := m.RankQuery(m.PrepareContext(q.Text, q.Context), 2)
			if len(cands) < 2 {
				continue
			}
			n++
			ov := m.overlap(cands[0].Doc, cands[1].Doc)
			r0, r1 := rel[s.Index.Claim(cands[0].Doc).ID], rel[s.Index.Claim(cands[1].Doc).ID]
			for i, th := range ths {
				if ov >= th {
					pairs[i]++
					if r0 || r1 {
						gold[i]++
					}
					if r0 {
						top1[i]++
					}
				}
			}
		}
		for i, th := range ths {
			t.Logf("%-18s overlap >= %.2f: %4d of %d top-2 pairs; gold in pair %.3f, gold first %.3f", s.Name, th, pairs[i], n,
				float64(gold[i])/float64(max(pairs[i], 1)), float64(top1[i])/float64(max(pairs[i], 1)))
		}
	}
}

func TestThresholdCurve(t *testing.T) {
	if os.Getenv("FACTCHECK_LEARN") == "" {
		t.Skip("set FACTCHECK_LEARN=1 to print precision/coverage/wrong-match by threshold")
	}
	ss := loadSets(t)
	for _, split := range []string{"train", "dev"} {
		var normal, removed []evaluate.TopResult
		for _, s := range ss {
			m := New(s.Index)
			for _, q := range s.Queries[split] {
				rel := s.Qrels[split][q.ID]
				pq := m.PrepareContext(q.Text, q.Context)
				if c := m.RankQuery(pq, 1); len(c) > 0 {
					normal = append(normal, evaluate.TopResult{Prob: c[0].Prob, Correct: rel[s.Index.Claim(c[0].Doc).ID]})
				}
				if c := m.RankExcluding(pq, 1, goldExcluder(s.Index, rel)); len(c) > 0 {
					removed = append(removed, evaluate.TopResult{Prob: c[0].Prob})
				}
			}
		}
		for _, p := range evaluate.Curve(normal, removed) {
			if int(p.Threshold*100)%10 == 0 || p.Threshold == 0.14 || p.Threshold == 0.16 {
				t.Logf("%s th %.2f precision %.3f coverage %.3f wrong-match %.3f", split, p.Threshold, p.Precision, p.Coverage, p.WrongMatch)
			}
		}
	}
}

func TestFirstStageRecall(t *testing.T) {
	if os.Getenv("FACTCHECK_EXPLORE") == "" {
		t.Skip("set FACTCHECK_EXPLORE=1")
	}
	for _, s := range loadSets(t) {
		m := New(s.Index)
		for _, n := range []int{20, 30, 50} {
			hit, total := 0, 0
			for _, q := range s.Queries["dev"] {
				rel := s.Qrels["dev"][q.ID]
				pq := m.PrepareContext(q.Text, q.Context)
				sc := m.getScratch()
				cands := m.firstStage(sc, pq, n)
				m.putScratch(sc)
				for _, c := range cands {
					if rel[s.Index.Claim(c.Doc).ID] {
						hit++
					}
				}
				total += len(rel)
			}
			t.Logf("%s first-stage recall@%d %.3f", s.Name, n, float64(hit)/float64(total))
		}
	}
}
