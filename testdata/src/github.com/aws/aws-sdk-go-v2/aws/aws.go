// Package aws is a stub of github.com/aws/aws-sdk-go-v2@v1.47.7 for statelint's tests: only the signatures the tests use.
package aws

type Config struct {
	Region string
}

func String(v string) *string { return &v }
