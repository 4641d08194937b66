package warm

import "testing"

func TestExtracts(t *testing.T) {
	for _, c := range []struct {
		args []string
		want bool
	}{
		{nil, false},
		{[]string{"extract", "a.txt"}, true},
		{[]string{"ingest", "--db", "x.db"}, true},
		{[]string{"worker"}, true},
		{[]string{"eval", "acled"}, true},
		{[]string{"serve"}, false},
		{[]string{"events", "--db", "x.db"}, false},
		{[]string{"version"}, false},
		{[]string{"-test.run", "X"}, false},
	} {
		if got := Extracts(c.args); got != c.want {
			t.Errorf("Extracts(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}
