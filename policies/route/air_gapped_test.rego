package polder.route_test.air_gapped

import data.polder.route

candidates := [
	{"name": "vllm-local", "location": "internal"},
	{"name": "openai", "location": "external"},
]

test_only_internal if {
	route.allowed == {"vllm-local"} with input as {"candidates": candidates, "classification": {"level": "public"}} with data.polder.settings.pattern as "air-gapped"
}

test_no_internal_means_none if {
	count(route.allowed) == 0 with input as {"candidates": [{"name": "openai", "location": "external"}]} with data.polder.settings.pattern as "air-gapped"
}
