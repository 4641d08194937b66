package main

import (
	"iter"
	"runtime"
	"sync"
)

// ordered runs work on every value of in across all cores and yields the
// results in input order, however the work finishes. Breaking out of the
// loop stops reading more input.
func ordered[In, Out any](in iter.Seq[In], work func(In) Out) iter.Seq[Out] {
	return func(yield func(Out) bool) {
		type job struct {
			seq int
			in  In
			out Out
		}
		jobs := make(chan *job, 64)
		done := make(chan *job, 64)
		stop := make(chan struct{})
		go func() {
			defer close(jobs)
			seq := 0
			for v := range in {
				select {
				case jobs <- &job{seq: seq, in: v}:
					seq++
				case <-stop:
					return
				}
			}
		}()
		var wg sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := range jobs {
					j.out = work(j.in)
					done <- j
				}
			}()
		}
		go func() { wg.Wait(); close(done) }()
		pending := map[int]*job{}
		next := 0
		stopped := false
		for j := range done {
			if stopped {
				continue // drain, so the workers finish
			}
			pending[j.seq] = j
			for pending[next] != nil {
				r := pending[next]
				delete(pending, next)
				next++
				if !yield(r.out) {
					stopped = true
					close(stop)
					break
				}
			}
		}
	}
}
