package api_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/factcheckwidget/factcheck/internal/api"
	"github.com/factcheckwidget/factcheck/internal/claim"
	"github.com/factcheckwidget/factcheck/internal/compile"
	"github.com/factcheckwidget/factcheck/internal/engine"
	"github.com/factcheckwidget/factcheck/internal/report"
)

// POST /v1/check with "lang": a Portuguese page is read in Portuguese and
// matched against the Portuguese claim of a corpus that has the same claim
// in English; declaring English for it finds the English one.
func TestCheckLang(t *testing.T) {
	claims := []claim.Claim{
		{ID: "pt", Language: "pt-BR", Text: "O governo cortou as verbas das universidades federais em 30% em 2023",
			Rating: "Falso", Verdict: claim.VerdictFalse, URL: "https://checagem.example/1"},
		{ID: "en", Language: "en", Text: "The government cut funding for federal universities by 30% in 2023",
			Rating: "False", Verdict: claim.VerdictFalse, URL: "https://check.example/1"},
	}
	// Other claims, so that words in one claim are rare (with two claims
	// every word has BM25's idf of 0).
	for i, text := range []string{"O prefeito proibiu carros no centro da cidade", "A vacina da gripe causa febre alta",
		"O preço do pão dobrou por causa da guerra", "The mayor banned cars from the city centre",
		"The flu vaccine causes a high fever", "Bread prices doubled because of the war"} {
		claims = append(claims, claim.Claim{ID: fmt.Sprint("filler", i), Language: []string{"pt", "en"}[i/3], Text: text})
	}
	x, err := compile.Index(claims, nil)
	require.NoError(t, err)
	srv := newServer(t, engine.New(x), api.Options{})
	tests := []struct{ name, body, want string }{
		{"declared Portuguese", `{"text": "O governo cortou as verbas das universidades federais em 30% em 2023, diz post.", "lang": "pt-BR"}`, "pt"},
		{"undeclared Portuguese", `{"text": "O governo cortou as verbas das universidades federais em 30% em 2023, diz post."}`, "pt"},
		{"declared English", `{"text": "The government cut funding for federal universities by 30% in 2023, a post says.", "lang": "en"}`, "en"},
	}
	for _, tt := range tests {
		resp, body := post(t, srv.URL+"/v1/check", "application/json", tt.body)
		require.Equal(t, http.StatusOK, resp.StatusCode, "body: %s", body)
		var a report.Article
		require.NoError(t, json.Unmarshal(body, &a))
		require.Len(t, a.Sentences, 1, tt.name)
		require.NotEmpty(t, a.Sentences[0].Matches, tt.name)
		for _, m := range a.Sentences[0].Matches {
			assert.Equal(t, tt.want, m.Claim.ID, "%s: only claims in the page's language", tt.name)
		}
	}
}
