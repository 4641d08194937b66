package httpapi

import (
	"net/http"

	"github.com/sitrep-project/sitrep"
)

const (
	defaultArticlePage = 50
	maxArticlePage     = 500
	maxArticleID       = 512
)

// articleList is the body of GET /api/articles.
type articleList struct {
	Articles   []sitrep.ArticleSummary `json:"articles"`
	NextCursor string                  `json:"next_cursor,omitempty"`
	Next       string                  `json:"next,omitempty"`
}

func (s *Server) articles(w http.ResponseWriter, r *http.Request) error {
	p := params{r.URL.Query()}
	limit, err := p.int("limit", defaultArticlePage, maxArticlePage)
	if err != nil {
		return err
	}
	if limit == 0 {
		limit = defaultArticlePage
	}
	cursor, err := p.get("cursor")
	if err != nil {
		return err
	}
	list, next, err := s.cfg.Store.Articles(r.Context(), cursor, limit)
	if err != nil {
		return err
	}
	out := articleList{Articles: list, NextCursor: next}
	if next != "" {
		out.Next = nextURL(r, "cursor", next)
		w.Header().Set("Link", "<"+out.Next+`>; rel="next"`)
	}
	return writeJSON(w, http.StatusOK, out)
}

func (s *Server) article(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if len(id) > maxArticleID {
		return sitrep.Errorf(sitrep.ENotFound, "no article %q", clipText(id, 40))
	}
	a, err := s.cfg.Store.Article(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, a)
}

// submit ingests the articles of the request body: one article as plain
// text, HTML, a JSON object or JSONL lines. Query parameters published,
// outlet and url fill what the articles do not say themselves.
func (s *Server) submit(w http.ResponseWriter, r *http.Request) error {
	if err := s.authorize(r); err != nil {
		return err
	}
	p := params{r.URL.Query()}
	var opts SubmitOptions
	var err error
	for _, f := range []struct {
		name string
		dst  *string
	}{{"published", &opts.Published}, {"outlet", &opts.Outlet}, {"url", &opts.URL}} {
		if *f.dst, err = p.get(f.name); err != nil {
			return err
		}
	}
	sub, err := s.cfg.Submit(r.Context(), r.Body, opts)
	if err != nil {
		return err
	}
	if sub.Documents == nil {
		sub.Documents = []sitrep.Document{}
	}
	if sub.Errors == nil {
		sub.Errors = []string{}
	}
	status := http.StatusCreated
	if len(sub.Documents) == 0 {
		status = http.StatusUnprocessableEntity
	}
	s.log.Info("articles submitted", "remote", r.RemoteAddr, "stored", sub.Result.Articles, "duplicates", sub.Result.Duplicates, "failed", len(sub.Errors))
	return writeJSON(w, status, sub)
}
