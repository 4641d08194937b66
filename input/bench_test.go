package input

import (
	"context"
	"strings"
	"testing"
)

func BenchmarkReadJSONL(b *testing.B) {
	text := strings.Repeat("Shelling was reported near the border town of Varos on Monday; two aid workers were injured. ", 30)
	line := `{"text":"` + text + `","published":"2024-03-05"}` + "\n"
	data := strings.Repeat(line, 300)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		for it := range Read(context.Background(), nil, strings.NewReader(data), Options{}) {
			if it.Err != nil {
				b.Fatal(it.Err)
			}
		}
	}
}

func BenchmarkReadHTML(b *testing.B) {
	b.SetBytes(int64(len(newsPage)))
	for b.Loop() {
		for it := range Read(context.Background(), nil, strings.NewReader(newsPage), Options{}) {
			if it.Err != nil {
				b.Fatal(it.Err)
			}
		}
	}
}
