// Package shop stands in for code protoc-gen-go generates: plain
// structs instead of protoimpl messages, so this module builds without
// protoc (serving them would need a codec registered for them).
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
