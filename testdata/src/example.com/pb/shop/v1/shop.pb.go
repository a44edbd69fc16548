// Package shopv1 stands in for code protoc-gen-go generates, for statelint's
// tests: plain structs instead of protoimpl messages.
package shopv1

type Request struct {
	Key   string
	Value string
	Data  []byte
}

type Reply struct {
	Value string
}
