package shard

import (
	"strings"
	"testing"

	"github.com/factcheckwidget/factcheck/internal/trust"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNameUnits(t *testing.T) {
	units := nameUnits("Says O’Brien's plan for São Paulo (and the U.S.) is 20% off; city hall agrees.")
	for unit, capitalised := range map[string]bool{
		"o'brien's": true, "o'brien": true, "brien": true, "s": true, "plan": false, // a word's pieces, folded
		"sao": true, "paulo": true, "u.s.": true, "u": true, "20": false, "city": false, "says": true,
	} {
		got, ok := units[unit]
		if assert.True(t, ok, "%q is a unit", unit) {
			assert.Equal(t, capitalised, got, "%q written capitalised", unit)
		}
	}
	assert.NotContains(t, units, "sao paulo", "units hold no space")
	assert.NotContains(t, units, "brie", "nor part of a letter run")
}

// A claim's record carries the names a check can ask about when it reads
// the claim: those made of its words, the first written capitalised.
func TestNamesWithinAClaim(t *testing.T) {
	ns := &nameShards{byFirst: map[string][]nameEntry{}}
	for _, e := range []nameEntry{
		{"scott walker", trust.PersonName}, {"walker", trust.PersonName}, {"scott", trust.GivenName},
		{"city", trust.PersonName}, {"milwaukee", trust.PlaceName}, {"scott pruitt", trust.PersonName},
	} {
		first, _, _ := strings.Cut(e.name, " ")
		ns.byFirst[first] = append(ns.byFirst[first], e)
	}
	got := ns.within("Recall petition against Gov. Scott Walker's budget passed city hall in Milwaukee.")
	var names []string
	for _, e := range got {
		names = append(names, e.name)
	}
	assert.Equal(t, []string{"milwaukee", "scott", "scott walker", "walker"}, names)
}

// The lexicon is spread over the parts: the sections part keeps only the
// names no stem bucket holds, and a check still flags what the whole
// index flags (TestShardedCheckIsTheCheck compares every flag).
func TestNamesAreSpreadOverTheParts(t *testing.T) {
	x, m, parts := cut(t, DefaultOptions())
	whole, err := trust.DecodeLexicon(x.Sections[trust.LexiconSection])
	require.NoError(t, err)
	require.Positive(t, whole.Len())
	c := open(t, m)
	require.NoError(t, c.Add(m.SectionsPart(), parts["x"]))
	assert.NotContains(t, c.sections, trust.LexiconSection)
	assert.Less(t, c.names.Len(), whole.Len()/10, "the sections part holds few names")
	for name := range parts {
		if name[0] == kindStems {
			require.NoError(t, c.Add(m.Build+"/"+name, parts[name]))
		}
	}
	for k := trust.PersonName; k <= trust.OrgName; k++ {
		for _, n := range whole.Names(k) {
			assert.Equal(t, k, c.names.Kind(n), "%q is in a stem bucket or the sections part", n)
		}
	}
}
