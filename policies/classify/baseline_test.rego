package polder.classify_test

import data.polder.classify

test_baseline_is_internal if {
	classify.level == "internal" with input as {"principal": {"id": "svc-a"}}
}

test_unattributed_is_labelled if {
	"unattributed" in classify.labels with input as {"principal": {"id": ""}}
}

test_attributed_has_no_label if {
	count(classify.labels) == 0 with input as {"principal": {"id": "svc-a"}}
}
