package main

import (
	"iter"
	"runtime"
	"sync"
)

// inFlight bounds the values read but not yet yielded, per core: a slow
// value holds back the results after it, and they must not pile up.
const inFlight = 32

// ordered runs work on every value of in across all cores and yields the
// results in input order, however the work finishes. Breaking out of the
// loop stops reading more input. At most inFlight values per core are
// read ahead of the one yielded next, so memory stays bounded however long
// one value takes.
func ordered[In, Out any](in iter.Seq[In], work func(In) Out) iter.Seq[Out] {
	return func(yield func(Out) bool) {
		type job struct {
			seq int
			in  In
			out Out
		}
		workers := runtime.GOMAXPROCS(0)
		jobs := make(chan *job, 64)
		done := make(chan *job, 64)
		stop := make(chan struct{})
		slots := make(chan struct{}, inFlight*workers)
		go func() {
			defer close(jobs)
			seq := 0
			for v := range in {
				select {
				case slots <- struct{}{}:
				case <-stop:
					return
				}
				select {
				case jobs <- &job{seq: seq, in: v}:
					seq++
				case <-stop:
					return
				}
			}
		}()
		var wg sync.WaitGroup
		for range workers {
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
				<-slots
			}
		}
	}
}
