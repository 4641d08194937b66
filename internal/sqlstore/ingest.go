package sqlstore

import (
	"fmt"

	"github.com/sitrep-project/sitrep"
)

// Batch stores the articles of a batch in turn with article, and returns
// what they added up to. The first article that fails stops it, with an
// error that names the article.
func Batch(batch []sitrep.Extracted, article func(ex *sitrep.Extracted, res *sitrep.IngestResult) error) (sitrep.IngestResult, error) {
	var res sitrep.IngestResult
	for i := range batch {
		if err := article(&batch[i], &res); err != nil {
			return sitrep.IngestResult{}, fmt.Errorf("store %s: %w", batch[i].Doc.ID, err)
		}
	}
	return res, nil
}

// Reports stores the reports of the events of doc, the article stored
// under id, one after the other with report, which merges each into an
// event, and counts them in res. taken, which report is given, holds the
// events the article's reports went into, none of which may take another.
func Reports(doc *sitrep.Document, id string, res *sitrep.IngestResult, report func(m *sitrep.Mention, taken map[int64]bool) (merged bool, err error)) error {
	src := sitrep.Source{ArticleID: id, Outlet: doc.Outlet, URL: doc.URL, Published: doc.Published}
	taken := map[int64]bool{}
	for i := range doc.Events {
		m := sitrep.Mention{ID: sitrep.MentionID(id, doc.Events[i].ID), Source: src, Event: doc.Events[i]}
		merged, err := report(&m, taken)
		if err != nil {
			return err
		}
		res.Mentions++
		if merged {
			res.Merged++
		} else {
			res.NewEvents++
		}
	}
	return nil
}
