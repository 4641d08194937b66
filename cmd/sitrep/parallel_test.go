package main

import (
	"slices"
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
