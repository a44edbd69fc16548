package singlereplica

import (
	"go/token"
	"go/types"
	"slices"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/checkutil"
	"github.com/statelint/statelint/passes/internal/extio"
	"github.com/statelint/statelint/passes/internal/names"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// schedules reports the scheduler calls and ticker loops of fn whose job
// has an effect outside the process that every replica repeats.
func (c *checker) schedules(fn *ssa.Function) {
	loop := false // one finding per loop function
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch x := in.(type) {
			case ssa.CallInstruction:
				c.scheduleCall(x)
				if call, ok := x.(*ssa.Call); ok && !loop && slices.Contains(knowledge.SleepFuncs, names.Callee(&call.Call)) {
					if body := sleepLoop(call.Block()); body != nil {
						loop = true
						c.loopBody(fn, body, call.Pos(), "sleep loop in ")
					}
				}
			case *ssa.UnOp:
				if !loop && x.Op == token.ARROW && tickerChan(x.X) {
					loop = true
					c.tickerLoop(fn, x, x.Pos())
				}
			case *ssa.Select:
				if !loop && slices.ContainsFunc(x.States, func(s *ssa.SelectState) bool { return tickerChan(s.Chan) }) {
					loop = true
					c.tickerLoop(fn, x, x.Pos())
				}
			}
		}
	}
}

// scheduleCall reports a call of a scheduler (cron's AddFunc, gocron)
// whose job writes or sends outside.
func (c *checker) scheduleCall(call ssa.CallInstruction) {
	cm := call.Common()
	row, ok := c.schedulerOf(cm)
	if !ok {
		return
	}
	args := names.Args(cm)
	if row.Job >= len(args) {
		return
	}
	job := jobFunc(args[row.Job])
	if job == nil {
		return
	}
	sum := c.io.Of(job)
	if sum.Has(extio.Leader) || sum.Has(extio.Guard) {
		return // one replica is elected, or each claims its rows (FOR UPDATE SKIP LOCKED)
	}
	if row.Stop != "" && stopsItself(call, row.Stop) {
		return // a poll for one task, which its job ends
	}
	what := row.Form + " job " + c.display(job) + " scheduled with " + names.Display(cm)
	ef, ok := repeated(sum.Effects)
	if !ok {
		c.pend(what, call.Pos(), sum.Open)
		return
	}
	if c.ownDatabase(job, ef) {
		return
	}
	msg := what + " runs on every replica and " + verb(ef)
	c.report(knowledge.Schedule, checkutil.Record{
		State: checkutil.PosKey(c.pass, "schedule", call.Pos()), Name: c.display(job), Pos: call.Pos(),
		Access: checkutil.Schedules, Message: msg, Related: []analysis.RelatedInformation{
			{Pos: job.Pos(), Message: c.display(job) + " " + verb(ef) + ": " + chain(ef)},
		}})
}

// stopsItself reports whether the handle a schedule call returns is kept
// in a variable that a closure made beside the job stops: the job ends
// its own schedule once its task is done (readyPollTimer.Stop() when
// the export it polls for is ready).
func stopsItself(call ssa.CallInstruction, stop string) bool {
	v := call.Value()
	if v == nil {
		return false
	}
	var handles []ssa.Value
	if _, ok := v.Type().(*types.Tuple); ok {
		for _, r := range *v.Referrers() {
			if ex, ok := r.(*ssa.Extract); ok && ex.Index == 0 {
				handles = append(handles, ex)
			}
		}
	} else {
		handles = append(handles, v)
	}
	for _, h := range handles {
		for _, r := range *h.Referrers() {
			st, ok := r.(*ssa.Store)
			if !ok || st.Val != h {
				continue
			}
			cell, ok := st.Addr.(*ssa.Alloc)
			if ok && stoppedInClosure(cell, stop) {
				return true
			}
		}
	}
	return false
}

// stoppedInClosure reports whether a closure that captures cell calls
// the stop method on what it holds.
func stoppedInClosure(cell *ssa.Alloc, stop string) bool {
	for _, r := range *cell.Referrers() {
		mc, ok := r.(*ssa.MakeClosure)
		if !ok {
			continue
		}
		fn := mc.Fn.(*ssa.Function)
		for i, b := range mc.Bindings {
			if b != cell || i >= len(fn.FreeVars) {
				continue
			}
			for _, fr := range *fn.FreeVars[i].Referrers() {
				ld, ok := fr.(*ssa.UnOp)
				if !ok || ld.Op != token.MUL {
					continue
				}
				for _, lr := range *ld.Referrers() {
					if c, ok := lr.(ssa.CallInstruction); ok && c.Common().Method == nil {
						if g := c.Common().StaticCallee(); g != nil && g.Name() == stop && len(c.Common().Args) > 0 && c.Common().Args[0] == ld {
							return true
						}
					}
				}
			}
		}
	}
	return false
}

// jobFunc resolves the function a scheduler runs: a function or closure,
// a method value, a func converted to an interface, or the Run method of
// a Job value.
func jobFunc(v ssa.Value) *ssa.Function {
	switch x := v.(type) {
	case *ssa.Function:
		return declared(x)
	case *ssa.MakeClosure:
		return declared(x.Fn.(*ssa.Function))
	case *ssa.ChangeType:
		return jobFunc(x.X)
	case *ssa.Convert:
		return jobFunc(x.X)
	case *ssa.MakeInterface:
		if _, ok := x.X.Type().Underlying().(*types.Signature); ok {
			return jobFunc(x.X)
		}
		prog := x.Parent().Prog
		sel := prog.MethodSets.MethodSet(x.X.Type()).Lookup(nil, "Run")
		if sel == nil {
			return nil
		}
		return prog.MethodValue(sel)
	}
	return nil
}

// declared maps a method value's wrapper ($bound) to the method.
func declared(fn *ssa.Function) *ssa.Function {
	if fn.Synthetic != "" {
		if obj, ok := fn.Object().(*types.Func); ok {
			if g := fn.Prog.FuncValue(obj); g != nil {
				return g
			}
		}
	}
	return fn
}

// tickerChan reports whether ch is the channel of a ticker: the C field
// of a time.Ticker, or what time.Tick returns.
func tickerChan(ch ssa.Value) bool {
	switch x := ch.(type) {
	case *ssa.UnOp:
		if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL {
			return slices.Contains(knowledge.TickerTypes, names.TypeName(fa.X.Type())) && fieldName(fa.X.Type(), fa.Field) == "C"
		}
	case *ssa.Call:
		name := names.Callee(&x.Call)
		return slices.Contains(knowledge.TickFuncs, name) ||
			slices.Contains(knowledge.AfterFuncs, name) && inCycle(x.Block())
	}
	return false
}

// inCycle reports whether b is in a loop: a time.After made there fires
// once per iteration, which is a schedule; made once, it is a delay.
func inCycle(b *ssa.BasicBlock) bool {
	for _, s := range b.Succs {
		if slices.Contains(reachable(s), b) {
			return true
		}
	}
	return false
}

// tickerLoop reports a loop on a ticker whose body, the code that runs
// because the ticker fired, writes or sends outside.
func (c *checker) tickerLoop(fn *ssa.Function, recv ssa.Instruction, pos token.Pos) {
	c.loopBody(fn, tickerBody(recv), pos, "ticker loop in ")
}

// loopBody reports the blocks of a scheduled loop if they write or send
// outside and nothing elects a replica or claims rows first.
func (c *checker) loopBody(fn *ssa.Function, body []*ssa.BasicBlock, pos token.Pos, what string) {
	var effects []extio.Effect
	var sites []extio.Site
	effectsOf := c.io.CallEffects(fn)
	var siteEffects [][]extio.Effect
	var open []extio.OpenCall
	for _, b := range body {
		for _, in := range b.Instrs {
			if send, ok := in.(*ssa.Send); ok {
				// work handed to the goroutines that receive it
				if effs := c.io.SendEffects(fn, send.Chan); len(effs) > 0 {
					sites = append(sites, extio.Site{Pos: send.Pos()})
					siteEffects = append(siteEffects, effs)
					effects = append(effects, effs...)
				}
				continue
			}
			call, ok := in.(ssa.CallInstruction)
			if !ok {
				continue
			}
			open = append(open, c.io.OpenAt(fn, call)...)
			if s, effs, ok := effectsOf(call); ok {
				sites = append(sites, s)
				siteEffects = append(siteEffects, effs)
				effects = append(effects, effs...)
			}
		}
	}
	if slices.ContainsFunc(effects, func(e extio.Effect) bool { return e.Op == extio.Leader || e.Op == extio.Guard }) {
		return // one replica is elected, or each claims its rows (FOR UPDATE SKIP LOCKED)
	}
	ef, ok := repeated(effects)
	if !ok {
		c.pend(what+c.display(fn), pos, open)
		return
	}
	if c.ownDatabase(fn, ef) {
		return
	}
	var at token.Pos
	for i, s := range sites {
		if slices.ContainsFunc(siteEffects[i], func(e extio.Effect) bool { return e.Op == ef.Op && e.Store == ef.Store }) {
			at = s.Position()
			break
		}
	}
	msg := what + c.display(fn) + " runs on every replica and " + verb(ef)
	c.report(knowledge.Schedule, checkutil.Record{
		State: checkutil.PosKey(c.pass, "schedule", pos), Name: c.display(fn), Pos: pos,
		Access: checkutil.Schedules, Message: msg,
		Related: []analysis.RelatedInformation{{Pos: at, Message: verb(ef) + ": " + chain(ef)}},
	})
}

// tickerBody are the blocks that run because the ticker fired: those
// dominated by the receive, or by the ticker's case of a select. The
// other cases of a select (a batcher's "case item := <-queue") are work
// that came to this replica, not scheduled work.
func tickerBody(recv ssa.Instruction) []*ssa.BasicBlock {
	start := recv.Block()
	if sel, ok := recv.(*ssa.Select); ok {
		if slices.ContainsFunc(sel.States, dataCase) {
			return nil // a batcher: the ticker flushes what this replica was sent
		}
		start = caseBody(sel)
		if start == nil {
			return nil
		}
	} else if u, ok := recv.(*ssa.UnOp); ok && u.CommaOk {
		// for range t.C: the body is where ok is true.
		if ifs, ok := start.Instrs[len(start.Instrs)-1].(*ssa.If); ok && len(start.Succs) == 2 && usesRecv(ifs, u) {
			start = start.Succs[0]
		}
	}
	var out []*ssa.BasicBlock
	for _, b := range start.Parent().Blocks {
		if start.Dominates(b) {
			out = append(out, b)
		}
	}
	return out
}

// sleepLoop returns the cycle through b if it is a loop that runs until
// the process stops: it leaves the cycle only where it checks a channel
// or a context (a select on ctx.Done(), ctx.Err()). A retry loop, which
// leaves when its attempts run out or one succeeds, is not scheduled work.
func sleepLoop(b *ssa.BasicBlock) []*ssa.BasicBlock {
	from := map[*ssa.BasicBlock]bool{}
	for _, x := range reachable(b) {
		from[x] = true
	}
	var cycle []*ssa.BasicBlock
	for _, x := range b.Parent().Blocks {
		if from[x] && slices.Contains(reachable(x), b) {
			cycle = append(cycle, x)
		}
	}
	if len(cycle) == 0 {
		return nil
	}
	for _, x := range cycle {
		for _, s := range x.Succs {
			if !slices.Contains(cycle, s) && !checksStop(x) {
				return nil
			}
		}
	}
	return cycle
}

// checksStop reports whether a block receives from a channel or asks a
// context whether to stop.
func checksStop(b *ssa.BasicBlock) bool {
	for _, in := range b.Instrs {
		switch x := in.(type) {
		case *ssa.Select:
			return true
		case *ssa.UnOp:
			if x.Op == token.ARROW {
				return true
			}
		case ssa.CallInstruction:
			if names.Callee(x.Common()) == "context.Context.Err" {
				return true
			}
		}
	}
	return false
}

// reachable are the blocks reachable from b, b first.
func reachable(b *ssa.BasicBlock) []*ssa.BasicBlock {
	seen := map[*ssa.BasicBlock]bool{b: true}
	out := []*ssa.BasicBlock{b}
	for i := 0; i < len(out); i++ {
		for _, s := range out[i].Succs {
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}

// dataCase reports whether a select case receives data to work on, as
// opposed to a signal (ctx.Done(), a quit channel, another timer).
func dataCase(s *ssa.SelectState) bool {
	if s.Dir != types.RecvOnly || tickerChan(s.Chan) {
		return false
	}
	ch, ok := s.Chan.Type().Underlying().(*types.Chan)
	if !ok {
		return false
	}
	switch e := ch.Elem().Underlying().(type) {
	case *types.Struct:
		return e.NumFields() > 0
	case *types.Basic:
		return e.Kind() != types.Bool
	case *types.Interface:
		return !slices.Contains([]string{"os.Signal", "error"}, names.TypeName(ch.Elem()))
	}
	return names.TypeName(ch.Elem()) != "time.Time"
}

// usesRecv reports whether the branch tests the ok of a receive.
func usesRecv(ifs *ssa.If, u *ssa.UnOp) bool {
	ex, ok := ifs.Cond.(*ssa.Extract)
	return ok && ex.Tuple == u && ex.Index == 1
}

// caseBody finds the block a select runs when its ticker case fires:
// the true branch of "index == k".
func caseBody(sel *ssa.Select) *ssa.BasicBlock {
	k := slices.IndexFunc(sel.States, func(s *ssa.SelectState) bool { return tickerChan(s.Chan) })
	for _, r := range *sel.Referrers() {
		ex, ok := r.(*ssa.Extract)
		if !ok || ex.Index != 0 {
			continue
		}
		for _, r2 := range *ex.Referrers() {
			eq, ok := r2.(*ssa.BinOp)
			if !ok || eq.Op != token.EQL {
				continue
			}
			if c, ok := eq.Y.(*ssa.Const); !ok || c.Int64() != int64(k) {
				continue
			}
			for _, r3 := range *eq.Referrers() {
				if ifs, ok := r3.(*ssa.If); ok {
					return ifs.Block().Succs[0]
				}
			}
		}
	}
	return nil
}

// repeated picks the effect that N replicas repeat N times that is the
// surest evidence: an email or a message sent, then a write of a
// database or Redis that is neither idempotent nor checked by the store,
// then a request to an HTTP API, whose method may be a probe's. Local
// files are this replica's own, and fswrite's concern.
func repeated(effects []extio.Effect) (extio.Effect, bool) {
	best, rank := extio.Effect{}, 0
	for _, e := range effects {
		if r := repeatRank(e); r > rank {
			best, rank = e, r
		}
	}
	return best, rank > 0
}

func repeatRank(e extio.Effect) int {
	switch {
	case e.Store == knowledge.StoreFile || e.Flush:
		return 0 // this replica's own file, or a flush of what its requests buffered
	case e.Op == extio.Send && (e.Store == knowledge.StoreMail || e.Store == knowledge.StoreQueue):
		return 3
	case e.Store == knowledge.StoreHTTP:
		if e.Op == extio.Send || e.Op == extio.RMW {
			return 1
		}
	case (e.Op == extio.Write || e.Op == extio.RMW) && !e.Idempotent && !e.Enforced:
		return 2
	}
	return 0
}

func verb(e extio.Effect) string {
	switch {
	case e.Store == knowledge.StoreMail:
		return "sends email"
	case e.Op == extio.Send || e.Store == knowledge.StoreHTTP:
		return "sends to " + storeName(e.Store) // a request, whatever the API does with it
	}
	return "writes " + storeName(e.Store)
}
