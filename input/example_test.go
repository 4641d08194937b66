package input_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/sitrep-project/sitrep/input"
)

func ExampleRead() {
	stdin := strings.NewReader(`{"id":"a1","text":"Shelling hit the town.","published":"2024-03-05T08:00:00+03:00"}
{"text":"   "}
{"id":"a3","text":"Talks resumed.","outlet":"Own Outlet"}
`)
	opts := input.Options{Outlet: "Example News"}
	for it := range input.Read(context.Background(), nil, stdin, opts) {
		if it.Err != nil {
			fmt.Println("error:", it.Err)
			continue
		}
		a := it.Article
		fmt.Println(a.ID, a.Published, a.Outlet, a.Text)
	}
	// Output:
	// a1 2024-03-05 Example News Shelling hit the town.
	// error: stdin: line 2: empty article
	// a3  Own Outlet Talks resumed.
}
