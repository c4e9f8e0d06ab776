module github.com/civickit/civickit

go 1.26
