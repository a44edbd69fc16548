// Package names names types and functions the way statelint's knowledge
// tables do, so that every pass matches calls against the tables alike.
package names

import (
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// TypeName names a type by package path and name, without pointers or type
// arguments: "sync.Map", "github.com/gin-gonic/gin.Context". It returns ""
// for unnamed types.
func TypeName(t types.Type) string {
	t = types.Unalias(t)
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

// Callee names the called function: "os.WriteFile", "sync.Map.Store", or
// for interface calls the interface's name and the method.
func Callee(c *ssa.CallCommon) string {
	if c.IsInvoke() {
		return TypeName(c.Value.Type()) + "." + c.Method.Name()
	}
	callee := c.StaticCallee()
	if callee == nil {
		return ""
	}
	if callee.Origin() != nil {
		callee = callee.Origin()
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok || obj.Pkg() == nil {
		return ""
	}
	if recv := obj.Signature().Recv(); recv != nil {
		return TypeName(recv.Type()) + "." + obj.Name()
	}
	return obj.Pkg().Path() + "." + obj.Name()
}

// Args returns a call's arguments with the receiver first, for static
// and interface calls alike.
func Args(c *ssa.CallCommon) []ssa.Value {
	if c.IsInvoke() {
		return append([]ssa.Value{c.Value}, c.Args...)
	}
	return c.Args
}

// ConstString returns the value of a string constant.
func ConstString(v ssa.Value) (string, bool) {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(c.Value), true
}

// Display names the called function as Go documentation does:
// "os.WriteFile", "(*gin.Context).SaveUploadedFile", "(fiber.Ctx).SaveFile"
// for an interface method.
func Display(c *ssa.CallCommon) string {
	if c.IsInvoke() {
		return "(" + shortType(c.Value.Type()) + ")." + c.Method.Name()
	}
	callee := c.StaticCallee()
	if callee == nil {
		return ""
	}
	if callee.Origin() != nil {
		callee = callee.Origin()
	}
	obj, ok := callee.Object().(*types.Func)
	if !ok || obj.Pkg() == nil {
		return callee.Name()
	}
	if recv := obj.Signature().Recv(); recv != nil {
		return "(" + shortType(recv.Type()) + ")." + obj.Name()
	}
	return obj.Pkg().Name() + "." + obj.Name()
}

// shortType writes a type with package names, without type arguments.
func shortType(t types.Type) string {
	s := types.TypeString(t, func(p *types.Package) string { return p.Name() })
	if i := strings.Index(s, "["); i > 0 {
		s = s[:i]
	}
	return s
}
