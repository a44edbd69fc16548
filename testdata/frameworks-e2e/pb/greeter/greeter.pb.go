// Package greeter stands in for code protoc-gen-go generates: plain
// structs instead of protoimpl messages, so this module builds without
// protoc (serving them would need a codec registered for them).
package greeter

type HelloRequest struct {
	Name string
}

func (x *HelloRequest) GetName() string {
	if x != nil {
		return x.Name
	}
	return ""
}

type HelloReply struct {
	Message string
}

func (x *HelloReply) GetMessage() string {
	if x != nil {
		return x.Message
	}
	return ""
}
