// Package defaultcorpus embeds the bundled demo corpus and demo article, written by the project from the facts of a public news story (see README.md in this folder).
package defaultcorpus

import _ "embed"

// ClaimReviewJSONLD is the default corpus as a schema.org ClaimReview DataFeed.
//
//go:embed claims.jsonld
var ClaimReviewJSONLD []byte

// ArticleHTML is the demo article fragment shown on /demo.
//
//go:embed article.html
var ArticleHTML string

// AnswerKey is the hand-written list of which demo-article sentences
// should match which claim, with which flag (article.expected.md).
//
//go:embed article.expected.md
var AnswerKey string
