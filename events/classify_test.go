package events

import (
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/text"
)

// mainEvent runs the stage on a text with no actors or places and returns
// its first event that ACLED codes, or its first event when ACLED codes
// none.
func mainEvent(t *testing.T, s string) *sitrep.Event {
	t.Helper()
	sents, err := text.Analyze(s)
	if err != nil {
		t.Fatalf("Analyze(%q): %v", s, err)
	}
	evs := Extract(Input{Text: s, Sentences: sents})
	for i := range evs {
		if evs[i].ACLEDEventType != nil {
			return &evs[i]
		}
	}
	if len(evs) > 0 {
		return &evs[0]
	}
	return nil
}

func TestACLEDSubType(t *testing.T) {
	cases := []struct {
		name, text, sub string
	}{
		{"grievance is not the deed", "Farmers protested outside the governor's office, demanding compensation for crops destroyed by floods.", "Peaceful protest"},
		{"riots as the grievance", "Residents marched through the city against the detention of men involved in riots last month.", "Peaceful protest"},
		{"looted funds", "Hundreds rallied in the capital to demand the return of looted public funds.", "Peaceful protest"},
		{"clashes with the police", "Students protested against the fee rise and clashes with the police broke out near the campus.", "Violent demonstration"},
		{"burned tyres", "Traders burned tyres on the main road to denounce the new market tax.", "Violent demonstration"},
		{"setting fire in a demonstration", "Inmates demonstrated setting fire to blankets to demand their release.", "Violent demonstration"},
		{"self-immolation is no violence against others", "Nurses protested outside the ministry to demand higher wages. One of the protesters set herself on fire.", "Peaceful protest"},
		{"self-immolation beside stones thrown", "Nurses protested outside the ministry and threw stones at the gate. One of the protesters set herself on fire.", "Violent demonstration"},
		{"violently suppressed", "Police violently dispersed a peaceful sit-in by nurses demanding unpaid wages.", "Excessive force against protesters"},
		{"passive armed victim", "A police officer was shot by unknown gunmen near the station.", "Armed clash"},
		{"returned fire", "Gunmen fired at a patrol car and the officers returned fire.", "Armed clash"},
		{"former soldier", "Gunmen shot dead a former soldier outside his home.", "Attack"},
		{"abducted and killed", "Two farmers were abducted and killed by gunmen in the district.", "Attack"},
		{"weapons seized", "Soldiers seized twelve pistols and several magazines during a search of the village.", "Disrupted weapons use"},
		{"forces reinforced", "The army reinforced its positions along the northern border.", "Change to group/activity"},
		{"capture sought, not made", "Militants launched an attack to capture the army base but were repelled.", "Armed clash"},
		{"crowd attacks the police", "Villagers attacked a police team that had come to enforce the curfew.", "Mob violence"},
		{"clash of police and traders", "A clash broke out between police and traders at the cattle market.", "Mob violence"},
		{"armed men are no crowd", "Soldiers clashed with armed militants and villagers near the river.", "Armed clash"},
		{"artillery fired both ways", "Government troops and rebels exchanged artillery fire along the northern front.", "Armed clash"},
		{"grenade answered", "Militants threw a grenade at a police post. The officers responded with gunfire.", "Armed clash"},
		{"grenade amid clashes", "Insurgents threw a grenade into a crowded market during clashes in the old town.", "Grenade"},
		{"gang member shot", "A man was shot dead in the city centre on Monday. The victim was involved in a gang.", "Armed clash"},
		{"unexploded shell", "A shepherd was killed when an unexploded shell went off in a field near the village.", "Remote explosive/landmine/IED"},
		{"residents block a road", "Residents blocked the highway for six hours over water cuts.", "Peaceful protest"},
		{"town entered unopposed", "Rebel fighters entered the town of Harlow on Sunday and met no resistance.", "Non-violent transfer of territory"},
		{"remote explosive", "Militants carried out a remote explosive attack on a fuel depot near the port.", "Remote explosive/landmine/IED"},
		{"drugs seized", "Federal police seized two tons of cocaine in a warehouse near the port.", "Looting/property destruction"},
		{"arms taken after the attack", "Gunmen attacked an army post near the border. They seized rifles and ammunition before fleeing.", "Armed clash"},
		{"shots into the air", "Border guards fired at least twenty shots into the air near the bridge.", "Other"},
		{"check point", "Two soldiers were killed in an attack on a check point in the valley.", "Armed clash"},
		{"home invasion", "Four armed men invaded his home and shot a shopkeeper dead.", "Attack"},
		{"beaten with the arrest", "Police arrested and beat a journalist outside the court.", "Attack"},
		{"village burned", "Militants attacked a village in the hills and set fire to it. No one was reported hurt.", "Attack"},
		{"arson on a factory", "Unknown arsonists carried out an arson attack on a furniture factory. The attack caused material damage.", "Looting/property destruction"},
		{"policeman beaten by persons", "A policeman was beaten up by three persons at a checkpoint.", "Mob violence"},
		{"people assault the police", "Six people assaulted a police team that told them to disperse.", "Mob violence"},
		{"curfew as the setting", "Police baton charged traders for flouting the curfew.", "Attack"},
		{"curfew declared", "The governor declared a curfew in the port city on Friday.", "Change to group/activity"},
		{"ground left by the army", "Rebels took control of the town after government troops withdrew from it.", "Non-violent transfer of territory"},
		{"withdrawal of all forces", "All government forces have withdrawn from the town of Harlow.", "Non-violent transfer of territory"},
		{"taken from the state", "Fighters retook the hill from government forces on Sunday.", "Non-state actor overtakes territory"},
		{"stones without a demonstration", "Youths who violated the lockdown threw stones at a police patrol.", "Mob violence"},
		{"stones in a demonstration", "Students protesting the fee rise threw stones at the police outside the campus.", "Violent demonstration"},
		{"weapon told next", "Two civilians were killed in separate attacks in the region. One of them died in a grenade attack in the market town.", "Grenade"},
		{"attack fended off", "The ISIL attack on the airbase was fended off by the army.", "Armed clash"},
		{"anti-aircraft guns", "The army fired anti-aircraft guns and small arms at the rebel positions.", "Armed clash"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := mainEvent(t, c.text)
			if e == nil || e.ACLEDSubEventType == nil {
				t.Fatalf("%q: no ACLED event, want %s", c.text, c.sub)
			}
			if *e.ACLEDSubEventType != c.sub {
				t.Errorf("%q: %s, want %s", c.text, *e.ACLEDSubEventType, c.sub)
			}
		})
	}
}

func TestPLOVERType(t *testing.T) {
	cases := []struct {
		name, text, plover string
	}{
		{"intent to meet", "The foreign minister will visit the neighbouring capital next month.", "AGREE"},
		{"conditional boycott", "The opposition party will boycott the vote unless the electoral law is changed.", "THREATEN"},
		{"curfew lifted", "The governor lifted the night curfew in the northern province on Monday.", "CONCEDE"},
		{"curfew imposed", "The authorities imposed a curfew in the port city on Friday.", "COERCE"},
		{"fighting as the setting", "The two armies agreed to a ceasefire after a week of heavy fighting.", "RETREAT"},
		{"name is not a trigger", "The National Liberation Front called on its members to vote.", "REQUEST"},
		{"cooperation", "The two navies began joint war games in the gulf on Monday.", "COOPERATE"},
		{"asylum", "The embassy granted political asylum to the dissident writer.", "AID"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sents, err := text.Analyze(c.text)
			if err != nil {
				t.Fatal(err)
			}
			evs := Extract(Input{Text: c.text, Sentences: sents})
			if len(evs) == 0 {
				t.Fatalf("%q: no event, want %s", c.text, c.plover)
			}
			if evs[0].Plover != c.plover {
				t.Errorf("%q: %s (%s), want %s", c.text, evs[0].Plover, evs[0].Trigger, c.plover)
			}
		})
	}
}

// TestNoIncident checks sentences that name violence without telling of an
// incident.
func TestNoIncident(t *testing.T) {
	for _, s := range []string{
		"The minister said the country would defend its ally if it is attacked.",
		"Opposition supporters want the deal that ended fighting over the region annulled.",
	} {
		sents, err := text.Analyze(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range Extract(Input{Text: s, Sentences: sents}) {
			if e.Plover == "ASSAULT" {
				t.Errorf("%q: an ASSAULT event from %q", s, e.Trigger)
			}
		}
	}
}

func TestGrievance(t *testing.T) {
	s := sentence(t, "Teachers demanding the arrest of those who set fire to the school burned tyres.")
	lw := s.LowerWords(nil)
	g := grievance(s.Tokens, lw)
	for k, w := range lw {
		want := k >= 1 && k <= 10 // "demanding ... school"
		if w == "burned" || w == "tyres" || w == "." {
			want = false
		}
		if k == 0 {
			want = false
		}
		if g[k] != want && (w == "set" || w == "fire" || w == "burned" || w == "teachers") {
			t.Errorf("token %q: grievance %v, want %v", w, g[k], want)
		}
	}
}
