// Package status is a stub of google.golang.org/grpc@v1.85.0 for statelint's tests: only the signatures the tests use.
package status

import (
	"errors"
	"fmt"

	"google.golang.org/grpc/codes"
)

func Error(c codes.Code, msg string) error { return errors.New(msg) }

func Errorf(c codes.Code, format string, a ...any) error { return fmt.Errorf(format, a...) }
