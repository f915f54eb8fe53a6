package trust

import (
	"testing"
	"time"
	"unicode/utf8"
)

// The fuzz targets check what callers rely on: no panics, spans inside
// the input with Start <= End, and Text equal to the span it names.

func checkSpan(t *testing.T, s, text string, start, end int) {
	t.Helper()
	if start < 0 || start > end || end > len(s) {
		t.Fatalf("span [%d,%d) outside %d bytes of %q", start, end, len(s), s)
	}
	if s[start:end] != text {
		t.Fatalf("text %q is not s[%d:%d] = %q", text, start, end, s[start:end])
	}
}

func FuzzQuantities(f *testing.F) {
	f.Add("About 28,500 American troops, $350 billion, 7 per cent, 1950-53.")
	f.Fuzz(func(t *testing.T, s string) {
		for _, q := range Quantities(s) {
			checkSpan(t, s, q.Text, q.Start, q.End)
			if q.Value != q.Value {
				t.Fatalf("NaN from %q", s)
			}
		}
		for _, c := range Changes(s) {
			checkSpan(t, s, c.Text, c.Start, c.End)
		}
	})
}

func FuzzDates(f *testing.F) {
	f.Add("The meeting was held on Tuesday, 4 November 2025.", int64(1762300800))
	f.Fuzz(func(t *testing.T, s string, ref int64) {
		r := time.Time{}
		if ref != 0 {
			r = time.Unix(ref%(1<<36), 0).UTC()
		}
		for _, d := range Dates(s, r) {
			checkSpan(t, s, d.Text, d.Start, d.End)
			if d.Precision < PrecYear || d.Precision > PrecDay {
				t.Fatalf("precision %d from %q", d.Precision, s)
			}
		}
		for _, e := range Entities(s) {
			checkSpan(t, s, e.Text, e.Start, e.End)
		}
		for _, c := range NegationCues(s) {
			checkSpan(t, s, c.Text, c.Start, c.End)
		}
	})
}

func FuzzCompare(f *testing.F) {
	f.Add("Hegseth did not visit the DMZ on 27 October.", "Hegseth visited the DMZ on 29 October 2025.")
	f.Fuzz(func(t *testing.T, page, claim string) {
		for _, fl := range Compare(page, claim, articleDate, claimDate) {
			if fl.Start < 0 || fl.Start > fl.End || fl.End > len(page) {
				t.Fatalf("flag %+v outside %d bytes", fl, len(page))
			}
			if utf8.ValidString(page) && !utf8.ValidString(page[fl.Start:fl.End]) {
				t.Fatalf("flag %+v splits a rune of %q", fl, page)
			}
		}
	})
}
