package knowledge

// Apache Thrift: a client generated from an IDL holds a TClient (over a
// TTransport) and calls another service. A value holding one reaches
// outside the process, like a database client.
var thrift = Framework{
	Name: "thrift",
	SafeTypes: []string{
		"github.com/apache/thrift/lib/go/thrift.TClient",
		"github.com/apache/thrift/lib/go/thrift.TStandardClient",
		"github.com/apache/thrift/lib/go/thrift.TTransport",
	},
}
