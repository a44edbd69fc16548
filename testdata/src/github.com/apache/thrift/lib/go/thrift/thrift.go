// Package thrift is a stub of Apache Thrift's Go library: what a client
// generated from an IDL holds to call a remote service.
package thrift

import "context"

// TStruct is a value thrift encodes.
type TStruct interface{}

// ResponseMeta is what a call returns besides its result.
type ResponseMeta struct{}

// TClient calls a method of the remote service.
type TClient interface {
	Call(ctx context.Context, method string, args, result TStruct) (ResponseMeta, error)
}
