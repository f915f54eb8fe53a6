// Package evaluate scores rankings the way the CheckThat! claim-retrieval
// scorer does, and reads the TSV query and TREC qrels files it uses.
package evaluate

import "sort"

// Qrels maps a query id to the set of its relevant claim ids.
type Qrels map[string]map[string]bool

// Run maps a query id to its ranked claim ids, best first.
type Run map[string][]string

// Metrics are averaged over the queries of the qrels.
type Metrics struct {
	MAP1, MAP3, MAP5 float64
	MRR              float64
	Recall5          float64
	Queries          int
}

// Score computes MAP@1/3/5, MRR and Recall@5 as the CheckThat! scorer does:
// AP at depth k sums precision@r over the relevant ranks r <= k and divides
// by the number of relevant claims of the query (not by min(k, relevant));
// MRR uses the first relevant claim at any depth; queries missing from the
// run score 0.
func Score(qrels Qrels, run Run) Metrics {
	var m Metrics
	ids := make([]string, 0, len(qrels))
	for q := range qrels {
		ids = append(ids, q)
	}
	sort.Strings(ids)
	for _, q := range ids {
		rel := qrels[q]
		ranked := run[q]
		m.MAP1 += AveragePrecision(rel, ranked, 1)
		m.MAP3 += AveragePrecision(rel, ranked, 3)
		m.MAP5 += AveragePrecision(rel, ranked, 5)
		m.MRR += ReciprocalRank(rel, ranked)
		m.Recall5 += Recall(rel, ranked, 5)
	}
	if n := float64(len(ids)); n > 0 {
		m.MAP1 /= n
		m.MAP3 /= n
		m.MAP5 /= n
		m.MRR /= n
		m.Recall5 /= n
	}
	m.Queries = len(ids)
	return m
}

// AveragePrecision at depth k, divided by the number of relevant claims.
func AveragePrecision(rel map[string]bool, ranked []string, k int) float64 {
	if len(rel) == 0 {
		return 0
	}
	hits, sum := 0, 0.0
	for i, id := range ranked {
		if i >= k {
			break
		}
		if rel[id] {
			hits++
			sum += float64(hits) / float64(i+1)
		}
	}
	return sum / float64(len(rel))
}

// ReciprocalRank is 1/rank of the first relevant claim, 0 if none.
func ReciprocalRank(rel map[string]bool, ranked []string) float64 {
	for i, id := range ranked {
		if rel[id] {
			return 1 / float64(i+1)
		}
	}
	return 0
}

// Recall is the share of relevant claims in the top k.
func Recall(rel map[string]bool, ranked []string, k int) float64 {
	if len(rel) == 0 {
		return 0
	}
	hits := 0
	for i, id := range ranked {
		if i >= k {
			break
		}
		if rel[id] {
			hits++
		}
	}
	return float64(hits) / float64(len(rel))
}
