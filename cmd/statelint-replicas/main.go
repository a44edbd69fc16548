// Command statelint-replicas verifies statelessness by running it: it
// sends a user journey to one instance of a service, then to N replicas
// behind a round-robin proxy, then again restarting replicas between
// steps, and reports the first step that answers otherwise than on one
// instance, with the statelint findings on the routes involved.
//
//	statelint-replicas -n 3 -journey journey.yaml [-build ./cmd/server] -- CMD ARGS...
//
// {port} (or {addr}, 127.0.0.1:port) in ARGS and $PORT in the environment
// give each instance its own loopback port. Exit status: 0 when every pass
// matches the reference, 3 when one differs, 1 on errors, 2 on bad usage.
// See docs/replicas.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/statelint/statelint/replicas"
)

const (
	exitMatch  = 0
	exitError  = 1
	exitUsage  = 2
	exitDiffer = 3
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the command, returning its exit status.
func run(args []string, stdout, stderr io.Writer) int {
	opts, err := parseFlags(args, stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return exitMatch
	case err != nil:
		fmt.Fprintf(stderr, "statelint-replicas: %v\n", err)
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	rep, err := opts.run(ctx, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "statelint-replicas: %v\n", err)
		return exitError
	}
	if opts.json {
		err = rep.WriteJSON(stdout)
	} else {
		err = rep.WriteText(stdout)
	}
	switch {
	case err != nil:
		fmt.Fprintf(stderr, "statelint-replicas: %v\n", err)
		return exitError
	case !rep.Match:
		return exitDiffer
	}
	return exitMatch
}

// run builds the service when asked, runs the journey, and when a pass
// differs names the statelint findings: from -findings, or by running
// statelint on the module.
func (o *options) run(ctx context.Context, stderr io.Writer) (*replicas.Report, error) {
	journey, err := replicas.LoadJourney(o.journey)
	if err != nil {
		return nil, err
	}
	cfg := o.config(journey, stderr)
	module := ""
	if o.build != "" {
		bin, mod, cleanup, err := build(ctx, o.build)
		if err != nil {
			return nil, err
		}
		defer cleanup()
		cfg.Command.Path, cfg.Command.Args, module = bin, o.command, mod
	}
	rep, err := replicas.Run(ctx, cfg)
	if err != nil || rep.Match {
		return rep, err
	}
	findings, err := o.findings(module, stderr)
	if err != nil {
		return nil, err
	}
	if findings != nil {
		rep.NameFindings(findings)
	}
	return rep, nil
}

func (o *options) config(j *replicas.Journey, stderr io.Writer) replicas.Config {
	cfg := replicas.Config{
		Journey: j, Replicas: o.n, NoControl: o.noControl,
		Timeout: o.timeout, StartTimeout: o.startTimeout, StopTimeout: o.stopTimeout, StepTimeout: o.stepTimeout,
	}
	if len(o.command) > 0 && o.build == "" {
		cfg.Command.Path, cfg.Command.Args = o.command[0], o.command[1:]
	}
	if o.verbose {
		cfg.Log, cfg.Command.Output = stderr, stderr
	}
	return cfg
}

// findings reads -findings, or runs statelint on the module: the one
// -lint names, or with -lint=auto the built package's.
func (o *options) findings(module string, stderr io.Writer) ([]replicas.Finding, error) {
	switch {
	case o.findingsFile != "":
		f, err := os.Open(o.findingsFile)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		findings, err := replicas.ReadFindings(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", o.findingsFile, err)
		}
		return findings, nil
	case o.lint == "off" || (o.lint == "auto" && module == ""):
		return nil, nil
	case o.lint != "auto":
		module = o.lint
	}
	return lint(module, stderr)
}
