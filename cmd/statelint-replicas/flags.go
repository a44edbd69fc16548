package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"time"
)

// options are the command's flags and the command after them.
type options struct {
	n            int
	journey      string
	build        string
	findingsFile string
	lint         string
	json         bool
	noControl    bool
	verbose      bool
	timeout      time.Duration
	startTimeout time.Duration
	stopTimeout  time.Duration
	stepTimeout  time.Duration
	command      []string // after --: the command, or with -build the binary's arguments
}

func parseFlags(args []string, stderr io.Writer) (*options, error) {
	o := &options{}
	fs := flag.NewFlagSet("statelint-replicas", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&o.n, "n", 3, "number of replicas")
	fs.StringVar(&o.journey, "journey", "", "the journey: a YAML or JSON `file`, or a .har file")
	fs.StringVar(&o.build, "build", "", "build this `package` (a directory, in any module, or an import path) once and run it; the words after -- are its arguments")
	fs.StringVar(&o.findingsFile, "findings", "", "statelint -format=json output for the service (`file`), to name the findings on the routes that differ")
	fs.StringVar(&o.lint, "lint", "auto", "run statelint on this module `dir` for the findings; auto: the module of -build; off: never")
	fs.BoolVar(&o.json, "json", false, "write the report as JSON")
	fs.BoolVar(&o.noControl, "no-control", false, "skip the control run that learns what differs between two runs on one instance")
	fs.BoolVar(&o.verbose, "v", false, "show progress and the instances' output on stderr")
	fs.DurationVar(&o.timeout, "timeout", 5*time.Minute, "bound on the whole run")
	fs.DurationVar(&o.startTimeout, "start-timeout", 30*time.Second, "how long an instance may take to open its port")
	fs.DurationVar(&o.stopTimeout, "stop-timeout", 10*time.Second, "how long an instance may take to stop after SIGTERM before it is killed")
	fs.DurationVar(&o.stepTimeout, "step-timeout", 10*time.Second, "bound on one request")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: statelint-replicas -n 3 -journey journey.yaml [-build ./cmd/server] -- CMD ARGS...")
		fmt.Fprintln(stderr, "{port} or {addr} in ARGS, and $PORT, give each instance its loopback port. See docs/replicas.md.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	o.command = fs.Args()
	switch {
	case o.journey == "":
		return nil, errors.New("-journey is required")
	case o.build == "" && len(o.command) == 0:
		return nil, errors.New("no command: give -build PKG, or the command after --")
	case o.n < 1:
		return nil, errors.New("-n must be at least 1")
	}
	return o, nil
}
