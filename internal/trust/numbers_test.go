package trust

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// q is the part of a Quantity a table states.
type q struct {
	Value  float64
	Unit   string
	Year   bool
	Approx bool
	Text   string
}

func TestQuantities(t *testing.T) {
	cases := []struct {
		in   string
		want []q
	}{
		{"About 28,500 American troops", []q{{28500, "", false, true, "28,500"}}},
		{"28.5k troops", []q{{28500, "", false, false, "28.5k"}}},
		{"1.2m people", []q{{1.2e6, "", false, false, "1.2m"}}},
		{"twenty thousand people", []q{{20000, "", false, false, "twenty thousand"}}},
		{"two hundred and fifty thousand", []q{{250000, "", false, false, "two hundred and fifty thousand"}}},
		{"twenty-five soldiers", []q{{25, "", false, false, "twenty-five"}}},
		{"two delegations", []q{{2, "", false, false, "two"}}},
		{"a dozen eggs", []q{{12, "", false, false, "a dozen"}}},
		{"$350 billion", []q{{3.5e11, "$", false, false, "$350 billion"}}},
		{"US$350bn", []q{{3.5e11, "$", false, false, "US$350bn"}}},
		{"350bn dollars", []q{{3.5e11, "$", false, false, "350bn dollars"}}},
		{"€5 million", []q{{5e6, "€", false, false, "€5 million"}}},
		{"£20m", []q{{2e7, "£", false, false, "£20m"}}},
		{"7%", []q{{7, "%", false, false, "7%"}}},
		{"7 per cent", []q{{7, "%", false, false, "7 per cent"}}},
		{"nearly 7 percent", []q{{7, "%", false, true, "7 percent"}}},
		{"20-30%", []q{{20, "%", false, false, "20"}, {30, "%", false, false, "30%"}}},
		{"the 1950-53 Korean War", []q{{1950, "", true, false, "1950"}, {1953, "", true, false, "53"}}},
		{"in 1994", []q{{1994, "", true, false, "1994"}}},
		{"the 2024 elections", []q{{2024, "", true, false, "2024"}}},
		{"sent 2000 troops", []q{{2000, "", false, false, "2000"}}},
		{"10x more", []q{{10, "x", false, false, "10x"}}},
		{"15 times larger", []q{{15, "x", false, false, "15 times"}}},
		{"a five-year term", []q{{5, "year", false, false, "five-year"}}},
		{"about 50 kilometres", []q{{50, "km", false, true, "50 kilometres"}}},
		{"more than 35,000 US troops", []q{{35000, "", false, true, "35,000"}}},
		{"at least 12 people", []q{{12, "", false, true, "12"}}},
		{"on 4 November 2025", []q{{2025, "", true, false, "2025"}}},
		{"2025-11-04", nil},
		{"the 1st time", nil},
		{"the 1990s", nil},
		{"F-35 jets", nil},
		{"at 10:30", nil},
		{"at 3 pm", nil},
		{"one of the reasons", nil},
		{"5G networks", nil},
		{"", nil},
	}
	for _, c := range cases {
		got := Quantities(c.in)
		var g []q
		for _, x := range got {
			g = append(g, q{x.Value, x.Unit, x.Year, x.Approx, x.Text})
			require.Equal(t, c.in[x.Start:x.End], x.Text)
		}
		assert.Equal(t, c.want, g, c.in)
	}
}

func TestChanges(t *testing.T) {
	cases := []struct {
		in        string
		dir       int
		factor    float64
		hasFactor bool
		text      string
	}{
		{"Exports more than doubled last year.", 1, 2, true, "more than doubled"},
		{"Prices rose 10% in a year.", 1, 1.1, true, "rose 10%"},
		{"The budget fell by half.", -1, 0.5, true, "fell by half"},
		{"Output tripled.", 1, 3, true, "tripled"},
		{"Spending was cut by 20 percent.", -1, 0.8, true, "cut by 20 percent"},
		{"Seoul plans to increase its defence budget.", 1, 0, false, "increase"},
		{"The government will cut the budget.", -1, 0, false, "cut"},
		{"Crime fell.", -1, 0, false, "fell"},
		{"a 10% rise in rents", 1, 1.1, true, "10% rise"},
		{"plans to double its budget", 1, 2, true, "double"},
		{"Costs grew tenfold.", 1, 10, true, "grew tenfold"},
		{"Sales dropped by a third.", -1, 2.0 / 3, true, "dropped by a third"},
		{"Output halved.", -1, 0.5, true, "halved"},
	}
	for _, c := range cases {
		got := Changes(c.in)
		require.Len(t, got, 1, c.in)
		assert.Equal(t, c.dir, got[0].Direction, c.in)
		assert.InDelta(t, c.factor, got[0].Factor, 1e-9, c.in)
		assert.Equal(t, c.hasFactor, got[0].HasFactor, c.in)
		assert.Equal(t, c.text, got[0].Text, c.in)
		assert.Equal(t, c.text, c.in[got[0].Start:got[0].End])
	}
	for _, s := range []string{"He raised concerns.", "the fall of Saigon", "a double standard", "the lower house"} {
		assert.Empty(t, Changes(s), s)
	}
}

// decimalValue reads figures as strconv.ParseFloat does.
func TestDecimalValue(t *testing.T) {
	for _, s := range []string{"0", "7", "28,500", "28.5", "3.14159", "1,234,567.89", "0.001", "350", "99.99", "123456789012345"} {
		got, ok := decimalValue(s)
		require.True(t, ok, s)
		want, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
		require.NoError(t, err)
		assert.Equal(t, want, got, s)
	}
	for _, s := range []string{"", ",", "1.2.3", "12a"} {
		_, ok := decimalValue(s)
		assert.False(t, ok, s)
	}
}
