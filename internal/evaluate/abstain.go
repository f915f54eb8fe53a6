package evaluate

import (
	"strconv"
	"strings"
)

// TopResult is the best candidate of one query: its calibrated probability,
// whether it is relevant, and the tier the product would show it with.
type TopResult struct {
	Prob    float64
	Correct bool
	Match   bool // shown as a "match" with the default thresholds
}

// Abstention summarises the trust tiers: the precision of shown matches,
// the share of queries that get one, and how often a match is shown when
// the right fact-check was removed from the corpus.
type Abstention struct {
	Precision, Coverage, WrongMatch float64
	Queries, Removed                int
}

// ScoreAbstention computes Abstention from top results of the normal
// queries and of the same queries with their gold claims removed.
func ScoreAbstention(normal, removed []TopResult) Abstention {
	a := Abstention{Queries: len(normal), Removed: len(removed)}
	shown, right := 0, 0
	for _, r := range normal {
		if r.Match {
			shown++
			if r.Correct {
				right++
			}
		}
	}
	wrong := 0
	for _, r := range removed {
		if r.Match {
			wrong++
		}
	}
	a.Precision = ratio(right, shown)
	a.Coverage = ratio(shown, len(normal))
	a.WrongMatch = ratio(wrong, len(removed))
	return a
}

// CurvePoint is the trade-off at one probability threshold.
type CurvePoint struct{ Threshold, Precision, Coverage, WrongMatch float64 }

// Curve sweeps the match threshold from 0 to 1.
func Curve(normal, removed []TopResult) []CurvePoint {
	var out []CurvePoint
	for i := 0; i <= 100; i += 2 {
		th := float64(i) / 100
		shown, right, wrong := 0, 0, 0
		for _, r := range normal {
			if r.Prob >= th {
				shown++
				if r.Correct {
					right++
				}
			}
		}
		for _, r := range removed {
			if r.Prob >= th {
				wrong++
			}
		}
		out = append(out, CurvePoint{th, ratio(right, shown), ratio(shown, len(normal)), ratio(wrong, len(removed))})
	}
	return out
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// PlotSVG draws precision, coverage and wrong-match rate against the
// threshold, with the chosen threshold marked, as a standalone SVG.
func PlotSVG(title string, pts []CurvePoint, chosen float64) string {
	const w, h, left, top, pw, ph = 640, 400, 60, 40, 540, 300
	x := func(v float64) string { return strconv.FormatFloat(left+v*pw, 'f', 1, 64) }
	y := func(v float64) string { return strconv.FormatFloat(top+(1-v)*ph, 'f', 1, 64) }
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400" viewBox="0 0 640 400" font-family="sans-serif" font-size="12">` + "\n")
	b.WriteString(`<rect width="100%" height="100%" fill="#fff"/>` + "\n")
	b.WriteString(`<text x="320" y="22" text-anchor="middle" font-size="14">` + escapeXML(title) + "</text>\n")
	for i := 0; i <= 10; i++ {
		v := float64(i) / 10
		b.WriteString(`<line x1="` + x(0) + `" x2="` + x(1) + `" y1="` + y(v) + `" y2="` + y(v) + `" stroke="#eee"/>`)
		b.WriteString(`<text x="` + strconv.Itoa(left-8) + `" y="` + y(v) + `" text-anchor="end" dy="4">` + strconv.FormatFloat(v, 'f', 1, 64) + "</text>")
		b.WriteString(`<text x="` + x(v) + `" y="` + strconv.Itoa(top+ph+18) + `" text-anchor="middle">` + strconv.FormatFloat(v, 'f', 1, 64) + "</text>\n")
	}
	b.WriteString(`<text x="` + x(0.5) + `" y="` + strconv.Itoa(h-12) + `" text-anchor="middle">match threshold (calibrated probability)</text>` + "\n")
	b.WriteString(`<line x1="` + x(chosen) + `" x2="` + x(chosen) + `" y1="` + y(0) + `" y2="` + y(1) + `" stroke="#444" stroke-dasharray="4 3"/>`)
	b.WriteString(`<text x="` + x(chosen) + `" y="` + strconv.Itoa(top-4) + `" text-anchor="middle">default ` + strconv.FormatFloat(chosen, 'f', 2, 64) + "</text>\n")
	series := []struct {
		name, color string
		get         func(CurvePoint) float64
	}{
		{"precision of shown matches", "#1a7f37", func(p CurvePoint) float64 { return p.Precision }},
		{"coverage", "#0969da", func(p CurvePoint) float64 { return p.Coverage }},
		{"wrong-match rate, gold removed", "#cf222e", func(p CurvePoint) float64 { return p.WrongMatch }},
	}
	for i, s := range series {
		var pts2 []string
		for _, p := range pts {
			pts2 = append(pts2, x(p.Threshold)+","+y(s.get(p)))
		}
		b.WriteString(`<polyline fill="none" stroke-width="2" stroke="` + s.color + `" points="` + strings.Join(pts2, " ") + `"/>` + "\n")
		ly := strconv.Itoa(top + 16 + i*16)
		b.WriteString(`<line x1="` + strconv.Itoa(left+330) + `" x2="` + strconv.Itoa(left+350) + `" y1="` + ly + `" y2="` + ly + `" stroke-width="2" stroke="` + s.color + `"/>`)
		b.WriteString(`<text x="` + strconv.Itoa(left+356) + `" y="` + ly + `" dy="4">` + s.name + "</text>\n")
	}
	b.WriteString("</svg>\n")
	return b.String()
}

func escapeXML(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
