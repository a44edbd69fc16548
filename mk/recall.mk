# Recall on labelled public modules (included by the top-level Makefile).
#
#   make recall    fetch the modules labelled in testdata/recall/labels, vet
#                  them with statelint, and print recall, precision and kind
#                  agreement per module, check and kind, with every miss and
#                  every unmatched finding
#
# Needs the module proxy and a few minutes; `make test` does not run it.
# Scratch space is $(STATELINT_RECALL_SCRATCH), default /tmp/statelint-recall.

.PHONY: recall

recall:
	scripts/recall/run.sh
