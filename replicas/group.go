package replicas

import (
	"context"
	"errors"
	"sync"
	"time"
)

// group is the instances of one pass.
type group struct {
	cmd       Command
	instances []*instance
}

// startGroup starts n instances on free ports, all at once, and waits for
// every port to open.
func startGroup(ctx context.Context, cfg Config, n int) (*group, error) {
	g := &group{cmd: cfg.Command}
	ports, err := freePorts(n)
	if err != nil {
		return nil, err
	}
	for i, port := range ports {
		in, err := g.cmd.start(i, port)
		if in != nil {
			g.instances = append(g.instances, in)
		}
		if err != nil {
			g.stop(cfg.StopTimeout)
			return nil, err
		}
	}
	var errs []error
	for _, in := range g.instances {
		errs = append(errs, in.waitReady(ctx, cfg.StartTimeout))
	}
	if err := errors.Join(errs...); err != nil {
		g.stop(cfg.StopTimeout)
		return nil, err
	}
	return g, nil
}

// restart stops instance i gracefully and starts it again on its port.
func (g *group) restart(ctx context.Context, cfg Config, i int) error {
	old := g.instances[i]
	old.stop(cfg.StopTimeout)
	in, err := g.cmd.start(i, old.port)
	if err != nil {
		return err
	}
	g.instances[i] = in
	return in.waitReady(ctx, cfg.StartTimeout)
}

func (g *group) ports() []int {
	out := make([]int, len(g.instances))
	for i, in := range g.instances {
		out[i] = in.port
	}
	return out
}

// stop stops every instance, all at once.
func (g *group) stop(timeout time.Duration) {
	var wg sync.WaitGroup
	for _, in := range g.instances {
		wg.Go(func() { in.stop(timeout) })
	}
	wg.Wait()
}
