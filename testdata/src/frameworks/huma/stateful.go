// Package huma is a danielgtaylor/huma v2 service whose operations keep
// state in process memory. clean.go has the clean twins.
package huma

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
)

type GreetingInput struct {
	Name string `path:"name"`
}

type GreetingOutput struct {
	Body struct{ Message string }
}

type ReviewInput struct {
	Body struct{ Text string }
}

// (1) Greetings per name.
var greeted = map[string]int{}

// (2) Reviews appended on every post.
var reviews []string

func greet(ctx context.Context, in *GreetingInput) (*GreetingOutput, error) {
	greeted[in.Name]++ // want `greeted is written by handler for "GET /greeting/{name}"`
	return &GreetingOutput{}, nil
}

func postReview(ctx context.Context, in *ReviewInput) (*struct{}, error) {
	reviews = append(reviews, in.Body.Text) // want `reviews is written by handler for "POST /reviews"`
	return nil, nil
}

func register(api huma.API) {
	huma.Get(api, "/greeting/{name}", greet)
	huma.Register(api, huma.Operation{OperationID: "post-review", Method: http.MethodPost, Path: "/reviews"}, postReview)
}
