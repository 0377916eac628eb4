# An egress policy as a gateway would run it: may this request leave for this backend?
package polder.egress

# METADATA
# title: Internal networks
# description: Backends inside these ranges are internal.
internal_cidrs := ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8"]

approved_providers := {"openai", "azure-openai", "anthropic", "mistral"}

blocked_entity_types := {"IBAN", "CREDIT_CARD", "NATIONAL_ID", "PASSPORT"}

sensitive_levels := {"confidential", "restricted"}

default allow := false

default egress := false

backend := input.backend

principal := input.principal

internal_backend if {
	some cidr in internal_cidrs
	net.cidr_contains(cidr, backend.ip)
}

external_backend if not internal_backend

approved_backend if backend.provider in approved_providers

valid_model if regex.match(`^[a-z0-9][a-z0-9._-]{1,63}$`, input.request.model)

admin if "admin" in principal.roles

service_account if startswith(principal.id, "svc-")

production if principal.env == "prod"

has_blocked_findings if {
	some f in input.findings
	f.type in blocked_entity_types
}

all_findings_low_score if {
	every f in input.findings {
		f.score < 0.5
	}
}

sensitive if input.classification.level in sensitive_levels

team_allowed if principal.team in data.polder.teams_with_egress

within_token_cap if input.request.max_tokens <= data.polder.max_tokens[principal.team]

deny contains "model name is not valid" if not valid_model

deny contains "blocked entity types found" if {
	external_backend
	has_blocked_findings
}

deny contains "sensitive data may not leave" if {
	external_backend
	sensitive
}

deny contains "provider is not approved" if {
	external_backend
	not approved_backend
}

deny contains "team may not use external backends" if {
	external_backend
	not team_allowed
	not admin
}

deny contains "token cap exceeded" if not within_token_cap

allow if count(deny) == 0

egress if {
	allow
	external_backend
}

egress if {
	allow
	internal_backend
	all_findings_low_score
}

log_mode := "metadata" if sensitive

else := "redacted" if has_blocked_findings

else := "full"

obligations contains "redact-pii" if count(input.findings) > 0

obligations contains "audit-full" if production

obligations contains "notify-security" if {
	service_account
	has_blocked_findings
}

decision := {
	"allow": allow,
	"egress": egress,
	"deny": deny,
	"log_mode": log_mode,
	"obligations": obligations,
}
