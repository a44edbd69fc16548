package driver_test

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// fakeAnalyzer stands in for statelint's passes so that the driver can be
// tested end to end whatever the passes report today. It flags every
// statement inside a function that writes a package-level variable, with
// a Category and a two-hop Related chain, the shape the real passes use.
var fakeAnalyzer = &analysis.Analyzer{
	Name:     "fakestate",
	Doc:      "fakestate: report writes to package-level variables (driver tests only)",
	URL:      "https://example.com/fakestate",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      runFake,
}

func runFake(pass *analysis.Pass) (any, error) {
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for cur := range in.Root().Preorder((*ast.FuncDecl)(nil)) {
		fn := cur.Node().(*ast.FuncDecl)
		if fn.Body == nil {
			continue
		}
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.IncDecStmt:
				reportWrite(pass, fn, n, n.X, "counter")
			case *ast.AssignStmt:
				for _, lhs := range n.Lhs {
					reportWrite(pass, fn, n, lhs, "session")
				}
			}
			return true
		})
	}
	return nil, nil
}

func reportWrite(pass *analysis.Pass, fn *ast.FuncDecl, stmt ast.Node, lhs ast.Expr, category string) {
	if ix, ok := lhs.(*ast.IndexExpr); ok {
		lhs = ix.X
	}
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return
	}
	v, ok := pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Parent() != pass.Pkg.Scope() {
		return
	}
	pass.Report(analysis.Diagnostic{
		Pos:      stmt.Pos(),
		End:      stmt.End(),
		Category: category,
		Message:  "package variable " + v.Name() + " is written in " + fn.Name.Name,
		Related: []analysis.RelatedInformation{
			{Pos: fn.Name.Pos(), End: fn.Name.End(), Message: "handler " + fn.Name.Name},
			{Pos: stmt.Pos(), End: stmt.End(), Message: "writes " + v.Name()},
		},
	})
}
