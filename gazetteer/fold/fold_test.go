package fold

import "testing"

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ganja", "ganja"},
		{"ganja", "ganja"},
		{"GANJA", "ganja"},
		{"Gəncə", "ganca"},
		{"Füzuli", "fuzuli"},
		{"Nagorno-Karabakh", "nagorno karabakh"},
		{"Nagorno  Karabakh", "nagorno karabakh"},
		{"Ma'arrat al-Nu'man", "maarrat al numan"},
		{"Ma’arrat", "maarrat"},
		{"U.S.", "us"},
		{"São Paulo", "sao paulo"},
		{"İstanbul", "istanbul"},
		{"Łódź", "lodz"},
		{"Ærøskøbing", "aeroskobing"},
		{"Straße", "strasse"},
		{"Đà Nẵng", "da nang"},
		{"Ts’khinvali", "tskhinvali"},
		{"Москва", "москва"},
		{"  Tehran, Iran ", "tehran iran"},
		{"", ""},
		{"--", ""},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := string(AppendKey([]byte("x"), tt.in)); got != "x"+tt.want {
			t.Errorf("AppendKey(x, %q) = %q, want %q", tt.in, got, "x"+tt.want)
		}
		if again := Key(Key(tt.in)); again != tt.want {
			t.Errorf("Key is not idempotent on %q: %q", tt.in, again)
		}
	}
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"Gəncə", "Nagorno-Karabakh", "U.S.", "Ma'arrat", " a  b "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if Key(k) != k {
			t.Errorf("Key(%q) = %q is not a fixed point", s, k)
		}
		if len(k) > 0 && (k[0] == ' ' || k[len(k)-1] == ' ') {
			t.Errorf("Key(%q) = %q has outer spaces", s, k)
		}
	})
}

func BenchmarkKey(b *testing.B) {
	names := []string{"ganja", "Ganja", "Gəncə", "Nagorno-Karabakh"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Key(names[i%len(names)])
	}
}
