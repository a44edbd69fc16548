// Package notes stands in for code protoc-gen-go generates, for statelint's
// tests: plain structs instead of protoimpl messages.
package notes

type Note struct {
	Id   string
	Text string
}

func (x *Note) GetId() string {
	if x != nil {
		return x.Id
	}
	return ""
}

func (x *Note) GetText() string {
	if x != nil {
		return x.Text
	}
	return ""
}
