// Package s3 is a stub of github.com/aws/aws-sdk-go-v2/service/s3@v1.114.8 for statelint's tests: only the signatures the tests use.
package s3

import (
	"context"
	"io"

	"github.com/aws/aws-sdk-go-v2/aws"
)

type Options struct {
	Region string
}

type Client struct {
	options Options
}

func New(options Options, optFns ...func(*Options)) *Client { return &Client{options: options} }

func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client {
	return &Client{options: Options{Region: cfg.Region}}
}

type PutObjectInput struct {
	Bucket      *string
	Key         *string
	Body        io.Reader
	ContentType *string
}

type PutObjectOutput struct {
	ETag *string
}

func (c *Client) PutObject(ctx context.Context, params *PutObjectInput, optFns ...func(*Options)) (*PutObjectOutput, error) {
	return &PutObjectOutput{}, nil
}
