package httpapi

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep"
)

// contentSecurityPolicy lets pages run only the scripts and styles the
// server itself serves: no inline script, no other origin. It is a second
// line of defence; the interface escapes article text everywhere.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// recorder notes the status and size of a response.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// observe logs each request, counts it in the metrics, and turns a panic
// into a 500 whose details stay in the log.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w}
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.log.Error("panic serving request", "method", r.Method, "path", r.URL.Path, "panic", p, "stack", string(debug.Stack()))
				if rec.status == 0 {
					writeError(rec, http.StatusInternalServerError, sitrep.EInternal, "internal error")
				}
			}
			if rec.status == 0 {
				rec.status = http.StatusOK
			}
			elapsed := time.Since(start)
			route := r.Pattern
			if route == "" {
				route = "unmatched"
			}
			s.metrics.observe(route, rec.status, elapsed)
			level := slog.LevelInfo
			if rec.status >= 500 {
				level = slog.LevelError
			}
			s.log.LogAttrs(r.Context(), level, "request",
				slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("query", clipText(r.URL.RawQuery, 256)),
				slog.String("route", route), slog.Int("status", rec.status), slog.Int64("bytes", rec.bytes),
				slog.Float64("ms", float64(elapsed.Microseconds())/1000), slog.String("remote", r.RemoteAddr))
		}()
		next.ServeHTTP(rec, r)
	})
}

// guard sets the security headers of every response and refuses query
// strings beyond the limit before anything reads them.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		if len(r.URL.RawQuery) > s.cfg.MaxQueryBytes {
			writeError(w, http.StatusRequestURITooLong, sitrep.EInvalid, "query string too long")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// api adapts a handler that returns an error: it bounds the request's time
// and body, and answers an error with its status and a JSON body.
func (s *Server) api(h func(http.ResponseWriter, *http.Request) error, timeout time.Duration) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		r = r.WithContext(ctx)
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes)
		w.Header().Set("Cache-Control", "no-store")
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	})
}

// httpError is an error with its HTTP status, for the few failures that
// have no application code (a token missing, a method refused).
type httpError struct {
	status  int
	code    string
	message string
}

func (e *httpError) Error() string { return e.message }

// fail answers err. Application errors (invalid input, not found) carry
// their message to the client; anything else is logged and answered with a
// bare "internal error".
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var he *httpError
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &he):
		if he.status == http.StatusUnauthorized {
			w.Header().Set("WWW-Authenticate", `Bearer realm="sitrep"`)
		}
		writeError(w, he.status, he.code, he.message)
	case errors.As(err, &tooBig):
		writeError(w, http.StatusRequestEntityTooLarge, sitrep.EInvalid, "request body too large")
	case errors.Is(r.Context().Err(), context.DeadlineExceeded):
		s.log.Warn("request timed out", "path", r.URL.Path, "err", err)
		writeError(w, http.StatusServiceUnavailable, "timeout", "the request took too long; narrow the filter")
	case sitrep.ErrorCode(err) == sitrep.EInvalid:
		writeError(w, http.StatusBadRequest, sitrep.EInvalid, err.Error())
	case sitrep.ErrorCode(err) == sitrep.ENotFound:
		writeError(w, http.StatusNotFound, sitrep.ENotFound, err.Error())
	case errors.Is(err, context.Canceled):
		// The client went away; nobody reads the answer.
	default:
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, sitrep.EInternal, "internal error")
	}
}

// errorBody is the JSON of every error response.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func writeError(w http.ResponseWriter, status int, code, message string) {
	var b errorBody
	b.Error.Code, b.Error.Message = code, message
	h := w.Header()
	h.Del("Content-Disposition")
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(b)
}

// writeJSON writes v as the JSON body of a 200 (or status) response.
// HTML-significant characters are escaped (\u003c), so that no browser
// ever reads article text in the API's answers as markup.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	return json.NewEncoder(w).Encode(v)
}

// token is the write token, kept as its hash: comparing two hashes of
// equal length in constant time tells nothing of the token's length or
// content.
type token struct{ sum [sha256.Size]byte }

func newToken(t string) *token { return &token{sum: sha256.Sum256([]byte(t))} }

func (t *token) matches(given string) bool {
	sum := sha256.Sum256([]byte(given))
	return subtle.ConstantTimeCompare(sum[:], t.sum[:]) == 1
}

// authorize checks a writing request's bearer token.
func (s *Server) authorize(r *http.Request) error {
	if s.token == nil {
		return &httpError{http.StatusForbidden, "read_only",
			"this server is read-only: start sitrep serve with --write-token or $SITREP_WRITE_TOKEN to accept articles"}
	}
	auth := r.Header.Get("Authorization")
	scheme, given, ok := strings.Cut(auth, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || !s.token.matches(strings.TrimSpace(given)) {
		return &httpError{http.StatusUnauthorized, "unauthorized", "a valid write token is required (Authorization: Bearer TOKEN)"}
	}
	return nil
}

func clipText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
