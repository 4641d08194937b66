package eval

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/extract"
)

// noEvent is the label of a text from which no ACLED event is coded.
const noEvent = "(none)"

// mainEvent returns the first event ACLED codes (events come in salience
// order), or nil.
func mainEvent(doc sitrep.Document) *sitrep.Event {
	for i := range doc.Events {
		if e := &doc.Events[i]; e.ACLEDEventType != nil && e.Scope == sitrep.ScopeIncident {
			return e
		}
	}
	for i := range doc.Events {
		if e := &doc.Events[i]; e.ACLEDEventType != nil {
			return e
		}
	}
	return nil
}

// fatalities is ACLED's fatality figure for an event: killed.low, 0 when
// unknown.
func fatalities(e *sitrep.Event) int {
	if e == nil || e.Killed == nil {
		return 0
	}
	if e.Killed.Low != nil {
		return *e.Killed.Low
	}
	if v, ok := e.Killed.Value(); ok {
		return v
	}
	return 0
}

// ACLEDReport scores event typing and fatalities on ACLED's own notes.
type ACLEDReport struct {
	Types, SubTypes *Confusion
	// Fatal tells gold fatality counts against extracted ones
	Fatal       *Confusion
	FatalRight  int
	FatalAbsErr int
	FatalN      int
	// zero / non-zero fatalities as a binary decision
	NZtp, NZfp, NZfn int
	// rows whose notes say the fatalities were split or imputed, which the
	// text cannot give
	Flagged, FlaggedRight int
}

// ACLED runs the pipeline over the ACLED development notes at path
// (<shared>/data/acled-dev-2020/gold.jsonl), each note an article published
// on its event date.
func ACLED(x *extract.Extractor, path string, examples int) (*ACLEDReport, error) {
	type row struct {
		ID           string `json:"event_id_cnty"`
		Text         string `json:"text"`
		Date         string `json:"event_date"`
		EventType    string `json:"event_type"`
		SubEventType string `json:"sub_event_type"`
		Fatalities   int    `json:"fatalities"`
	}
	rows, err := readJSONL[row](path)
	if err != nil {
		return nil, err
	}
	r := &ACLEDReport{Types: NewConfusion(), SubTypes: NewConfusion(), Fatal: NewConfusion()}
	r.SubTypes.Examples, r.Fatal.Examples = examples, examples
	for _, g := range rows {
		doc, err := x.Article(sitrep.Article{ID: g.ID, Text: g.Text, Published: g.Date})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", g.ID, err)
		}
		e := mainEvent(doc)
		typ, sub := noEvent, noEvent
		if e != nil {
			typ, sub = *e.ACLEDEventType, *e.ACLEDSubEventType
		}
		r.Types.Add(g.EventType, typ)
		r.SubTypes.AddText(g.SubEventType, sub, g.Text)
		f := fatalities(e)
		if splitOrImputed(g.Text) {
			r.Flagged++
			if f == g.Fatalities {
				r.FlaggedRight++
			}
			continue
		}
		r.FatalN++
		if f == g.Fatalities {
			r.FatalRight++
		}
		r.Fatal.AddText(strconv.Itoa(g.Fatalities), strconv.Itoa(f), g.Text)
		r.FatalAbsErr += int(math.Abs(float64(f - g.Fatalities)))
		switch {
		case f > 0 && g.Fatalities > 0:
			r.NZtp++
		case f > 0:
			r.NZfp++
		case g.Fatalities > 0:
			r.NZfn++
		}
	}
	return r, nil
}

// splitOrImputed reports whether ACLED's note says its fatality figure was
// split across events or imputed, which no reading of the text can give.
func splitOrImputed(text string) bool {
	t := strings.ToLower(text)
	for _, cue := range []string{"split", "coded as", "fatalities coded", "spread across", "divided"} {
		if strings.Contains(t, cue) {
			return true
		}
	}
	return false
}

// Write prints the report; confusion adds per-class figures.
func (r *ACLEDReport) Write(w io.Writer, confusion bool) {
	fmt.Fprintf(w, "ACLED dev notes (27 Apr - 1 May 2020): %d events, one predicted event per note\n", r.Types.N())
	fmt.Fprintf(w, "  %-50s %6.1f%%\n", "event type accuracy", 100*r.Types.Accuracy())
	fmt.Fprintf(w, "  %-50s %6.1f%%\n", "event type macro F1", 100*r.Types.MacroF1())
	fmt.Fprintf(w, "  %-50s %6.1f%%\n", "sub-event type accuracy", 100*r.SubTypes.Accuracy())
	fmt.Fprintf(w, "  %-50s %6.1f%%\n", "sub-event type macro F1", 100*r.SubTypes.MacroF1())
	fmt.Fprintf(w, "  %-50s %5d / %5d  %5.1f%%\n", "fatalities exact (rows with extractable figures)", r.FatalRight, r.FatalN, 100*ratio(r.FatalRight, r.FatalN))
	fmt.Fprintf(w, "  %-50s %8.2f\n", "fatalities mean absolute error", float64(r.FatalAbsErr)/float64(max(r.FatalN, 1)))
	p, rec := ratio(r.NZtp, r.NZtp+r.NZfp), ratio(r.NZtp, r.NZtp+r.NZfn)
	f1 := 0.0
	if p+rec > 0 {
		f1 = 2 * p * rec / (p + rec)
	}
	fmt.Fprintf(w, "  %-50s %6.1f%%  (P %.1f%%, R %.1f%%)\n", "fatalities zero/non-zero F1", 100*f1, 100*p, 100*rec)
	fmt.Fprintf(w, "  %-50s %5d / %5d\n", "rows with split or imputed fatalities (excluded; exact)", r.FlaggedRight, r.Flagged)
	if confusion {
		fmt.Fprintln(w, "  event types:")
		r.Types.Write(w, 10)
		fmt.Fprintln(w, "  sub-event types:")
		r.SubTypes.Write(w, 25)
		fmt.Fprintln(w, "  fatalities (gold count -> extracted):")
		r.Fatal.Write(w, 10)
	}
}

// caseLabels maps the CASE 2021 task 2 codes of the 25 ACLED sub-event
// types to ACLED's names.
var caseLabels = map[string]string{
	"ABDUCT_DISSAP": "Abduction/forced disappearance", "AGREEMENT": "Agreement", "AIR_STRIKE": "Air/drone strike",
	"ARMED_CLASH": "Armed clash", "ARREST": "Arrests", "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
	"ATTACK": "Attack", "CHANGE_TO_GROUP_ACT": "Change to group/activity", "CHEM_WEAP": "Chemical weapon",
	"DISR_WEAP": "Disrupted weapons use", "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
	"GOV_REGAINS_TERIT": "Government regains territory", "GRENADE": "Grenade",
	"HQ_ESTABLISHED": "Headquarters or base established", "MOB_VIOL": "Mob violence",
	"NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
	"NON_VIOL_TERRIT_TRANSFER":      "Non-violent transfer of territory", "OTHER": "Other", "PEACE_PROTEST": "Peaceful protest",
	"PROPERTY_DISTRUCT": "Looting/property destruction", "PROTEST_WITH_INTER": "Protest with intervention",
	"REM_EXPLOS": "Remote explosive/landmine/IED", "SEX_VIOL": "Sexual violence", "SUIC_BOMB": "Suicide bomb",
	"VIOL_DEMONSTR": "Violent demonstration",
}

// CASEReport scores ACLED sub-event typing on the CASE 2021 task 2 snippets.
type CASEReport struct {
	ACLED *Confusion // the 25 ACLED sub-types only
	All   *Confusion // every row; non-ACLED labels expect no ACLED event
}

// CASE runs the pipeline over <shared>/data/case2021-task2/gold.jsonl.
func CASE(x *extract.Extractor, path string, examples int) (*CASEReport, error) {
	type row struct {
		ID    string `json:"id"`
		Text  string `json:"text"`
		Label string `json:"label"`
	}
	rows, err := readJSONL[row](path)
	if err != nil {
		return nil, err
	}
	r := &CASEReport{ACLED: NewConfusion(), All: NewConfusion()}
	r.ACLED.Examples = examples
	for _, g := range rows {
		doc, err := x.Article(sitrep.Article{ID: "case-" + g.ID, Text: g.Text})
		if err != nil {
			return nil, fmt.Errorf("case %s: %w", g.ID, err)
		}
		pred := noEvent
		if e := mainEvent(doc); e != nil {
			pred = *e.ACLEDSubEventType
		}
		gold, ok := caseLabels[g.Label]
		if ok {
			r.ACLED.AddText(gold, pred, g.Text)
		} else {
			gold = noEvent
		}
		r.All.Add(gold, pred)
	}
	return r, nil
}

// Write prints the report.
func (r *CASEReport) Write(w io.Writer, confusion bool) {
	fmt.Fprintf(w, "CASE 2021 task 2: %d snippets, %d with one of the 25 ACLED sub-types\n", r.All.N(), r.ACLED.N())
	fmt.Fprintf(w, "  %-50s %6.1f\n", "25 ACLED sub-types: weighted F1", 100*r.ACLED.WeightedF1())
	fmt.Fprintf(w, "  %-50s %6.1f\n", "25 ACLED sub-types: macro F1", 100*r.ACLED.MacroF1())
	fmt.Fprintf(w, "  %-50s %6.1f%%\n", "25 ACLED sub-types: accuracy", 100*r.ACLED.Accuracy())
	fmt.Fprintf(w, "  %-50s %6.1f\n", "all rows (others expect no event): weighted F1", 100*r.All.WeightedF1())
	if confusion {
		r.ACLED.Write(w, 25)
	}
}

// ploverNames maps the PLOVER 0.5 event names of the gold records to the
// names of the 2021 CAMEO-to-PLOVER table the pipeline codes with.
var ploverNames = map[string]string{"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}

// PLOVERReport scores PLOVER event typing and casualty counts.
type PLOVERReport struct {
	Types                 *Confusion
	Dead, DeadRight       int
	Injured, InjuredRight int
}

// PLOVER runs the pipeline over <shared>/data/plover-gsr/plover_gsr.jsonl.
func PLOVER(x *extract.Extractor, path string, examples int) (*PLOVERReport, error) {
	type row struct {
		ID      string `json:"id"`
		Text    string `json:"text"`
		Event   string `json:"event"`
		Dead    any    `json:"dead"`
		Injured any    `json:"injured"`
	}
	rows, err := readJSONL[row](path)
	if err != nil {
		return nil, err
	}
	r := &PLOVERReport{Types: NewConfusion()}
	r.Types.Examples = examples
	for _, g := range rows {
		doc, err := x.Article(sitrep.Article{ID: g.ID, Text: g.Text, Published: "2000-01-01"})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", g.ID, err)
		}
		pred := noEvent
		var main *sitrep.Event
		if len(doc.Events) > 0 {
			main = &doc.Events[0]
			pred = main.Plover
		}
		gold := g.Event
		if n, ok := ploverNames[gold]; ok {
			gold = n
		}
		r.Types.AddText(gold, pred, g.Text)
		if n, ok := number(g.Dead); ok {
			r.Dead++
			if main != nil && fatalities(main) == n {
				r.DeadRight++
			}
		}
		if n, ok := number(g.Injured); ok {
			r.Injured++
			if main != nil {
				if v, ok := main.Injured.Value(); ok && v == n {
					r.InjuredRight++
				}
			}
		}
	}
	return r, nil
}

func number(v any) (int, bool) {
	switch x := v.(type) {
	case float64:
		return int(x), true
	case string:
		n, err := strconv.Atoi(strings.TrimSpace(x))
		return n, err == nil
	}
	return 0, false
}

// Write prints the report.
func (r *PLOVERReport) Write(w io.Writer, confusion bool) {
	fmt.Fprintf(w, "PLOVER gold records (GSR01, names mapped to the 2021 table): %d sentences\n", r.Types.N())
	fmt.Fprintf(w, "  %-50s %6.1f%%\n", "event type accuracy (first event)", 100*r.Types.Accuracy())
	fmt.Fprintf(w, "  %-50s %6.1f%%\n", "event type macro F1", 100*r.Types.MacroF1())
	fmt.Fprintf(w, "  %-50s %5d / %5d\n", "dead exact", r.DeadRight, r.Dead)
	fmt.Fprintf(w, "  %-50s %5d / %5d\n", "injured exact", r.InjuredRight, r.Injured)
	if confusion {
		r.Types.Write(w, 15)
	}
}

// UCDPReport scores casualty figures read from UCDP GED headlines.
type UCDPReport struct {
	Headlines, WithFigure, InRange, Exact int
}

// UCDP reads the headlines of <shared>/data/ucdp-ged-sample and checks
// the killed figure extracted against the event's [low, high] deaths.
func UCDP(x *extract.Extractor, dir string) (*UCDPReport, error) {
	f, err := os.Open(filepath.Join(dir, "ucdpged_sample_ged231.csv"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cr := csv.NewReader(f)
	head, err := cr.Read()
	if err != nil {
		return nil, err
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	r := &UCDPReport{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		hl := strings.TrimSpace(rec[col["source_headline"]])
		if hl == "" {
			continue
		}
		r.Headlines++
		date := rec[col["date_start"]]
		if len(date) >= 10 {
			date = date[:10]
		}
		doc, err := x.Article(sitrep.Article{ID: rec[col["id"]], Text: hl, Published: date})
		if err != nil {
			return nil, fmt.Errorf("ucdp %s: %w", rec[col["id"]], err)
		}
		best := -1
		for i := range doc.Events {
			if v, ok := doc.Events[i].Killed.Value(); ok {
				best = v
				break
			}
		}
		if best < 0 {
			continue
		}
		r.WithFigure++
		lo, _ := strconv.Atoi(rec[col["low"]])
		hi, _ := strconv.Atoi(rec[col["high"]])
		b, _ := strconv.Atoi(rec[col["best"]])
		if best >= lo && best <= hi {
			r.InRange++
		}
		if best == b {
			r.Exact++
		}
	}
	return r, nil
}

// Write prints the report.
func (r *UCDPReport) Write(w io.Writer) {
	fmt.Fprintf(w, "UCDP GED 23.1 sample: %d events with a headline\n", r.Headlines)
	fmt.Fprintf(w, "  %-50s %5d / %5d\n", "headlines where a killed figure is extracted", r.WithFigure, r.Headlines)
	fmt.Fprintf(w, "  %-50s %5d / %5d  %5.1f%%\n", "  of those, best within the event's [low, high]", r.InRange, r.WithFigure, 100*ratio(r.InRange, r.WithFigure))
	fmt.Fprintf(w, "  %-50s %5d / %5d  %5.1f%%\n", "  of those, equal to the event's best", r.Exact, r.WithFigure, 100*ratio(r.Exact, r.WithFigure))
}
