/*
Package suppress defines an Analyzer that reports //statelint: directives
that are malformed, unrecognised or silence nothing.

# Analyzer suppress

suppress: report //statelint: directives that are malformed, unrecognised or silence nothing

A suppression is a claim that a piece of state is acceptable, and the
reason is what a reviewer reads. statelint knows two directives:

	//statelint:ignore [CHECK[,CHECK]] REASON
	//statelint:file-ignore CHECK[,CHECK] REASON

The first silences the finding on its line or the line below, or every
finding on the state whose declaration it is on; naming checks limits it
to their findings. The second silences the findings of its checks in the
whole file.

A directive without a reason silences nothing and is reported, as is a
file-ignore that names no check. A directive that no longer silences any
finding (the state was removed or externalised) is reported too, so
suppressions do not outlive their cause. A directive on the declaration
of an exported variable or field is kept, since packages that import it
may write it. A comment that looks like a directive but is none, such as
// statelint:ignore (with a space), //statelint:ignored or
//statelint:disable, is reported rather than silently ignored: it
suppresses nothing.

	var hits int //statelint:ignore

is reported; write the reason:

	var hits int //statelint:ignore debug counter, per replica by design
*/
package suppress
