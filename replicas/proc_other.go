//go:build !unix

package replicas

import (
	"os"
	"os/exec"
)

func ownGroup(cmd *exec.Cmd) {}

// terminate asks the process to stop; where interrupts cannot be sent it
// is killed.
func terminate(cmd *exec.Cmd) {
	if cmd.Process.Signal(os.Interrupt) != nil {
		_ = cmd.Process.Kill()
	}
}

func kill(cmd *exec.Cmd) { _ = cmd.Process.Kill() }
