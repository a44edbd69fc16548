package knowledge

// r3labs/sse: the server keeps its streams and their subscribers in this
// process; an event published on one replica reaches only the clients
// connected to it.
var r3labsSSE = Framework{
	Name:   "r3labs/sse",
	Stores: []SessionStore{{"github.com/r3labs/sse/v2.New", SessionInMemory, "", Websocket, nil, ""}},
}
