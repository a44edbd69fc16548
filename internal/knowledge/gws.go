package knowledge

// gws: lxzan/gws calls the methods of the program's gws.Event handler for
// every connection it upgrades and every message it reads: OnOpen,
// OnClose, OnPing, OnPong and OnMessage are request paths.
var gws = Framework{
	Name: "gws",
	Handlers: []HandlerSig{
		{Params: []string{"*github.com/lxzan/gws.Conn"}},
		{Params: []string{"*github.com/lxzan/gws.Conn", "error"}},
		{Params: []string{"*github.com/lxzan/gws.Conn", "[]byte"}},
		{Params: []string{"*github.com/lxzan/gws.Conn", "*github.com/lxzan/gws.Message"}},
	},
	RequestTypes: []string{"*github.com/lxzan/gws.Conn"},
	ConnTypes:    []string{"github.com/lxzan/gws.Conn"},
}
