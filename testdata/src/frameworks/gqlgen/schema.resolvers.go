package gqlgen

import "context"

func (r *mutationResolver) CreateTodo(ctx context.Context, input NewTodo) (*Todo, error) {
	todo := &Todo{Text: input.Text}
	r.todos = append(r.todos, todo) // want `todos is written by handler for "Mutation.CreateTodo"`
	return todo, nil
}

// CompleteTodo is the clean twin: the todo is a row in the database.
func (r *mutationResolver) CompleteTodo(ctx context.Context, id string) (*Todo, error) {
	_, err := r.db.ExecContext(ctx, "UPDATE todos SET done = true WHERE id = $1", id)
	return &Todo{ID: id, Done: true}, err
}

func (r *queryResolver) Todos(ctx context.Context) ([]*Todo, error) {
	rows, err := r.db.QueryContext(ctx, "SELECT id, text, done FROM todos")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Todo
	for rows.Next() {
		t := &Todo{}
		rows.Scan(&t.ID, &t.Text, &t.Done)
		out = append(out, t)
	}
	return out, nil
}

func (r *Resolver) Mutation() MutationResolver { return &mutationResolver{r} }

func (r *Resolver) Query() QueryResolver { return &queryResolver{r} }

type mutationResolver struct{ *Resolver }
type queryResolver struct{ *Resolver }
