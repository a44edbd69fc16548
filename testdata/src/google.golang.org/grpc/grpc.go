// Package grpc is a stub of google.golang.org/grpc@v1.85.0 for statelint's tests: only the signatures the tests use.
package grpc

import (
	"context"
	"net"
)

const SupportPackageIsVersion9 = true

type ServerOption interface {
	apply(*serverOptions)
}

type serverOptions struct{}

type UnaryServerInfo struct {
	Server     any
	FullMethod string
}

type UnaryHandler func(ctx context.Context, req any) (any, error)

type UnaryServerInterceptor func(ctx context.Context, req any, info *UnaryServerInfo, handler UnaryHandler) (resp any, err error)

type MethodHandler func(srv any, ctx context.Context, dec func(any) error, interceptor UnaryServerInterceptor) (any, error)

type MethodDesc struct {
	MethodName string
	Handler    MethodHandler
}

type ServerStream interface {
	Context() context.Context
	SendMsg(m any) error
	RecvMsg(m any) error
}

type ServerStreamingServer[Res any] interface {
	Send(*Res) error

	ServerStream
}

type GenericServerStream[Req any, Res any] struct {
	ServerStream
}

func (x *GenericServerStream[Req, Res]) Send(m *Res) error { return x.ServerStream.SendMsg(m) }

type StreamHandler func(srv any, stream ServerStream) error

type StreamDesc struct {
	StreamName    string
	Handler       StreamHandler
	ServerStreams bool
	ClientStreams bool
}

type ServiceDesc struct {
	ServiceName string
	HandlerType any
	Methods     []MethodDesc
	Streams     []StreamDesc
	Metadata    any
}

type ServiceRegistrar interface {
	RegisterService(desc *ServiceDesc, impl any)
}

type Server struct{}

func NewServer(opt ...ServerOption) *Server { return &Server{} }

func (s *Server) RegisterService(sd *ServiceDesc, ss any) {}
func (s *Server) Serve(lis net.Listener) error            { return nil }
func (s *Server) Stop()                                   {}
func (s *Server) GracefulStop()                           {}
