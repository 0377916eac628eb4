# Controlled egress: any entity type without its own row in rules/redact/controlled-egress.csv is
# pseudonymized (and restored in the answer) before it can leave.
package polder.redact

actions["*"] := "pseudonymize" if data.polder.settings.pattern == "controlled-egress"
