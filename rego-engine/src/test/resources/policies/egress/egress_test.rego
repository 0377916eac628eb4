package polder.egress_test

import data.polder.egress

base := {
	"backend": {"provider": "openai", "ip": "52.1.2.3"},
	"principal": {"id": "svc-chat", "team": "support", "roles": ["user"], "env": "prod"},
	"request": {"model": "gpt-4o", "max_tokens": 512},
	"findings": [{"type": "EMAIL", "score": 0.3}],
	"classification": {"level": "internal"},
}

test_external_call_allowed if {
	egress.allow with input as base
	egress.egress with input as base
}

test_blocked_findings_deny_external if {
	inp := object.union(base, {"findings": [{"type": "IBAN", "score": 0.99}]})
	not egress.allow with input as inp
	"blocked entity types found" in egress.deny with input as inp
}

test_internal_backend_keeps_sensitive_data if {
	inp := object.union(base, {
		"backend": {"provider": "vllm", "ip": "10.1.2.3"},
		"classification": {"level": "restricted"},
	})
	egress.allow with input as inp
	egress.log_mode == "metadata" with input as inp
}

test_token_cap if {
	inp := object.union(base, {"request": {"model": "gpt-4o", "max_tokens": 100000}})
	egress.deny == {"token cap exceeded"} with input as inp
}
