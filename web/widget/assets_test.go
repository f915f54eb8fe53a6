package widget

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestStrip(t *testing.T) {
	src := "// header\n(() => {\n  \"use strict\";\n\n  // why\n  const a = 1; // kept: trailing\n  const u = \"https://x\";\n})();\n"
	assert.Equal(t, "(() => {\n\"use strict\";\nconst a = 1; // kept: trailing\nconst u = \"https://x\";\n})();\n", string(Strip([]byte(src))))
}

func TestScriptsAreShippedSmall(t *testing.T) {
	s := Scripts()
	assert.Len(t, s, 2)
	assert.Less(t, len(s["factcheck.js"]), len(loaderJS))
	assert.Contains(t, string(s["factcheck-worker.js"]), "importScripts")
}
