module github.com/sitrep-project/sitrep

go 1.26.8

require (
	github.com/jdkato/prose/v3 v3.2.3 // indirect
	golang.org/x/text v0.44.0 // indirect
	gopkg.in/neurosnap/sentences.v1 v1.0.6 // indirect
)
