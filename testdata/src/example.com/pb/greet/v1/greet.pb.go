// Package greetv1 stands in for code protoc-gen-go generates, for
// statelint's tests: plain structs instead of protoimpl messages.
package greetv1

type GreetRequest struct {
	Name string
}

type GreetResponse struct {
	Greeting string
}
