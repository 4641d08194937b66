package httpapi

import (
	_ "embed"
	"net/http"
)

// openAPI describes the API (OpenAPI 3.1); docs/api.md tells the same in
// prose. A test checks that every route the server registers is in it.
//
//go:embed openapi.json
var openAPI []byte

func serveOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=300")
	w.Write(openAPI)
}
