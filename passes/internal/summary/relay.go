package summary

import (
	"go/token"
	"go/types"
	"slices"

	"github.com/statelint/statelint/passes/internal/ssautil"
	"golang.org/x/tools/go/ssa"
)

var errorType = types.Universe.Lookup("error").Type()

// maxRelaySteps bounds the forward walk from one received value.
const maxRelaySteps = 64

// broadcast reports whether a send on ch goes to every subscriber a
// registry holds, which reads the registry: a send to each one ranged
// over, or on a channel whose loop relays it to each.
func (a *summarizer) broadcast(ch ssa.Value) bool {
	return ranged(ch) || a.relays(ch)
}

// relays reports whether ch is a channel field whose values a loop of
// this package only relays to every subscriber it ranges over (a hub's
// Broadcast channel: case m := <-h.Broadcast: for c := range h.clients {
// c.send <- m }). A send on it is a broadcast, which reads the registry
// like a send to each subscriber does; it keeps nothing itself. A channel
// that any receiver of this package also stores, or uses otherwise, is
// not one.
func (a *summarizer) relays(ch ssa.Value) bool {
	_, f := chanField(ch)
	if f == nil {
		return false
	}
	if a.relayFields == nil {
		a.relayFields = map[*types.Var]bool{}
		kept := map[*types.Var]bool{}
		for _, fn := range a.funcs {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					for v, field := range receivedFrom(instr) {
						if relayed(v) == 1 {
							a.relayFields[field] = true
						} else {
							kept[field] = true
						}
					}
				}
			}
		}
		for f := range kept {
			delete(a.relayFields, f) // another receiver keeps it or does something else with it
		}
	}
	return a.relayFields[f]
}

// chanField is the field a channel is loaded from (h.broadcast, s.ops):
// its address in the owner, and the field; nil, nil for any other value.
func chanField(ch ssa.Value) (*ssa.FieldAddr, *types.Var) {
	load, ok := ch.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil, nil
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	if !ok {
		return nil, nil
	}
	return fa, ssautil.FieldOf(fa.X.Type(), fa.Field)
}

// receivedFrom yields the values instr receives from a channel held in a
// struct field, with that field.
func receivedFrom(instr ssa.Instruction) func(yield func(ssa.Value, *types.Var) bool) {
	return func(yield func(ssa.Value, *types.Var) bool) {
		switch instr := instr.(type) {
		case *ssa.UnOp:
			if instr.Op == token.ARROW {
				if _, f := chanField(instr.X); f != nil {
					yield(instr, f)
				}
			}
		case *ssa.Select:
			recvs := 0
			for _, st := range instr.States {
				if st.Dir != types.RecvOnly {
					continue
				}
				recvs++
				_, f := chanField(st.Chan)
				if f == nil {
					continue
				}
				// the tuple is (index, recvOk, the received values in order)
				for _, r := range *instr.Referrers() {
					if ex, ok := r.(*ssa.Extract); ok && ex.Index == 1+recvs {
						if !yield(ex, f) {
							return
						}
					}
				}
			}
		}
	}
}

// relayed follows a received value and what is computed from it: 1 when
// it reaches a send to each subscriber ranged over and is kept nowhere,
// -1 when it is stored, 0 otherwise.
func relayed(v ssa.Value) int {
	seen := map[ssa.Value]bool{}
	queue := []ssa.Value{v}
	sent := false
	for len(queue) > 0 && len(seen) < maxRelaySteps {
		x := queue[0]
		queue = queue[1:]
		if seen[x] {
			continue
		}
		seen[x] = true
		if types.Identical(x.Type(), errorType) {
			continue // an error about the message is not the message
		}
		for _, r := range *x.Referrers() {
			switch r := r.(type) {
			case *ssa.Send:
				if r.X == x && toEach(r.Chan) {
					sent = true
				} else if r.X == x {
					return 0
				}
			case *ssa.Select:
				for _, st := range r.States {
					if st.Dir == types.SendOnly && st.Send == x {
						if !toEach(st.Chan) {
							return 0
						}
						sent = true
					}
				}
			case *ssa.Store, *ssa.MapUpdate:
				return -1
			case *ssa.Call:
				if c := r.Common(); c.IsInvoke() || c.Signature().Recv() != nil {
					args := c.Args
					if !c.IsInvoke() {
						args = args[1:] // the receiver's own method
					}
					if slices.Contains(args, x) {
						return -1 // a method may keep it (str.Eventlog.Add(event))
					}
				}
				queue = append(queue, r)
			case *ssa.Extract, *ssa.MakeInterface, *ssa.ChangeType, *ssa.Convert, *ssa.Phi:
				queue = append(queue, r.(ssa.Value))
			}
		}
	}
	if sent {
		return 1
	}
	return 0
}

// toEach reports whether ch is a subscriber ranged over, or a channel
// field of one (for c := range h.clients { c.send <- m }).
func toEach(ch ssa.Value) bool {
	for range 4 {
		if ranged(ch) {
			return true
		}
		switch x := ch.(type) {
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return false
			}
			ch = x.X
		case *ssa.FieldAddr:
			ch = x.X
		case *ssa.Field:
			ch = x.X
		default:
			return false
		}
	}
	return false
}
