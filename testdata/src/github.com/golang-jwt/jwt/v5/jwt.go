// Package jwt is a stub of github.com/golang-jwt/jwt/v5@v5.3.1 for statelint's tests: only the signatures the tests use.
package jwt

import (
	"errors"
	"time"
)

type NumericDate struct {
	time.Time
}

func NewNumericDate(t time.Time) *NumericDate { return &NumericDate{t} }

type ClaimStrings []string

type Claims interface {
	GetExpirationTime() (*NumericDate, error)
	GetIssuedAt() (*NumericDate, error)
	GetNotBefore() (*NumericDate, error)
	GetIssuer() (string, error)
	GetSubject() (string, error)
	GetAudience() (ClaimStrings, error)
}

type MapClaims map[string]any

func (m MapClaims) GetExpirationTime() (*NumericDate, error) { return nil, nil }
func (m MapClaims) GetIssuedAt() (*NumericDate, error)       { return nil, nil }
func (m MapClaims) GetNotBefore() (*NumericDate, error)      { return nil, nil }
func (m MapClaims) GetIssuer() (string, error)               { return "", nil }
func (m MapClaims) GetSubject() (string, error) {
	s, _ := m["sub"].(string)
	return s, nil
}
func (m MapClaims) GetAudience() (ClaimStrings, error) { return nil, nil }

type SigningMethod interface {
	Verify(signingString string, sig []byte, key any) error
	Sign(signingString string, key any) ([]byte, error)
	Alg() string
}

type SigningMethodHMAC struct {
	Name string
}

func (m *SigningMethodHMAC) Verify(signingString string, sig []byte, key any) error { return nil }
func (m *SigningMethodHMAC) Sign(signingString string, key any) ([]byte, error)     { return nil, nil }
func (m *SigningMethodHMAC) Alg() string                                            { return m.Name }

var SigningMethodHS256 = &SigningMethodHMAC{"HS256"}

type Token struct {
	Raw       string
	Method    SigningMethod
	Header    map[string]any
	Claims    Claims
	Signature []byte
	Valid     bool
}

type TokenOption func(*Token)

type Keyfunc func(*Token) (any, error)

type Parser struct{}

type ParserOption func(*Parser)

func NewWithClaims(method SigningMethod, claims Claims, opts ...TokenOption) *Token {
	return &Token{Method: method, Claims: claims}
}

func (t *Token) SignedString(key any) (string, error) { return "", nil }

func Parse(tokenString string, keyFunc Keyfunc, options ...ParserOption) (*Token, error) {
	return nil, errors.New("stub")
}
