package lang

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// FuzzDecodeSection: a damaged or hostile language section is an error,
// never a panic or a huge allocation; whatever decodes encodes back to a
// section that decodes to the same languages.
func FuzzDecodeSection(f *testing.F) {
	profiles := []*Profile{{Tag: "pt", Script: "Latn", Stops: set("de", "que")}}
	f.Add(EncodeSection(profiles, []Language{{Tag: "en", Claims: 19250}, {Tag: "pt", Claims: 300}}))
	f.Add(EncodeProfiles(profiles))
	f.Add([]byte{2, 0, 1, 2, 'e', 'n', 0xff, 0xff, 0x03})
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, langs, err := DecodeSection(data)
		if err != nil {
			return
		}
		_, again, err := DecodeSection(EncodeSection(ps, langs))
		require.NoError(t, err)
		require.Equal(t, len(langs), len(again))
	})
}
