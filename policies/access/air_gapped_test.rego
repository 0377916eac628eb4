package polder.access_test.air_gapped

import data.polder.access

principal := {"id": "svc-a", "kind": "service"}

test_allows_attributable if {
	access.allow with input as {"principal": principal, "classification": {"level": "public"}} with data.polder.settings.pattern as "air-gapped"
}

test_never_egress if {
	not access.egress with input as {"principal": principal, "classification": {"level": "public"}} with data.polder.settings.pattern as "air-gapped"
}

test_unattributed_not_allowed if {
	not access.allow with input as {"principal": {"id": "", "kind": "service"}, "classification": {"level": "public"}} with data.polder.settings.pattern as "air-gapped"
}
