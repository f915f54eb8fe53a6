package trust

// Change is a trend statement: "rose 10%" (Direction +1, Factor 1.10),
// "fell by half" (-1, 0.5), "more than doubled" (+1, 2), "cut by 20
// percent" (-1, 0.8), or a bare "increase" / "cut" (direction only).
type Change struct {
	Direction int // +1 up, -1 down
	Factor    float64
	HasFactor bool
	Text      string // as written, s[Start:End]
	Start     int
	End       int
}

type trend struct {
	dir    int
	factor float64 // fixed factor of "doubled", "halved"; 0 if none
}

var trendWords = map[string]trend{}

func init() {
	for _, w := range []string{
		"rise", "rises", "rose", "risen", "rising", "increase", "increases", "increased", "increasing",
		"grow", "grows", "grew", "grown", "growing", "growth", "climb", "climbs", "climbed", "climbing",
		"jump", "jumps", "jumped", "jumping", "surge", "surges", "surged", "surging", "soar", "soars",
		"soared", "soaring", "boost", "boosts", "boosted", "boosting", "expand", "expands", "expanded",
		"expanding", "hike", "hikes", "hiked",
	} {
		trendWords[w] = trend{dir: 1}
	}
	for _, w := range []string{
		"fall", "falls", "fell", "fallen", "falling", "drop", "drops", "dropped", "dropping",
		"decline", "declines", "declined", "declining", "decrease", "decreases", "decreased",
		"decreasing", "cut", "cuts", "cutting", "reduce", "reduces", "reduced", "reducing", "reduction",
		"shrink", "shrinks", "shrank", "shrunk", "shrinking", "slash", "slashes", "slashed", "slashing",
		"plunge", "plunges", "plunged", "plunging", "plummet", "plummets", "plummeted", "plummeting",
		"slump", "slumps", "slumped", "tumble", "tumbled", "tumbles", "dip", "dipped", "lowered", "lowering",
	} {
		trendWords[w] = trend{dir: -1}
	}
	for w, f := range map[string]float64{"doubled": 2, "doubles": 2, "doubling": 2, "tripled": 3,
		"triples": 3, "tripling": 3, "quadrupled": 4, "quadruples": 4, "quadrupling": 4} {
		trendWords[w] = trend{dir: 1, factor: f}
	}
	for _, w := range []string{"halved", "halves", "halving"} {
		trendWords[w] = trend{dir: -1, factor: 0.5}
	}
}

// bareVerbs make "double", "triple", "halve" (which are also adjectives and
// nouns) a trend only after a modal or "to": "plans to double".
var bareVerbs = map[string]trend{"double": {1, 2}, "triple": {1, 3}, "quadruple": {1, 4}, "halve": {-1, 0.5}}

var modals = wordSet("to|will|would|could|may|might|should|must")

var foldWords = map[string]float64{"twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "tenfold": 10}

// Changes returns the trend statements of s in order. "raise" is left out
// ("raised concerns"), as are "fall" after a determiner ("the fall of
// Saigon", "last fall") and the adjective "lower" ("lower house").
func Changes(s string) []Change {
	toks := lex(s)
	return changes(s, toks, quantities(s, toks, dateDayTokens(toks)))
}

func changes(s string, toks []tok, qs []Quantity) []Change {
	var out []Change
	qAt := func(k int) *Quantity { // the quantity starting at token k
		if k < 0 || k >= len(toks) {
			return nil
		}
		for n := range qs {
			if qs[n].Start == toks[k].start {
				return &qs[n]
			}
		}
		return nil
	}
	for i, t := range toks {
		if t.kind != tWord {
			continue
		}
		tr, ok := trendWords[t.low]
		if !ok {
			if b, isBare := bareVerbs[t.low]; isBare && modals[wordAt(toks, i-1)] {
				tr, ok = b, true
			}
		}
		if !ok {
			continue
		}
		if p := wordAt(toks, i-1); (t.low == "fall" || t.low == "falls") && (p == "the" || p == "this" || p == "last" || p == "next") {
			continue
		}
		c := Change{Direction: tr.dir, Start: t.start, End: t.end}
		if tr.factor != 0 {
			c.Factor, c.HasFactor = tr.factor, true
		}
		// "more than doubled", "nearly tripled": the hedge is part of it.
		if pp, p := wordAt(toks, i-2), wordAt(toks, i-1); approxPairs[pp+" "+p] {
			c.Start = toks[i-2].start
		} else if approxWords[p] && p != "over" && p != "some" {
			c.Start = toks[i-1].start
		}
		if !c.HasFactor {
			// "a 10% rise", "20 percent cut"
			if q := quantityEndingAt(toks, qs, i-1); q != nil && q.Unit == "%" {
				c.Factor, c.HasFactor, c.Start = percentFactor(tr.dir, q.Value), true, q.Start
			} else {
				c = factorAfter(toks, i, c, qAt)
			}
		}
		c.Text = s[c.Start:c.End]
		out = append(out, c)
	}
	return out
}

func quantityEndingAt(toks []tok, qs []Quantity, k int) *Quantity {
	if k < 0 {
		return nil
	}
	for n := range qs {
		if qs[n].End == toks[k].end {
			return &qs[n]
		}
	}
	return nil
}

func percentFactor(dir int, pct float64) float64 {
	f := 1 + float64(dir)*pct/100
	if f < 0 {
		f = 0
	}
	return f
}

// factorAfter reads "by 10%", "10 percent", "by half", "by a third",
// "tenfold", "10-fold", "of 20%" after the trend word at i.
func factorAfter(toks []tok, i int, c Change, qAt func(int) *Quantity) Change {
	k := i + 1
	if w := wordAt(toks, k); w == "by" || w == "of" {
		k++
	}
	for approxWords[wordAt(toks, k)] || wordAt(toks, k) == "more" || wordAt(toks, k) == "than" || wordAt(toks, k) == "just" {
		k++
	}
	if q := qAt(k); q != nil {
		switch q.Unit {
		case "%":
			c.Factor, c.HasFactor, c.End = percentFactor(c.Direction, q.Value), true, q.End
		case "x":
			c.Factor, c.HasFactor, c.End = q.Value, true, q.End
		}
		return c
	}
	w := wordAt(toks, k)
	if f, ok := foldWords[w]; ok {
		c.Factor, c.HasFactor, c.End = f, true, toks[k].end
		return c
	}
	var frac float64
	end := k
	switch {
	case w == "half":
		frac = 0.5
	case (w == "a" || w == "one") && wordAt(toks, k+1) == "third":
		frac, end = 1.0/3, k+1
	case (w == "a" || w == "one") && wordAt(toks, k+1) == "quarter":
		frac, end = 0.25, k+1
	}
	if frac > 0 {
		c.Factor, c.HasFactor, c.End = 1+float64(c.Direction)*frac, true, toks[end].end
	}
	return c
}
