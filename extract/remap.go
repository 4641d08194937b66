package extract

import (
	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/text"
)

// remap points every offset of doc back into the text as read, and takes
// each quoted text from there, so that a user who opens the article finds
// exactly what sitrep cites.
func remap(doc *sitrep.Document, orig string, n text.Normalized) {
	span := func(start, end *int, txt *string) {
		s, e := n.OrigSpan(*start, *end)
		*start, *end = s, e
		if txt != nil {
			*txt = orig[s:e]
		}
	}
	for i := range doc.Places {
		p := &doc.Places[i]
		span(&p.Start, &p.End, &p.Text)
	}
	for i := range doc.Times {
		t := &doc.Times[i]
		span(&t.Start, &t.End, &t.Text)
	}
	actor := func(a *sitrep.Actor) {
		if a != nil && a.End > a.Start {
			span(&a.Start, &a.End, &a.Text)
		}
	}
	for i := range doc.Actors {
		actor(&doc.Actors[i])
	}
	for i := range doc.Events {
		e := &doc.Events[i]
		span(&e.Start, &e.End, &e.Text)
		actor(e.Actor1)
		actor(e.Actor2)
		if e.Location != nil {
			span(&e.Location.Start, &e.Location.End, &e.Location.Text)
		}
		for j := range e.Claims {
			c := &e.Claims[j]
			span(&c.Start, &c.End, &c.Text)
			actor(c.Claimant)
		}
	}
}
