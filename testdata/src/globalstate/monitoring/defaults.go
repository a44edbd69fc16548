package monitoring

import (
	"net/http"
	"strconv"
)

// Server's limits default on first use: each connection fills in what
// configuration left zero, with a constant, so every replica holds the
// same value. Silent.
type limits struct {
	MaxRecipients int
	Banner        string
	lastClient    string
	Paused        bool
}

var smtpLimits = &limits{}

func connect(w http.ResponseWriter, r *http.Request) {
	if smtpLimits.MaxRecipients == 0 {
		smtpLimits.MaxRecipients = 100
	}
	if smtpLimits.Banner == "" {
		smtpLimits.Banner = "ESMTP ready"
	}
	w.Write([]byte(smtpLimits.Banner + " " + strconv.Itoa(smtpLimits.MaxRecipients)))
}

// The same guard around what the request brought keeps the first
// client's address: one replica's first client, another's on the next.
func greet(w http.ResponseWriter, r *http.Request) {
	if smtpLimits.lastClient == "" {
		smtpLimits.lastClient = r.RemoteAddr // want `mutable server variable smtpLimits.lastClient is written by handler for "/greet"`
	}
	w.Write([]byte(smtpLimits.lastClient))
}

// A flag raised under the same guard is a flag: the replica that served
// the pause is paused, the others are not.
func pause(w http.ResponseWriter, r *http.Request) {
	if smtpLimits.Paused == false {
		smtpLimits.Paused = true // want `in-process flag smtpLimits.Paused is written by handler for "/pause"`
	}
}

func init() {
	http.HandleFunc("/pause", pause)
	http.HandleFunc("/connect", connect)
	http.HandleFunc("/greet", greet)
}
