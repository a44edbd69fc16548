package replicas

import (
	"slices"
	"testing"
)

func serves(as []Assignment) (serve, restart []int) {
	for _, a := range as {
		serve, restart = append(serve, a.Serve), append(restart, a.Restart)
	}
	return serve, restart
}

func TestSchedule(t *testing.T) {
	for _, tc := range []struct {
		pass           Pass
		n              int
		serve, restart []int
	}{
		{Reference, 3, []int{0, 0, 0, 0, 0}, []int{-1, -1, -1, -1, -1}},
		{Control, 3, []int{0, 0, 0, 0, 0}, []int{-1, -1, -1, -1, -1}},
		{RoundRobin, 3, []int{0, 1, 2, 0, 1}, []int{-1, -1, -1, -1, -1}},
		// The server of each step is restarted before the next one.
		{Restart, 3, []int{0, 1, 2, 0, 1}, []int{-1, 0, 1, 2, 0}},
		{Restart, 2, []int{0, 1, 0, 1, 0}, []int{-1, 0, 1, 0, 1}},
		// With one instance, it is restarted before every step.
		{Restart, 1, []int{0, 0, 0, 0, 0}, []int{-1, 0, 0, 0, 0}},
	} {
		serve, restart := serves(Schedule(tc.pass, 5, tc.n))
		if !slices.Equal(serve, tc.serve) || !slices.Equal(restart, tc.restart) {
			t.Errorf("%s on %d: serve %v restart %v, want %v %v", tc.pass, tc.n, serve, restart, tc.serve, tc.restart)
		}
	}
}
