package text

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func sentenceTexts(s string) []string {
	out := []string{}
	for _, sp := range Sentences(s) {
		out = append(out, s[sp.Start:sp.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", []string{}},
		{"blank", " \n\t \n", []string{}},
		{"one without period", "No period here", []string{"No period here"}},
		{"two sentences", "The sky is blue. Grass is green.", []string{"The sky is blue.", "Grass is green."}},
		{"question and exclamation", "Is it true? Yes! It is.", []string{"Is it true?", "Yes!", "It is."}},
		{"repeated terminal punctuation", "Really?! Yes.", []string{"Really?!", "Yes."}},
		{"Mr. is an abbreviation", "Mr. Smith spoke. He left.", []string{"Mr. Smith spoke.", "He left."}},
		{"Dr. and Sen.", "Dr. Jones met Sen. Lee today. Fine.", []string{"Dr. Jones met Sen. Lee today.", "Fine."}},
		{"U.S. abbreviation before capital", "The U.S. Army said so. Then it left.",
			[]string{"The U.S. Army said so.", "Then it left."}},
		{"U.S. at sentence end before lower case", "troops in the U.S. are paid. Yes.",
			[]string{"troops in the U.S. are paid.", "Yes."}},
		{"month abbreviation", "On Jan. 5 it rained. Then sun.", []string{"On Jan. 5 it rained.", "Then sun."}},
		{"initials", "J. K. Rowling wrote it. Fans cheered.", []string{"J. K. Rowling wrote it.", "Fans cheered."}},
		{"decimal", "Growth was 3.5 percent. Good.", []string{"Growth was 3.5 percent.", "Good."}},
		{"decimal at end", "It was 3.5. Next", []string{"It was 3.5.", "Next"}},
		{"closing quote belongs to sentence", `He said "no." Then he left.`, []string{`He said "no."`, "Then he left."}},
		{"typographic closing quote", "She said \u201cyes.\u201d Then", []string{"She said \u201cyes.\u201d", "Then"}},
		{"closing bracket", "It rose (a lot.) Then fell.", []string{"It rose (a lot.)", "Then fell."}},
		{"lower case after period does not split", "See fig. below. ok", []string{"See fig. below. ok"}},
		{"newline splits", "First line\nSecond line", []string{"First line", "Second line"}},
		{"blank line splits", "Para one.\n\nPara two.", []string{"Para one.", "Para two."}},
		{"CRLF trimmed", "One\r\nTwo", []string{"One", "Two"}},
		{"ellipsis", "Wait\u2026 Then it came.", []string{"Wait\u2026", "Then it came."}},
		{"three dots", "Wait... Then it came.", []string{"Wait...", "Then it came."}},
		{"ellipsis before lower case", "so\u2026 and then", []string{"so\u2026 and then"}},
		{"domain is not a boundary", "Visit example.com today. Now.", []string{"Visit example.com today.", "Now."}},
		{"digit starts a sentence", "It ended. 2020 was hard.", []string{"It ended.", "2020 was hard."}},
		{"quote starts a sentence", `It ended. "Why?" he asked.`, []string{"It ended.", `"Why?" he asked.`}},
		{"hashtag starts a sentence", "Done. #Vote now", []string{"Done.", "#Vote now"}},
		{"leading and trailing space trimmed", "  Hi there.   Bye.  ", []string{"Hi there.", "Bye."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, sentenceTexts(tt.in))
			checkSpans(t, tt.in, Sentences(tt.in))
		})
	}
}

func TestSentencesOffsets(t *testing.T) {
	s := "  A b. C d.\nE f"
	assert.Equal(t, []Span{{2, 6}, {7, 11}, {12, 15}}, Sentences(s))
}

// checkSpans asserts the invariants of Sentences: spans inside s, non-empty,
// increasing, non-overlapping, and trimmed of white space at both ends.
func checkSpans(t testing.TB, s string, spans []Span) {
	t.Helper()
	prevEnd := 0
	for i, sp := range spans {
		if sp.Start < prevEnd || sp.Start >= sp.End || sp.End > len(s) {
			t.Fatalf("span %d %+v out of order or bounds (prev end %d, len %d) in %q", i, sp, prevEnd, len(s), s)
		}
		if isSpaceAt(s, sp.Start) || isSpaceBefore(s, sp.End) {
			t.Fatalf("span %d %+v not trimmed: %q", i, sp, s[sp.Start:sp.End])
		}
		prevEnd = sp.End
	}
}

func isSpaceAt(s string, i int) bool {
	a, _ := trimSpace(s, i, len(s))
	return a != i
}

func isSpaceBefore(s string, i int) bool {
	_, b := trimSpace(s, 0, i)
	return b != i
}
