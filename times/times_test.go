package times

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep"
)

// pub is a Saturday.
var pub = time.Date(2020, 10, 17, 9, 30, 0, 0, time.UTC)

// render writes a Time as text|kind|value|end_value|precision.
func render(t sitrep.Time) string {
	v, e := "", ""
	if t.Value != nil {
		v = *t.Value
	}
	if t.EndValue != nil {
		e = *t.EndValue
	}
	return strings.Join([]string{t.Text, t.Kind, v, e, t.Precision}, "|")
}

// extractTests are sentences with what Extract should find in them,
// published on pub.
var extractTests = []struct {
	name string
	text string
	want []string
}{
	// the publication day and the days around it
	{"yesterday", "Civilians were killed yesterday in the city.",
		[]string{"yesterday|date|2020-10-16||day"}},
	{"today", "Today, the prosecutor's office gave new figures.",
		[]string{"Today|date|2020-10-17||day"}},
	{"tonight", "A curfew starts tonight.",
		[]string{"tonight|date|2020-10-17||day"}},
	{"last night", "The town was shelled last night and again this morning.",
		[]string{"last night|date|2020-10-16||day", "this morning|date|2020-10-17||day"}},
	{"part of day", "Shelling resumed yesterday evening and early Friday.",
		[]string{"yesterday evening|date|2020-10-16||day", "early Friday|date|2020-10-16||day"}},
	{"now", "The town is now under government control.",
		[]string{"now|date|2020-10-17||day"}},
	{"now-defunct", "The now-defunct militia was disbanded.", nil},

	// weekdays: the most recent one, or the next when the clause looks ahead
	{"on weekday", "Troops crossed the river on Monday.",
		[]string{"Monday|date|2020-10-12||day"}},
	{"weekday", "Troops crossed the river Monday.",
		[]string{"Monday|date|2020-10-12||day"}},
	{"weekday is publication day", "The shelling on Saturday killed four.",
		[]string{"Saturday|date|2020-10-17||day"}},
	{"last weekday", "Talks broke down last Monday.",
		[]string{"last Monday|date|2020-10-12||day"}},
	{"last weekday on that day", "Talks broke down last Saturday.",
		[]string{"last Saturday|date|2020-10-10||day"}},
	{"weekday ahead", "The foreign ministers will meet on Friday in Moscow.",
		[]string{"Friday|date|2020-10-23||day"}},
	{"weekday ahead after", "On Tuesday, the league plans to hold a rally.",
		[]string{"Tuesday|date|2020-10-20||day"}},
	{"said weekday", "Officials said Thursday that troops will withdraw.",
		[]string{"Thursday|date|2020-10-15||day"}},
	{"next weekday", "A vote is due next Tuesday.",
		[]string{"next Tuesday|date|2020-10-20||day"}},
	{"weekday with date", "Fighting resumed on Monday, Oct. 12, near the border.",
		[]string{"Monday, Oct. 12|date|2020-10-12||day"}},
	{"weekday possessive", "Friday's attack killed two.",
		[]string{"Friday's|date|2020-10-16||day"}},
	{"weekday in a name", "He praised the Good Friday Agreement.", nil},

	// calendar dates
	{"month day", "The truce was reached on October 10 in Moscow.",
		[]string{"October 10|date|2020-10-10||day"}},
	{"day month", "The truce was reached on 10 October.",
		[]string{"10 October|date|2020-10-10||day"}},
	{"abbreviated month", "The truce was reached on Oct. 10.",
		[]string{"Oct. 10|date|2020-10-10||day"}},
	{"day month year", "The truce was reached on 10 October 2020.",
		[]string{"10 October 2020|date|2020-10-10||day"}},
	{"month day year", "The truce was reached on October 10, 2020, in Moscow.",
		[]string{"October 10, 2020|date|2020-10-10||day"}},
	{"ordinal day", "It was signed on the 10th of October and on October 11th.",
		[]string{"the 10th of October|date|2020-10-10||day", "October 11th|date|2020-10-11||day"}},
	{"iso date", "Report dated 2020-10-10.",
		[]string{"2020-10-10|date|2020-10-10||day"}},
	{"slash date", "Report dated 10/10/2020.",
		[]string{"10/10/2020|date|2020-10-10||day"}},
	{"slash date day first", "Report dated 13/10/2020.",
		[]string{"13/10/2020|date|2020-10-13||day"}},
	{"slash date month first", "Report dated 10/13/2020.",
		[]string{"10/13/2020|date|2020-10-13||day"}},
	{"slash date ambiguous", "Report dated 10/11/2020.", // 10 Nov lies ahead, 11 Oct does not
		[]string{"10/11/2020|date|2020-10-11||day"}},
	{"slash date undecidable", "Report dated 03/04/2020.",
		[]string{"03/04/2020|date|||unknown"}},
	{"dotted date", "Report dated 05.10.2020.",
		[]string{"05.10.2020|date|2020-10-05||day"}},
	{"date without year in the past", "He was last seen Jan. 20.", // not three months ahead
		[]string{"Jan. 20|date|2020-01-20||day"}},
	{"date without year soon", "The rights expire Nov. 21.", // a few weeks ahead
		[]string{"Nov. 21|date|2020-11-21||day"}},
	{"date without year ahead", "Elections are scheduled for Nov. 3.",
		[]string{"Nov. 3|date|2020-11-03||day"}},
	{"date on or around", "It started on 1 May 2020, or around 1 May 2020.",
		[]string{"1 May 2020|date|2020-05-01||day", "1 May 2020|date|2020-05-01||day"}},
	{"day range", "Clashes were reported between 3 and 5 May.",
		[]string{"between 3 and 5 May|date|2020-05-03|2020-05-05|day"}},
	{"day range hyphen", "Clashes were reported on 3-5 May and May 7-9.",
		[]string{"3-5 May|date|2020-05-03|2020-05-05|day", "May 7-9|date|2020-05-07|2020-05-09|day"}},
	{"year range", "The talks ran from 1991 to 1997.",
		[]string{"from 1991 to 1997|date|1991|1997|year"}},
	{"range end ahead", "Campaigning runs from now to Election Day.",
		[]string{"from now to Election Day|date|2020-10-17|2020-11-03|day"}},

	// months and years
	{"month year", "In October 2020 the front moved.",
		[]string{"October 2020|date|2020-10||month"}},
	{"bare month", "Fighting broke out in October.",
		[]string{"October|date|2020-10||month"}},
	{"bare month past", "Fighting broke out in February.",
		[]string{"February|date|2020-02||month"}},
	{"bare month up to two months ahead", "The vote is in December.",
		[]string{"December|date|2020-12||month"}},
	{"bare month ahead", "Elections will be held in December.",
		[]string{"December|date|2020-12||month"}},
	{"month this year", "In January this year and in June last year.",
		[]string{"January this year|date|2020-01||month", "June last year|date|2019-06||month"}},
	{"this month", "The city was bombed for the third time this month.",
		[]string{"this month|date|2020-10||month"}},
	{"last month", "Last month, the army advanced.",
		[]string{"Last month|date|2020-09||month"}},
	{"this week", "This week the ceasefire held.",
		[]string{"This week|date|2020-10-12|2020-10-18|week"}},
	{"last week", "The army advanced last week.",
		[]string{"last week|date|2020-10-05|2020-10-11|week"}},
	{"years", "This year and last year were calm, unlike 2016; in 2019 it flared.",
		[]string{"This year|date|2020||year", "last year|date|2019||year", "2019|date|2019||year"}},
	{"year modifying a noun", "The 2019 election and a 1996 law; his failed 1994 bid.",
		[]string{"2019|date|2019||year", "1996|date|1996||year", "1994|date|1994||year"}},
	{"modified dates", "In mid-March, early next year and by the end of the month.",
		[]string{"mid-March|date|2020-03||month", "early next year|date|2021||year", "the end of the month|date|2020-10||month"}},
	{"decades", "In the 1990s and the early 1980s.",
		[]string{"the 1990s|date|1990|1999|year", "the early 1980s|date|1980|1989|year"}},

	// May and other words that are not always times
	{"may with context", "In May, and again last May, and on May 10, and in May 2019.",
		[]string{"May|date|2020-05||month", "last May|date|2020-05||month",
			"May 10|date|2020-05-10||day", "May 2019|date|2019-05||month"}},
	{"may the modal", "You may be right. May I ask? Theresa May said it may rain.", nil},
	{"may with a count", "May 10 people die of it?", nil},
	{"march the verb", "Protesters march on the capital.", nil},
	{"counts", "12 civilians were killed, 600 soldiers died, 1,500 fled and it cost two billion dollars.", nil},
	{"count after the", "The 2000 soldiers were deployed; 2000 people fled.", nil},
	{"amount after a preposition", "The toll rose to 2000 civilians.", nil},
	{"ages", "He is 12 years old; a 10-year-old boy was hurt.", nil},
	{"not dates", "The 9/11 attacks. Open 24/7. Version 1.2.3. The fall of Kabul. Prices fall.", nil},

	// durations, periods up to publication, offsets
	{"durations", "Fighting lasted three weeks, two days of it in the city.",
		[]string{"three weeks|duration|||unknown", "two days|duration|||unknown"}},
	{"for weeks", "For weeks, the town was besieged.",
		[]string{"weeks|duration|||unknown"}},
	{"the past weeks", "In the past three weeks, 47 civilians were killed.",
		[]string{"the past three weeks|since|2020-09-26|2020-10-17|day"}},
	{"the last hours", "In the last 24 hours, 12 were killed.",
		[]string{"the last 24 hours|since|2020-10-16|2020-10-17|day"}},
	{"the next days", "Talks are expected over the next three days.",
		[]string{"the next three days|duration|2020-10-17|2020-10-20|day"}},
	{"since an event", "Since the beginning of the fighting, 47 died; 600 since the start of the war; 222 so far.",
		[]string{"Since the beginning of the fighting|since||2020-10-17|unknown",
			"since the start of the war|since||2020-10-17|unknown",
			"so far|since||2020-10-17|unknown"}},
	{"since a clause", "Since the fighting began, 47 civilians died.",
		[]string{"Since the fighting began|since||2020-10-17|unknown"}},
	{"since a date", "Since 2014 and since October, thousands have fled.",
		[]string{"Since 2014|since|2014|2020-10-17|year", "since October|since|2020-10|2020-10-17|month"}},
	{"so far this year", "So far this year, 40 died.",
		[]string{"So far this year|since|2020|2020-10-17|year"}},
	{"ago", "The offensive began three days ago, two weeks ago or a year ago.",
		[]string{"three days ago|date|2020-10-14||day", "two weeks ago|date|2020-09-28|2020-10-04|week", "a year ago|date|2019||year"}},
	{"later", "The offensive began on Oct. 5. Two days later, the town fell.",
		[]string{"Oct. 5|date|2020-10-05||day", "Two days later|date|2020-10-07||day"}},
	{"the next day", "The town fell on Oct. 5; the next day, troops entered.",
		[]string{"Oct. 5|date|2020-10-05||day", "the next day|date|2020-10-06||day"}},
	{"later than nothing", "Two days later, the town fell.",
		[]string{"Two days later|date|||unknown"}},

	// quarters, seasons, holidays
	{"quarters", "Third-quarter profit rose from a year earlier. The quarter was good; the year-ago quarter was not.",
		[]string{"Third-quarter|date|2020-07|2020-09|month", "a year earlier|date|2019-07|2019-09|month",
			"The quarter|date|2020-07|2020-09|month", "the year-ago quarter|date|2019-07|2019-09|month"}},
	{"no quarter named", "The quarter was good. Fighting raged in the Christian quarter.", nil},
	{"half", "In the first half of 2020 and Q3 2019.",
		[]string{"the first half of 2020|date|2020-01|2020-06|month", "Q3 2019|date|2019-07|2019-09|month"}},
	{"seasons", "Last fall, this summer and in the winter of 1994.",
		[]string{"Last fall|date|2019-09|2019-11|month", "this summer|date|2020-06|2020-08|month",
			"the winter of 1994|date|1994-12|1995-02|month"}},
	{"holidays", "On Christmas Day 2019, on Easter 2019 and at Thanksgiving.",
		[]string{"Christmas Day 2019|date|2019-12-25||day", "Easter 2019|date|2019-04-21||day",
			"Thanksgiving|date|2019-11-28||day"}},
	{"holiday in a name", "Christmas Island and the Easter Rising.", nil},
	{"weekend", "Over the weekend, and last weekend.",
		[]string{"the weekend|date|2020-10-17|2020-10-18|day", "last weekend|date|2020-10-10|2020-10-11|day"}},

	// offsets are bytes
	{"non-ASCII before", "Über Nacht — on Monday — the town fell.",
		[]string{"Monday|date|2020-10-12||day"}},
}

func TestExtract(t *testing.T) {
	for _, tt := range extractTests {
		t.Run(tt.name, func(t *testing.T) {
			ts, warnings := Extract(tt.text, &pub)
			if len(warnings) > 0 {
				t.Errorf("warnings %q", warnings)
			}
			var got []string
			for _, x := range ts {
				got = append(got, render(x))
				if tt.text[x.Start:x.End] != x.Text {
					t.Errorf("offsets %d-%d read %q, Text is %q", x.Start, x.End, tt.text[x.Start:x.End], x.Text)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Extract(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestExtractWithoutPublicationDate(t *testing.T) {
	ts, warnings := Extract("Shelling resumed yesterday, a week after the truce of 10 October 2020 and since Monday; 40 died since 2014.", nil)
	var got []string
	for _, x := range ts {
		got = append(got, render(x))
	}
	want := []string{
		"yesterday|date|||unknown",
		"10 October 2020|date|2020-10-10||day",
		"since Monday|since|||unknown",
		"since 2014|since|2014||year",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "2 relative") {
		t.Errorf("warnings %q, want one about 2 relative expressions", warnings)
	}
}

// Without a publication date, whatever gets a value must get the value it
// has with one: nothing relative may be resolved against a zero date.
func TestExtractWithoutPublicationDateNeverGuesses(t *testing.T) {
	for _, tt := range extractTests {
		with, _ := Extract(tt.text, &pub)
		without, _ := Extract(tt.text, nil)
		if len(with) != len(without) {
			t.Errorf("%s: %d expressions with a publication date, %d without", tt.name, len(with), len(without))
			continue
		}
		for i, x := range without {
			if x.Value != nil && (with[i].Value == nil || *x.Value != *with[i].Value) {
				t.Errorf("%s: %q has value %s without a publication date", tt.name, x.Text, *x.Value)
			}
		}
	}
}

func TestEaster(t *testing.T) {
	for _, want := range []string{"1998-04-12", "2000-04-23", "2019-04-21", "2020-04-12", "2038-04-25"} {
		y, _ := time.Parse(time.DateOnly, want)
		if got := easter(y.Year()).Format(time.DateOnly); got != want {
			t.Errorf("easter(%d) = %s, want %s", y.Year(), got, want)
		}
	}
}

func TestHolidayDate(t *testing.T) {
	tests := []struct {
		rule string
		year int
		want string
	}{
		{"12-25", 2020, "2020-12-25"},
		{"11/4/22", 1999, "1999-11-25"}, // Thanksgiving
		{"11/2/2", 1998, "1998-11-03"},  // US Election Day
		{"05/1/25", 2020, "2020-05-25"}, // Memorial Day
		{"easter-2", 2020, "2020-04-10"},
	}
	for _, tt := range tests {
		got, ok := holidayDate(tt.rule, tt.year)
		if !ok || got.Format(time.DateOnly) != tt.want {
			t.Errorf("holidayDate(%q, %d) = %s %v, want %s", tt.rule, tt.year, got.Format(time.DateOnly), ok, tt.want)
		}
	}
	for _, bad := range []string{"13-01", "02-30", "easter+x", "11/8/1", "1/2"} {
		if _, ok := holidayDate(bad, 2020); ok {
			t.Errorf("holidayDate(%q) accepted", bad)
		}
	}
}

func TestParseLexicon(t *testing.T) {
	if _, err := parseLexicon(lexiconTSV); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"month\tjanuary", "month\tjanuary\tone", "unit\tday\tdays", "color\tred\t1", "holiday\tx\t99-99"} {
		if _, err := parseLexicon(bad); err == nil {
			t.Errorf("parseLexicon(%q) accepted", bad)
		}
	}
}

func TestLaborDayNearestCalendar(t *testing.T) {
	cases := []struct{ pub, want string }{
		{"2020-05-02", "2020-05-01"}, // International Workers' Day
		{"2020-09-10", "2020-09-07"}, // the first Monday of September
	}
	for _, c := range cases {
		pub, _ := time.Parse(time.DateOnly, c.pub)
		ts, _ := Extract("Workers marched on Labor Day.", &pub)
		if len(ts) != 1 || ts[0].Value == nil || *ts[0].Value != c.want {
			t.Errorf("published %s: Labor Day = %+v, want %s", c.pub, ts, c.want)
		}
	}
}
