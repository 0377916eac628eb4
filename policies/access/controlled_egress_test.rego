package polder.access_test.controlled_egress

import data.polder.access

principal := {"id": "svc-a", "kind": "service", "environment": "production"}

secrets := ["AWS_SECRET_KEY", "GITHUB_TOKEN"]

request(level, by_type) := {
	"principal": principal,
	"classification": {"level": level},
	"findings": {"by_type": by_type},
}

test_internal_may_leave if {
	access.egress with input as request("internal", {}) with data.polder.settings as {"pattern": "controlled-egress", "secret_types": secrets}
}

test_confidential_stays_inside if {
	not access.egress with input as request("confidential", {}) with data.polder.settings as {"pattern": "controlled-egress", "secret_types": secrets}
}

test_secret_is_denied if {
	"secret" in access.deny with input as request("restricted", {"GITHUB_TOKEN": {"count": 1, "max_score": 1}}) with data.polder.settings as {"pattern": "controlled-egress", "secret_types": secrets}
}

test_pii_leaving_is_pseudonymized_and_restored if {
	obligations := access.obligations with input as request("internal", {"EMAIL_ADDRESS": {"count": 1, "max_score": 0.4}}) with data.polder.settings as {"pattern": "controlled-egress", "secret_types": secrets}
	obligations == {"pseudonymize-pii", "restore-pseudonyms"}
}

test_allows_attributable if {
	access.allow with input as request("internal", {}) with data.polder.settings as {"pattern": "controlled-egress", "secret_types": secrets}
}

test_pii_kept_inside_is_restored_too if {
	obligations := access.obligations with input as request("confidential", {"PERSON": {"count": 1, "max_score": 0.9}}) with data.polder.settings as {"pattern": "controlled-egress", "secret_types": secrets}
	obligations == {"restore-pseudonyms"}
}
