// Package sitrep holds the data model of sitrep: articles, the spans read
// from them, and the places, times, actors, events and claims that the
// pipeline stages extract. It imports nothing else of the project; each stage
// lives in its own package and adds one layer to a Document.
//
// The JSON shape of these types is the output contract (version 1) that
// outside tools rely on: fields may be added, none renamed or dropped.
package sitrep

// Article is one input news report.
type Article struct {
	ID        string `json:"id"`
	Text      string `json:"text"`
	HTML      string `json:"html,omitempty"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD or RFC 3339 as given
	Outlet    string `json:"outlet,omitempty"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Lang      string `json:"lang,omitempty"`
	// Source names the input the article was read from (a file path, a
	// JSONL line), for error messages; it is not part of the output.
	Source string `json:"-"`
	// FromHTML is set when Text was extracted from an HTML page: the
	// output then repeats the text its offsets refer to.
	FromHTML bool `json:"-"`
}

// Span is a byte range [Start, End) of the article text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Overlaps reports whether two spans share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Token is a word or punctuation mark with its part-of-speech tag (Penn
// Treebank tags).
type Token struct {
	Span
	Text string
	Tag  string
}

// Sentence is one sentence or headline of the article with its tokens.
type Sentence struct {
	Span
	Text      string
	Paragraph int  // index of the paragraph the sentence belongs to
	Headline  bool // a line without final punctuation: a title or section heading
	Tokens    []Token
}

// Count is a figure with the conservative range it stands for: "more than 40"
// is {Low: 41, Best: 41, High: nil}; "between 10 and 15" is {10, 10, 15}.
// A nil field is unknown.
type Count struct {
	Low  *int `json:"low"`
	Best *int `json:"best"`
	High *int `json:"high"`
}

// NewCount returns a count with the given bounds; a negative value stands for
// unknown.
func NewCount(low, best, high int) *Count {
	c := &Count{}
	if low >= 0 {
		c.Low = &low
	}
	if best >= 0 {
		c.Best = &best
	}
	if high >= 0 {
		c.High = &high
	}
	return c
}

// Value returns the count's best figure, else its low bound, and whether
// there is one.
func (c *Count) Value() (int, bool) {
	switch {
	case c == nil:
		return 0, false
	case c.Best != nil:
		return *c.Best, true
	case c.Low != nil:
		return *c.Low, true
	}
	return 0, false
}

// Place kinds.
const (
	PlaceCountry = "country"
	PlaceAdmin1  = "admin1"
	PlaceAdmin2  = "admin2"
	PlaceCity    = "city"
	PlaceRegion  = "region"
	PlaceOther   = "other"
)

// Place is a place-name mention, resolved to a gazetteer entry where
// possible. Country is ISO 3166-1 alpha-3; Lat, Lon and GeonameID are
// GeoNames' reference point and id, nil when unresolved.
type Place struct {
	Text      string   `json:"text"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Name      string   `json:"name"`
	Country   string   `json:"country"`
	Admin1    string   `json:"admin1"`
	Lat       *float64 `json:"lat"`
	Lon       *float64 `json:"lon"`
	GeonameID *int     `json:"geonameid"`
	Kind      string   `json:"kind"`
	// Population of the resolved entry, used to rank candidates.
	Population int `json:"population,omitempty"`
	// Cue is how the mention was recognised: "gazetteer", "pattern",
	// "transliteration", "demonym" (a nationality word standing for its
	// country), "mission" (a mission's name standing for the country it
	// works in: "the OSCE SMM").
	Cue string `json:"cue,omitempty"`
	// Reason says why the name was resolved to this entry rather than
	// another of the same name ("inside Sindh, named beside it", "in the
	// article's focus country"); empty when unresolved.
	Reason string `json:"reason,omitempty"`
	// Confidence in the resolution, 0..1: the chosen entry's share of the
	// evidence over all entries of the name; 0 when unresolved.
	Confidence float64 `json:"confidence,omitempty"`
}

// Resolved reports whether the place has coordinates.
func (p *Place) Resolved() bool { return p != nil && p.Lat != nil && p.Lon != nil }

// Time precisions.
const (
	PrecisionDay     = "day"
	PrecisionWeek    = "week"
	PrecisionMonth   = "month"
	PrecisionYear    = "year"
	PrecisionUnknown = "unknown"
)

// Time is a temporal expression normalised against the publication date.
// Value is YYYY-MM-DD, YYYY-MM or YYYY, nil when it cannot be resolved;
// EndValue closes a range.
type Time struct {
	Text      string  `json:"text"`
	Start     int     `json:"start"`
	End       int     `json:"end"`
	Value     *string `json:"value"`
	EndValue  *string `json:"end_value"`
	Precision string  `json:"precision"`
	// Kind is "date", "duration" or "since" (a period running up to the
	// publication date, which marks totals as aggregates).
	Kind string `json:"kind,omitempty"`
}

// Actor kinds.
const (
	KindPerson       = "person"
	KindOrganization = "organization"
	KindState        = "state"
	KindArmedGroup   = "armed_group"
	KindCivilians    = "civilians"
	KindMedia        = "media"
	KindOther        = "other"
)

// Actor is a mention of someone who acts, is acted on, or speaks.
type Actor struct {
	Text    string `json:"text"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	Country string `json:"country"` // ISO alpha-3, "" for none
	Sector  string `json:"sector"`  // GOV, MIL, JUD, POL, REB, MIL_NONSTATE, OPP, CVL, MED, IGO, NGO, BUS, OTHER
	Inter   int    `json:"inter"`   // ACLED actor type 0-8
	Cameo   string `json:"cameo"`   // CAMEO actor code, "" for none
	// Role is the title or description that placed a person ("Prime
	// Minister", "assistant to the President of Azerbaijan").
	Role string `json:"role,omitempty"`
	// Ref is the index in Document.Actors of the mention this one refers
	// back to (a surname, a pronoun, "the latter"), or -1.
	Ref int `json:"ref"`
	// ACLEDName is the ACLED-style actor name ("Military Forces of Armenia").
	ACLEDName string `json:"acled_name,omitempty"`
}

// Stances of a claim.
const (
	Asserts = "asserts"
	Denies  = "denies"
	Hedges  = "hedges"
)

// Claim is one source's account of an event: who says it, how, where in the
// text, and with which figures.
type Claim struct {
	Claimant *Actor `json:"claimant"` // nil: the outlet itself asserts it
	Stance   string `json:"stance"`
	Cue      string `json:"cue"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Killed   *Count `json:"killed"`
	Injured  *Count `json:"injured"`
	Text     string `json:"text,omitempty"`
	// Partisan is set when the claimant belongs to a side of the event:
	// its perpetrator's or its victims' country or group.
	Partisan bool `json:"partisan"`
	// Update is set when the claim's figures update an earlier toll ("the
	// death toll rose to 13").
	Update bool `json:"update,omitempty"`
}

// EventDate is the date an event happened, as a range with its precision.
type EventDate struct {
	Start     *string `json:"start"`
	End       *string `json:"end"`
	Precision string  `json:"precision"`
	Text      *string `json:"text"`
}

// Event scopes.
const (
	ScopeIncident  = "incident"
	ScopeAggregate = "aggregate"
)

// Victims classes.
const (
	VictimsCivilians = "civilians"
	VictimsMilitary  = "military"
	VictimsMixed     = "mixed"
	VictimsUnknown   = "unknown"
)

// Event is something that happened, or was said to happen, with its codes in
// the three taxonomies, its actors, place, date, casualty figures and the
// claims that report or deny it.
type Event struct {
	ID                string    `json:"id"`
	Start             int       `json:"start"`
	End               int       `json:"end"`
	Text              string    `json:"text"`
	Trigger           string    `json:"trigger"`
	Cameo             string    `json:"cameo"`
	Plover            string    `json:"plover"`
	PloverMode        *string   `json:"plover_mode"`
	ACLEDEventType    *string   `json:"acled_event_type"`
	ACLEDSubEventType *string   `json:"acled_sub_event_type"`
	Actor1            *Actor    `json:"actor1"`
	Actor2            *Actor    `json:"actor2"`
	Location          *Place    `json:"location"`
	GeoPrecision      *int      `json:"geo_precision"`
	Date              EventDate `json:"date"`
	Killed            *Count    `json:"killed"`
	Injured           *Count    `json:"injured"`
	Victims           *string   `json:"victims"`
	Scope             string    `json:"scope"`
	Claims            []Claim   `json:"claims"`
	Disputed          bool      `json:"disputed"`
	Confidence        float64   `json:"confidence"`
}

// Document is the output for one article: the contract's top-level object.
type Document struct {
	ID        string  `json:"id"`
	Published *string `json:"published"`
	Outlet    *string `json:"outlet"`
	URL       *string `json:"url,omitempty"`
	Title     *string `json:"title,omitempty"`
	// Text is the text offsets refer to; written for HTML inputs.
	Text     string   `json:"text,omitempty"`
	Places   []Place  `json:"places"`
	Times    []Time   `json:"times"`
	Actors   []Actor  `json:"actors"`
	Events   []Event  `json:"events"`
	Warnings []string `json:"warnings"`
}
