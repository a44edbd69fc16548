package knowledge

// go-socket.io: the server calls the functions given to OnConnect,
// OnEvent, OnDisconnect and OnError once per connection or event. OnEvent
// takes its callback as any, with the event's own argument types, so the
// callbacks are known by their registration. socketio.Conn is the live
// connection.
var socketIO = Framework{
	Name: "socket.io",
	Entries: []EntryCall{
		{Recv: "*github.com/googollee/go-socket.io.Server", Names: []string{"OnEvent"}, Arg: 2},
		{Recv: "*github.com/googollee/go-socket.io.Server", Names: []string{"OnConnect", "OnDisconnect", "OnError"}, Arg: 1},
	},
	RequestTypes: []string{"github.com/googollee/go-socket.io.Conn"},
	ConnTypes:    []string{"github.com/googollee/go-socket.io.Conn"},
}
