// Package shop stands in for code protoc-gen-go generates, for statelint's
// tests: plain structs instead of protoimpl messages.
package shop

type Request struct {
	Key   string
	Value string
	Data  []byte
}

func (x *Request) GetKey() string {
	if x != nil {
		return x.Key
	}
	return ""
}

func (x *Request) GetValue() string {
	if x != nil {
		return x.Value
	}
	return ""
}

func (x *Request) GetData() []byte {
	if x != nil {
		return x.Data
	}
	return nil
}

type Reply struct {
	Value string
}
