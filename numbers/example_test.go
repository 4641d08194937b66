package numbers_test

import (
	"fmt"

	"github.com/sitrep-project/sitrep/numbers"
)

func ExampleFind() {
	text := "On 10 October, more than 40 people were killed and dozens injured 600 km from the capital."
	for _, q := range numbers.Find(text) {
		fmt.Printf("%q low=%d best=%d high=%d %s unit=%q\n", q.Text, q.Low, q.Best, q.High, q.Approx, q.Unit)
	}
	// Output:
	// "more than 40" low=41 best=41 high=-1 more_than unit=""
	// "dozens" low=12 best=12 high=-1 vague unit=""
	// "600 km" low=600 best=600 high=600 exact unit="km"
}

func ExampleParse() {
	q, ok := numbers.Parse("twenty-one")
	fmt.Println(q.Best, ok)
	// Output: 21 true
}
