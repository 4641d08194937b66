package httpapi

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// maxParamBytes bounds any one query parameter: no filter value needs more.
const maxParamBytes = 512

// params reads a request's query parameters, each bounded in size and
// given at most once.
type params struct {
	q url.Values
}

func (p params) get(name string) (string, error) {
	vs := p.q[name]
	switch {
	case len(vs) == 0:
		return "", nil
	case len(vs) > 1:
		return "", sitrep.Errorf(sitrep.EInvalid, "parameter %s given %d times", name, len(vs))
	case len(vs[0]) > maxParamBytes:
		return "", sitrep.Errorf(sitrep.EInvalid, "parameter %s longer than %d bytes", name, maxParamBytes)
	}
	return strings.TrimSpace(vs[0]), nil
}

// int reads a whole number in [0, max]; def when absent.
func (p params) int(name string, def, max int) (int, error) {
	v, err := p.get(name)
	if err != nil || v == "" {
		return def, err
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > max {
		return 0, sitrep.Errorf(sitrep.EInvalid, "parameter %s=%q: want a whole number from 0 to %d", name, v, max)
	}
	return n, nil
}

func (p params) bool(name string) (*bool, error) {
	v, err := p.get(name)
	if err != nil || v == "" {
		return nil, err
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return nil, sitrep.Errorf(sitrep.EInvalid, "parameter %s=%q: want true or false", name, v)
	}
	return &b, nil
}

// oneOf reads a parameter that takes one of a few values, def when absent.
func (p params) oneOf(name, def string, allowed ...string) (string, error) {
	v, err := p.get(name)
	if err != nil || v == "" {
		return def, err
	}
	for _, a := range allowed {
		if v == a {
			return v, nil
		}
	}
	return "", sitrep.Errorf(sitrep.EInvalid, "parameter %s=%q: want one of %s", name, v, strings.Join(allowed, ", "))
}

// filter reads the event filter of a request; limit is bounded by maxLimit
// and defaults to def.
func (p params) filter(def, maxLimit int) (sitrep.EventFilter, error) {
	var f sitrep.EventFilter
	var err error
	str := func(name string, dst *string) {
		if err == nil {
			*dst, err = p.get(name)
		}
	}
	str("country", &f.Country)
	str("admin1", &f.Admin1)
	str("from", &f.From)
	str("to", &f.To)
	str("type", &f.Type)
	str("actor", &f.Actor)
	str("scope", &f.Scope)
	str("text", &f.Text)
	str("policy", &f.Policy)
	var bbox string
	str("bbox", &bbox)
	if err != nil {
		return f, err
	}
	if f.Disputed, err = p.bool("disputed"); err != nil {
		return f, err
	}
	if f.MinKilled, err = p.int("min_killed", 0, 1<<30); err != nil {
		return f, err
	}
	if f.Limit, err = p.int("limit", def, maxLimit); err != nil {
		return f, err
	}
	if f.Limit == 0 {
		f.Limit = def
	}
	if bbox != "" {
		if f.BBox, err = sitrep.ParseBBox(bbox); err != nil {
			return f, err
		}
	}
	return f, f.Validate()
}
