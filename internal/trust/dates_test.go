package trust

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// dt is the part of a Date a table states.
type dt struct {
	Y, M, D, P int
	Text       string
}

func TestDates(t *testing.T) {
	wed := day(2025, 11, 5)    // the demo article's date, a Wednesday
	wed29 := day(2025, 10, 29) // also a Wednesday
	cases := []struct {
		in   string
		ref  time.Time
		want []dt
	}{
		// absolute
		{"It took place on 4 November 2025.", time.Time{}, []dt{{2025, 11, 4, 3, "4 November 2025"}}},
		{"on the 4th of November, 2025", time.Time{}, []dt{{2025, 11, 4, 3, "4th of November, 2025"}}},
		{"November 4, 2025", time.Time{}, []dt{{2025, 11, 4, 3, "November 4, 2025"}}},
		{"on Nov. 4 in Seoul", time.Time{}, []dt{{0, 11, 4, 3, "Nov. 4"}}},
		{"on Nov. 4 in Seoul", wed, []dt{{2025, 11, 4, 3, "Nov. 4"}}},
		{"on 27 October aboard a plane", wed, []dt{{2025, 10, 27, 3, "27 October"}}},
		{"in late December", day(2026, 1, 10), []dt{{2025, 12, 0, 2, "December"}}},
		{"2025-11-04", time.Time{}, []dt{{2025, 11, 4, 3, "2025-11-04"}}},
		{"in October 2025", time.Time{}, []dt{{2025, 10, 0, 2, "October 2025"}}},
		{"in 1994", time.Time{}, []dt{{1994, 0, 0, 1, "1994"}}},
		{"during the 1950-53 Korean War", time.Time{}, []dt{{1950, 0, 0, 1, "1950"}, {1953, 0, 0, 1, "53"}}},
		{"Lee's five-year term ends in 2030", time.Time{}, []dt{{2030, 0, 0, 1, "2030"}}},
		{"May I say something", wed, nil},
		{"elections in May", wed, []dt{{2025, 5, 0, 2, "May"}}},
		{"elections will be held in May", wed, []dt{{2026, 5, 0, 2, "May"}}},
		{"talks will be held on 2 January", wed, []dt{{2026, 1, 2, 3, "2 January"}}},
		{"since March", wed, []dt{{2025, 3, 0, 2, "March"}}},
		{"It ended on 30 December.", day(2026, 1, 3), []dt{{2025, 12, 30, 3, "30 December"}}},
		{"sent 2000 troops", wed, nil},
		// relative
		{"The meeting is on Tuesday next week.", wed29, []dt{{2025, 11, 4, 3, "Tuesday next week"}}},
		{"The meeting is on Thursday next week.", wed29, []dt{{2025, 11, 6, 3, "Thursday next week"}}},
		{"The meeting was held in Seoul on Tuesday.", wed, []dt{{2025, 11, 4, 3, "Tuesday"}}},
		{"The meeting in Seoul on Tuesday", wed, []dt{{2025, 11, 4, 3, "Tuesday"}}},
		{"He said on Friday that talks would go on.", wed, []dt{{2025, 10, 31, 3, "Friday"}}},
		{"The ministers will meet on Friday.", wed, []dt{{2025, 11, 7, 3, "Friday"}}},
		{"It happened last Tuesday.", wed, []dt{{2025, 11, 4, 3, "last Tuesday"}}},
		{"It happened last Wednesday.", wed, []dt{{2025, 10, 29, 3, "last Wednesday"}}},
		{"They meet next Monday.", wed, []dt{{2025, 11, 10, 3, "next Monday"}}},
		{"They met this Monday.", wed, []dt{{2025, 11, 3, 3, "this Monday"}}},
		{"It was announced yesterday.", wed, []dt{{2025, 11, 4, 3, "yesterday"}}},
		{"It is due today.", wed, []dt{{2025, 11, 5, 3, "today"}}},
		{"It starts tomorrow.", wed, []dt{{2025, 11, 6, 3, "tomorrow"}}},
		{"It started three days ago.", wed, []dt{{2025, 11, 2, 3, "three days ago"}}},
		{"the agenda of this year's meeting", wed, []dt{{2025, 0, 0, 1, "this year"}}},
		{"last month", day(2025, 1, 15), []dt{{2024, 12, 0, 2, "last month"}}},
		{"Posts shared this week claimed it", wed, nil},
		{"on Tuesday", time.Time{}, nil},
	}
	for _, c := range cases {
		var got []dt
		for _, d := range Dates(c.in, c.ref) {
			got = append(got, dt{d.Year, d.Month, d.Day, d.Precision, d.Text})
			require.Equal(t, c.in[d.Start:d.End], d.Text)
		}
		assert.Equal(t, c.want, got, c.in)
	}
}

func TestSameDate(t *testing.T) {
	assert.True(t, sameDate(Date{Year: 2025, Month: 11, Day: 4, Precision: 3}, Date{Year: 2025, Precision: 1}))
	assert.True(t, sameDate(Date{Year: 2025, Month: 11, Day: 4, Precision: 3}, Date{Month: 11, Day: 4, Precision: 3}))
	assert.False(t, sameDate(Date{Year: 2025, Month: 11, Day: 4, Precision: 3}, Date{Year: 2025, Month: 11, Day: 14, Precision: 3}))
	assert.False(t, sameDate(Date{Year: 1994, Precision: 1}, Date{Year: 2004, Precision: 1}))
	assert.Equal(t, "2025-11-04", isoDate(Date{Year: 2025, Month: 11, Day: 4, Precision: 3}))
	assert.Equal(t, "2025-03", isoDate(Date{Year: 2025, Month: 3, Precision: 2}))
}
