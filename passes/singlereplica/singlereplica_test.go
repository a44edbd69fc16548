package singlereplica_test

import (
	"testing"

	"github.com/statelint/statelint/analysistest"
	"github.com/statelint/statelint/passes/singlereplica"
)

func TestSingleReplica(t *testing.T) {
	analysistest.Run(t, singlereplica.Analyzer,
		"singlereplica/wallet", "singlereplica/crosspkg", "singlereplica/redisbank", "singlereplica/jobs",
		"singlereplica/gocronjobs", "singlereplica/gocronleader", "singlereplica/gormwallet", "singlereplica/pgxwallet",
		"singlereplica/ifacejobs", "singlereplica/jobqueue", "singlereplica/queuejobs", "singlereplica/artifexjobs", "singlereplica/gormjobs", "singlereplica/consumers",
		"singlereplica/rootjobs/cmd", "singlereplica/rootjobs/cmdlog", "singlereplica/pollfanout/cmd")
}
