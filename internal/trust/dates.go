package trust

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/factcheckwidget/factcheck/internal/text"
)

// Date is a calendar date (or month, or year) mentioned in text, resolved
// against the article date when relative. Year is 0 when a day or month is
// given without a year and there is no reference date to place it.
type Date struct {
	Year, Month, Day int
	Precision        int // 3 day, 2 month, 1 year
	Text             string
	Start, End       int
}

// Precisions of a Date.
const (
	PrecYear  = 1
	PrecMonth = 2
	PrecDay   = 3
)

// Why not github.com/olebedev/when (v1.1.0, evaluated against this
// package's cases before writing the parser below):
//   - a bare weekday always means the next one: "was held on Tuesday" in an
//     article of Wednesday 2025-11-05 gives 2025-11-11, not 2025-11-04;
//   - "Thursday next week" from Wednesday 2025-10-29 gives 2025-10-30 (it
//     reads "next" as "next occurrence", not as the next calendar week);
//     "Tuesday next week" is right only by coincidence;
//   - "It was announced on 4 November 2025 and again on Tuesday" and "this
//     week" give no result at all, and years, "November 4, 2025" and
//     month-year forms are not covered;
//   - Parse returns only the first cluster of matches and no precision,
//     while we need every date with offsets and day/month/year precision;
//   - it pulls github.com/pkg/errors and with it fmt into the wasm.
// So this is a compact token-level parser of the forms news text uses.

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// IsDateWord reports a month or weekday name (lower case): words that
// date a sentence without saying what it claims.
func IsDateWord(w string) bool {
	_, day := weekdays[w]
	return months[w] != 0 || day
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
	"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday,
	"saturday": time.Saturday,
}

// monthContext words make a lone month name a date ("in October") rather
// than a name or a verb ("May", "March").
var monthContext = wordSet("in|since|until|by|during|early|late|mid|last|next|this|from|through|before|after|of")

// dateHit is a found date with its token range and whether it was resolved
// against the reference date (relative words or an inferred year).
type dateHit struct {
	d    Date
	i, j int
	rel  bool
}

// Dates returns the dates in s in order. Absolute forms: "4 November 2025",
// "4th of November", "November 4, 2025", "Nov. 4", "2025-11-04", "October
// 2025", "in October", bare years ("in 1994", "1950-53"). Relative forms,
// only when ref is non-zero: today, tonight, yesterday, tomorrow, last
// night, "N days ago", this/last/next month or year, and weekdays (see
// resolveWeekday). "this week" and "next week" alone are not dates: a week
// is no precision we compare at. Slashed dates ("04/11/2025") are skipped
// because day-month order is ambiguous.
func Dates(s string, ref time.Time) []Date {
	hits := dateHits(s, lex(s), ref)
	out := make([]Date, len(hits))
	for k, h := range hits {
		out[k] = h.d
	}
	return out
}

func dateHits(s string, toks []tok, ref time.Time) []dateHit {
	var hits []dateHit
	used := make([]bool, len(toks))
	tense := 0 // computed on first bare weekday
	for i := 0; i < len(toks); i++ {
		h, ok := absDateAt(toks, i)
		if ok {
			if h.d.Year == 0 && !ref.IsZero() && h.d.Month > 0 {
				h.d.Year = placeYear(ref, h.d.Month, h.d.Day, yearDirection(toks, h.i, &tense))
				h.rel = true
			}
		} else if !ref.IsZero() {
			h, ok = relDateAt(toks, i, ref, &tense)
		}
		if !ok {
			continue
		}
		h.d.Start, h.d.End = toks[h.i].start, toks[h.j].end
		h.d.Text = s[h.d.Start:h.d.End]
		for k := h.i; k <= h.j; k++ {
			used[k] = true
		}
		hits = append(hits, h)
		i = h.j
	}
	// Bare years: the 4-digit numbers Quantities calls years.
	for _, q := range quantities(s, toks, used) {
		if q.Year {
			hits = append(hits, dateHit{d: Date{Year: int(q.Value), Precision: PrecYear, Text: q.Text, Start: q.Start, End: q.End}})
		}
	}
	sort.SliceStable(hits, func(a, b int) bool { return hits[a].d.Start < hits[b].d.Start })
	return hits
}

// dateDayTokens marks the tokens of absolute dates that are not quantities:
// day numbers and ordinal suffixes, and whole ISO dates. Years after a
// month stay unmarked; Quantities reports them as years.
func dateDayTokens(toks []tok) []bool {
	skip := make([]bool, len(toks))
	for i := 0; i < len(toks); i++ {
		h, ok := absDateAt(toks, i)
		if !ok {
			continue
		}
		for k := h.i; k <= h.j; k++ {
			if toks[k].kind != tNum || len(toks[k].s) < 4 || h.d.Precision == PrecDay && k == h.i && len(toks[k].s) == 4 {
				skip[k] = true
			}
		}
		i = h.j
	}
	return skip
}

// monthAt reads a capitalised month name at i with an optional "." after an
// abbreviation; it returns the month and the last token used.
func monthAt(toks []tok, i int) (int, int, bool) {
	if i >= len(toks) || toks[i].kind != tWord || !toks[i].capitalised() {
		return 0, 0, false
	}
	m, ok := months[toks[i].low]
	if !ok {
		return 0, 0, false
	}
	j := i
	if len(toks[i].s) <= 4 && j+1 < len(toks) && toks[j+1].s == "." && adjacent(toks[j], toks[j+1]) {
		j++
	}
	return m, j, true
}

// dayAt reads a day number 1-31 (with "st"/"nd"/"rd"/"th") at i.
func dayAt(toks []tok, i int) (int, int, bool) {
	if i >= len(toks) || toks[i].kind != tNum || len(toks[i].s) > 2 {
		return 0, 0, false
	}
	d, _ := text.Digits(toks[i].s)
	if d < 1 || d > 31 {
		return 0, 0, false
	}
	j := i
	if w := wordAt(toks, i+1); (w == "st" || w == "nd" || w == "rd" || w == "th") && adjacent(toks[i], toks[i+1]) {
		j++
	}
	return d, j, true
}

// yearAt reads a 4-digit year 1900-2100 at i.
func yearAt(toks []tok, i int) (int, bool) {
	if i >= len(toks) || toks[i].kind != tNum || len(toks[i].s) != 4 {
		return 0, false
	}
	y, ok := text.Digits(toks[i].s)
	if !ok || y < 1900 || y > 2100 {
		return 0, false
	}
	return y, true
}

// optYear extends j over ", 2025" or " 2025".
func optYear(toks []tok, j int) (int, int) {
	k := j + 1
	if k < len(toks) && toks[k].s == "," {
		k++
	}
	if y, ok := yearAt(toks, k); ok {
		return y, k
	}
	return 0, j
}

func absDateAt(toks []tok, i int) (dateHit, bool) {
	t := toks[i]
	// 2025-11-04
	if t.kind == tNum && len(t.s) == 4 && i+4 < len(toks) && toks[i+1].s == "-" && toks[i+3].s == "-" &&
		len(toks[i+2].s) == 2 && len(toks[i+4].s) == 2 && toks[i+2].kind == tNum && toks[i+4].kind == tNum &&
		adjacent(t, toks[i+1]) && adjacent(toks[i+1], toks[i+2]) && adjacent(toks[i+2], toks[i+3]) && adjacent(toks[i+3], toks[i+4]) {
		y, _ := text.Digits(t.s)
		m, _ := text.Digits(toks[i+2].s)
		d, _ := text.Digits(toks[i+4].s)
		if m >= 1 && m <= 12 && d >= 1 && d <= 31 {
			return dateHit{d: Date{Year: y, Month: m, Day: d, Precision: PrecDay}, i: i, j: i + 4}, true
		}
	}
	// 4 November 2025, 4th of November
	if d, j, ok := dayAt(toks, i); ok {
		k := j + 1
		if wordAt(toks, k) == "of" {
			k++
		}
		if m, mj, ok := monthAt(toks, k); ok {
			y, end := optYear(toks, mj)
			return dateHit{d: Date{Year: y, Month: m, Day: d, Precision: PrecDay}, i: i, j: end}, true
		}
	}
	m, mj, ok := monthAt(toks, i)
	if !ok {
		return dateHit{}, false
	}
	// November 4, 2025 / Nov. 4 — but not "November 2025".
	if d, j, ok := dayAt(toks, mj+1); ok && !(j+1 < len(toks) && toks[j+1].kind == tWord && (scales[toks[j+1].low] != 0 || unitWords[toks[j+1].low] != "")) {
		y, end := optYear(toks, j)
		return dateHit{d: Date{Year: y, Month: m, Day: d, Precision: PrecDay}, i: i, j: end}, true
	}
	// October 2025
	if y, end := optYear(toks, mj); y != 0 {
		return dateHit{d: Date{Year: y, Month: m, Precision: PrecMonth}, i: i, j: end}, true
	}
	// in October
	if monthContext[wordAt(toks, i-1)] && (len(toks[i].s) > 3 || toks[i].low == "may") {
		return dateHit{d: Date{Month: m, Precision: PrecMonth}, i: i, j: mj}, true
	}
	return dateHit{}, false
}

// placeYear places a month (and day) given without a year. News leaves
// the year out for dates within months of publication: in a past-tense
// context (or after "since", "last") the date is the latest one not after
// ref, in a future one (or after "next") the first one not before ref, and
// otherwise the one nearest to ref, either side.
func placeYear(ref time.Time, month, day, tense int) int {
	first, last, mid := day, day, day // a month alone spans its days
	if day == 0 {
		first, last, mid = 1, 28, 15
	}
	at := func(y, d int) time.Time { return time.Date(y, time.Month(month), d, 0, 0, 0, 0, time.UTC) }
	r := dayOf(ref)
	switch tense {
	case tensePast:
		if at(r.Year(), first).After(r) {
			return r.Year() - 1
		}
		return r.Year()
	case tenseFuture:
		if at(r.Year(), last).Before(r) {
			return r.Year() + 1
		}
		return r.Year()
	}
	best, bestDist := r.Year(), time.Duration(1<<62)
	for y := r.Year() - 1; y <= r.Year()+1; y++ {
		dist := at(y, mid).Sub(r)
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist = y, dist
		}
	}
	return best
}

// yearDirection reads the direction of a yearless date at toks[i] from the
// word before it, else from the sentence's tense.
func yearDirection(toks []tok, i int, tense *int) int {
	for k := i - 1; k >= i-2 && k >= 0; k-- {
		switch wordAt(toks, k) {
		case "since", "last":
			return tensePast
		case "next":
			return tenseFuture
		}
	}
	if *tense == 0 {
		*tense = sentenceTense(toks)
	}
	return *tense
}

func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func dayDate(t time.Time, i, j int) dateHit {
	return dateHit{d: Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day(), Precision: PrecDay}, i: i, j: j, rel: true}
}

func relDateAt(toks []tok, i int, ref time.Time, tense *int) (dateHit, bool) {
	ref = dayOf(ref)
	w := wordAt(toks, i)
	if w == "" {
		return dateHit{}, false
	}
	next := wordAt(toks, i+1)
	off := 0 // "this"
	switch w {
	case "last", "past":
		off = -1
	case "next":
		off = 1
	}
	switch w {
	case "today", "tonight":
		return dayDate(ref, i, i), true
	case "yesterday":
		return dayDate(ref.AddDate(0, 0, -1), i, i), true
	case "tomorrow":
		return dayDate(ref.AddDate(0, 0, 1), i, i), true
	case "last", "this", "next", "past":
		switch next {
		case "night":
			if w == "last" {
				return dayDate(ref.AddDate(0, 0, -1), i, i+1), true
			}
		case "month":
			t := time.Date(ref.Year(), ref.Month()+time.Month(off), 1, 0, 0, 0, 0, time.UTC)
			return dateHit{d: Date{Year: t.Year(), Month: int(t.Month()), Precision: PrecMonth}, i: i, j: i + 1, rel: true}, true
		case "year":
			return dateHit{d: Date{Year: ref.Year() + off, Precision: PrecYear}, i: i, j: i + 1, rel: true}, true
		}
		if wd, ok := weekdays[next]; ok && toks[i+1].capitalised() {
			return weekdayHit(toks, i, i+1, w, wd, ref, tense), true
		}
	}
	if wd, ok := weekdays[w]; ok && toks[i].capitalised() {
		return weekdayHit(toks, i, i, "", wd, ref, tense), true
	}
	// "three days ago", "2 days ago"
	if wordAt(toks, i+2) == "ago" && (next == "days" || next == "day") {
		n := -1
		if toks[i].kind == tNum && len(toks[i].s) <= 3 {
			n, _ = text.Digits(toks[i].s)
		} else if v, ok := smallNums[w]; ok {
			n = int(v)
		} else if w == "a" || w == "an" {
			n = 1
		}
		if n >= 0 {
			return dayDate(ref.AddDate(0, 0, -n), i, i+2), true
		}
	}
	return dateHit{}, false
}

// weekdayHit resolves a weekday at toks[wi], with modifier mod ("last",
// "next", "this", "past" or "") at toks[i], and an optional "next week" /
// "last week" / "this week" after it.
func weekdayHit(toks []tok, i, wi int, mod string, wd time.Weekday, ref time.Time, tense *int) dateHit {
	j := wi
	if mod == "" {
		if m := wordAt(toks, wi+1); (m == "next" || m == "last" || m == "this") && wordAt(toks, wi+2) == "week" {
			mod, j = m+" week", wi+2
		}
	}
	if *tense == 0 {
		*tense = sentenceTense(toks)
	}
	return dayDate(resolveWeekday(ref, wd, mod, *tense), i, j)
}

// resolveWeekday places weekday wd relative to ref.
//   - "W next week" / "W last week" / "W this week" / "this W": W in the
//     calendar week (Monday to Sunday, ISO 8601) after, before or of ref.
//   - "last W" / "past W": the latest W strictly before ref; "next W": the
//     first W strictly after ref.
//   - a bare W follows the news convention that it names the nearest such
//     day in the direction of the sentence's tense: back 0-6 days in a past
//     tense sentence ("was held on Tuesday" in an article of Wednesday
//     2025-11-05 is 2025-11-04), forward 0-6 days in a future one ("will
//     meet on Friday"), and otherwise the nearest within ±3 days.
func resolveWeekday(ref time.Time, wd time.Weekday, mod string, tense int) time.Time {
	fwd := (int(wd) - int(ref.Weekday()) + 7) % 7 // 0..6 days ahead
	monday := ref.AddDate(0, 0, -((int(ref.Weekday()) + 6) % 7))
	inWeek := (int(wd) + 6) % 7 // Monday 0 .. Sunday 6
	switch mod {
	case "next week":
		return monday.AddDate(0, 0, 7+inWeek)
	case "last week":
		return monday.AddDate(0, 0, -7+inWeek)
	case "this week", "this":
		return monday.AddDate(0, 0, inWeek)
	case "last", "past":
		back := (7 - fwd) % 7
		if back == 0 {
			back = 7
		}
		return ref.AddDate(0, 0, -back)
	case "next":
		if fwd == 0 {
			fwd = 7
		}
		return ref.AddDate(0, 0, fwd)
	}
	switch tense {
	case tenseFuture:
		return ref.AddDate(0, 0, fwd)
	case tensePast:
		return ref.AddDate(0, 0, -((7 - fwd) % 7))
	}
	if fwd > 3 {
		return ref.AddDate(0, 0, fwd-7)
	}
	return ref.AddDate(0, 0, fwd)
}

const (
	tenseNone = iota + 1
	tensePast
	tenseFuture
)

var futureCues = wordSet("will|shall|won't|won\u2019t|scheduled|upcoming|due|later")

var futurePairs = wordSet("set to|expected to|plans to|plan to|planning to|going to|is to|are to")

var pastCues = wordSet("was|were|had|did|said|told|held|met|spoke|went|came|took|gave|made|saw|began|ago|earlier|left|sent|won|lost|wrote|ran")

// sentenceTense guesses the tense of a sentence from auxiliaries and
// irregular pasts, then regular "-ed" forms. A future cue wins because
// "said it will meet on Friday" places Friday ahead.
func sentenceTense(toks []tok) int {
	past := false
	for k, t := range toks {
		if t.kind != tWord {
			continue
		}
		w := t.low
		if futureCues[w] || strings.HasSuffix(w, "'ll") || strings.HasSuffix(w, "\u2019ll") {
			return tenseFuture
		}
		if n := wordAt(toks, k+1); n == "to" && futurePairs[w+" to"] {
			return tenseFuture
		}
		if pastCues[w] || len(w) > 4 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") {
			past = true
		}
	}
	if past {
		return tensePast
	}
	return tenseNone
}

// isoDate renders d at its precision: 2025-11-04, 2025-11, 2025.
func isoDate(d Date) string {
	var b strings.Builder
	if d.Year == 0 {
		b.WriteString("????")
	} else {
		b.WriteString(strconv.Itoa(d.Year))
	}
	if d.Precision >= PrecMonth {
		b.WriteByte('-')
		pad2(&b, d.Month)
	}
	if d.Precision >= PrecDay {
		b.WriteByte('-')
		pad2(&b, d.Day)
	}
	return b.String()
}

func pad2(b *strings.Builder, n int) {
	if n < 10 {
		b.WriteByte('0')
	}
	b.WriteString(strconv.Itoa(n))
}

// sameDate compares two dates at the coarser of their precisions; an
// unknown year (0) matches any year.
func sameDate(a, b Date) bool {
	p := min(a.Precision, b.Precision)
	if a.Year != 0 && b.Year != 0 && a.Year != b.Year {
		return false
	}
	if p >= PrecMonth && a.Month != b.Month {
		return false
	}
	return p < PrecDay || a.Day == b.Day
}
