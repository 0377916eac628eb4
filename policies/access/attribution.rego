# Both patterns: every request must be attributable, so every audit record names who sent it.
package polder.access

# METADATA
# title: unattributed
# description: The request is not attributable to a known service or user, and every request must be.
deny contains "unattributed" if not attributable

attributable if {
	input.principal.id != ""
	input.principal.kind in {"service", "user"}
}
