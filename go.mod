module github.com/civickit/civickit

go 1.26

require (
	github.com/dominikbraun/graph v0.23.0 // indirect
	github.com/stretchr/testify v1.12.1 // indirect
)
