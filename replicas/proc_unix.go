//go:build unix

package replicas

import (
	"os/exec"
	"syscall"
)

// ownGroup starts the command in a process group of its own, so that a
// wrapper (a shell script, go run) and the server it starts stop together.
func ownGroup(cmd *exec.Cmd) { cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} }

// terminate asks the process group to shut down gracefully.
func terminate(cmd *exec.Cmd) { _ = syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM) }

// kill ends what is left of the process group.
func kill(cmd *exec.Cmd) { _ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
