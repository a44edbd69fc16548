package handlers

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/names"
	"github.com/statelint/statelint/passes/internal/typeshape"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"
)

// A Span is a stretch of a function's source, [From, To].
type Span struct{ From, To token.Pos }

// Consumer loops: a worker that reads messages itself, in a loop, handles
// each message in the rest of the loop's body, once per message, as a
// handler does a request; and a rebalance or redelivery takes the next
// message to another replica, as a load balancer does. The function
// holding the loop is an entry point whose request path is that part of
// its body (Entry.Loops); what runs before the loop is its setup.

// receiveLoops makes entry points of the functions of the package that
// receive messages in a loop: a call of knowledge.MessageReceives
// (kafka-go's r.ReadMessage(ctx)) or a receive from a channel of
// knowledge.MessageTypes (for d := range deliveries, case m := <-msgs)
// inside a for statement of the same function.
func (r *routes) receiveLoops(pass *analysis.Pass, funcs []*ssa.Function) {
	bySyntax := map[ast.Node]*ssa.Function{}
	for _, fn := range funcs {
		if syn := fn.Syntax(); syn != nil {
			bySyntax[syn] = fn
		}
	}
	for _, f := range pass.Files {
		if isTestFile(pass.Fset, f.FileStart) {
			continue
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				w := &loopWalker{info: pass.TypesInfo, fn: fd}
				w.walk(fd.Body, nil)
				r.loopEntries(w, bySyntax)
			}
		}
	}
}

// loopEntries records the loops the walker found, by function.
func (r *routes) loopEntries(w *loopWalker, bySyntax map[ast.Node]*ssa.Function) {
	for _, l := range w.found {
		fn := bySyntax[l.fn]
		if fn == nil || r.res.byFn[fn] != nil && len(r.res.byFn[fn].Loops) == 0 {
			continue // a handler already: all of it runs per request
		}
		if e := r.entry(fn, l.framework, fn.Signature.Recv() != nil); e != nil {
			e.Loops = append(e.Loops, l.span)
		}
	}
}

type loop struct {
	fn        ast.Node // *ast.FuncDecl or *ast.FuncLit
	span      Span
	framework string
}

// A loopWalker finds the message loops of one function declaration and
// the literals in it.
type loopWalker struct {
	info  *types.Info
	fn    ast.Node
	found []loop
}

// walk visits n, whose innermost enclosing loop body in the same function
// is body (nil outside any loop).
func (w *loopWalker) walk(n ast.Node, body *ast.BlockStmt) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			outer := w.fn
			w.fn = n
			w.walk(n.Body, nil)
			w.fn = outer
			return false
		case *ast.ForStmt:
			for _, part := range []ast.Node{n.Init, n.Cond, n.Post} {
				if part != nil {
					w.walk(part, body)
				}
			}
			w.walk(n.Body, n.Body)
			return false
		case *ast.RangeStmt:
			w.walk(n.X, body)
			if fw := w.messageChan(n.X); fw != "" {
				w.add(Span{n.Body.Lbrace, n.Body.Rbrace}, fw)
			}
			w.walk(n.Body, n.Body)
			return false
		case *ast.AssignStmt:
			// conn, err := l.Accept(): the branch taken when err is not
			// nil handles no message, it reports the failure.
			if call, ok := n.Rhs[0].(*ast.CallExpr); ok && len(n.Rhs) == 1 && body != nil {
				fw := w.receiveCall(call)
				if fw == "" && w.accepts(call, n.Lhs, body) {
					fw = netTCP
				}
				if fw != "" {
					w.addSplit(Span{call.End(), body.Rbrace}, fw, body, w.errOf(n.Lhs))
					return false
				}
			}
		case *ast.CallExpr:
			if fw := w.receiveCall(n); fw != "" && body != nil {
				w.add(Span{n.End(), body.Rbrace}, fw)
			}
		case *ast.UnaryExpr:
			if fw := w.messageChan(n.X); n.Op == token.ARROW && fw != "" && body != nil {
				w.add(Span{n.End(), body.Rbrace}, fw)
			}
		}
		return true
	})
}

func (w *loopWalker) add(s Span, framework string) {
	w.found = append(w.found, loop{fn: w.fn, span: s, framework: framework})
}

// errOf returns the variable an assignment gives the error result of a
// receive, or nil.
func (w *loopWalker) errOf(lhs []ast.Expr) types.Object {
	id, ok := lhs[len(lhs)-1].(*ast.Ident)
	if !ok || len(lhs) < 2 {
		return nil
	}
	if obj := w.info.ObjectOf(id); obj != nil && types.Identical(obj.Type(), types.Universe.Lookup("error").Type()) {
		return obj
	}
	return nil
}

// addSplit adds the span s of a loop body less the bodies of the if
// statements in it that test err != nil: what runs when no message came.
func (w *loopWalker) addSplit(s Span, framework string, body *ast.BlockStmt, err types.Object) {
	if err == nil {
		w.add(s, framework)
		return
	}
	from := s.From
	ast.Inspect(body, func(n ast.Node) bool {
		ifs, ok := n.(*ast.IfStmt)
		if !ok || ifs.Body.Lbrace < from || !w.failed(ifs.Cond, err) {
			return true
		}
		if from < ifs.Body.Lbrace {
			w.add(Span{from, ifs.Body.Lbrace}, framework)
		}
		from = ifs.Body.Rbrace
		return false
	})
	if from < s.To {
		w.add(Span{from, s.To}, framework)
	}
}

// failed reports whether cond is err != nil.
func (w *loopWalker) failed(cond ast.Expr, err types.Object) bool {
	bin, ok := cond.(*ast.BinaryExpr)
	if !ok || bin.Op != token.NEQ {
		return false
	}
	for _, pair := range [][2]ast.Expr{{bin.X, bin.Y}, {bin.Y, bin.X}} {
		id, ok := pair[0].(*ast.Ident)
		if ok && w.info.ObjectOf(id) == err && w.info.Types[pair[1]].IsNil() {
			return true
		}
	}
	return false
}

// receiveCall returns the framework of a call that receives one message.
func (w *loopWalker) receiveCall(call *ast.CallExpr) string {
	fn, ok := typeutil.Callee(w.info, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return ""
	}
	name := fn.Pkg().Path() + "." + fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		name = names.TypeName(recv.Type()) + "." + fn.Name()
	}
	if !knowledge.IsReceive(name) {
		return ""
	}
	return knowledge.FrameworkOf(name)
}

// netTCP is the framework of accept loops (knowledge's netTCP).
const netTCP = "net"

// accepts reports whether call, in a loop body, accepts a connection
// by its shape, whatever its name and library: a method taking nothing
// (or a context) that returns a connection to a peer (typeshape.PeerConn),
// with an error or not, that the body hands to a goroutine of its own
// (conn, err := s.engine.Accept(); go s.serveConn(conn)), as a server
// does each client. A client that reconnects in a loop serves the
// connection inline.
func (w *loopWalker) accepts(call *ast.CallExpr, lhs []ast.Expr, body *ast.BlockStmt) bool {
	fn, ok := typeutil.Callee(w.info, call).(*types.Func)
	if !ok || fn.Signature().Recv() == nil {
		return false
	}
	sig := fn.Signature()
	if sig.Params().Len() > 1 || sig.Params().Len() == 1 && names.TypeName(sig.Params().At(0).Type()) != "context.Context" {
		return false
	}
	if sig.Results().Len() == 0 || sig.Results().Len() > 2 || !typeshape.PeerConn(sig.Results().At(0).Type()) {
		return false
	}
	id, ok := lhs[0].(*ast.Ident)
	if !ok {
		return false
	}
	conn := w.info.ObjectOf(id)
	if conn == nil {
		return false
	}
	handed := false
	ast.Inspect(body, func(n ast.Node) bool {
		g, ok := n.(*ast.GoStmt)
		if !ok || handed {
			return !handed
		}
		ast.Inspect(g.Call, func(n ast.Node) bool {
			if a, ok := n.(*ast.Ident); ok && w.info.ObjectOf(a) == conn {
				handed = true // an argument, or captured by the literal
			}
			return !handed
		})
		return true
	})
	return handed
}

// messageChan returns the framework of a channel of messages.
func (w *loopWalker) messageChan(x ast.Expr) string {
	ch, ok := types.Unalias(w.info.TypeOf(x)).(*types.Chan)
	if !ok {
		return ""
	}
	name := names.TypeName(ch.Elem())
	if !knowledge.IsMessageType(name) {
		return ""
	}
	return knowledge.FrameworkOf(name)
}

// Covers reports whether pos is on the entry's request path: anywhere in
// a handler, within a consumer's message loops.
func (e *Entry) Covers(pos token.Pos) bool {
	if len(e.Loops) == 0 {
		return true
	}
	for _, s := range e.Loops {
		if s.From <= pos && pos <= s.To {
			return true
		}
	}
	return false
}

// Seeds returns the functions that run on the entry's request path from
// its own body: the entry itself, or for a consumer loop, the functions
// its loops call and the literals they make.
func (e *Entry) Seeds() []*ssa.Function {
	if len(e.Loops) == 0 {
		return []*ssa.Function{e.Fn}
	}
	var out []*ssa.Function
	for _, b := range e.Fn.Blocks {
		for _, instr := range b.Instrs {
			if !e.Covers(instr.Pos()) {
				continue
			}
			switch instr := instr.(type) {
			case ssa.CallInstruction:
				if g := instr.Common().StaticCallee(); g != nil {
					out = append(out, g)
				}
			case *ssa.MakeClosure:
				out = append(out, instr.Fn.(*ssa.Function))
			}
		}
	}
	return out
}

func isTestFile(fset *token.FileSet, pos token.Pos) bool {
	return strings.HasSuffix(fset.Position(pos).Filename, "_test.go")
}

// inTestFile reports whether fn is declared in a _test.go file.
func inTestFile(fn *ssa.Function) bool { return isTestFile(fn.Prog.Fset, fn.Pos()) }
