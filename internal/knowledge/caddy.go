package knowledge

// caddy HTTP handler modules (caddyhttp.MiddlewareHandler): provisioned
// once per configuration load, then called for every matching request.
// Its plain caddyhttp.Handler, func(w, r) error, is not listed: that
// shape is too common elsewhere to mean a request path.
var caddy = Framework{
	Name: "caddy",
	Handlers: []HandlerSig{{
		Params:  []string{httpResponseWriter, httpRequest, "github.com/caddyserver/caddy/v2/modules/caddyhttp.Handler"},
		Results: []string{"error"},
	}},
}
