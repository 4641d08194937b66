package sqlstore

import (
	"encoding/json"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/merge"
)

// MatchTx is what finding the event a report joins needs of a store's
// write transaction.
type MatchTx interface {
	// Overrides returns, for a report, the event of the first report an
	// analyst merged it with (by that report's id) and the events of those
	// an analyst split it from.
	Overrides(mention string) (together map[string]int64, apart map[int64]bool, err error)
	// Candidates calls consider with each stored event a report of key may
	// join, by id and match key: the events of its bucket whose date
	// windows meet the report's reach, but for those skip rules out, whose
	// keys it need not read.
	Candidates(key merge.Key, skip func(id int64) bool, consider func(id int64, ek merge.Key)) error
}

// Match finds the event a report of key belongs to: the event an
// analyst's merge ties it to, else the best-scoring compatible event that
// holds no report of taken (the events of the other reports of its
// article) and none an analyst split it from; of two that score alike,
// the lower id. It returns 0 when there is none, with the note of the choice.
func Match(t MatchTx, m *sitrep.Mention, key merge.Key, taken map[int64]bool) (int64, sitrep.MergeNote, error) {
	note := sitrep.MergeNote{Mention: m.ID}
	together, apart, err := t.Overrides(m.ID)
	if err != nil {
		return 0, note, err
	}
	for partner, event := range together {
		note.Reason, note.Score = "kept with "+partner+" by an analyst's merge", 1
		return event, note, nil
	}
	if key.From == "" {
		// Without a date window a report is never merged (see merge.Match).
		return 0, note, nil
	}
	var bestID int64
	var best float64
	var bestKey merge.Key
	skip := func(id int64) bool { return apart[id] || taken[id] }
	err = t.Candidates(key, skip, func(id int64, ek merge.Key) {
		score, ok := merge.Score(ek, key)
		if ok && score >= merge.Threshold && (score > best || score == best && id < bestID) {
			bestID, best, bestKey = id, score, ek
		}
	})
	if err != nil {
		return 0, note, err
	}
	if bestID == 0 {
		return 0, note, nil
	}
	d := merge.Match(bestKey, key)
	note.Reason, note.Score = d.Reason(), d.Score
	return bestID, note, nil
}

// Reconciled reconciles the reports of an event afresh under p; nil when
// its killed figure then falls below minKilled, a filter that only the
// figures reconciled can answer.
func Reconciled(name string, ms []sitrep.Mention, notes []sitrep.MergeNote, p merge.Policy, minKilled int) *sitrep.MergedEvent {
	ev := merge.Reconcile(name, ms, notes, p)
	if minKilled > 0 && (ev.Killed == nil || ev.Killed.Low == nil || *ev.Killed.Low < minKilled) {
		return nil
	}
	return ev
}

// Refigured reconciles the events evs, of row ids ids, afresh under p,
// with the reports read reads, and keeps up to f.Limit of those that f's
// killed filter keeps.
func Refigured(evs []*sitrep.MergedEvent, ids []int64, p merge.Policy, f sitrep.EventFilter, read func(id int64) ([]sitrep.Mention, []sitrep.MergeNote, error)) ([]*sitrep.MergedEvent, error) {
	var kept []*sitrep.MergedEvent
	for i, id := range ids {
		ms, notes, err := read(id)
		if err != nil {
			return nil, err
		}
		ev := Reconciled(evs[i].ID, ms, notes, p, f.MinKilled)
		if ev == nil {
			continue
		}
		kept = append(kept, ev)
		if f.Limit > 0 && len(kept) == f.Limit {
			break
		}
	}
	return kept, nil
}

// EventRow is what the columns of an event's row hold beside the fields
// the event gives as they are.
type EventRow struct {
	// Key is the event's match key, and MatchKey the same as JSON.
	Key      merge.Key
	MatchKey string
	// Data is the event as JSON.
	Data string
	// Country, Admin1, Location, Lat and Lon are of the event's place;
	// Country is empty and the others nil when it has none.
	Country          string
	Admin1, Location *string
	Lat, Lon         *float64
	// Killed is the low killed figure.
	Killed *int
}

// RowOf returns the values of the row of a reconciled event.
func RowOf(ev *sitrep.MergedEvent) (EventRow, error) {
	published := ""
	if len(ev.Sources) > 0 {
		published = Deref(ev.Sources[0].Published)
	}
	r := EventRow{Key: merge.KeyOf(&ev.Event, published)}
	rawKey, err := json.Marshal(r.Key)
	if err != nil {
		return r, err
	}
	data, err := json.Marshal(ev)
	if err != nil {
		return r, err
	}
	r.MatchKey, r.Data = string(rawKey), string(data)
	if p := ev.Location; p != nil {
		r.Country, r.Admin1, r.Location, r.Lat, r.Lon = p.Country, &p.Admin1, &p.Name, p.Lat, p.Lon
	}
	if ev.Killed != nil {
		r.Killed = ev.Killed.Low
	}
	return r, nil
}
