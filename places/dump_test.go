package places

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// TestDumpErrors prints the commonest errors on a gold standard, for
// tuning: GOLD=tr-news/tr_news.jsonl go test -run DumpErrors -v ./places
func TestDumpErrors(t *testing.T) {
	file := os.Getenv("GOLD")
	if file == "" {
		t.Skip("set GOLD to a gold standard under shared/data")
	}
	f, err := os.Open(filepath.Join(sharedData(t), file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	far := map[string]int{}
	fp := map[string]int{}
	fn := map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		d := readGold(t, sc.Bytes())
		ps := Extract(d.Text, nil)
		for _, p := range ps {
			hit := false
			for _, g := range d.Toponyms {
				if p.Start < g.End && g.Start < p.End {
					hit = true
					if g.Lat != nil && p.Resolved() && km(*p.Lat, *p.Lon, *g.Lat, *g.Lon) > 161 {
						far[fmt.Sprintf("%s -> %s %s %s (%.1f,%.1f) gold (%.1f,%.1f) %.0fkm", p.Text, p.Name, p.Country, p.Kind, *p.Lat, *p.Lon, *g.Lat, *g.Lon, km(*p.Lat, *p.Lon, *g.Lat, *g.Lon))]++
					}
				}
			}
			if !hit {
				fp[p.Text+" ("+p.Cue+" "+p.Kind+")"]++
			}
		}
		for _, g := range d.Toponyms {
			hit := false
			for _, p := range ps {
				if p.Start < g.End && g.Start < p.End {
					hit = true
				}
			}
			if !hit {
				fn[d.Text[g.Start:g.End]]++
			}
		}
	}
	for name, m := range map[string]map[string]int{"FAR": far, "FP": fp, "FN": fn} {
		type kv struct {
			k string
			v int
		}
		var l []kv
		for k, v := range m {
			l = append(l, kv{k, v})
		}
		sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v })
		fmt.Println("==", name, len(l))
		for i, x := range l {
			if i == 40 {
				break
			}
			fmt.Printf("%3d %s\n", x.v, x.k)
		}
	}
}
