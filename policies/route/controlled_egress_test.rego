package polder.route_test.controlled_egress

import data.polder.route

candidates := [
	{"name": "vllm-local", "location": "internal"},
	{"name": "openai", "location": "external"},
]

test_internal_level_may_go_out if {
	route.allowed == {"vllm-local", "openai"} with input as {"candidates": candidates, "classification": {"level": "internal"}} with data.polder.settings.pattern as "controlled-egress"
}

test_confidential_stays_in if {
	route.allowed == {"vllm-local"} with input as {"candidates": candidates, "classification": {"level": "confidential"}} with data.polder.settings.pattern as "controlled-egress"
}

test_internal_preferred if {
	route.preference == ["vllm-local"] with input as {"candidates": candidates, "classification": {"level": "public"}} with data.polder.settings.pattern as "controlled-egress"
}
