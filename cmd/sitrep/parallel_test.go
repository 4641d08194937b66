package main

import (
	"runtime"
	"slices"
	"sync/atomic"
	"testing"
	"time"
)

func TestOrderedKeepsInputOrder(t *testing.T) {
	in := slices.Values([]int{5, 1, 4, 2, 3, 0})
	var got []int
	for v := range ordered(in, func(n int) int {
		time.Sleep(time.Duration(n) * time.Millisecond) // finish out of order
		return n * 10
	}) {
		got = append(got, v)
	}
	if want := []int{50, 10, 40, 20, 30, 0}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestOrderedStopsEarly(t *testing.T) {
	n := 0
	for range ordered(slices.Values(make([]int, 1000)), func(int) int { return 1 }) {
		n++
		if n == 3 {
			break
		}
	}
	if n != 3 {
		t.Errorf("read %d results, want 3", n)
	}
}

// TestOrderedBoundsReadAhead checks that a slow value does not let the
// results after it pile up: no more than inFlight values per core, and the
// one waiting for a slot, are read before it is yielded.
func TestOrderedBoundsReadAhead(t *testing.T) {
	bound := inFlight * runtime.GOMAXPROCS(0)
	release := make(chan struct{})
	var firstYielded atomic.Bool
	in := func(yield func(int) bool) {
		for i := range 3 * bound {
			if i == bound+1 && !firstYielded.Load() {
				t.Errorf("value %d read before the first result was yielded", i)
			}
			if !yield(i) {
				return
			}
			if i == bound-1 {
				close(release)
			}
		}
	}
	n := 0
	for v := range ordered(in, func(v int) int {
		if v == 0 {
			<-release
		}
		return v
	}) {
		if v != n {
			t.Fatalf("got %d, want %d", v, n)
		}
		firstYielded.Store(true)
		n++
	}
	if n != 3*bound {
		t.Errorf("%d results, want %d", n, 3*bound)
	}
}
