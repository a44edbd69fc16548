package replicas

// Pass names one pass over the journey.
type Pass string

// The passes of a run, in the order they run.
const (
	Reference  Pass = "reference" // one instance
	Control    Pass = "control"   // one fresh instance again, to learn the noise
	RoundRobin Pass = "replicas"  // N instances in turn
	Restart    Pass = "restart"   // in turn, restarting the last server before each step
)

// Assignment says where one step goes in a pass.
type Assignment struct {
	Serve   int // the instance that serves the step, from 0
	Restart int // the instance restarted just before the step, or -1
}

// Schedule assigns the steps of a pass to n instances: everything to one
// instance for the reference and the control; each step to the next
// instance in turn for the replicas; and in turn with a restart for the
// restart pass, where the instance that served a step is stopped
// gracefully and started again before the next step is sent ("log in
// through server 1, restart server 1, send the next request to server 2").
// With one instance the restart pass restarts it before every step.
func Schedule(pass Pass, steps, n int) []Assignment {
	out := make([]Assignment, steps)
	for i := range out {
		out[i] = Assignment{Serve: 0, Restart: -1}
		if pass == RoundRobin || pass == Restart {
			out[i].Serve = i % n
		}
		if pass == Restart && i > 0 {
			out[i].Restart = out[i-1].Serve
		}
	}
	return out
}

// instances is how many instances a pass runs.
func instances(pass Pass, n int) int {
	if pass == Reference || pass == Control {
		return 1
	}
	return n
}
