package polder.access_test.attribution

import data.polder.access

test_service_is_attributable if {
	access.attributable with input as {"principal": {"id": "svc-a", "kind": "service"}}
}

test_anonymous_is_denied if {
	"unattributed" in access.deny with input as {"principal": {"id": "", "kind": "service"}}
}

test_unknown_kind_is_denied if {
	"unattributed" in access.deny with input as {"principal": {"id": "x", "kind": "robot"}}
}
