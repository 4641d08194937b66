package httpapi

import (
	"io/fs"
	"net/http"
	"strings"
)

// webRoutes serves the web interface: its files below /static/, and its
// page for every address it routes itself (the map, an event, an article).
func (s *Server) webRoutes(mux *http.ServeMux) {
	static := http.StripPrefix("/static/", http.FileServerFS(s.cfg.Assets))
	mux.Handle("GET /static/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r) // no directory listings
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=300")
		static.ServeHTTP(w, r)
	}))
	page := http.HandlerFunc(s.page)
	mux.Handle("GET /{$}", page)
	mux.Handle("GET /events/{id}", page)
	mux.Handle("GET /articles/{id...}", page)
	mux.Handle("GET /favicon.ico", http.NotFoundHandler())
}

// page answers index.html, which reads the address and draws the view.
func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	body, err := fs.ReadFile(s.cfg.Assets, "index.html")
	if err != nil {
		s.log.Error("web interface: index.html", "err", err)
		http.Error(w, "the web interface is missing from this build", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(body)
}
