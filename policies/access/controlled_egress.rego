# Controlled egress: below confidential a request may use an external backend, with its PII
# pseudonymized before it leaves and restored in the answer. Secrets always block.
package polder.access

controlled_egress if data.polder.settings.pattern == "controlled-egress"

secret_found if {
	some type, _ in input.findings.by_type
	type in data.polder.settings.secret_types
}

pii_found if {
	some type, _ in input.findings.by_type
	not type in data.polder.settings.secret_types
}

# METADATA
# title: secret
# description: The request contains a secret (key, token or password); secrets are never sent to any model.
deny contains "secret" if {
	controlled_egress
	secret_found
}

allow if {
	controlled_egress
	attributable
}

# METADATA
# title: egress below confidential
# description: Requests classified public or internal may go to an external backend.
egress if {
	controlled_egress
	input.classification.level in {"public", "internal"}
}

obligations contains "pseudonymize-pii" if {
	egress
	pii_found
}

# The redact rules pseudonymize PII for internal backends too, so the caller gets the originals
# back whichever backend answers.
obligations contains "restore-pseudonyms" if {
	controlled_egress
	pii_found
}
