package export

import (
	"io"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// PhoenixColumns are the columns of the Phoenix event data set, the
// tab-separated output of the PETRARCH coder, in order.
var PhoenixColumns = []string{
	"EventID", "Date", "Year", "Month", "Day",
	"SourceActorFull", "SourceActorEntity", "SourceActorRole", "SourceActorAttribute",
	"TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
	"EventCode", "EventRootCode", "QuadClass", "GoldsteinScore", "Issues",
	"Lat", "Lon", "LocationName", "StateName", "CountryCode", "SentenceID", "URLs", "NewsSources",
}

// Phoenix writes every event with its CAMEO codes as Phoenix TSV, a header
// line first. Tabs and newlines inside fields become spaces.
func Phoenix(w io.Writer, evs []*sitrep.MergedEvent) (Result, error) {
	if err := tsvLine(w, PhoenixColumns); err != nil {
		return Result{}, err
	}
	var res Result
	for _, ev := range evs {
		d := day(ev)
		compact, y, m, dd := "", "", "", ""
		if len(d) == 10 {
			compact, y, m, dd = d[:4]+d[5:7]+d[8:], d[:4], d[5:7], d[8:]
		}
		root, quad := "", ""
		if len(ev.Cameo) >= 2 {
			root = ev.Cameo[:2]
			quad = itoa(quadClass(root))
		}
		var lat, lon, place, state, cc string
		if p := ev.Location; p != nil {
			place, state, cc = p.Name, p.Admin1, p.Country
			if p.Resolved() {
				lat, lon = optFloat(p.Lat, 4), optFloat(p.Lon, 4)
			}
		}
		var urls []string
		for _, s := range ev.Sources {
			if u := str(s.URL); u != "" {
				urls = append(urls, u)
			}
		}
		sentence := ""
		if len(ev.Merge) > 0 {
			sentence = ev.Merge[0].Mention
		}
		src, tgt := actorCode(ev.Actor1), actorCode(ev.Actor2)
		err := tsvLine(w, []string{
			ev.ID, compact, y, m, dd,
			src, entity(src), role(src), "",
			tgt, entity(tgt), role(tgt), "",
			ev.Cameo, root, quad, "", "",
			lat, lon, place, state, cc, sentence, strings.Join(urls, ";"), strings.Join(outlets(ev), ";"),
		})
		if err != nil {
			return res, err
		}
		res.Written++
	}
	return res, nil
}

// actorCode is an actor's CAMEO code, else its country. A bare role code
// ("CVL") is put after the actor's country, as CAMEO writes it.
func actorCode(a *sitrep.Actor) string {
	switch {
	case a == nil:
		return ""
	case len(a.Cameo) == 3 && a.Country != "" && a.Cameo != a.Country && a.Cameo != "IGO":
		return a.Country + a.Cameo
	case a.Cameo != "":
		return a.Cameo
	}
	return a.Country
}

// entity is the first three letters of a CAMEO actor code: the country or
// IGO; role is the three after them.
func entity(code string) string { return code[:min(3, len(code))] }

func role(code string) string {
	if len(code) < 6 {
		return ""
	}
	return code[3:6]
}

// quadClass is CAMEO's quad class of a root code: 1 verbal cooperation
// (01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13), 4
// material conflict (14-20).
func quadClass(root string) int {
	n := 0
	for _, c := range root {
		n = n*10 + int(c-'0')
	}
	switch {
	case n <= 5:
		return 1
	case n <= 8:
		return 2
	case n <= 13:
		return 3
	}
	return 4
}

var tsvClean = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")

func tsvLine(w io.Writer, fields []string) error {
	for i, f := range fields {
		fields[i] = tsvClean.Replace(f)
	}
	_, err := io.WriteString(w, strings.Join(fields, "\t")+"\n")
	return err
}
