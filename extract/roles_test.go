package extract_test

import (
	"testing"

	"github.com/sitrep-project/sitrep"
)

// TestRoles checks how the main event's actors are chosen where the text
// leaves them implicit; every sentence is written for the test.
func TestRoles(t *testing.T) {
	cases := []struct {
		name, text     string
		inter1, inter2 int
		actor2Name     string // "" for any
		eventType      string // "" for any
	}{
		{"the sentence's subject did what a trailing noun tells",
			"On 3 March 2021, Malian soldiers raided a camp of suspected militants near Mopti, killing three of them after an exchange of fire.", 1, 0, "", ""},
		{"who suffers before the trigger is the target",
			"On 3 March 2021, a Malian soldier was killed by jihadist militants near Mopti.", 2, 1, "", ""},
		{"violence against civilians is done to civilians",
			"On 3 March 2021, unidentified gunmen abducted a trader from his shop in Mopti, Mali.", 3, 7, "Civilians (Mali)", "Violence against civilians"},
		{"the force that intervenes in a later sentence is a demonstration's target",
			"On 4 March 2021, some 200 teachers marched to the education ministry in Nairobi, Kenya, demanding unpaid allowances. Police dispersed the marchers with tear gas.", 6, 1, "", "Protests"},
		{"rioters who name the police first act on it",
			"On 4 March 2021, angry traders hurled stones at police officers in Kisumu, Kenya, over the closure of a market.", 5, 1, "", "Riots"},
		{"the other side of a clash named in one phrase",
			"On 5 March 2021, Somali soldiers and Al Shabaab militants clashed near Afgooye, Somalia.", 1, 2, "", "Battles"},
		{"positions named for the state's forces",
			"On 6 March 2021, Al Shabaab militants fired mortars at government positions near Afgooye, Somalia.", 2, 1, "", ""},
		{"an operation in an earlier sentence names who fought",
			"On 7 March 2021, Kenyan police launched an operation against cattle rustlers in Baringo, Kenya. A gunfight broke out in the afternoon.", 1, 0, "", ""},
		{"a shoot-out nobody is named for is between unidentified gunmen",
			"On 8 March 2021, a shoot-out took place in Niteroi, Rio de Janeiro, Brazil.", 3, 3, "Unidentified Armed Group (Brazil)", "Battles"},
		{"the side a battle's report names comes before the unnamed one",
			"On 8 March 2021, a shoot-out took place in Niteroi, Rio de Janeiro, Brazil, during a police operation.", 1, 3, "Unidentified Armed Group (Brazil)", "Battles"},
		{"an organisation's airstrike is its forces' deed",
			"On 9 March 2021, four civilians were killed by a NATO airstrike near Chaghcharan, Afghanistan.", 8, 7, "", ""},
		{"a group that claims an attack in a later sentence made it",
			"On 10 March 2021, a roadside bomb exploded near a market in Afgooye, Somalia. Al Shabaab militants claimed to have killed two soldiers.", 2, 0, "", ""},
		{"a group named as the one who planted a device made the attack",
			"On 10 March 2021, an explosive device struck a bus near Titao, Burkina Faso. The device was planted by JNIM militants.", 2, 0, "", ""},
		{"a state force's claim of a deed of its own names no author",
			"On 10 March 2021, a roadside bomb exploded near a market in Afgooye, Somalia. Somali soldiers claimed to have killed two militants later.", 3, 0, "", ""},
		{"the forces whose positions were hit are the target",
			"On 12 March 2021, LNA forces targeted GNA positions with artillery fire near Tarhuna, Libya.", 1, 1, "Military Forces of Libya (2016-) Government of National Accord", ""},
		{"a military camp stands for the state's forces",
			"On 12 March 2021, suspected militants fired two rockets against a military camp near Tenenkou, Mali.", 2, 1, "", ""},
		{"drugs the police seize are a gang's",
			"On 13 March 2021, federal police forces seized two tons of marijuana hidden in a truck near Cascavel, Parana, Brazil. Two men were arrested.", 1, 3, "Unidentified Gang (Brazil)", ""},
		{"property burned by nobody named is an unidentified group's deed",
			"On 15 March 2021, in Reni, Odessa, the car of a town councillor was set on fire. No injuries were reported.", 3, 0, "", "Strategic developments"},
		{"those arrested at a drug lab the police dismantled are a gang's",
			"On 13 March 2021, military police forces dismantled a cocaine lab in Sobradinho, Distrito Federal, Brazil. A man was arrested.", 1, 3, "Unidentified Gang (Brazil)", ""},
		{"who mans what was attacked is not who attacked it",
			"On 16 March 2021, Al Shabaab militants attacked a checkpoint manned by Somali soldiers near Afgooye, Somalia.", 2, 1, "", ""},
		{"a clash nobody is named for keeps the state's forces as one side",
			"On 8 March 2021, clashes were reported near Avdiivka, Ukraine.", 3, 1, "", "Battles"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := run(t, c.text)
			e := first(t, doc)
			if c.eventType != "" && (e.ACLEDEventType == nil || *e.ACLEDEventType != c.eventType) {
				t.Fatalf("event type %v, want %s", e.ACLEDEventType, c.eventType)
			}
			if got := interOf(e.Actor1); got != c.inter1 {
				t.Errorf("actor1 %+v: inter %d, want %d", e.Actor1, got, c.inter1)
			}
			if c.inter2 != 0 {
				if got := interOf(e.Actor2); got != c.inter2 {
					t.Errorf("actor2 %+v: inter %d, want %d", e.Actor2, got, c.inter2)
				}
			}
			if c.actor2Name != "" && (e.Actor2 == nil || e.Actor2.ACLEDName != c.actor2Name) {
				t.Errorf("actor2 %+v, want %s", e.Actor2, c.actor2Name)
			}
		})
	}
}

func interOf(a *sitrep.Actor) int {
	if a == nil {
		return 0
	}
	return a.Inter
}

// TestActorCountry checks the country of the main event's actor1 where the
// text names it only through the event or the article; every sentence is
// written for the test.
func TestActorCountry(t *testing.T) {
	cases := []struct {
		name, text     string
		inter1         int
		country, acled string // acled: "" for any
	}{
		{"protesters of the country the article is about when their place is unknown",
			"On 2 March 2021, protesters angry at the fall of the Lebanese pound blocked a road in Qaryat Umm Farahun.", 6, "LBN", "Protesters (Lebanon)"},
		{"the verb of a report under a label tells who acted",
			"Arrests: On 5 March 2021, in Baringo, Kenya, police officers arrested three suspected cattle rustlers.", 1, "KEN", ""},
		{"forces named in an earlier sentence made the arrest",
			"On 8 March 2021, federal police forces dismantled a drug laboratory in Kano, Nigeria. Two men were arrested.", 1, "NGA", ""},
		{"a state's operation abroad keeps its state",
			"On 9 March 2021, Operation Barkhane forces conducted an airstrike on militant positions near Menaka, Mali.", 1, "FRA", ""},
		{"the agent after \"by\" did what the noun tells",
			"On 14 March 2021, a patrol by Russian forces took place near Qamishli, Syria.", 1, "RUS", ""},
		{"islamists no group is named for are a political militia",
			"On 10 March 2021, suspected Islamist militants burned huts in Damboa, Nigeria.", 3, "NGA", "Islamist Militia (Nigeria)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := run(t, c.text)
			e := first(t, doc)
			if e.Actor1 == nil {
				t.Fatalf("no actor1 in %+v", e)
			}
			if e.Actor1.Inter != c.inter1 || e.Actor1.Country != c.country {
				t.Errorf("actor1 %+v: inter %d country %q, want %d %q", e.Actor1, e.Actor1.Inter, e.Actor1.Country, c.inter1, c.country)
			}
			if c.acled != "" && e.Actor1.ACLEDName != c.acled {
				t.Errorf("actor1 ACLED name %q, want %q", e.Actor1.ACLEDName, c.acled)
			}
		})
	}
}

// TestRiotTargets checks whom a riot no force meets is against: the owners
// of the property it wrecks, else nobody; every sentence is written for the
// test.
func TestRiotTargets(t *testing.T) {
	cases := []struct {
		name, text, actor2 string // actor2: "" for none
	}{
		{"rioters who wreck a bank act on civilians",
			"On 11 March 2021, rioters hurled petrol bombs at a bank in Sidon, Lebanon.", "Civilians (Lebanon)"},
		{"rioters who burn tyres outside a bank act on nobody",
			"On 11 March 2021, rioters burned tyres outside a bank in Sidon, Lebanon.", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := first(t, run(t, c.text))
			if e.ACLEDEventType == nil || *e.ACLEDEventType != "Riots" {
				t.Fatalf("event type %v, want Riots", e.ACLEDEventType)
			}
			got := ""
			if e.Actor2 != nil {
				got = e.Actor2.ACLEDName
			}
			if got != c.actor2 {
				t.Errorf("actor2 %q, want %q", got, c.actor2)
			}
		})
	}
}

// TestByAgents checks that the agents "by" lists after a noun trigger are
// its actors, none of them the target; the sentence is written for the
// test.
func TestByAgents(t *testing.T) {
	e := first(t, run(t, "On 14 March 2021, a joint patrol by Turkish forces and Russian forces took place near Saraqib, Syria."))
	if e.Actor1 == nil || e.Actor1.Country != "TUR" {
		t.Errorf("actor1 %+v, want Turkish forces", e.Actor1)
	}
	if e.Actor2 != nil {
		t.Errorf("actor2 %+v, want none", e.Actor2)
	}
}
