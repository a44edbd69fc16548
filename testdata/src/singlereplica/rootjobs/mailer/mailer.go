// Package mailer holds the mailers a program can wire into svc.
package mailer

import (
	"log"
	"net/smtp"
)

// SMTP sends through a relay.
type SMTP struct{ Addr string }

// NewSMTP returns a relay mailer.
func NewSMTP(addr string) *SMTP { return &SMTP{Addr: addr} }

// Send mails body to to.
func (m *SMTP) Send(to, body string) error {
	return smtp.SendMail(m.Addr, nil, "noreply@example.com", []string{to}, []byte(body))
}

// Sender is this package's own view of a mailer.
type Sender interface {
	Send(to, body string) error
}

type relay struct{ addr string }

func (m *relay) Send(to, body string) error {
	return smtp.SendMail(m.addr, nil, "noreply@example.com", []string{to}, []byte(body))
}

// NewRelay returns a relay mailer behind Sender: its type is out of the
// importers' reach.
func NewRelay(addr string) Sender { return &relay{addr: addr} }

type logger struct{}

func (logger) Send(to, body string) error {
	log.Printf("mail to %s: %s", to, body)
	return nil
}

// NewLog returns a mailer that only logs, for development.
func NewLog() Sender { return logger{} }

// NewDefault returns the relay mailer through NewRelay.
func NewDefault() Sender { return NewRelay("smtp:25") }
