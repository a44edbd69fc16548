module example.com/drivere2e

go 1.26
