module github.com/civickit/civickit

go 1.26

require (
	github.com/kljensen/snowball v0.10.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)
