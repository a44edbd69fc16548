package knowledge

// fasthttp has no router of its own: its handlers are found by signature
// only. fasthttp/websocket upgrades its requests.
var fasthttp = Framework{
	Name:         "fasthttp",
	Handlers:     []HandlerSig{{Params: []string{fasthttpRequestCtx}}},
	RequestTypes: []string{fasthttpRequestCtx},
	Contexts:     []string{fasthttpRequestCtx},
	Calls:        []CallEffect{{"github.com/valyala/fasthttp.SaveMultipartFile", OpFile, 1, ""}},
	ConnTypes:    []string{"github.com/fasthttp/websocket.Conn"},
	Conns:        []ConnSource{{"github.com/fasthttp/websocket.Conn", "github.com/fasthttp/websocket.FastHTTPUpgrader.Upgrade", 2}},
}

// fasthttpRequestCtx is fasthttp's per-request context, which fiber v3
// also takes as a handler.
const fasthttpRequestCtx = "*github.com/valyala/fasthttp.RequestCtx"
