package knowledge

// melody keeps every connection it accepts in an in-process hub, and runs
// its Handle* callbacks once per connection or message, as handlers.
var melody = Framework{
	Name: "melody",
	Handlers: []HandlerSig{
		{Params: []string{"*github.com/olahol/melody.Session"}},
		{Params: []string{"*github.com/olahol/melody.Session", "[]byte"}},
		{Params: []string{"*github.com/olahol/melody.Session", "error"}},
		{Params: []string{"*github.com/olahol/melody.Session", "int", "string"}, Results: []string{"error"}},
	},
	RequestTypes: []string{"*github.com/olahol/melody.Session"},
	Stores:       []SessionStore{{"github.com/olahol/melody.New", SessionInMemory, "", Websocket, nil, ""}},
	ConnTypes:    []string{"github.com/olahol/melody.Session"},
}
