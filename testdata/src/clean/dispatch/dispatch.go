// Package dispatch builds a handler per request, as container registries
// do: the router calls a dispatcher with the request, and the dispatcher
// allocates the handler struct and closures that serve it. Their fields
// and captured variables die with the request.
package dispatch

import "net/http"

// Context is the per-request context a dispatcher receives.
type Context struct {
	Errors []error
	Name   string
}

type dispatchFunc func(ctx *Context, r *http.Request) http.Handler

type App struct{ mux *http.ServeMux }

func (app *App) register(pattern string, dispatch dispatchFunc) {
	app.mux.Handle(pattern, app.dispatcher(dispatch))
}

func (app *App) dispatcher(dispatch dispatchFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := &Context{Name: r.PathValue("name")}
		dispatch(ctx, r).ServeHTTP(w, r)
		if len(ctx.Errors) > 0 {
			http.Error(w, ctx.Errors[0].Error(), http.StatusBadRequest)
		}
	})
}

type blobHandler struct {
	*Context
	Digest string
}

func blobDispatcher(ctx *Context, r *http.Request) http.Handler {
	digest := r.URL.Query().Get("digest")
	if digest == "" {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx.Errors = append(ctx.Errors, errBadDigest)
		})
	}
	bh := &blobHandler{Context: ctx, Digest: digest}
	return http.HandlerFunc(bh.GetBlob)
}

func (bh *blobHandler) GetBlob(w http.ResponseWriter, r *http.Request) {
	if bh.Name == "" {
		bh.Errors = append(bh.Errors, errBadName)
		return
	}
	bh.Digest = bh.Digest + "@" + bh.Name
	w.Write([]byte(bh.Digest))
}

type constError string

func (e constError) Error() string { return string(e) }

const (
	errBadDigest constError = "bad digest"
	errBadName   constError = "bad name"
)

func New() *App {
	app := &App{mux: http.NewServeMux()}
	app.register("GET /v2/{name}/blobs", blobDispatcher)
	return app
}
