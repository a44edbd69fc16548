/*
Package suppress defines an Analyzer that reports //statelint:ignore
directives that are malformed or silence nothing.

# Analyzer suppress

suppress: report //statelint:ignore directives without a reason or without a finding to silence

A suppression is a claim that a piece of state is acceptable, and the
reason is what a reviewer reads. A directive without a reason silences
nothing and is reported. A directive that no longer silences any finding
(the state was removed or externalised) is reported too, so suppressions
do not outlive their cause. A directive on the declaration of an exported
variable or field is kept, since packages that import it may write it.

	var hits int //statelint:ignore

is reported; write the reason:

	var hits int //statelint:ignore debug counter, per replica by design
*/
package suppress
