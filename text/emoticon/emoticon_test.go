package emoticon_test

import (
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/text/emoticon"
)

func TestIs(t *testing.T) {
	n := 0
	for e := range emoticon.All() {
		n++
		if !emoticon.Is(e) {
			t.Errorf("%q is listed but not an emoticon", e)
		}
		if strings.TrimSpace(e) != e {
			t.Errorf("%q holds space at an end", e)
		}
	}
	if n != 58 {
		t.Errorf("%d emoticons, prose has 58", n)
	}
	for _, s := range []string{"", ":)", ":-", ":-))))", "(-8)", "o", "of", "old", "o_o ", "# Emoticons: prose's tokenizer keeps these whole, and its tagger tags them", "\xff", strings.Repeat(":", 100)} {
		if emoticon.Is(s) {
			t.Errorf("%q is no emoticon of prose's", s)
		}
	}
	for _, s := range []string{":-)", "¯\\(ツ)/¯", "(╯°□°）╯︵┻━┻", "xD", "(-8"} {
		if !emoticon.Is(s) {
			t.Errorf("%q is an emoticon of prose's", s)
		}
	}
}
