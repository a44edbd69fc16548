// Package shopv1 stands in for code protoc-gen-go generates: plain
// structs instead of protoimpl messages, so this module builds without
// protoc (serving them would need a codec registered for them).
package shopv1

type Request struct {
	Key   string
	Value string
	Data  []byte
}

type Reply struct {
	Value string
}
