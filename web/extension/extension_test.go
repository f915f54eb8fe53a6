package extension

import (
	"archive/zip"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The shipped manifest: MV3, the four permissions the issue allows and no
// host permissions (activeTab covers the tab the user acts on), and the
// CSP that lets the wasm compile.
func TestManifest(t *testing.T) {
	b, err := Manifest(Options{})
	require.NoError(t, err)
	var m struct {
		Version         int               `json:"manifest_version"`
		Permissions     []string          `json:"permissions"`
		HostPermissions []string          `json:"host_permissions"`
		CSP             map[string]string `json:"content_security_policy"`
		Background      map[string]string `json:"background"`
		Action          map[string]string `json:"action"`
		WebAccessible   []any             `json:"web_accessible_resources"`
	}
	require.NoError(t, json.Unmarshal(b, &m))
	assert.Equal(t, 3, m.Version)
	assert.ElementsMatch(t, []string{"activeTab", "contextMenus", "scripting", "storage"}, m.Permissions)
	assert.Empty(t, m.HostPermissions)
	assert.Empty(t, m.WebAccessible, "no extension file is exposed to pages")
	assert.Equal(t, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'", m.CSP["extension_pages"])
	assert.Equal(t, "background.js", m.Background["service_worker"])
	assert.Equal(t, "popup.html", m.Action["default_popup"])

	b, err = Manifest(Options{Version: "1.2.3", HostPermissions: []string{"http://127.0.0.1/*"}})
	require.NoError(t, err)
	var v map[string]any
	require.NoError(t, json.Unmarshal(b, &v))
	assert.Equal(t, "1.2.3", v["version"])
	assert.Equal(t, []any{"http://127.0.0.1/*"}, v["host_permissions"])
}

// Every file the manifest and the pages refer to is in the build and in
// the zip, at its root.
func TestBuildAndZip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ext")
	require.NoError(t, Build(dir, assetDir, Options{}))
	zipPath := filepath.Join(t.TempDir(), "ext.zip")
	n, err := Zip(dir, zipPath)
	require.NoError(t, err)
	fi, err := os.Stat(zipPath)
	require.NoError(t, err)
	assert.Equal(t, fi.Size(), n)

	want := append([]string{"manifest.json", "background.js", "content.js", "store.js", "popup.html", "popup.js", "popup.css",
		"options.html", "options.js"}, WidgetAssets...)
	sort.Strings(want)
	zr, err := zip.OpenReader(zipPath)
	require.NoError(t, err)
	defer zr.Close()
	var got []string
	for _, f := range zr.File {
		got = append(got, f.Name)
	}
	assert.Equal(t, want, got)
	for _, name := range WidgetAssets {
		a, err := os.ReadFile(filepath.Join(assetDir, name))
		require.NoError(t, err)
		b, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		assert.Equal(t, a, b, "%s is the widget's file as built", name)
	}
	t.Logf("packed: %d bytes", n)
}
