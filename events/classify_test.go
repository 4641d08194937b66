package events

import (
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/text"
)

// extractText gives the events of a text read alone.
func extractText(t *testing.T, s string) []sitrep.Event {
	t.Helper()
	sents, err := text.Analyze(s)
	if err != nil {
		t.Fatalf("Analyze(%q): %v", s, err)
	}
	return Extract(Input{Text: s, Sentences: sents})
}

// mainEvent runs the stage on a text with no actors or places and returns
// its first event that ACLED codes, or its first event when ACLED codes
// none.
func mainEvent(t *testing.T, s string) *sitrep.Event {
	t.Helper()
	evs := extractText(t, s)
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
		{"police attack the sit-in", "Police attacked a sit-in by teachers outside the ministry and detained twelve of them.", "Protest with intervention"},
		{"riot police as a name", "Riot police watched as nurses marched to the ministry demanding higher wages.", "Peaceful protest"},
		{"police clash with protesters", "Police clashed with protesters outside the parliament on Sunday.", "Violent demonstration"},
		{"police attacked, protesters threw", "Police attacked the march and protesters threw stones at them.", "Violent demonstration"},
		{"killed in the grievance", "Students marched in the capital demanding justice for two classmates killed in a traffic accident.", "Peaceful protest"},
		{"arrests told next", "Dozens of workers protested outside the factory over unpaid wages. They were arrested for violating the ban on gatherings.", "Protest with intervention"},
		{"the man protested for", "Journalists protested in the capital against the arrest of their editor. He was detained on Friday in a tax case.", "Peaceful protest"},
		{"detainees whose release is demanded", "Hundreds of students rallied in the city centre to demand the release of activists detained last week.", "Peaceful protest"},
		{"serious injuries", "Several demonstrators were hospitalised after police dispersed a march by farmers.", "Excessive force against protesters"},
		{"following the arrest", "Residents protested in the town following the arrest of two local vigilantes.", "Peaceful protest"},
		{"kamikazes", "Two kamikazes went off near the bus station, killing three people.", "Suicide bomb"},
		{"limpet mine", "A driver was killed in a limpet blast near the port.", "Remote explosive/landmine/IED"},
		{"gas in mortar rounds", "Militants fired mortar rounds containing poisonous gases at the army positions.", "Chemical weapon"},
		{"aerial bombardments", "Aerial bombardments on rebel positions killed twelve fighters.", "Air/drone strike"},
		{"an attack named by its year", "The army captured three villages near a town that was the scene of a deadly 2015 chemical attack.", "Government regains territory"},
		{"attacks only plotted", "Police detained five men in the capital who were planning attacks on the embassy.", "Arrests"},
		{"troops march", "The army captured the town and marched deeper into the rebel-held district.", "Government regains territory"},
		{"students march", "Students marched around the campus with placards on Monday.", "Peaceful protest"},
		{"driven out of ground", "The army drove the militants out of several villages in the province.", "Government regains territory"},
		{"entered without fighting", "Rebel forces advanced on the town and entered it without fighting.", "Non-violent transfer of territory"},
		{"worst in weeks after", "The city saw its worst unrest in weeks after protesters clashed with police.", "Violent demonstration"},
		{"violence told next", "Hundreds of farmers marched to the ministry. Some of them hurled bottles at officers.", "Violent demonstration"},
		{"attacked by others", "Nurses gathered outside the hospital to demand higher wages. They were attacked by a group of men.", "Peaceful protest"},
		{"attacked in the protest", "Nurses protesting outside the hospital were attacked by a group of men.", "Peaceful protest"},
		{"chased away", "Riot police chased protesters away from the square.", "Protest with intervention"},
		{"dispersal", "The dispersal of the sit-in by soldiers ended the strike.", "Protest with intervention"},
		{"arms destroyed by warplanes", "Warplanes destroyed an arms depot of the rebels near the border.", "Air/drone strike"},
		{"rocket-propelled grenade", "A rocket-propelled grenade tore through a police car in the city centre.", "Shelling/artillery/missile attack"},
		{"suicide vehicle-borne bomb", "Militants detonated a suicide vehicle-borne bomb at the gate of the hotel.", "Suicide bomb"},
		{"explosives blew up", "A container full of explosives blew up at the market, killing six people.", "Remote explosive/landmine/IED"},
		{"points established", "The army established three new points in the countryside.", "Headquarters or base established"},
		{"trying to defuse", "A mine exploded as soldiers were trying to defuse it, killing two of them.", "Remote explosive/landmine/IED"},
		{"no arrests", "No arrests have been made after twenty shops were looted in the town on Monday.", "Looting/property destruction"},
		{"checkpoint attacked, people killed", "Militants attacked a checkpoint near the border, killing five people.", "Armed clash"},
		{"market attacked, people killed", "Gunmen attacked a market in the town, killing five people.", "Attack"},
		{"unit set up", "A new militia unit has been set up in the province.", "Change to group/activity"},
		{"checkpoint set up", "A checkpoint was set up on the road to the airport by the army.", "Headquarters or base established"},
		{"withdrew from ground", "Government troops withdrew on Sunday from the border crossing.", "Non-violent transfer of territory"},
		{"rallies against each other", "Supporters of rival parties rallied against each other in violent scuffles in the capital.", "Violent demonstration"},
		{"protests anticipated", "Police arrested ten activists in anticipation of protests on Friday.", "Arrests"},
		{"police beat a protester", "Riot police beat a student during the protest outside the parliament.", "Excessive force against protesters"},
		{"protesters beat a policeman", "Protesters beat a policeman during the demonstration.", "Violent demonstration"},
		{"descended into violence", "The rally descended into violence in the evening.", "Violent demonstration"},
		{"crowd dispersed", "Police used batons to disperse the crowd outside the governor's office.", "Protest with intervention"},
		{"force used", "Police used force against traders protesting outside the market.", "Protest with intervention"},
		{"rcied", "An RCIED explosion hit an army convoy near the town.", "Remote explosive/landmine/IED"},
		{"tank attack", "A tank attack on the village killed three people.", "Shelling/artillery/missile attack"},
		{"tanks deployed", "The army deployed tanks along the border.", "Change to group/activity"},
		{"mass grave", "A mass grave with the bodies of forty villagers was found near the town.", "Other"},
		{"full control", "Government troops took full control of the town after fierce clashes with the rebels.", "Government regains territory"},
		{"thrown at police", "Ten people were arrested at the rally after bottles were hurled at police.", "Violent demonstration"},
		{"stash of projectiles", "Soldiers found a stash of projectiles in a farmhouse near the village.", "Disrupted weapons use"},
		{"fire exchange", "Soldiers have been engaged in a fire exchange with the militants since the morning.", "Armed clash"},
		{"rape while dispersing", "Soldiers raped two women as they dispersed the protesters in the square.", "Sexual violence"},
		{"rape as the grievance", "Residents protested in the town against police for attempting to rape a woman.", "Peaceful protest"},
		{"explosives that kill their bearers", "Two militants detonated explosives near the checkpoint, killing themselves.", "Suicide bomb"},
		{"abducting", "Gunmen raided the staff quarters of the college, abducting a lecturer.", "Abduction/forced disappearance"},
		{"redeploying", "Government troops are redeploying to the northern border region.", "Change to group/activity"},
		{"readied for attacking", "The militia is mobilizing its fighters for attacking the town.", "Change to group/activity"},
		{"arms captured", "Forty rifles and two thousand bullets were captured in the capital.", "Disrupted weapons use"},
		{"property attacked", "Unknown men attacked two shops in the market overnight.", "Looting/property destruction"},
		{"crowd-control weapons, injuries", "Dozens of people were injured as security forces fired rubber bullets and tear gas in the city centre.", "Excessive force against protesters"},
		{"crowd-control weapons", "Police fired tear gas in the market square on Sunday.", "Protest with intervention"},
		{"protest as the charge", "Police detained a student leader on charges related to organising an illegal protest.", "Arrests"},
		{"things left abandoned", "Troops recaptured the town and found burned cars lying abandoned in the streets.", "Government regains territory"},
		{"ground abandoned", "Troops recaptured the town after the rebels had abandoned it.", "Non-violent transfer of territory"},
		{"brought to a standstill", "Thousands of teachers have brought to a standstill schools across the country.", "Peaceful protest"},
		{"railway stolen", "Militants dismantled and stole the old railway line.", "Looting/property destruction"},
		{"a rally attacked by others", "A group of men attacked a peaceful rally of nurses in the capital.", "Mob violence"},
		{"a rally attacked by police", "Police attacked a peaceful rally of nurses in the capital.", "Protest with intervention"},
		{"device set off by accident", "Two militants accidentally detonated their device in a house near the market.", "Disrupted weapons use"},
		{"a rival rally attacked", "Protesters attacked a rival rally in the square.", "Violent demonstration"},
		{"police attacked by protesters", "Police officers were attacked by protesters outside the parliament.", "Violent demonstration"},
		{"people march", "Hundreds of people marched in the capital on Friday.", "Peaceful protest"},
		{"rubber bullets wounding", "Police fired rubber bullets at the protesters, wounding twelve.", "Excessive force against protesters"},
		{"stopped by police", "Police stopped the protesters before they reached the parliament.", "Protest with intervention"},
		{"traffic stopped by protesters", "Protesters blocked the highway and stopped traffic for hours.", "Peaceful protest"},
		{"peace talks", "Government and rebel negotiators held peace talks in the capital on Monday.", "Agreement"},
		{"talks to end a war", "The government began talks with the insurgents to end the war.", "Agreement"},
		{"a return to talks that happened", "Government and rebel negotiators returned to peace talks in the capital on Monday.", "Agreement"},
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
			evs := extractText(t, c.text)
			if len(evs) == 0 {
				t.Fatalf("%q: no event, want %s", c.text, c.plover)
			}
			if evs[0].Plover != c.plover {
				t.Errorf("%q: %s (%s), want %s", c.text, evs[0].Plover, evs[0].Trigger, c.plover)
			}
		})
	}
}

// TestNoACLEDEvent checks sentences that tell of nothing ACLED codes.
func TestNoACLEDEvent(t *testing.T) {
	for _, s := range []string{
		"The two trade ministers held talks on tariffs in the capital.",
		"The government will hold peace talks with the rebels next month.",
		"The envoy urged both sides to respect the ceasefire and return to negotiations.",
		"The minister called for a return to the talks.",
	} {
		evs := extractText(t, s)
		if len(evs) == 0 {
			t.Errorf("%q: no event, want a consultation", s)
		}
		for _, e := range evs {
			if e.ACLEDSubEventType != nil {
				t.Errorf("%q: %s from %q, want none", s, *e.ACLEDSubEventType, e.Trigger)
			}
		}
	}
}

// TestNoIncident checks sentences that name violence without telling of an
// incident.
func TestNoIncident(t *testing.T) {
	for _, s := range []string{
		"The minister said the country would defend its ally if it is attacked.",
		"Opposition supporters want the deal that ended fighting over the region annulled.",
		"Police detained five men who were planning attacks on the embassy.",
		"Survivors gathered in the town that was the scene of the 1994 massacre.",
		"The militia was supposed to attack the base at dawn.",
	} {
		for _, e := range extractText(t, s) {
			if e.Plover == "ASSAULT" {
				t.Errorf("%q: an ASSAULT event from %q", s, e.Trigger)
			}
		}
	}
}

// TestUnfulfilled checks that what an agreement was only meant to bring
// about is no event.
func TestUnfulfilled(t *testing.T) {
	for _, s := range []string{
		"The truce was supposed to allow the exchange of prisoners.",
		"The talks were meant to allow the return of the displaced.",
	} {
		for _, e := range extractText(t, s) {
			if e.Plover == "CONCEDE" {
				t.Errorf("%q: a CONCEDE event from %q", s, e.Trigger)
			}
		}
	}
	conceded := false
	for _, e := range extractText(t, "The army allowed the exchange of prisoners.") {
		conceded = conceded || e.Plover == "CONCEDE"
	}
	if !conceded {
		t.Error("a concession told as done: no CONCEDE event")
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

func TestInBackground(t *testing.T) {
	cases := []struct {
		text, trigger string
		want          bool
	}{
		{"Protests broke out after a vehicle of the local militia was attacked on the road.", "attacked", true},
		{"Militia fighters attacked a vehicle on the road after midnight.", "attacked", false},
	}
	for _, c := range cases {
		s := sentence(t, c.text)
		lw := s.LowerWords(nil)
		for k, w := range lw {
			if w == c.trigger {
				if got := inBackground(s.Tokens, lw, k, nil); got != c.want {
					t.Errorf("%q: %q in background %v, want %v", c.text, w, got, c.want)
				}
			}
		}
	}
}
