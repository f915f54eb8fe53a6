package trust

import (
	"math"
	"strings"
)

// Quantity is a number mentioned in text.
type Quantity struct {
	// Value is normalised: "28.5k" -> 28500, "twenty thousand" -> 20000,
	// "$350 billion" -> 3.5e11, "7%" -> 7.
	Value float64
	// Unit is "%", "$", "€", "£", "¥", "x" (a multiple, "10x"), a
	// measure ("km", "mile", "kg", "tonne", "year", "month", "week", "day",
	// "hour") or "" for a plain count. Measures are kept apart so "a
	// five-year term" is never compared with "28,500 troops".
	Unit string
	// Year marks a bare year 1900-2100; years are compared as dates.
	Year bool
	// Approx marks "about", "around", "some", "more than", ... before it.
	Approx bool
	Text   string // as written, s[Start:End]
	Start  int
	End    int
}

// Quantities returns the numbers mentioned in s, in order. Day numbers of
// dates ("4 November"), times ("10:30"), ordinals ("1st"), decades
// ("1990s") and model names ("F-35") are not quantities. A lone "one" is
// not either: it is far more often a pronoun ("one of the ...") than a
// count. Fractions ("half", "a third") are only read inside trends (see
// Changes).
func Quantities(s string) []Quantity {
	toks := lex(s)
	return quantities(s, toks, dateDayTokens(toks))
}

var smallNums = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90,
}

// scales multiply the number before them, written out or abbreviated.
var scales = map[string]float64{
	"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9,
	"trillion": 1e12, "lakh": 1e5, "crore": 1e7,
	"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12,
}

// unitWords normalise what may follow a number.
var unitWords = map[string]string{
	"percent": "%", "pct": "%", "dollars": "$", "dollar": "$", "usd": "$",
	"euros": "€", "euro": "€", "eur": "€", "gbp": "£", "sterling": "£", "yen": "¥",
	"km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
	"miles": "mile", "mile": "mile", "kg": "kg", "kilograms": "kg", "kilogram": "kg",
	"tonnes": "tonne", "tonne": "tonne", "tons": "tonne", "ton": "tonne",
	"years": "year", "year": "year", "months": "month", "month": "month",
	"weeks": "week", "week": "week", "days": "day", "day": "day",
	"hours": "hour", "hour": "hour", "times": "x", "fold": "x",
}

var currencySymbols = map[string]string{"$": "$", "€": "€", "£": "£", "¥": "¥"}

var approxWords = wordSet("about|around|some|roughly|nearly|almost|approximately|approx|over|under|circa|estimated|~")

var approxPairs = wordSet("more than|at least|up to|close to|fewer than|less than|just over|just under|as many|well over")

// yearWords before a 4-digit number make it a year even when a plural noun
// follows ("the 2024 elections", "in 1994 talks").
var yearWords = wordSet("in|since|by|until|till|from|of|the|during|before|after|year|early|late|mid|between|and|to|circa|its|their|this")

// qbuild is a quantity being assembled from tokens i..j (inclusive).
type qbuild struct {
	q    Quantity
	i, j int
}

func quantities(s string, toks []tok, skip []bool) []Quantity {
	var out []Quantity
	lastEnd := -1 // index of the last token of the previous quantity
	for i := 0; i < len(toks); i++ {
		if skip[i] {
			continue
		}
		var b qbuild
		var ok bool
		switch toks[i].kind {
		case tNum:
			b, ok = digitQuantity(toks, i)
		case tWord:
			b, ok = wordQuantity(toks, i)
		}
		if !ok {
			continue
		}
		b = withCurrencyPrefix(toks, b)
		b.q.Approx = approxBefore(toks, b.i)
		b.q.Start, b.q.End = toks[b.i].start, toks[b.j].end
		b.q.Text = s[b.q.Start:b.q.End]
		if n := len(out); n > 0 && lastEnd >= 0 && rangeJoin(toks, lastEnd, b.i) {
			joinRange(&out[n-1], &b.q)
		}
		out = append(out, b.q)
		lastEnd = b.j
		i = b.j
	}
	return out
}

// digitQuantity reads "28,500", "28.5k", "$350 billion", "7 per cent",
// "1994", "10x" starting at the number toks[i].
func digitQuantity(toks []tok, i int) (qbuild, bool) {
	t := toks[i]
	// "F-35", "MiG-29", "Covid-19": a model name, not a count.
	if i >= 2 && toks[i-1].s == "-" && adjacent(toks[i-1], t) && toks[i-2].kind == tWord && adjacent(toks[i-2], toks[i-1]) {
		return qbuild{}, false
	}
	// "10:30", "3 p.m.": a time.
	if i+1 < len(toks) && toks[i+1].s == ":" && adjacent(t, toks[i+1]) {
		return qbuild{}, false
	}
	if i >= 1 && toks[i-1].s == ":" && adjacent(toks[i-1], t) {
		return qbuild{}, false
	}
	// "9/11", "1/3": a date or a fraction, not a count.
	if i+1 < len(toks) && toks[i+1].s == "/" && adjacent(t, toks[i+1]) || i >= 1 && toks[i-1].s == "/" && adjacent(toks[i-1], t) {
		return qbuild{}, false
	}
	// "Air Force 1", "Bush 43", "Title 42": a number after a capitalised
	// word inside a sentence belongs to a name.
	if len(t.s) <= 2 && i >= 1 && toks[i-1].kind == tWord && toks[i-1].capitalised() && !sentenceStart(toks, i-1) {
		return qbuild{}, false
	}
	// "1. The Trump campaign 2. The Trump transition": list numbers.
	if len(t.s) <= 2 && i+2 < len(toks) && (toks[i+1].s == "." || toks[i+1].s == ")") && adjacent(t, toks[i+1]) &&
		toks[i+2].kind == tWord && toks[i+2].capitalised() && (i == 0 || sentenceStart(toks, i) || toks[i-1].kind == tWord) {
		return qbuild{}, false
	}
	v, ok := decimalValue(t.s)
	if !ok {
		return qbuild{}, false
	}
	b := qbuild{q: Quantity{Value: v}, i: i, j: i}
	plain := !strings.ContainsAny(t.s, ",.")
	if n := i + 1; n < len(toks) && toks[n].kind == tWord && adjacent(t, toks[n]) {
		suf := toks[n].low
		switch {
		case suf == "st" || suf == "nd" || suf == "rd" || suf == "th" || suf == "s":
			return qbuild{}, false // ordinal or decade
		case suf == "am" || suf == "pm" || suf == "a.m." || suf == "p.m.":
			return qbuild{}, false
		case suf == "x":
			b.q.Unit, b.j = "x", n
		case scales[suf] != 0 && suf != "hundred":
			b.q.Value *= scales[suf]
			b.j = n
			plain = false
		case unitWords[suf] != "":
			b.q.Unit, b.j = unitWords[suf], n
		default:
			return qbuild{}, false // "5G", "A380"-like codes
		}
	}
	if n := b.j + 1; n < len(toks) && (toks[n].s == "a.m." || toks[n].s == "p.m." || toks[n].low == "am" || toks[n].low == "pm") {
		return qbuild{}, false
	}
	if b.q.Unit == "" {
		j := b.j
		b = scaleAndUnit(toks, b)
		if b.j != j {
			plain = false
		}
	}
	if plain && len(t.s) == 4 && v >= 1900 && v <= 2100 && b.q.Unit == "" && isYearContext(toks, i) {
		b.q.Year = true
	}
	return b, true
}

// scaleAndUnit extends b over a following scale word ("350 billion") and
// unit ("per cent", "-year", "dollars").
func scaleAndUnit(toks []tok, b qbuild) qbuild {
	n := b.j + 1
	if w := wordAt(toks, n); w != "" && scales[w] != 0 && len(w) > 1 && !(w == "hundred" && b.q.Value >= 100) { // "300 hundred kids" means 300
		b.q.Value *= scales[w]
		b.j = n
		n++
	}
	if n < len(toks) && toks[n].s == "%" && adjacent(toks[b.j], toks[n]) {
		b.q.Unit, b.j = "%", n
		return b
	}
	hyph := false
	if n < len(toks) && (toks[n].s == "-" || toks[n].s == "\u2010") && adjacent(toks[b.j], toks[n]) {
		hyph = true
		n++
	}
	w := wordAt(toks, n)
	switch {
	case w == "per" && wordAt(toks, n+1) == "cent":
		b.q.Unit, b.j = "%", n+1
	case w == "percentage" && (wordAt(toks, n+1) == "points" || wordAt(toks, n+1) == "point"):
		b.q.Unit, b.j = "%", n+1
	case w == "pounds" && wordAt(toks, n+1) == "sterling":
		b.q.Unit, b.j = "£", n+1
	case unitWords[w] != "" && !(hyph && unitWords[w] == "x" && w != "fold"):
		b.q.Unit, b.j = unitWords[w], n
	}
	return b
}

// wordQuantity reads spelled-out numbers: "two", "twenty-five", "a dozen",
// "two hundred and fifty thousand". A lone "one" is skipped.
func wordQuantity(toks []tok, i int) (qbuild, bool) {
	j := i
	if w := toks[i].low; w == "a" || w == "an" {
		if n := wordAt(toks, i+1); n != "hundred" && n != "thousand" && n != "million" && n != "billion" && n != "dozen" {
			return qbuild{}, false
		}
		j++
	}
	if j == i && (scales[toks[j].low] != 0 || toks[j].low == "dozen") {
		return qbuild{}, false // "million" with its number lost ("fortythree million") or none
	}
	var total, cur float64
	seen := false
	last := -1
	for ; j < len(toks); j++ {
		t := toks[j]
		if t.kind == tPunct {
			// "twenty-five"
			if t.s == "-" && seen && j+1 < len(toks) && adjacent(toks[j-1], t) && adjacent(t, toks[j+1]) && smallNums[wordAt(toks, j+1)] > 0 {
				continue
			}
			break
		}
		w := wordAt(toks, j)
		if v, ok := smallNums[w]; ok {
			cur += v
		} else if w == "dozen" {
			cur = max(cur, 1) * 12
		} else if w == "hundred" {
			cur = max(cur, 1) * 100
		} else if sc := scales[w]; sc >= 1e3 && len(w) > 2 {
			total += max(cur, 1) * sc
			cur = 0
		} else if (w == "and") && seen && smallNums[wordAt(toks, j+1)] > 0 {
			continue
		} else {
			break
		}
		seen = true
		last = j
	}
	if !seen {
		return qbuild{}, false
	}
	if last == i && toks[i].low == "one" {
		return qbuild{}, false
	}
	b := qbuild{q: Quantity{Value: total + cur}, i: i, j: last}
	return scaleAndUnit(toks, b), true
}

// withCurrencyPrefix extends b back over "$", "US$", "€", "USD".
func withCurrencyPrefix(toks []tok, b qbuild) qbuild {
	p := b.i - 1
	if p < 0 {
		return b
	}
	if u, ok := currencySymbols[toks[p].s]; ok {
		b.q.Unit, b.i = u, p
		if p > 0 && toks[p-1].kind == tWord && adjacent(toks[p-1], toks[p]) && len(toks[p-1].s) <= 3 {
			b.i = p - 1 // "US$", "A$"
		}
		return b
	}
	if u := unitWords[toks[p].low]; toks[p].kind == tWord && (u == "$" || u == "€" || u == "£") && toks[p].allCaps() {
		b.q.Unit, b.i = u, p
	}
	return b
}

func approxBefore(toks []tok, i int) bool {
	p := wordAt(toks, i-1)
	if i >= 1 && toks[i-1].s == "~" {
		return true
	}
	if approxWords[p] {
		return true
	}
	pp := wordAt(toks, i-2)
	return pp != "" && p != "" && approxPairs[pp+" "+p]
}

// isYearContext decides whether the 4-digit number toks[i] is a year: yes
// unless a plural noun follows and nothing year-like precedes ("2000
// troops" is a count; "in 2000 troops left" and "the 2024 elections" are
// years).
func isYearContext(toks []tok, i int) bool {
	next := wordAt(toks, i+1)
	if next == "" || len(next) < 4 || next[len(next)-1] != 's' || next[len(next)-2] == 's' {
		return true
	}
	return yearWords[wordAt(toks, i-1)]
}

// rangeJoin reports "20-30%", "1950-53", "5 to 10 million" between the
// previous quantity ending at token a and one starting at token b.
func rangeJoin(toks []tok, a, b int) bool {
	if b == a+2 {
		c := toks[a+1]
		return c.s == "-" || c.s == "\u2013" || c.low == "to"
	}
	return false
}

// joinRange lets the two ends of a range share what only one of them says:
// "1950-53" is 1950 to 1953 and "20-30%" is 20% to 30%.
func joinRange(first, second *Quantity) {
	if first.Year && !second.Year && second.Unit == "" && second.Value < 100 && second.Value >= 0 && !strings.ContainsAny(second.Text, ".,") {
		century := float64(int(first.Value) / 100 * 100)
		if v := century + second.Value; v > first.Value && v <= 2100 {
			second.Value, second.Year = v, true
		}
		return
	}
	if first.Unit == "" && second.Unit != "" && !first.Year {
		first.Unit = second.Unit
	}
}

// decimalValue reads a figure as the lexer scans it (digits, "," groups,
// one "." and decimals: text.ScanNumber). A mantissa of up to 15 digits
// divided by a power of ten is exactly what strconv.ParseFloat returns
// (its fast path); longer figures lose a last digit of precision, which no
// comparison of figures notices. strconv's float parser is not linked into
// the widget for this one call.
func decimalValue(s string) (float64, bool) {
	mant, digits, frac := 0.0, 0, -1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			mant = mant*10 + float64(c-'0')
			digits++
			if frac >= 0 {
				frac++
			}
		case c == ',':
		case c == '.' && frac < 0:
			frac = 0
		default:
			return 0, false
		}
	}
	if digits == 0 {
		return 0, false
	}
	if frac > 0 {
		mant /= math.Pow10(min(frac, 308))
	}
	return mant, true
}
