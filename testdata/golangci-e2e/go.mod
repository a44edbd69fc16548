module example.com/golangcie2e

go 1.26
