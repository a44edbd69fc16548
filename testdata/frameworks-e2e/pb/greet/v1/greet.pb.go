// Package greetv1 stands in for code protoc-gen-go generates: plain
// structs instead of protoimpl messages, so this module builds without
// protoc (serving them would need a codec registered for them).
package greetv1

type GreetRequest struct {
	Name string
}

type GreetResponse struct {
	Greeting string
}
