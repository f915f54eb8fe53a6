package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"github.com/a-h/templ"
)

// WriteStatic writes the site as files under dir for any static host,
// served from the host's root: index.html per page, /claims/ paginated as
// /claims/page/N/, the site assets under site/. The static /check/ page
// checks with JavaScript only (there is no server to post to) and /claims/
// has no search form. origin prefixes the embed snippet ("" gives a
// root-relative path). The widget assets are the caller's to copy into
// dir/static.
func (s *Site) WriteStatic(dir, origin string) error {
	pages := map[string]templ.Component{
		"index.html":       s.Home(),
		"demo/index.html":  s.Demo(),
		"check/index.html": s.StaticCheck(),
		"embed/index.html": s.Embed(origin),
		"404.html":         notFoundPage(),
	}
	for p := 1; p <= s.ClaimPages(); p++ {
		name := "claims/index.html"
		if p > 1 {
			name = filepath.Join("claims", "page", strconv.Itoa(p), "index.html")
		}
		pages[name] = s.staticClaims(p)
	}
	for name, c := range pages {
		html, err := Render(c)
		if err != nil {
			return err
		}
		if err := writeFile(filepath.Join(dir, name), []byte(html)); err != nil {
			return err
		}
	}
	sub, _ := fs.Sub(assets, "assets")
	return fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(sub, p)
		if err != nil {
			return err
		}
		return writeFile(filepath.Join(dir, "site", p), data)
	})
}

func (s *Site) staticClaims(page int) templ.Component {
	v := s.claimsView("", "", "", page, staticPageURL)
	v.Static = true
	return claimsPage(v)
}

func writeFile(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, data, 0o644)
}
